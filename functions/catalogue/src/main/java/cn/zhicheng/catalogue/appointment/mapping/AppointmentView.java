package cn.zhicheng.catalogue.appointment.mapping;

import cn.zhicheng.core.appointment.Appointment;
import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.appointment.HoldReason;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An appointment record as the unit sees it (R25, R26); never the full ID number. */
public record AppointmentView(UUID id, String name, String idNumberMasked, Sex sex, UUID seriesId, String seriesName,
        String specialty, String practisedSpecialty, TitleLevel level, String post, LocalDate appointedOn,
        LocalDate termStartsOn, LocalDate termEndsOn, String committeeName, String publicationNumber,
        LocalDate reportedOn, String reportReference, AppointmentState state, boolean backfill, LocalDate uploadedOn,
        boolean uploadedLate, LocalDate reportDue, LocalDate uploadDue, LocalDate releaseOn, HoldReason holdReason,
        boolean hasPhoto, UUID certificateId, String certificateNumber, Instant releasedAt, String withdrawnReason,
        UUID uploadId, Integer uploadRow, long version) {

    /** The views of a page of records, with what they show from other tables read once for the page. */
    public static List<AppointmentView> of(List<Appointment> appointments) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = appointments.stream().map(a -> a.id).toList();
        Map<UUID, String> idNumbers = Person.<Person>list("id in ?1", appointments.stream().map(a -> a.personId)
                .distinct().toList()).stream().collect(Collectors.toMap(p -> p.id, p -> p.idNumber));
        Map<UUID, String> series = Series.<Series>listAll().stream().collect(Collectors.toMap(s -> s.id, s -> s.nameZh));
        Map<UUID, Map<DeadlineKind, LocalDate>> due = new HashMap<>();
        Deadline.<Deadline>list("subjectId in ?1", ids).forEach(d -> due.computeIfAbsent(d.subjectId,
                k -> new HashMap<>()).put(d.kind, d.dueDate));
        List<UUID> certificateIds = appointments.stream().map(a -> a.certificateId).filter(c -> c != null).toList();
        Map<UUID, String> numbers = certificateIds.isEmpty() ? Map.of()
                : Certificate.<Certificate>list("id in ?1", certificateIds).stream()
                        .collect(Collectors.toMap(c -> c.id, c -> c.number));
        return appointments.stream().map(a -> of(a, IdNumber.mask(idNumbers.get(a.personId)), series.get(a.seriesId),
                due.getOrDefault(a.id, Map.of()), numbers::get)).toList();
    }

    public static AppointmentView of(Appointment a) {
        return of(List.of(a)).get(0);
    }

    private static AppointmentView of(Appointment a, String masked, String seriesName, Map<DeadlineKind, LocalDate> due,
            Function<UUID, String> number) {
        LocalDate uploadDue = due.get(DeadlineKind.APPOINTMENT_UPLOAD);
        return new AppointmentView(a.id, a.holderName, masked, a.sex, a.seriesId, seriesName, a.specialty,
                a.practisedSpecialty, a.level, a.post, a.appointedOn, a.termStartsOn, a.termEndsOn, a.committeeName,
                a.publicationNumber, a.reportedOn, a.reportReference, a.state, a.backfill, a.uploadedOn,
                uploadDue != null && a.uploadedOn.isAfter(uploadDue), due.get(DeadlineKind.APPOINTMENT_REPORT),
                uploadDue, due.get(DeadlineKind.CERTIFICATE_RELEASE), a.holdReason, a.photoKey != null,
                a.certificateId, a.certificateId == null ? null : number.apply(a.certificateId), a.releasedAt,
                a.withdrawnReason, a.uploadId, a.uploadRow, a.version);
    }
}
