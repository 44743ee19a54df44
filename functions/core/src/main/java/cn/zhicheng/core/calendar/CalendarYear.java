package cn.zhicheng.core.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A calendar year and whether its official schedule is entered (published). Deadlines that fall in a year whose
 * schedule is not published yet are provisional. The revision changes with every edit, so cached calendars know
 * when to reload.
 */
@Entity
@Table(name = "calendar_year")
public class CalendarYear extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "calendar_year", nullable = false, unique = true)
    public int year;

    public String source;

    @Column(nullable = false)
    public boolean published;

    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<CalendarYear> findByYear(int year) {
        return find("year", year).firstResultOptional();
    }

    public static List<CalendarYear> listOrdered() {
        return list("order by year");
    }
}
