package cn.zhicheng.catalogue.seal;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.catalogue.SealRegistration;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.certificate.IssuerSealImage;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.testing.CatalogueFixtures;
import cn.zhicheng.core.testing.CatalogueFixtures.SelfEvaluatingUnit;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** R24: e-seal registration, its decision by the city HR bureau, and what the approval does to the unit's keys. */
@QuarkusTest
class SealRegistrationTest {

    private static final String CREDIT_CODE = "91370700MA3C5JXK2L";
    private static final String HANDLER_ID = "370702198807120013";
    private static final String TRUST_LIST = "/api/public/certificates/trust-list";

    @Inject
    CertificateIssuer issuer;

    @Inject
    EvidenceStore store;

    @Test
    void R24_approvalCreatesTheUnitsKeyAndListsItInTheTrustList() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath submitted = as(unit.username()).body(application("NEW")).post("/api/seal-registrations").then()
                .statusCode(201).body("state", is("SUBMITTED")).body("business", is("NEW"))
                .body("handlerIdNumber", is("3707**********0013")).body("creditCode", is(CREDIT_CODE))
                .body("declarationAccepted", is(true)).body("hasImage", is(false)).body("kid", nullValue())
                .extract().jsonPath();
        String id = submitted.getString("id");
        byte[] seal = image("png");
        upload(unit, id, seal, "image/png").then().statusCode(200).body("hasImage", is(true))
                .body("imageContentType", is("image/png")).body("imageSize", is(seal.length));
        byte[] read = as("hrbureau").get("/api/seal-registrations/" + id + "/image").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(seal, read);
        as("hrbureau").queryParam("state", "SUBMITTED").get("/api/seal-registrations").then().statusCode(200)
                .body("items.id", hasItem(id));

        String kid = approve(id).then().statusCode(200).body("state", is("APPROVED"))
                .body("decisionNote", is("材料齐全")).extract().path("kid");
        String unitCode = unitCode(unit);
        assertTrue(kid.startsWith(unitCode + "-"), kid);
        given().get(TRUST_LIST).then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.issuerId", is(unit.unitId().toString()))
                .body("keys.find { it.kid == '" + kid + "' }.issuerCode", is(unitCode))
                .body("keys.find { it.kid == '" + kid + "' }.status", is("CURRENT"));
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(200).body("id", is(id))
                .body("kid", is(kid));
        QuarkusTransaction.requiringNew().run(() -> {
            IssuerSealImage printed = IssuerSealImage.findById(unit.unitId());
            assertEquals("seal-registrations/" + id + "/image", printed.imageKey);
            assertArrayEquals(seal, store.read(printed.imageKey).orElseThrow());
        });
        assertEquals(1, audited("SEAL_REGISTRATION_APPROVE", UUID.fromString(id)));

        Certificate certificate = issueAppointment(unit);
        assertEquals(kid, certificate.kid);
        given().contentType(ContentType.JSON).body(Map.of("payload", certificate.payload))
                .post("/api/public/certificates/verify").then().statusCode(200).body("result", is("VALID"));
    }

    @Test
    void R24_aSelfEvaluatingUnitWithoutARegisteredSealCannotIssue() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        long certificatesBefore = count(Certificate.class);

        Problem refused = assertThrows(Problem.class, () -> issueAppointment(unit));
        assertEquals("SEAL_NOT_REGISTERED", refused.code());
        assertEquals("R24", refused.rule());
        assertEquals(409, refused.status());
        assertEquals(0, keysOf(unit), "no key is made for a self-evaluating unit without a seal");
        assertEquals(certificatesBefore, count(Certificate.class));
        // an HR bureau keeps its automatic key
        assertNotEquals(null, QuarkusTransaction.requiringNew().call(() -> issuer.issue(DemoUsers.actor("hrbureau"),
                appointment(DemoUsers.actor("hrbureau").unitId())).kid));
    }

    @Test
    void R24_aChangeRetiresTheOldKeyAndItsCertificatesStillVerify() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath first = register(unit);
        String oldKid = first.getString("kid");
        Certificate before = issueAppointment(unit);
        assertEquals(oldKid, before.kid);

        String changeId = submit(unit, "CHANGE").then().statusCode(201)
                .body("replacesId", is(first.getString("id"))).extract().path("id");
        upload(unit, changeId, image("jpeg"), "image/jpeg").then().statusCode(200);
        String newKid = approve(changeId).then().statusCode(200).body("state", is("APPROVED"))
                .body("replacesId", is(first.getString("id"))).extract().path("kid");
        assertNotEquals(oldKid, newKid);

        as(unit.username()).get("/api/seal-registrations/" + first.getString("id")).then().statusCode(200)
                .body("state", is("RETIRED")).body("retiredAt", notNullValue());
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(200).body("id", is(changeId));
        given().get(TRUST_LIST).then().statusCode(200)
                .body("keys.find { it.kid == '" + oldKid + "' }.status", is("RETIRED"))
                .body("keys.find { it.kid == '" + oldKid + "' }.retiredReason", is("e-seal change"))
                .body("keys.find { it.kid == '" + oldKid + "' }.validTo", notNullValue())
                .body("keys.find { it.kid == '" + newKid + "' }.status", is("CURRENT"));
        given().contentType(ContentType.JSON).body(Map.of("payload", before.payload))
                .post("/api/public/certificates/verify").then().statusCode(200).body("result", is("VALID"))
                .body("status", is("VALID"));
        assertEquals(newKid, issueAppointment(unit).kid);
        assertEquals("image/jpeg", QuarkusTransaction.requiringNew().call(() ->
                IssuerSealImage.<IssuerSealImage>findById(unit.unitId()).contentType));
    }

    @Test
    void R24_cancellationRetiresTheKeyAndStopsIssuing() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath first = register(unit);
        String kid = first.getString("kid");

        String cancelId = submit(unit, "CANCEL").then().statusCode(201).extract().path("id");
        as(unit.username()).contentType("image/png").body(image("png"))
                .put("/api/seal-registrations/" + cancelId + "/image").then().statusCode(422)
                .body("code", is("SEAL_IMAGE_NOT_NEEDED"));
        approve(cancelId).then().statusCode(200).body("state", is("APPROVED")).body("business", is("CANCEL"))
                .body("kid", nullValue());

        as(unit.username()).get("/api/seal-registrations/" + first.getString("id")).then().body("state", is("RETIRED"));
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(404)
                .body("code", is("NO_SEAL_IN_FORCE"));
        given().get(TRUST_LIST).then().statusCode(200)
                .body("keys.find { it.kid == '" + kid + "' }.status", is("RETIRED"))
                .body("keys.find { it.kid == '" + kid + "' }.retiredReason", is("e-seal cancellation"));
        Problem refused = assertThrows(Problem.class, () -> issueAppointment(unit));
        assertEquals("SEAL_NOT_REGISTERED", refused.code());
        assertEquals(1, keysOf(unit), "cancellation makes no successor and issuing makes none either");
        assertEquals(1, audited("RETIRE_KEY", unit.unitId()));

        // a NEW registration may follow, and its approval makes a new key
        String again = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        upload(unit, again, image("png"), "image/png");
        String newKid = approve(again).then().statusCode(200).extract().path("kid");
        assertNotEquals(kid, newKid);
        assertEquals(newKid, issueAppointment(unit).kid);
    }

    @Test
    void R24_anInvalidCreditCodeIsRefusedNamingTheField() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        long rows = count(SealRegistration.class);
        long events = count(AuditEvent.class);
        Map<String, Object> body = application("NEW");
        body.put("creditCode", "91370700MA3C5JXK2M");
        as(unit.username()).body(body).post("/api/seal-registrations").then().statusCode(400)
                .body("code", is("INVALID_CREDIT_CODE")).body("errors.field", hasItem("creditCode"))
                .body("detail", containsString("'L'")).body("expectedCheckCharacter", is("L"));
        body.put("creditCode", "91370700MA3C5JXKIL");
        as(unit.username()).body(body).post("/api/seal-registrations").then().statusCode(400)
                .body("code", is("INVALID_CREDIT_CODE")).body("errors.field", hasItem("creditCode"));
        assertEquals(rows, count(SealRegistration.class));
        assertEquals(events, count(AuditEvent.class));
    }

    @Test
    void R24_anInvalidHandlerIdNumberIsRefusedNamingTheField() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        long rows = count(SealRegistration.class);
        Map<String, Object> body = application("NEW");
        body.put("handlerIdNumber", "370702198807120014");
        as(unit.username()).body(body).post("/api/seal-registrations").then().statusCode(400)
                .body("code", is("INVALID_ID_NUMBER")).body("errors.field", hasItem("handlerIdNumber"));
        assertEquals(rows, count(SealRegistration.class));
    }

    @Test
    void R24_theDeclarationMustBeAcceptedAndTheFieldsGiven() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        long rows = count(SealRegistration.class);
        Map<String, Object> body = application("NEW");
        body.put("declarationAccepted", false);
        body.put("handlerMobile", "0536-123");
        body.remove("address");
        as(unit.username()).body(body).post("/api/seal-registrations").then().statusCode(400)
                .body("code", is("VALIDATION_FAILED")).body("errors.field", hasItem("declarationAccepted"))
                .body("errors.field", hasItem("handlerMobile")).body("errors.field", hasItem("address"));
        assertEquals(rows, count(SealRegistration.class));
    }

    @Test
    void R24_aNewRegistrationWhileASealIsInForceIsRefused() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        UUID inForce = CatalogueFixtures.registeredSeal(unit);
        submit(unit, "NEW").then().statusCode(409).body("code", is("SEAL_IN_FORCE")).body("rule", is("R24"))
                .body("registrationId", is(inForce.toString()));
    }

    @Test
    void R24_aChangeOrCancellationWithoutASealInForceIsRefused() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        submit(unit, "CHANGE").then().statusCode(409).body("code", is("NO_SEAL_IN_FORCE")).body("rule", is("R24"));
        submit(unit, "CANCEL").then().statusCode(409).body("code", is("NO_SEAL_IN_FORCE"));
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(404)
                .body("code", is("NO_SEAL_IN_FORCE"));
    }

    @Test
    void R24_oneApplicationIsOpenAtATime() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        String id = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        submit(unit, "NEW").then().statusCode(409).body("code", is("SEAL_APPLICATION_PENDING"))
                .body("registrationId", is(id));
    }

    @Test
    void R24_theSealImageIsAPngOrJpegOfAtMostOneMegabyte() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        String id = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        long events = count(AuditEvent.class);
        upload(unit, id, "not a picture".getBytes(), "text/plain").then().statusCode(415)
                .body("code", is("UNSUPPORTED_MEDIA_TYPE"));
        // the header alone does not make a PNG, nor a JPEG declared as PNG
        upload(unit, id, "GIF89a....".getBytes(), "image/png").then().statusCode(415);
        upload(unit, id, image("jpeg"), "image/png").then().statusCode(415);
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        System.arraycopy(image("png"), 0, tooLarge, 0, 8);
        upload(unit, id, tooLarge, "image/png").then().statusCode(413).body("code", is("PAYLOAD_TOO_LARGE"));
        as(unit.username()).get("/api/seal-registrations/" + id).then().body("hasImage", is(false));
        as(unit.username()).get("/api/seal-registrations/" + id + "/image").then().statusCode(404)
                .body("code", is("SEAL_IMAGE_NOT_FOUND"));
        assertEquals(events, count(AuditEvent.class));
        upload(unit, id, image("jpeg"), "image/jpeg; charset=binary").then().statusCode(200)
                .body("imageContentType", is("image/jpeg"));
    }

    @Test
    void R24_approvingWithoutAnImageIsRefused() {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        String id = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        approve(id).then().statusCode(422).body("code", is("SEAL_IMAGE_MISSING")).body("rule", is("R24"));
        as("hrbureau").get("/api/seal-registrations/" + id).then().statusCode(200).body("state", is("SUBMITTED"))
                .body("kid", nullValue());
        assertEquals(0, keysOf(unit));
    }

    @Test
    void R24_aReturnedApplicationIsCorrectedAndSubmittedAgain() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        JsonPath submitted = submit(unit, "NEW").then().statusCode(201).extract().jsonPath();
        String id = submitted.getString("id");
        as("hrbureau").body(Map.of("version", submitted.getLong("version"))).post(route(id, "return")).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        JsonPath returned = as("hrbureau").body(Map.of("version", submitted.getLong("version"), "reason",
                "代表人姓名有误")).post(route(id, "return")).then().statusCode(200).body("state", is("RETURNED"))
                .body("decisionNote", is("代表人姓名有误")).extract().jsonPath();
        approve(id).then().statusCode(409).body("code", is("SEAL_REGISTRATION_NOT_SUBMITTED"));

        Map<String, Object> corrected = application("NEW");
        corrected.put("legalRepresentative", "孙立新");
        corrected.put("version", submitted.getLong("version"));
        as(unit.username()).body(corrected).put("/api/seal-registrations/" + id).then().statusCode(409)
                .body("code", is("STALE_VERSION"));
        corrected.put("version", returned.getLong("version"));
        as(unit.username()).body(corrected).put("/api/seal-registrations/" + id).then().statusCode(200)
                .body("state", is("SUBMITTED")).body("legalRepresentative", is("孙立新"))
                .body("decisionNote", nullValue());
        as(unit.username()).body(corrected).put("/api/seal-registrations/" + id).then().statusCode(409)
                .body("code", is("SEAL_REGISTRATION_NOT_RETURNED"));
        upload(unit, id, image("png"), "image/png").then().statusCode(200);
        approve(id).then().statusCode(200).body("state", is("APPROVED"));
        upload(unit, id, image("png"), "image/png").then().statusCode(409).body("code", is("SEAL_REGISTRATION_DECIDED"));
        as("hrbureau").body(Map.of("version", 0, "reason", "x")).post(route(id, "return")).then().statusCode(409);
    }

    @Test
    void anotherCitysBureauSeesNothingOfTheUnit() throws IOException {
        SelfEvaluatingUnit unit = CatalogueFixtures.selfEvaluatingUnit();
        String id = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        upload(unit, id, image("png"), "image/png");
        String other = otherCitysBureau();
        as(other).get("/api/seal-registrations/" + id).then().statusCode(404)
                .body("code", is("SEAL_REGISTRATION_NOT_FOUND"));
        as(other).get("/api/seal-registrations/" + id + "/image").then().statusCode(404);
        as(other).body(Map.of("version", 1)).post(route(id, "approve")).then().statusCode(404);
        as(other).get("/api/seal-registrations").then().statusCode(200).body("items.id", not(hasItem(id)));
        // nor does another unit, and a unit never decides
        SelfEvaluatingUnit stranger = CatalogueFixtures.selfEvaluatingUnit();
        as(stranger.username()).get("/api/seal-registrations/" + id).then().statusCode(404);
        as(unit.username()).body(Map.of("version", 1)).post(route(id, "approve")).then().statusCode(403);
        as(unit.username()).get("/api/seal-registrations").then().statusCode(200).body("total", is(1))
                .body("items[0].id", is(id));
        as("hrbureau").get("/api/seal-registrations/" + id).then().statusCode(200);
    }

    @Test
    void anOrdinaryUnitIsNotSelfEvaluating() {
        SelfEvaluatingUnit unit = CatalogueFixtures.ordinaryUnit();
        long rows = count(SealRegistration.class);
        submit(unit, "NEW").then().statusCode(403).body("code", is("NOT_SELF_EVALUATING"));
        as(unit.username()).get("/api/seal-registrations").then().statusCode(403)
                .body("code", is("NOT_SELF_EVALUATING"));
        as(unit.username()).get("/api/seal-registrations/current").then().statusCode(403)
                .body("code", is("NOT_SELF_EVALUATING"));
        assertEquals(rows, count(SealRegistration.class));
    }

    // ---- helpers ----

    private static Map<String, Object> application(String business) {
        Map<String, Object> body = new HashMap<>();
        body.put("business", business);
        body.put("unitName", "潍坊自主评聘单位");
        body.put("legalRepresentative", "孙立");
        body.put("creditCode", CREDIT_CODE);
        body.put("handlerName", "赵磊");
        body.put("handlerIdNumber", HANDLER_ID);
        body.put("handlerMobile", "13805360000");
        body.put("handlerPhone", "0536-8785000");
        body.put("address", "潍坊市奎文区东风东街5147号");
        body.put("declarationAccepted", true);
        return body;
    }

    private static io.restassured.response.Response submit(SelfEvaluatingUnit unit, String business) {
        return as(unit.username()).body(application(business)).post("/api/seal-registrations");
    }

    private static io.restassured.response.Response upload(SelfEvaluatingUnit unit, String id, byte[] bytes,
            String type) {
        return as(unit.username()).contentType(type).body(bytes).put("/api/seal-registrations/" + id + "/image");
    }

    private static io.restassured.response.Response approve(String id) {
        long version = as("hrbureau").get("/api/seal-registrations/" + id).then().extract().jsonPath()
                .getLong("version");
        return as("hrbureau").body(Map.of("version", version, "note", "材料齐全")).post(route(id, "approve"));
    }

    /** A NEW registration through the routes, approved; its view. */
    private static JsonPath register(SelfEvaluatingUnit unit) throws IOException {
        String id = submit(unit, "NEW").then().statusCode(201).extract().path("id");
        upload(unit, id, image("png"), "image/png").then().statusCode(200);
        return approve(id).then().statusCode(200).extract().jsonPath();
    }

    private static String route(String id, String step) {
        return "/api/seal-registrations/" + id + "/" + step;
    }

    /** The unit's appointment certificate of a fresh holder, made by the real issuer. */
    private Certificate issueAppointment(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> issuer.issue(unit.actor(), appointment(unit.unitId())));
    }

    private static IssueCommand appointment(UUID issuerId) {
        Actor holder = Fixtures.freshApplicant("聘任人");
        LocalDate today = LocalDate.now(ClockProducer.CHINA);
        return new IssueCommand(CertificateKind.APPOINTMENT, holder.personId(), issuerId, "高等学校教师", "电子信息",
                null, TitleLevel.DEPUTY_SENIOR, "副教授", today, today.plusYears(3), "自主评聘委员会",
                "评聘〔" + today.getYear() + "〕1号", null, null, false, null, null, null, null);
    }

    private static String unitCode(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> Unit.<Unit>findById(unit.unitId()).code);
    }

    private static long keysOf(SelfEvaluatingUnit unit) {
        return QuarkusTransaction.requiringNew().call(() -> SigningKey.count("issuerId", unit.unitId()));
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) SealRegistration.getEntityManager()
                .createQuery("select count(e) from " + entity.getSimpleName() + " e").getSingleResult());
    }

    private static long audited(String action, UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and subjectId = ?2",
                action, subject));
    }

    /** An HR bureau of another city, with a signed-in account. */
    private static String otherCitysBureau() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String username = "qd-hr-" + suffix.toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> {
            Unit bureau = new Unit();
            bureau.id = UUID.randomUUID();
            bureau.code = "QD" + suffix;
            bureau.name = "青岛市人力资源和社会保障局 " + suffix;
            bureau.kind = UnitKind.HR_BUREAU;
            bureau.region = "青岛市";
            bureau.createdAt = Instant.now();
            bureau.persist();
            Account.create(username, DemoUsers.PASSWORD, "青岛人社", Role.HR_BUREAU, null, bureau.id, null,
                    Instant.now()).persist();
        });
        TestCommittees.signIn(username);
        return username;
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage seal = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.RED);
        g.drawOval(4, 4, 56, 56);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(seal, format, out);
        return out.toByteArray();
    }
}
