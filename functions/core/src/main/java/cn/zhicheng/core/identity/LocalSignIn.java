package cn.zhicheng.core.identity;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.InvalidIdNumberException;
import cn.zhicheng.core.person.NameMatcher;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import cn.zhicheng.core.problem.Problem;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Local stand-in for the Cognito user pool: checks a password and issues a token with Cognito's claims. */
@ApplicationScoped
@Transactional
@Unremovable // functions have no route that uses it, but their tests and the local server sign in through it
public class LocalSignIn {

    private final ZhichengConfig config;
    private final IdentityKeys keys;
    private final AuditTrail audit;
    private final Clock clock;

    public LocalSignIn(ZhichengConfig config, IdentityKeys keys, AuditTrail audit, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A signed-in session: the bearer token, when it expires, and the account it speaks for. */
    public record Session(String token, Instant expiresAt, Account account) {
    }

    public Session signIn(String username, String password) {
        requireEnabled();
        Account account = Account.findByUsername(username == null ? "" : username.trim())
                .filter(a -> a.enabled && PasswordHasher.matches(password == null ? "" : password, a.passwordHash))
                .orElseThrow(() -> Problem.of(401, "BAD_CREDENTIALS", "Sign-in failed",
                        "The user name or password is wrong."));
        return issue(account);
    }

    /** A new applicant registers with a name and a valid ID number (GB 11643), then is signed in. */
    public Session register(String username, String password, String name, String idNumber, UUID unitId) {
        requireEnabled();
        IdNumber parsed;
        try {
            parsed = IdNumber.parse(idNumber);
        } catch (InvalidIdNumberException e) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "Invalid ID number", e.getMessage())
                    .withErrors(List.of(new Problem.FieldError("idNumber", e.getMessage())));
        }
        if (Account.findByUsername(username.trim()).isPresent()) {
            throw Problem.conflict("USERNAME_TAKEN", "User name taken", "Choose another user name.");
        }
        Person known = Person.findByIdNumber(parsed.value()).orElse(null);
        if (known != null && Account.count("personId", known.id) > 0) {
            throw Problem.conflict("ID_NUMBER_REGISTERED", "Already registered",
                    "An account already exists for this ID number; sign in with it instead.");
        }
        // R25: a self-evaluating unit's appointment record made the person before they had an account; the person
        // who registers with that ID number and the same name is them, and sees their certificates
        if (known != null && !NameMatcher.sameName(known.name, name)) {
            throw Problem.conflict("NAME_MISMATCH", "Name does not match",
                    "This ID number is on record under another name; register with the name it is recorded under.");
        }
        if (unitId != null) {
            Unit unit = Unit.findById(unitId);
            if (unit == null || (unit.kind != UnitKind.EMPLOYER && unit.kind != UnitKind.AGENCY)) {
                throw Problem.rule("R3", 422, "UNIT_NOT_ELIGIBLE", "Not an employer unit",
                        "Choose the employer unit or agency holding your labour relation.");
            }
        }
        Instant now = clock.instant();
        Person person = known;
        if (person == null) {
            person = Person.create(name.trim(), parsed, now);
            person.persist();
        }
        Account account = Account.create(username, password, person.name, Role.APPLICANT, person.id, unitId, null, now);
        account.persist();
        audit.record(new Actor(account.id, account.username, account.displayName, Role.APPLICANT, unitId, person.id,
                null), new AuditTrail.Change("REGISTER", "ACCOUNT", account.id, null, "ACTIVE", null));
        return issue(account);
    }

    private void requireEnabled() {
        if (!config.identity().localSignIn()) {
            throw Problem.of(404, "LOCAL_SIGN_IN_DISABLED", "Not available", "Sign in through the identity provider.");
        }
    }

    public Session issue(Account account) {
        // The token's times are the real time, not the business clock: the verifier (smallrye-jwt here, Cognito
        // when deployed) checks "exp" against the real time, so a token stamped with a settable clock moved away
        // from it (decision 0009, the browser tests' server) would be refused at once.
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.identity().tokenTtl());
        JwtClaimsBuilder claims = Jwt.issuer(config.identity().issuer())
                .subject(account.id.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(Claims.USERNAME, account.username)
                .claim(Claims.NAME, account.displayName)
                .claim(Claims.GROUPS, List.of(account.role.name()));
        if (account.unitId != null) {
            claims.claim(Claims.UNIT_ID, account.unitId.toString());
        }
        if (account.personId != null) {
            claims.claim(Claims.PERSON_ID, account.personId.toString());
        }
        if (account.committeeId != null) {
            claims.claim(Claims.COMMITTEE_ID, account.committeeId.toString());
        }
        String token = claims.jws().algorithm(SignatureAlgorithm.ES256).sign(keys.privateKey());
        return new Session(token, expiresAt, account);
    }
}
