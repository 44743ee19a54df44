package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.SpotCheckTesting.audits;
import static cn.zhicheng.spotcheck.SpotCheckTesting.findingPath;
import static cn.zhicheng.spotcheck.SpotCheckTesting.rows;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.spotcheck.Finding;
import cn.zhicheng.core.spotcheck.FindingAttachment;
import cn.zhicheng.core.testing.SpotCheckFixtures;
import cn.zhicheng.core.testing.StoreUploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inspectors record findings per evidence item on the applications drawn for them (R18, R19). */
@QuarkusTest
class FindingTest {

    private SpotCheckFixtures.Drawn drawn;

    @BeforeEach
    void drawn() {
        SpotCheckTesting.signInAll();
        // expert5 works at the applicant's unit: recused (同单位回避); expert4 is simply not drawn
        drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 2, List.of("expert2", "expert3"),
                List.of("expert5"));
    }

    @Test
    void R18_inspectorRecordsAndRevisesAFindingPerEvidenceItem() {
        as("expert2").get("/api/inspector/spotchecks").then().statusCode(200)
                .body("find { it.drawId == '" + drawn.drawId() + "' }.total", is(2))
                .body("find { it.drawId == '" + drawn.drawId() + "' }.recorded", is(0))
                .body("find { it.drawId == '" + drawn.drawId() + "' }.applicantName", is(drawn.applicant().name()));
        String detail = "/api/inspector/spotchecks/" + drawn.drawId() + "/applications/" + drawn.applicationId();
        as("expert2").get(detail).then().statusCode(200)
                .body("evidence", hasSize(2))
                .body("evidence[0].downloadUrl", startsWith("http"))
                .body("evidence[0].finding", nullValue());

        UUID item = drawn.evidence().get(0);
        as("expert2").body(Map.of("result", "OK")).put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(200).body("result", is("OK")).body("expertName", is("周强"))
                .body("evidenceTitle", is("证明材料 1"));
        // a problem needs a note saying what is wrong
        as("expert2").body(Map.of("result", "PROBLEM")).put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as("expert2").body(Map.of("result", "FRAUD", "note", "印章与单位备案印章不符"))
                .put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(200).body("result", is("FRAUD")).body("note", is("印章与单位备案印章不符"));
        assertEquals(1, rows(() -> Finding.count("drawId = ?1 and evidenceItemId = ?2", drawn.drawId(), item)),
                "a revision changes the one finding");
        as("expert2").get(detail).then().statusCode(200).body("evidence[0].finding.result", is("FRAUD"));
        as("expert2").get("/api/inspector/spotchecks").then()
                .body("find { it.drawId == '" + drawn.drawId() + "' }.recorded", is(1));
    }

    @Test
    void R18_anEvidenceItemOfAnotherApplicationIsNotFound() {
        SpotCheckFixtures.Drawn other = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 1, List.of("expert2"),
                List.of());
        long before = audits();
        as("expert2").body(Map.of("result", "OK"))
                .put(findingPath(drawn.drawId(), drawn.applicationId(), other.evidence().get(0)))
                .then().statusCode(404).body("code", is("EVIDENCE_NOT_FOUND"));
        assertEquals(0, rows(() -> Finding.count("drawId", drawn.drawId())));
        assertEquals(before, audits(), "nothing was written");
    }

    @Test
    void R18_findingRefusedWhenNotInSample() {
        long before = audits();
        as("expert2").body(Map.of("result", "OK"))
                .put(findingPath(drawn.drawId(), drawn.notSampledId(), drawn.evidence().get(0)))
                .then().statusCode(404).body("code", is("NOT_IN_SAMPLE")).body("rule", is("R18"));
        as("expert2").get("/api/inspector/spotchecks/" + drawn.drawId() + "/applications/" + drawn.notSampledId())
                .then().statusCode(404).body("code", is("NOT_IN_SAMPLE"));
        assertEquals(0, rows(() -> Finding.count("drawId", drawn.drawId())));
        assertEquals(before, audits(), "nothing was written");
    }

    @Test
    void R19_inspectorRecusedIsRefusedAndAnExpertNotDrawnToo() {
        long before = audits();
        UUID item = drawn.evidence().get(0);
        as("expert5").body(Map.of("result", "OK")).put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(403).body("code", is("INSPECTOR_RECUSED")).body("rule", is("R19"));
        as("expert5").get("/api/inspector/spotchecks/" + drawn.drawId() + "/applications/" + drawn.applicationId())
                .then().statusCode(403).body("code", is("INSPECTOR_RECUSED"));
        as("expert4").body(Map.of("result", "OK")).put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(403).body("code", is("NOT_ASSIGNED_INSPECTOR")).body("rule", is("R19"));
        as("office").body(Map.of("result", "OK")).put(findingPath(drawn.drawId(), drawn.applicationId(), item))
                .then().statusCode(403);
        assertEquals(0, rows(() -> Finding.count("drawId", drawn.drawId())));
        assertEquals(before, audits(), "nothing was written");
    }

    @Test
    void R19_aSupersededDrawKeepsItsFindingsButTakesNoNewOnes() {
        UUID first = drawn.evidence().get(0);
        as("expert2").body(Map.of("result", "OK")).put(findingPath(drawn.drawId(), drawn.applicationId(), first))
                .then().statusCode(200);
        SpotCheckFixtures.supersede(drawn.drawId());
        long before = audits();
        as("expert2").body(Map.of("result", "OK"))
                .put(findingPath(drawn.drawId(), drawn.applicationId(), drawn.evidence().get(1)))
                .then().statusCode(409).body("code", is("DRAW_SUPERSEDED"));
        assertEquals(1, rows(() -> Finding.count("drawId", drawn.drawId())), "the earlier finding is kept");
        assertEquals(before, audits(), "nothing was written");
    }

    @Test
    void R18_aFindingCarriesFilesUploadedThroughTheStore() throws Exception {
        UUID item = drawn.evidence().get(0);
        String path = findingPath(drawn.drawId(), drawn.applicationId(), item);
        as("expert2").body(Map.of("fileName", "photo.png", "contentType", "image/png", "size", 4)).post(
                path + "/attachments").then().statusCode(409).body("code", is("FINDING_REQUIRED"));
        as("expert2").body(Map.of("result", "PROBLEM", "note", "复印件模糊")).put(path).then().statusCode(200);
        as("expert2").body(Map.of("fileName", "x.exe", "contentType", "application/x-msdownload", "size", 4))
                .post(path + "/attachments").then().statusCode(415);

        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G'};
        JsonPath upload = as("expert2").body(Map.of("fileName", "photo.png", "contentType", "image/png", "size",
                bytes.length)).post(path + "/attachments").then().statusCode(201)
                .body("id", notNullValue()).body("upload.method", is("PUT")).extract().jsonPath();
        String complete = path + "/attachments/" + upload.getString("id") + "/complete";
        as("expert2").post(complete).then().statusCode(409).body("code", is("EVIDENCE_NOT_UPLOADED"));
        // a pending upload is not an attachment yet, neither for the inspector nor in the office's view of the draw
        String sample = "samples.find { it.applicationId == '" + drawn.applicationId() + "' }";
        String detail = "/api/inspector/spotchecks/" + drawn.drawId() + "/applications/" + drawn.applicationId();
        as("expert2").get(detail).then().statusCode(200).body("evidence[0].finding.attachments", hasSize(0));
        as("office").get("/api/spotchecks/" + drawn.drawId()).then().statusCode(200)
                .body(sample + ".findings[0].attachments", hasSize(0));

        StoreUploads.put(upload, bytes);
        as("expert2").post(complete).then().statusCode(200).body("fileName", is("photo.png"));
        as("expert2").get(detail).then().body("evidence[0].finding.attachments.fileName", hasItem("photo.png"));
        as("office").get("/api/spotchecks/" + drawn.drawId()).then().statusCode(200)
                .body(sample + ".findings[0].attachments.fileName", is(List.of("photo.png")));
        // another inspector cannot complete it: it is not on their finding
        as("expert3").post(complete).then().statusCode(409).body("code", is("FINDING_REQUIRED"));
        assertEquals(1, rows(() -> FindingAttachment.count("id = ?1 and status = 'UPLOADED'",
                UUID.fromString(upload.getString("id")))));
    }
}
