package cn.zhicheng.catalogue.filing.rest;

import cn.zhicheng.catalogue.filing.service.FilingDueDateService;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** R22: the date filings are due each year, set by the HR bureau. */
@Path("/api/filing-due-dates")
public class FilingDueDateResource {

    private final FilingDueDateService dueDates;
    private final CurrentActor actor;

    public FilingDueDateResource(FilingDueDateService dueDates, CurrentActor actor) {
        this.dueDates = dueDates;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE,
        Role.Names.EXPERT, Role.Names.SELF_EVAL_UNIT})
    public List<FilingDueDateService.Entry> list(@QueryParam("from") @Min(2000) @Max(2200) Integer from,
            @QueryParam("to") @Min(2000) @Max(2200) Integer to) {
        return dueDates.list(from, to);
    }

    @PUT
    @Path("/{year:\\d{4}}")
    @RolesAllowed(Role.Names.HR_BUREAU)
    public FilingDueDateService.Entry set(@PathParam("year") int year,
            @Valid @NotNull FilingRequests.DueDate request) {
        return dueDates.set(actor.get(), year, request.dueOn(), request.note());
    }
}
