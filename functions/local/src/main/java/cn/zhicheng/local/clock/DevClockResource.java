package cn.zhicheng.local.clock;

import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.SettableClock;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.time.Clock;
import java.time.Instant;

/**
 * Moves the settable clock (a fake behind the clock port) of a local server started for browser tests, so that a
 * journey can pass notice periods and deadlines in minutes. Answers 404 unless zhicheng.clock.settable is on.
 */
@Path("/api/dev/clock")
@PermitAll

public class DevClockResource {

    private final ZhichengConfig config;
    private final Clock clock;

    public DevClockResource(ZhichengConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The server's time. */
    public record Now(@NotNull Instant now) {
    }

    @GET
    @Operation(hidden = true) // a test fixture, not part of the API
    public Now now() {
        settable();
        return new Now(clock.instant());
    }

    @PUT
    @Operation(hidden = true)
    public Now set(@Valid @NotNull Now request) {
        settable().set(request.now());
        return new Now(clock.instant());
    }

    private SettableClock settable() {
        if (!config.clock().settable()) {
            throw Problem.notFound("NOT_FOUND", "There is nothing at this address.");
        }
        return SettableClock.of(clock);
    }
}
