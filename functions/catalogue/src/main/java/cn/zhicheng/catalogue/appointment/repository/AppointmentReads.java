package cn.zhicheng.catalogue.appointment.repository;

import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.catalogue.FilingState;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.series.TitleLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bulk reads an upload of appointment records needs before it checks a single row: one query per slice of ID
 * numbers, not one per row, so a sheet of thousands of rows costs a handful of round trips.
 */
@ApplicationScoped
public class AppointmentReads {

    /** ID numbers per query, well under PostgreSQL's limit of bind parameters. */
    static final int SLICE = 1_000;

    /** The natural key of a recorded appointment, by the person's ID number. */
    public record RecordedKey(String idNumber, UUID seriesId, TitleLevel level, LocalDate appointedOn) {
    }

    /** An ID number as stored: trimmed, with a lower-case check character x upper-cased. */
    public static String normalisedIdNumber(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    public Map<String, Person> personsByIdNumber(List<String> idNumbers) {
        Map<String, Person> persons = new HashMap<>();
        for (List<String> slice : slices(idNumbers)) {
            Person.<Person>list("idNumber in ?1", slice).forEach(p -> persons.put(p.idNumber, p));
        }
        return persons;
    }

    /** The unit's appointments not withdrawn, of the persons with these ID numbers, by natural key. */
    public Map<RecordedKey, UUID> recordedKeys(UUID unitId, List<String> idNumbers) {
        Map<RecordedKey, UUID> keys = new HashMap<>();
        for (List<String> slice : slices(idNumbers)) {
            Person.getEntityManager().createQuery("select p.idNumber, a.seriesId, a.level, a.appointedOn, a.id "
                    + "from Appointment a, Person p where p.id = a.personId and a.unitId = ?1 and a.state <> ?2 "
                    + "and p.idNumber in ?3", Object[].class)
                    .setParameter(1, unitId).setParameter(2, AppointmentState.WITHDRAWN).setParameter(3, slice)
                    .getResultStream().forEach(r -> keys.put(new RecordedKey((String) r[0], (UUID) r[1],
                            (TitleLevel) r[2], (LocalDate) r[3]), (UUID) r[4]));
        }
        return keys;
    }

    /** The unit's filings that were in force at some time (approved, expired or renewed), by series. */
    public Map<UUID, List<SeriesFiling>> filingsEverApproved(UUID unitId) {
        List<SeriesFiling> filings = SeriesFiling.list("unitId = ?1 and state in ?2 and validFrom is not null "
                + "order by validFrom", unitId, List.of(FilingState.APPROVED, FilingState.EXPIRED, FilingState.RENEWED));
        return filings.stream().collect(Collectors.groupingBy(f -> f.seriesId));
    }

    private static <T> List<List<T>> slices(List<T> all) {
        List<List<T>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            slices.add(all.subList(from, Math.min(all.size(), from + SLICE)));
        }
        return slices;
    }
}
