package cn.zhicheng.submit;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.testing.StoreUploads;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The applicant's and the unit's steps as a browser takes them, for tests that start further along. */
final class SubmitFlow {

    static final List<String> UNIT_KINDS = List.of("SUPERVISION_CARD", "APPRAISAL_FORM", "PUBLICITY_RECORD");

    private SubmitFlow() {
    }

    /** A draft body: an engineer employed by the demo employer unit, graduated 2019, degree awarded 2019-07-01. */
    static Map<String, Object> draftBody() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> body = new HashMap<>();
            body.put("seriesId", Series.<Series>find("code", "ENGINEERING").firstResult().id.toString());
            body.put("level", "INTERMEDIATE");
            body.put("specialty", "电气工程");
            body.put("unitId", unitId("WFDLSJY").toString());
            body.put("diplomaNumber", "105611201905001234");
            body.put("graduationYear", 2019);
            body.put("degreeNumber", "1056142019001234");
            body.put("degreeAwardedOn", "2019-07-01");
            return body;
        });
    }

    static UUID unitId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Unit.findByCode(code).orElseThrow().id);
    }

    static JsonPath create(Map<String, Object> body) {
        return as("applicant").body(body).post("/api/applications").then().statusCode(201).extract().jsonPath();
    }

    /** A submitted application: {@code id} and {@code version} of the submit response. */
    static JsonPath submitted(Map<String, Object> body) {
        JsonPath draft = create(body);
        return as("applicant").body(Map.of("pledgeAccepted", true, "version", draft.getLong("version")))
                .post("/api/applications/" + draft.getString("id") + "/submit")
                .then().statusCode(200).body("state", is("SUBMITTED")).extract().jsonPath();
    }

    /** An application the unit reviewed: in its publicity, with {@code publicityEndsOn}. */
    static JsonPath inPublicity(Map<String, Object> body) {
        JsonPath submitted = submitted(body);
        return as("unit").body(Map.of("comment", "材料齐全", "version", submitted.getLong("version")))
                .post("/api/unit/applications/" + submitted.getString("id") + "/review")
                .then().statusCode(200).body("state", is("UNIT_PUBLICITY")).extract().jsonPath();
    }

    /** R7: the unit attaches and uploads a document of the kind; returns the item id. */
    static String attach(String applicationId, String kind) throws Exception {
        byte[] bytes = ("%PDF-1.4 " + kind).getBytes(StandardCharsets.UTF_8);
        JsonPath upload = as("unit")
                .body(Map.of("kind", kind, "title", kind, "fileName", kind + ".pdf", "contentType", "application/pdf",
                        "size", bytes.length))
                .post("/api/unit/applications/" + applicationId + "/attachments")
                .then().statusCode(201).body("item.status", is("PENDING")).body("item.kind", is(kind))
                .extract().jsonPath();
        put(upload, bytes);
        as("unit").post("/api/unit/applications/" + applicationId + "/attachments/" + upload.getString("item.id")
                + "/complete").then().statusCode(200).body("status", is("UPLOADED")).body("kind", is(kind));
        return upload.getString("item.id");
    }

    static void attachAll(String applicationId) throws Exception {
        for (String kind : UNIT_KINDS) {
            attach(applicationId, kind);
        }
    }

    /** PUTs the bytes to the presigned upload of an upload response. */
    static void put(JsonPath upload, byte[] bytes) throws Exception {
        StoreUploads.put(upload, bytes);
    }

    /** Sets the clock to the given day in China, mid-morning. */
    static void setDay(Clock clock, LocalDate day) {
        SettableClock.of(clock).set(day.atTime(LocalTime.of(10, 0)).atZone(ClockProducer.CHINA).toInstant());
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
    }

    /** The application's state and version in the database. */
    static String stateAndVersion(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Application application = Application.findById(UUID.fromString(id));
            return application.state() + "@" + application.version;
        });
    }

    /** How many audit events of the action the subject has. */
    static long audited(String subjectId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("subjectId = ?1 and action = ?2",
                UUID.fromString(subjectId), action));
    }
}
