package cn.zhicheng.spotcheck;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static cn.zhicheng.spotcheck.SpotCheckTesting.audits;
import static cn.zhicheng.spotcheck.SpotCheckTesting.conclude;
import static cn.zhicheng.spotcheck.SpotCheckTesting.findingPath;
import static cn.zhicheng.spotcheck.SpotCheckTesting.recordAll;
import static cn.zhicheng.spotcheck.SpotCheckTesting.rows;
import static cn.zhicheng.spotcheck.SpotCheckTesting.sample;
import static cn.zhicheng.spotcheck.SpotCheckTesting.samplePath;
import static cn.zhicheng.spotcheck.SpotCheckTesting.state;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.SpotCheckFixtures;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.spotcheck.integrity.rest.IntegrityRequests;
import cn.zhicheng.spotcheck.integrity.service.FraudService;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The office concludes a sample once it is fully checked (R18); the HR bureau confirms fraud (R20, R21). */
@QuarkusTest
class ConclusionAndFraudTest {

    private static final List<String> INSPECTORS = List.of("expert2", "expert3");

    @BeforeEach
    void signIn() {
        SpotCheckTesting.signInAll();
    }

    @Test
    void R18_conclusionRefusedWhileFindingsIncomplete() {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 2, INSPECTORS, List.of());
        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence(), "expert2");
        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence().subList(0, 1), "expert3");
        SampledApplication before = sample(drawn.drawId(), drawn.applicationId());
        long audits = audits();

        as("office").body(Map.of("outcome", "CLEAR", "version", before.version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(409).body("code", is("FINDINGS_INCOMPLETE")).body("rule", is("R18"))
                .body("missing", is(1));
        SampledApplication after = sample(drawn.drawId(), drawn.applicationId());
        assertNull(after.outcome, "nothing was concluded");
        assertEquals(before.version, after.version);
        assertEquals(audits, audits(), "nothing was written");

        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence().subList(1, 2), "expert3");
        as("office").body(Map.of("outcome", "PROBLEM", "version", before.version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as("office").body(Map.of("outcome", "FRAUD_CONFIRMED", "note", "x", "version", before.version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(422).body("code", is("OUTCOME_NOT_ALLOWED"));
        // another committee's office does not see this draw
        as("office2").body(Map.of("outcome", "CLEAR", "version", before.version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(404);
        as("office").body(Map.of("outcome", "CLEAR", "version", before.version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(200).body("outcome", is("CLEAR"))
                .body("findings", hasSize(4)).body("inspectors.findings", is(List.of(2, 2)));

        // R18: after the conclusion nothing more is recorded or concluded
        long concluded = audits();
        as("expert2").body(Map.of("result", "PROBLEM", "note", "too late"))
                .put(findingPath(drawn.drawId(), drawn.applicationId(), drawn.evidence().get(0)))
                .then().statusCode(409).body("code", is("ALREADY_CONCLUDED")).body("rule", is("R18"));
        as("office").body(Map.of("outcome", "PROBLEM", "note", "again", "version",
                sample(drawn.drawId(), drawn.applicationId()).version))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/conclusion")
                .then().statusCode(409).body("code", is("ALREADY_CONCLUDED"));
        assertEquals(concluded, audits(), "nothing was written");
    }

    @Test
    void R18_conclusionOfAnApplicationNotInTheSampleIsRefused() {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 1, INSPECTORS, List.of());
        long audits = audits();
        as("office").body(Map.of("outcome", "CLEAR", "version", 0))
                .post(samplePath(drawn.drawId(), drawn.notSampledId()) + "/conclusion")
                .then().statusCode(404).body("code", is("NOT_IN_SAMPLE")).body("rule", is("R18"));
        assertEquals(audits, audits(), "nothing was written");
    }

    @Test
    void R20_fraudConfirmedVoidsBansAndRecords() {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.UNDER_REVIEW, 1, INSPECTORS,
                List.of());
        String path = samplePath(drawn.drawId(), drawn.applicationId()) + "/fraud-confirmation";
        Map<String, Object> body = Map.of("reason", "学历证书系伪造，经发证机关核实");

        // R20: only a sample the office concluded FRAUD_SUSPECTED
        long audits = audits();
        as("hrbureau").body(body).post(path).then().statusCode(409).body("code", is("NOT_FRAUD_SUSPECTED"))
                .body("rule", is("R20"));
        assertEquals("UNDER_REVIEW", state(drawn.applicationId()));
        assertEquals(0, rows(() -> IntegrityRecord.count("applicationId", drawn.applicationId())));
        assertEquals(audits, audits(), "nothing was written");

        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence(), "expert2", "expert3");
        conclude(drawn.drawId(), drawn.applicationId(), "FRAUD_SUSPECTED");
        as("office").body(body).post(path).then().statusCode(403);

        LocalDate today = today();
        List<String> records = as("hrbureau").body(body).post(path).then().statusCode(200)
                .body("outcome", is("FRAUD_CONFIRMED")).body("applicationState", is("VOID"))
                .body("integrityRecordIds", hasSize(1)).extract().jsonPath().getList("integrityRecordIds");
        // the draw's view shows the sample in the same shape, its integrity records included
        as("hrbureau").get("/api/spotchecks/" + drawn.drawId()).then().statusCode(200)
                .body("samples.find { it.applicationId == '" + drawn.applicationId() + "' }.integrityRecordIds",
                        is(records));
        assertEquals("VOID", state(drawn.applicationId()));
        UUID applicant = drawn.applicant().personId();
        QuarkusTransaction.requiringNew().run(() -> {
            IntegrityRecord record = IntegrityRecord.find("applicationId", drawn.applicationId()).firstResult();
            assertEquals(IntegrityKind.FRAUD, record.kind);
            assertEquals(applicant, record.personId);
            assertEquals(drawn.drawId(), record.spotCheckDrawId);
            assertEquals(today, record.confirmedOn);
            assertEquals(today.plusYears(5), record.banEndsOn, "R20: five years from the confirmation");
            // the applicant's next submission is refused by this ban (ApplicationService.requireNoBan, submit tests)
            assertTrue(IntegrityRecord.activeBan(applicant, today).isPresent());
            assertEquals(1, AuditEvent.count("subjectId = ?1 and action = 'VOID_FOR_FRAUD'", drawn.applicationId()));
            assertEquals(1, AuditEvent.count("subjectId = ?1 and action = 'INTEGRITY_RECORD_ENTER'", record.id));
        });

        // confirmed once: a second confirmation is refused and writes nothing
        long confirmed = audits();
        as("hrbureau").body(body).post(path).then().statusCode(409).body("code", is("NOT_FRAUD_SUSPECTED"));
        assertEquals(confirmed, audits());
        assertEquals(1, rows(() -> IntegrityRecord.count("applicationId", drawn.applicationId())));
    }

    @Test
    void R20_certifiedApplicationIsRevokedWithItsCertificate() {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.CERTIFIED, 1, INSPECTORS,
                List.of());
        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence(), "expert2", "expert3");
        conclude(drawn.drawId(), drawn.applicationId(), "FRAUD_SUSPECTED");

        as("hrbureau").body(Map.of("reason", "业绩材料系伪造"))
                .post(samplePath(drawn.drawId(), drawn.applicationId()) + "/fraud-confirmation")
                .then().statusCode(200).body("applicationState", is("REVOKED"));
        QuarkusTransaction.requiringNew().run(() -> {
            Certificate certificate = Certificate.findByApplication(drawn.applicationId()).orElseThrow();
            assertEquals(CertificateStatus.REVOKED, certificate.status);
            assertNotNull(certificate.revokedAt);
            assertTrue(certificate.revocationReason.contains("业绩材料系伪造"), certificate.revocationReason);
            IntegrityRecord record = IntegrityRecord.find("applicationId", drawn.applicationId()).firstResult();
            assertEquals(certificate.id, record.certificateId);
            assertEquals(1, AuditEvent.count("subjectId = ?1 and action = 'REVOKE'", drawn.applicationId()));
            assertEquals(1, AuditEvent.count("subjectId = ?1 and action = 'CERTIFICATE_REVOKE'", certificate.id));
        });
    }

    @Test
    void R21_falseProofNamesUnitAndBarsResponsibleProfessional() {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 1, INSPECTORS, List.of());
        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence(), "expert2", "expert3");
        conclude(drawn.drawId(), drawn.applicationId(), "FRAUD_SUSPECTED");
        String path = samplePath(drawn.drawId(), drawn.applicationId()) + "/fraud-confirmation";
        UUID unitId = QuarkusTransaction.requiringNew().call(() -> Unit.findByCode("WFDLSJY").orElseThrow().id);
        String idNumber = SpotCheckTesting.freshIdNumber();

        // a bad ID number is refused before anything changes
        Map<String, Object> falseProof = new HashMap<>(Map.of("unitId", unitId, "responsibleName", "赵立新",
                "responsibleIdNumber", "370702198001011234"));
        long audits = audits();
        as("hrbureau").body(Map.of("reason", "单位出具虚假工作证明", "falseProof", falseProof)).post(path)
                .then().statusCode(400).body("code", is("INVALID_ID_NUMBER"))
                .body("errors.field", hasItem("falseProof.responsibleIdNumber"));
        assertEquals("ACCEPTED", state(drawn.applicationId()));
        assertEquals(SampleOutcome.FRAUD_SUSPECTED, sample(drawn.drawId(), drawn.applicationId()).outcome);
        assertEquals(0, rows(() -> IntegrityRecord.count("applicationId", drawn.applicationId())));
        assertEquals(audits, audits(), "nothing was written");

        falseProof.put("responsibleIdNumber", idNumber);
        as("hrbureau").body(Map.of("reason", "单位出具虚假工作证明", "falseProof", falseProof)).post(path)
                .then().statusCode(200).body("applicationState", is("VOID")).body("integrityRecordIds", hasSize(2));
        LocalDate today = today();
        QuarkusTransaction.requiringNew().run(() -> {
            Person responsible = Person.findByIdNumber(idNumber).orElseThrow();
            assertEquals("赵立新", responsible.name);
            IntegrityRecord record = IntegrityRecord.find("applicationId = ?1 and kind = ?2", drawn.applicationId(),
                    IntegrityKind.FALSE_PROOF).firstResult();
            assertEquals(unitId, record.unitId, "R21: the unit is named");
            assertEquals(responsible.id, record.personId);
            assertEquals(today.plusYears(5), record.banEndsOn);
            IntegrityRecord ban = IntegrityRecord.activeBan(responsible.id, today).orElseThrow();
            assertEquals(IntegrityKind.FALSE_PROOF, ban.kind, "R21: the responsible professional is barred");
        });
    }

    @Test
    void R20_twoStaffConfirmingTheSameFraudAtOnceConfirmItOnce() throws Exception {
        SpotCheckFixtures.Drawn drawn = SpotCheckFixtures.drawn(ApplicationState.ACCEPTED, 1, INSPECTORS, List.of());
        recordAll(drawn.drawId(), drawn.applicationId(), drawn.evidence(), "expert2", "expert3");
        conclude(drawn.drawId(), drawn.applicationId(), "FRAUD_SUSPECTED");
        FraudService fraud = Arc.container().instance(FraudService.class).get();
        Actor bureau = DemoUsers.actor("hrbureau");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        fraud.confirm(bureau, drawn.drawId(), drawn.applicationId(),
                                new IntegrityRequests.FraudConfirmation("同时确认", null));
                        return "OK";
                    } catch (Problem problem) {
                        return problem.code();
                    }
                }));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                codes.add(outcome.get(30, TimeUnit.SECONDS));
            }
            codes.sort(null);
            assertEquals(List.of("NOT_FRAUD_SUSPECTED", "OK"), codes, "one winner, one refusal");
        } finally {
            pool.shutdownNow();
        }
        assertEquals("VOID", state(drawn.applicationId()));
        assertEquals(1, rows(() -> IntegrityRecord.count("applicationId", drawn.applicationId())));
        assertEquals(1, rows(() -> AuditEvent.count("subjectId = ?1 and action = 'FRAUD_CONFIRM'", drawn.drawId())));
    }

    private static LocalDate today() {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(DeadlineService.class).get()
                .today());
    }
}
