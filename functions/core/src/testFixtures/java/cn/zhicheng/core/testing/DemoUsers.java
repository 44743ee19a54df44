package cn.zhicheng.core.testing;

import static io.restassured.RestAssured.given;

import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.LocalSignIn;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Signs in as the seeded demo accounts, through the same local sign-in the browser uses. */
public final class DemoUsers {

    public static final String PASSWORD = "demo123";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private DemoUsers() {
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> QuarkusTransaction.requiringNew().call(
                () -> Arc.container().instance(LocalSignIn.class).get().signIn(u, PASSWORD).token()));
    }

    /** A JSON request with the user's bearer token. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    /** The actor a demo account acts as, for fixtures that call services directly. */
    public static Actor actor(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findByUsername(username).orElseThrow();
            return new Actor(a.id, a.username, a.displayName, a.role, a.unitId, a.personId, a.committeeId);
        });
    }
}
