package cn.zhicheng.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Public reference data, readable without signing in. */
@QuarkusTest
class ReferenceResourceTest {

    @Test
    void seriesLevelsUnitsAndCommitteesArePublic() {
        given().get("/api/catalogue/series").then().statusCode(200).body("code", hasItem("ENGINEERING"))
                .body("find { it.code == 'ENGINEERING' }.nameZh", is("工程技术"));
        given().get("/api/catalogue/levels").then().statusCode(200).body("code", hasItem("DEPUTY_SENIOR"))
                .body("size()", is(5));
        given().get("/api/catalogue/committees").then().statusCode(200)
                .body("find { it.code == 'WF-ENG-MID' }.levels", hasItem("INTERMEDIATE"));
    }

    @Test
    void R22_theNationalSeriesListIsReferenceData() {
        given().queryParam("national", true).get("/api/catalogue/series").then().statusCode(200)
                .body("size()", is(27)).body("national", everyItem(is(true)))
                .body("code", hasItem("PUBLIC_LEGAL_SERVICE"));
        given().get("/api/catalogue/series").then().body("find { it.code == 'HEALTH' }.national", is(true));
    }

    @Test
    void unitsFilterByKind() {
        given().queryParam("kind", "EMPLOYER").get("/api/catalogue/units").then().statusCode(200)
                .body("kind", everyItem(is("EMPLOYER"))).body("code", hasItem("WFDLSJY"));
        given().queryParam("kind", "PLANET").get("/api/catalogue/units").then().statusCode(404);
    }
}
