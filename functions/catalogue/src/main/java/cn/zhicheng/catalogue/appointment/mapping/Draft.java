package cn.zhicheng.catalogue.appointment.mapping;

import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.series.TitleLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An appointment record as it arrived, from JSON or a sheet row, before it is checked: the values that could be
 * read (null when absent), the columns that were given but could not be read, and the problems reading them.
 */
public record Draft(String name, String idNumber, Sex sex, Series series, String specialty, String practisedSpecialty,
        TitleLevel level, String post, LocalDate appointedOn, LocalDate termStartsOn, LocalDate termEndsOn,
        String committeeName, String publicationNumber, LocalDate reportedOn, String reportReference,
        Set<AppointmentColumn> unreadable, List<RowProblem> problems) {

    /** Whether the column had a value that could not be read (it is then not also reported as required). */
    public boolean unreadable(AppointmentColumn column) {
        return unreadable.contains(column);
    }
}
