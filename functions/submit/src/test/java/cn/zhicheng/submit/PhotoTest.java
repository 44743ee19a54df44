package cn.zhicheng.submit;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R27's photo and R30's grassroots track on the application, on PostgreSQL and S3 on the emulator. */
@QuarkusTest
class PhotoTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A PNG signature and a few bytes: the store checks size and type, not pixels. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};

    private static Map<String, Object> photo(String type, long size) {
        return Map.of("fileName", "证件照.png", "contentType", type, "size", size);
    }

    private static JsonPath requestPhoto(Object applicationId, long size) {
        return as("applicant").body(photo("image/png", size)).post("/api/applications/" + applicationId + "/photo")
                .then().statusCode(200).body("upload.method", is("PUT")).extract().jsonPath();
    }

    private static long audited(UUID id) {
        return SubmitFlow.audited(id.toString(), "PHOTO_UPLOADED");
    }

    /** A filed application the HR bureau certified, without going through the certificate function. */
    private static UUID certified() {
        UUID id = Fixtures.applicationIn(ApplicationState.FILED);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(ApplicationStateMachine.class).get()
                .apply(Application.findById(id), ApplicationTransition.CERTIFY, DemoUsers.actor("hrbureau"),
                        "fixture"));
        return id;
    }

    @Test
    void R27_theApplicantUploadsAPhotoThroughAPresignedUrlAndConfirmsIt() throws Exception {
        String id = SubmitFlow.create(SubmitFlow.draftBody()).getString("id");
        as("applicant").get("/api/applications/" + id).then().statusCode(200).body("photo", nullValue());

        SubmitFlow.put(requestPhoto(id, PNG.length), PNG);
        as("applicant").post("/api/applications/" + id + "/photo/complete").then().statusCode(200)
                .body("photo.contentType", is("image/png")).body("photo.size", is(PNG.length))
                .body("photo.uploadedAt", notNullValue());

        String url = as("applicant").get("/api/applications/" + id + "/photo/download").then().statusCode(200)
                .extract().path("url");
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(PNG, download.body());
        as("unit").get("/api/applications/" + id + "/photo/download").then().statusCode(404);
        assertEquals(1, audited(UUID.fromString(id)));
    }

    @Test
    void R27_thePhotoMayBeUploadedAfterFilingButNotOnceCertifiedOrWithdrawn() throws Exception {
        UUID filed = Fixtures.applicationIn(ApplicationState.FILED);
        SubmitFlow.put(requestPhoto(filed, PNG.length), PNG);
        as("applicant").post("/api/applications/" + filed + "/photo/complete").then().statusCode(200)
                .body("state", is("FILED")).body("photo.size", is(PNG.length));
        as("hrbureau").get("/api/applications/" + filed + "/photo/download").then().statusCode(200)
                .body("method", is("GET"));

        UUID certified = certified();
        long version = Fixtures.versionOf(certified);
        as("applicant").body(photo("image/png", PNG.length)).post("/api/applications/" + certified + "/photo")
                .then().statusCode(409).body("code", is("PHOTO_CLOSED")).body("rule", is("R27"));
        assertEquals(version, Fixtures.versionOf(certified), "a refusal writes nothing");

        JsonPath draft = SubmitFlow.create(SubmitFlow.draftBody());
        as("applicant").body(Map.of("reason", "不申报了", "version", draft.getLong("version")))
                .post("/api/applications/" + draft.getString("id") + "/withdraw").then().statusCode(200);
        as("applicant").body(photo("image/png", PNG.length))
                .post("/api/applications/" + draft.getString("id") + "/photo")
                .then().statusCode(409).body("code", is("PHOTO_CLOSED"));
    }

    @Test
    void R27_aPhotoOfAnotherTypeOrOverTwoMegabytesIsRefused() {
        String id = SubmitFlow.create(SubmitFlow.draftBody()).getString("id");
        as("applicant").body(photo("application/pdf", 100)).post("/api/applications/" + id + "/photo")
                .then().statusCode(415).body("code", is("PHOTO_TYPE_NOT_ALLOWED")).body("rule", is("R27"));
        as("applicant").body(photo("image/jpeg", 2L * 1024 * 1024 + 1)).post("/api/applications/" + id + "/photo")
                .then().statusCode(413).body("code", is("PHOTO_TOO_LARGE"));
        as("applicant").post("/api/applications/" + id + "/photo/complete")
                .then().statusCode(404).body("code", is("PHOTO_NOT_FOUND"));
    }

    @Test
    void R27_completingBeforeTheStoreHoldsThePhotoIsRefusedAndNothingIsConfirmed() {
        String id = SubmitFlow.create(SubmitFlow.draftBody()).getString("id");
        requestPhoto(id, PNG.length);
        as("applicant").post("/api/applications/" + id + "/photo/complete")
                .then().statusCode(409).body("code", is("EVIDENCE_NOT_UPLOADED"));
        as("applicant").get("/api/applications/" + id).then().statusCode(200).body("photo", nullValue());
        assertEquals(0, audited(UUID.fromString(id)));
    }

    @Test
    void R30_R27_theGrassrootsTrackAndTheSpecialtyPractisedAreChosenWithTheDraft() {
        Map<String, Object> body = new HashMap<>(SubmitFlow.draftBody());
        body.put("grassroots", true);
        body.put("practisedSpecialty", "配电运维");
        JsonPath draft = SubmitFlow.create(body);
        assertEquals(true, draft.getBoolean("grassroots"));
        assertEquals("配电运维", draft.getString("practisedSpecialty"));
        JsonPath plain = SubmitFlow.create(SubmitFlow.draftBody());
        assertEquals(false, plain.getBoolean("grassroots"));
        assertEquals(null, plain.getString("practisedSpecialty"));
    }
}
