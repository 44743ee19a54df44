package cn.zhicheng.certificate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** R27: the HR bureau's seal image, checked by its bytes, stored and audited. */
@QuarkusTest
class IssuerSealTest {

    private static RequestSpecification as(Actor bureau) {
        return given().auth().oauth2(DemoUsers.token(bureau.username()));
    }

    private static long audited(Actor bureau) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "subjectId = ?1 and action = 'SEAL_IMAGE_UPLOADED'", bureau.unitId()));
    }

    @Test
    void R27_aSealImageMustBeAPngOrJpegOfAtMostOneMegabyteAndARefusalStoresNothing() throws Exception {
        Actor bureau = CertificateFixtures.freshBureau();
        as(bureau).get("/api/issuer-seal").then().statusCode(404).body("code", is("SEAL_IMAGE_NOT_FOUND"));

        as(bureau).contentType("text/plain").body("not an image".getBytes(StandardCharsets.UTF_8))
                .put("/api/issuer-seal").then().statusCode(400).body("code", is("SEAL_IMAGE_INVALID"))
                .body("rule", is("R27"));
        byte[] png = TestImages.photo();
        as(bureau).contentType("image/jpeg").body(png).put("/api/issuer-seal").then().statusCode(400)
                .body("code", is("SEAL_IMAGE_INVALID"));
        byte[] huge = Arrays.copyOf(png, 1024 * 1024 + 1);
        as(bureau).contentType("image/png").body(huge).put("/api/issuer-seal").then().statusCode(400)
                .body("code", is("SEAL_IMAGE_INVALID"));
        as(bureau).get("/api/issuer-seal").then().statusCode(404);
        assertEquals(0, audited(bureau));

        as(bureau).contentType("image/png").body(png).put("/api/issuer-seal").then().statusCode(200)
                .body("contentType", is("image/png")).body("size", is(png.length));
        byte[] stored = as(bureau).get("/api/issuer-seal").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(png, stored);
        assertEquals(1, audited(bureau));

        DemoUsers.as("applicant").contentType("image/png").body(png).put("/api/issuer-seal").then().statusCode(403);
    }
}
