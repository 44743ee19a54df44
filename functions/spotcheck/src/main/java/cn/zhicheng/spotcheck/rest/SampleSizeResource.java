package cn.zhicheng.spotcheck.rest;

import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.SpotCheckSampleSize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;

/** How many applicants a spot check must cover (R18); draws and findings come with the spot-check issue. */
@Path("/api/spotchecks")
@RolesAllowed({Role.Names.COMMITTEE_OFFICE, Role.Names.HR_BUREAU})
public class SampleSizeResource {

    /** The population, the ratio applied and the resulting minimum sample. */
    public record SampleSize(int population, BigDecimal ratio, int sampleSize) {
    }

    @GET
    @Path("/sample-size")
    public SampleSize sampleSize(@QueryParam("population") Integer population, @QueryParam("ratio") BigDecimal ratio) {
        if (population == null || population < 0) {
            throw Problem.badRequest("INVALID_POPULATION", "Invalid population",
                    "Give the number of applicants as a whole number of 0 or more.");
        }
        BigDecimal applied = ratio == null ? SpotCheckSampleSize.MINIMUM_RATIO : ratio;
        if (applied.compareTo(SpotCheckSampleSize.MINIMUM_RATIO) < 0 || applied.compareTo(BigDecimal.ONE) > 0) {
            throw Problem.rule("R18", 422, "RATIO_TOO_LOW", "Spot-check ratio out of range",
                    "The spot-check ratio must be at least 15% and at most 100%.");
        }
        return new SampleSize(population, applied, SpotCheckSampleSize.sampleSize(population, applied));
    }
}
