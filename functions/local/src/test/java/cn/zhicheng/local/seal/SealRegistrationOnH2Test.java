package cn.zhicheng.local.seal;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** R24 on the local server: H2, the local evidence store and the local signer's P-256 keys. */
@QuarkusTest
class SealRegistrationOnH2Test {

    @Test
    void R24_anApprovedSealGivesALocalKeyAndACancellationRetiresIt() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        String id = submit(unit, "NEW");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png);
        as(unit.username()).contentType("image/png").body(png.toByteArray())
                .put("/api/seal-registrations/" + id + "/image").then().statusCode(200).body("hasImage", is(true));
        String kid = decide(id).then().statusCode(200).body("state", is("APPROVED")).extract().path("kid");
        given().get("/api/public/certificates/trust-list").then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.status", is("CURRENT"))
                .body("keys.find { it.kid == '" + kid + "' }.jwk.crv", is("P-256"));

        decide(submit(unit, "CANCEL")).then().statusCode(200).body("state", is("APPROVED"));
        given().get("/api/public/certificates/trust-list").then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.status", is("RETIRED"))
                .body("keys.find { it.kid == '" + kid + "' }.retiredReason", startsWith("e-seal"));
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(404)
                .body("code", is("NO_SEAL_IN_FORCE"));
    }

    private static String submit(SelfEvaluatingUnit unit, String business) {
        Map<String, Object> body = new HashMap<>();
        body.put("business", business);
        body.put("unitName", "潍坊自主评聘单位");
        body.put("legalRepresentative", "孙立");
        body.put("creditCode", "91370700MA3C5JXK2L");
        body.put("handlerName", "赵磊");
        body.put("handlerIdNumber", "370702198807120013");
        body.put("handlerMobile", "13805360000");
        body.put("address", "潍坊市奎文区东风东街5147号");
        body.put("declarationAccepted", true);
        return as(unit.username()).body(body).post("/api/seal-registrations").then().statusCode(201).extract()
                .path("id");
    }

    private static io.restassured.response.Response decide(String id) {
        long version = as("hrbureau").get("/api/seal-registrations/" + id).then().extract().jsonPath()
                .getLong("version");
        return as("hrbureau").body(Map.of("version", version)).post("/api/seal-registrations/" + id + "/approve");
    }
}
