package cn.zhicheng.core.identity;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in actor of this request, from the verified token. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;
    private Actor actor;

    public CurrentActor(JsonWebToken token) {
        this.token = token;
    }

    public Actor get() {
        if (actor == null) {
            actor = read();
        }
        return actor;
    }

    private Actor read() {
        if (token == null || token.getRawToken() == null) {
            throw new UnauthorizedException();
        }
        Set<String> groups = token.getGroups();
        Role role = groups.stream().map(CurrentActor::roleOrNull).filter(r -> r != null).findFirst()
                .orElseThrow(UnauthorizedException::new);
        return new Actor(uuid(token.getSubject()), token.getClaim(Claims.USERNAME), token.getClaim(Claims.NAME), role,
                uuid(token.getClaim(Claims.UNIT_ID)), uuid(token.getClaim(Claims.PERSON_ID)),
                uuid(token.getClaim(Claims.COMMITTEE_ID)));
    }

    private static Role roleOrNull(String group) {
        try {
            return Role.valueOf(group);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(Object claim) {
        if (claim == null) {
            return null;
        }
        String text = claim.toString().replace("\"", "");
        return text.isBlank() ? null : UUID.fromString(text);
    }
}
