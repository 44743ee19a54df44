package cn.zhicheng.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditChainVerifier;
import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.IssuanceReport;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineState;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.time.ClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bulk steps a round's issuance takes: certificates written as one batch, the applications' transition checked
 * and applied at once, and audit events chained in memory and written together. Each must leave exactly what the
 * one-at-a-time steps leave.
 */
@QuarkusTest
class CertificateBatchTest {

    @Inject
    CertificateIssuer issuer;

    @Inject
    ApplicationStateMachine stateMachine;

    @Inject
    AuditTrail audit;

    @Inject
    AuditChainVerifier auditChain;

    @Test
    void R28_certificatesWrittenInABatchReadBackAsIssuedAndOpenTheIssuersReportOnce() throws Exception {
        // a bureau without a key or a report: both are made inside the batch the rows refer to
        Actor bureau = CertificateFixtures.freshBureau();
        LocalDate today = LocalDate.now(ClockProducer.CHINA);
        List<IssueCommand> commands = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Actor holder = Fixtures.freshApplicant("批写" + i);
            commands.add(i % 10 == 9
                    ? new IssueCommand(CertificateKind.APPOINTMENT, holder.personId(), bureau.unitId(), "高等学校教师",
                            "电子信息", "嵌入式系统", TitleLevel.DEPUTY_SENIOR, "副教授", today, today.plusYears(3),
                            "潍坊学院教师职务评审委员会", "潍院人〔2026〕3号", "applications/x/photo", "image/png", false,
                            null, null, null, null)
                    : new IssueCommand(CertificateKind.TITLE, holder.personId(), bureau.unitId(), "工程技术",
                            "电气工程", i % 2 == 0 ? null : "输变电工程", TitleLevel.INTERMEDIATE, null, null, null,
                            "潍坊市工程技术中级职称评审委员会", "潍人社字〔2026〕9号", null, null, i % 3 == 0, null, null,
                            null, null));
        }

        List<Certificate> issued = QuarkusTransaction.requiringNew().call(() -> issuer.issueAll(bureau, commands));

        assertEquals(40, issued.size());
        assertEquals(40, issued.stream().map(c -> c.number).distinct().count());
        for (Certificate certificate : issued) {
            Certificate stored = QuarkusTransaction.requiringNew().call(() -> Certificate.findById(certificate.id));
            for (Field field : Certificate.class.getFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    assertEquals(stored(field.get(certificate)), field.get(stored),
                            field.getName() + " of " + certificate.number);
                }
            }
            assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                    "subjectId = ?1 and action = 'ISSUE'", certificate.id)));
        }
        long reports = QuarkusTransaction.requiringNew().call(() -> IssuanceReport.count("issuerId = ?1 and year = ?2",
                bureau.unitId(), today.getYear()));
        assertEquals(1, reports);
        AuditChainVerifier.Result chain = QuarkusTransaction.requiringNew().call(auditChain::verify);
        assertTrue(chain.intact(), chain.toString());
    }

    @Test
    void R25_eventsRecordedTogetherAndOneByOneMakeOneChainTheVerifierAccepts() {
        Actor actor = DemoUsers.actor("hrbureau");
        UUID subject = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record(actor, change(subject, "FIRST"));
            audit.recordAll(actor, List.of(change(subject, "SECOND"), change(subject, "THIRD"),
                    change(subject, "FOURTH")));
            audit.record(actor, change(subject, "FIFTH"));
        });

        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.listBySubject("TEST",
                subject));
        assertEquals(List.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH"), events.stream().map(e -> e.action)
                .toList());
        assertEquals("批量审计\tTHIRD\\N\r\n末行", events.get(2).note);
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).seq + 1, events.get(i).seq);
            assertEquals(events.get(i - 1).hash, events.get(i).prevHash);
        }
        AuditChainVerifier.Result result = QuarkusTransaction.requiringNew().call(auditChain::verify);
        assertTrue(result.intact(), result.toString());
    }

    @Test
    void aStepOfManyApplicationsRefusedForOneIsRefusedForAllAndWritesNothing() {
        UUID filed = Fixtures.applicationIn(ApplicationState.FILED);
        UUID alsoFiled = Fixtures.applicationIn(ApplicationState.FILED);
        UUID passed = Fixtures.applicationIn(ApplicationState.PASSED);
        List<ApplicationStateMachine.Current> read = current(List.of(filed, passed, alsoFiled));
        long events = auditedSteps(filed, alsoFiled, passed);

        Problem illegal = assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().run(() ->
                stateMachine.applyAll(read, ApplicationTransition.CERTIFY, DemoUsers.actor("hrbureau"), "批量")));
        assertEquals("ILLEGAL_TRANSITION", illegal.code());
        assertEquals(409, illegal.status());
        assertEquals(passed, illegal.extensions().get("applicationId"));
        Problem forbidden = assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().run(() ->
                stateMachine.applyAll(current(List.of(filed, alsoFiled)), ApplicationTransition.CERTIFY,
                        DemoUsers.actor("office"), "批量")));
        assertEquals(403, forbidden.status());

        assertEquals(read, current(List.of(filed, passed, alsoFiled)), "states and versions unchanged");
        assertEquals(events, auditedSteps(filed, alsoFiled, passed), "no audit event written");
    }

    @Test
    void aStepOfManyApplicationsFailsWithAStaleVersionAndWritesNothing() {
        UUID first = Fixtures.applicationIn(ApplicationState.FILED);
        UUID changed = Fixtures.applicationIn(ApplicationState.FILED);
        List<ApplicationStateMachine.Current> read = current(List.of(first, changed));
        QuarkusTransaction.requiringNew().run(() -> Application.<Application>findById(changed).decisionNote = "改");

        assertThrows(OptimisticLockException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                stateMachine.applyAll(read, ApplicationTransition.CERTIFY, DemoUsers.actor("hrbureau"), "批量")));

        assertEquals(ApplicationState.FILED, current(List.of(first)).get(0).state());
        assertEquals(read.get(0).version(), current(List.of(first)).get(0).version());
        assertEquals(0, auditedSteps(first, changed));
    }

    @Test
    void aStepOfManyApplicationsMovesEachAndMeetsItsDeadlinesAsOneStepWould() {
        UUID one = Fixtures.applicationIn(ApplicationState.RESULT_PUBLICITY);
        UUID two = Fixtures.applicationIn(ApplicationState.RESULT_PUBLICITY);
        List<ApplicationStateMachine.Current> read = current(List.of(one, two));

        QuarkusTransaction.requiringNew().run(() -> stateMachine.applyAll(read, ApplicationTransition.FILE,
                DemoUsers.actor("hrbureau"), "备案"));

        List<ApplicationStateMachine.Current> after = current(List.of(one, two));
        for (int i = 0; i < 2; i++) {
            assertEquals(ApplicationState.FILED, after.get(i).state());
            assertEquals(read.get(i).version() + 1, after.get(i).version());
            UUID id = read.get(i).id();
            AuditEvent step = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                    "subjectId = ?1 and action = 'FILE'", id).singleResult());
            assertEquals("RESULT_PUBLICITY", step.fromState);
            assertEquals("FILED", step.toState);
            assertEquals(DeadlineState.MET, QuarkusTransaction.requiringNew().call(() -> Deadline.findFor(
                    DeadlineKind.RESULT_NOTICE, id).orElseThrow().state));
        }
    }

    /** A note with what COPY's text format escapes, so a row written differently would break its hash. */
    private static AuditTrail.Change change(UUID subject, String action) {
        return new AuditTrail.Change(action, "TEST", subject, null, null, "批量审计\t" + action + "\\N\r\n末行");
    }

    private static List<ApplicationStateMachine.Current> current(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream().map(id -> {
            Application application = Application.findById(id);
            return new ApplicationStateMachine.Current(id, application.state(), application.version);
        }).toList());
    }

    private static long auditedSteps(UUID... applications) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("subjectId in ?1 and action = ?2",
                List.of(applications), ApplicationTransition.CERTIFY.name()));
    }

    /** The database keeps instants to the microsecond. */
    private static Object stored(Object value) {
        return value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : value;
    }
}
