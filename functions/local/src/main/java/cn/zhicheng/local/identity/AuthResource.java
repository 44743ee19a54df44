package cn.zhicheng.local.identity;

import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.CurrentActor;
import cn.zhicheng.core.identity.LocalSignIn;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;

/** The local identity provider's routes; in AWS, Cognito's hosted sign-in takes their place. */
@Path("/api/auth")
public class AuthResource {

    private final LocalSignIn signIn;
    private final CurrentActor actor;

    public AuthResource(LocalSignIn signIn, CurrentActor actor) {
        this.signIn = signIn;
        this.actor = actor;
    }

    /** User name and password. */
    public record SignInRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** A new applicant's account: the ID number is checked against GB 11643. */
    public record RegisterRequest(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                    message = "letters, digits, '_', '.' and '-' only") String username,
            @NotBlank @Size(min = 8, max = 200) String password, @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 20) String idNumber, UUID unitId) {
    }

    /** Who is signed in. */
    public record AccountView(UUID id, String username, String displayName, Role role, UUID unitId, String unitName,
            UUID personId, UUID committeeId) {
        static AccountView of(Account account) {
            Unit unit = account.unitId == null ? null : Unit.findById(account.unitId);
            return new AccountView(account.id, account.username, account.displayName, account.role, account.unitId,
                    unit == null ? null : unit.name, account.personId, account.committeeId);
        }
    }

    /** A bearer token and its account. */
    public record SessionView(String token, Instant expiresAt, AccountView account) {
        static SessionView of(LocalSignIn.Session session) {
            return new SessionView(session.token(), session.expiresAt(), AccountView.of(session.account()));
        }
    }

    @POST
    @Path("/sign-in")
    @PermitAll
    public SessionView signIn(@Valid @NotNull SignInRequest request) {
        return SessionView.of(signIn.signIn(request.username(), request.password()));
    }

    @POST
    @Path("/register")
    @PermitAll
    public Response register(@Valid @NotNull RegisterRequest request) {
        LocalSignIn.Session session = signIn.register(request.username(), request.password(), request.name(),
                request.idNumber(), request.unitId());
        return Response.status(Response.Status.CREATED).entity(SessionView.of(session)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Role.Names.APPLICANT, Role.Names.UNIT_HR, Role.Names.HR_BUREAU, Role.Names.COMMITTEE_OFFICE,
            Role.Names.EXPERT, Role.Names.SELF_EVAL_UNIT})
    public AccountView me() {
        Account account = Account.findById(actor.get().accountId());
        if (account == null) {
            throw Problem.of(401, "UNAUTHENTICATED", "Sign-in required", "Your account no longer exists.");
        }
        return AccountView.of(account);
    }
}
