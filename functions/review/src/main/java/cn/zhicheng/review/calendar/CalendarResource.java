package cn.zhicheng.review.calendar;

import cn.zhicheng.core.calendar.CalendarEntry;
import cn.zhicheng.core.calendar.CalendarService;
import cn.zhicheng.core.calendar.CalendarYear;
import cn.zhicheng.core.calendar.DayKind;
import cn.zhicheng.core.calendar.Explanation;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The working-day calendar (R32): public reading and the deadline calculator; the HR bureau edits. */
@Path("/api/calendar")
public class CalendarResource {

    private static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    private final CalendarService calendar;
    private final CurrentActor actor;

    public CalendarResource(CalendarService calendar, CurrentActor actor) {
        this.calendar = calendar;
        this.actor = actor;
    }

    /** A year and whether its official schedule is entered. */
    public record YearView(int year, String source, boolean published, long holidays, long workdays) {
    }

    /** One dated entry. */
    public record EntryView(UUID id, LocalDate date, DayKind kind, String name, String source) {
        static EntryView of(CalendarEntry e) {
            return new EntryView(e.id, e.day, e.kind, e.name, e.source);
        }
    }

    /** A new entry. */
    public record NewEntry(@NotNull LocalDate date, @NotNull DayKind kind, @NotBlank @Size(max = 100) String name,
            @Size(max = 300) String source) {
    }

    /** What an import did. */
    public record Imported(int year, String source, int imported) {
    }

    /** A computed due date and why, in words (R32). */
    public record WorkingDays(LocalDate start, int days, LocalDate due, boolean provisional,
            Map<String, String> explanation) {
    }

    @GET
    @Path("/years")
    @PermitAll
    public List<YearView> years() {
        return calendar.years().stream().map(this::yearView).toList();
    }

    @GET
    @Path("/entries")
    @PermitAll
    public List<EntryView> entries(@QueryParam("year") Integer year) {
        return calendar.entries(requireYear(year)).stream().map(EntryView::of).toList();
    }

    @POST
    @Path("/entries")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response add(@Valid @NotNull NewEntry request) {
        CalendarEntry entry = calendar.add(actor.get(), request.date(), request.kind(), request.name(),
                request.source());
        return Response.created(URI.create("/api/calendar/entries/" + entry.id)).entity(EntryView.of(entry)).build();
    }

    @DELETE
    @Path("/entries/{id}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Response delete(@PathParam("id") UUID id) {
        calendar.delete(actor.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Role.Names.HR_BUREAU)
    public Imported importYear(String file) {
        CalendarYear year = calendar.importYear(actor.get(), file);
        return new Imported(year.year, year.source, calendar.entries(year.year).size());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @PermitAll
    public Response export(@QueryParam("year") Integer year) {
        int value = requireYear(year);
        return Response.ok(calendar.export(value), CSV)
                .header("Content-Disposition", "attachment; filename=\"calendar-" + value + ".csv\"").build();
    }

    @GET
    @Path("/working-days")
    @PermitAll
    public WorkingDays workingDays(@QueryParam("from") String from, @QueryParam("days") Integer days) {
        LocalDate start = parseDate(from);
        if (days == null || days < 0 || days > 3650) {
            throw Problem.badRequest("INVALID_DAYS", "Invalid number of days",
                    "Give the number of working days as a whole number from 0 to 3650.");
        }
        CalendarService.requireYearInRange(start.getYear());
        Explanation explanation = calendar.calendar().explain(start, days);
        CalendarService.requireYearInRange(explanation.due().getYear());
        return new WorkingDays(start, days, explanation.due(), explanation.provisional(),
                Map.of("zh", explanation.inChinese(), "en", explanation.inEnglish()));
    }

    private YearView yearView(CalendarYear year) {
        List<CalendarEntry> entries = calendar.entries(year.year);
        long holidays = entries.stream().filter(e -> e.kind == DayKind.HOLIDAY).count();
        return new YearView(year.year, year.source, year.published, holidays, entries.size() - holidays);
    }

    private static int requireYear(Integer year) {
        if (year == null) {
            throw Problem.badRequest("YEAR_REQUIRED", "Year required", "Give the year, e.g. ?year=2026.");
        }
        CalendarService.requireYearInRange(year);
        return year;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_DATE", "Invalid date", "Give the start date as YYYY-MM-DD.");
        }
    }
}
