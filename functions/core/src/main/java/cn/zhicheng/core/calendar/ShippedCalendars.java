package cn.zhicheng.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The official schedules shipped in the jar as calendar/<year>.csv, parsed (R32). */
public final class ShippedCalendars {

    /** Listed, not scanned: classpath directory listing does not work inside jars or native images. */
    public static final List<Integer> SHIPPED_YEARS = List.of(2025, 2026);

    private ShippedCalendars() {
    }

    /** The shipped files present on the classpath, in year order; a malformed shipped file is a build error. */
    public static List<CalendarFile.Parsed> load() {
        List<CalendarFile.Parsed> files = new ArrayList<>();
        for (int year : SHIPPED_YEARS) {
            String resource = "/calendar/" + year + ".csv";
            try (InputStream in = ShippedCalendars.class.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                CalendarFile.Parsed parsed = CalendarFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (parsed.year() != year) {
                    throw new IllegalStateException(resource + " holds the " + parsed.year() + " schedule");
                }
                files.add(parsed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return List.copyOf(files);
    }
}
