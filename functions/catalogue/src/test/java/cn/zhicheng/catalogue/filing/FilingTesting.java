package cn.zhicheng.catalogue.filing;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.series.Series;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Filings through their routes, as the unit and the demo city's HR bureau make them. */
final class FilingTesting {

    static final String BUREAU = "hrbureau";

    private FilingTesting() {
    }

    static UUID seriesId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Series.findByCode(code).orElseThrow().id);
    }

    /** The fields of 附件1 for a filing made in the given year. */
    static Map<String, Object> body(String seriesCode, int filingYear) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seriesId", seriesId(seriesCode));
        body.put("handlingOffice", "人事处");
        body.put("contactName", "赵磊");
        body.put("officePhone", "0536-8785000");
        body.put("mobilePhone", "13512341234");
        body.put("professionalCount", 120);
        body.put("evaluations", List.of(Map.of("year", filingYear - 3, "count", 5),
                Map.of("year", filingYear - 2, "count", 6), Map.of("year", filingYear - 1, "count", 7)));
        return body;
    }

    static JsonPath submit(String unit, Map<String, Object> body) {
        return as(unit).body(body).post("/api/filings").then().statusCode(201).body("state", is("SUBMITTED"))
                .extract().jsonPath();
    }

    static JsonPath approve(UUID id) {
        long version = as(BUREAU).get("/api/filings/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        return as(BUREAU).body(Map.of("version", version, "note", "同意备案")).post("/api/filings/" + id + "/approve")
                .then().statusCode(200).body("state", is("APPROVED")).extract().jsonPath();
    }

    /** Submitted and approved through the routes. */
    static UUID approvedFiling(String unit, String seriesCode, int filingYear) {
        UUID id = UUID.fromString(submit(unit, body(seriesCode, filingYear)).getString("id"));
        approve(id);
        return id;
    }

    static long filings(UUID unitId) {
        return QuarkusTransaction.requiringNew().call(() -> SeriesFiling.count("unitId", unitId));
    }

    static long auditEvents() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
    }
}
