package cn.zhicheng.core.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One dated calendar entry: a public holiday or an adjusted working day (R32). One entry per date at most. */
@Entity
@Table(name = "calendar_entry")
public class CalendarEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Column named calendar_date: DAY is reserved in H2, the embedded default. */
    @Column(name = "calendar_date", nullable = false, unique = true)
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DayKind kind;

    @Column(nullable = false)
    public String name;

    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<CalendarEntry> findByDay(LocalDate day) {
        return find("day", day).firstResultOptional();
    }

    public static List<CalendarEntry> listInYear(int year) {
        return list("day >= ?1 and day <= ?2 order by day", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static long deleteInYear(int year) {
        return delete("day >= ?1 and day <= ?2", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public CalendarDay toDay() {
        return new CalendarDay(day, kind, name);
    }
}
