package cn.zhicheng.core.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.UUID;

/** R22: the date filings are due in a year, when the HR bureau set one other than the end of April. */
@Entity
@Table(name = "filing_due_date")
public class FilingDueDate extends PanacheEntityBase {

    @Id
    @Column(name = "filing_year", nullable = false)
    public Integer filingYear;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column
    public String note;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The year's due date: the one set for it, else the configured default day (the end of April). */
    public static LocalDate dueOn(int year, MonthDay defaultDay) {
        FilingDueDate set = findById(year);
        return set == null ? defaultDay.atYear(year) : set.dueOn;
    }
}
