package cn.zhicheng.core.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** A calendar file that cannot be imported, with every problem found in it by line (R32). */
public final class CalendarFileException extends RuntimeException {

    private final List<CalendarFile.LineError> errors;

    public CalendarFileException(List<CalendarFile.LineError> errors) {
        super(errors.stream().map(e -> "line " + e.line() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<CalendarFile.LineError> errors() {
        return errors;
    }
}
