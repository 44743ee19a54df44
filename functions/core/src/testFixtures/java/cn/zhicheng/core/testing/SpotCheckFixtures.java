package cn.zhicheng.core.testing;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.expert.Expert;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.spotcheck.Inspector;
import cn.zhicheng.core.spotcheck.InspectorRecusal;
import cn.zhicheng.core.spotcheck.PopulationMember;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spot-check draws built without the draw service: a DRAWN draw of the demo committee's round with sampled
 * applications, their uploaded evidence, inspectors and recusals inserted directly, so the findings and
 * consequences can be tested on their own (R18-R21).
 */
public final class SpotCheckFixtures {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 900_000);

    /** A drawn draw, its sampled application, that application's evidence items, and one application not sampled. */
    public record Drawn(UUID drawId, UUID applicationId, List<UUID> evidence, UUID notSampledId) {
    }

    private SpotCheckFixtures() {
    }

    /**
     * A DRAWN draw with one application of the demo applicant in the given state sampled (ACCEPTED or later, or
     * CERTIFIED with a certificate), {@code items} uploaded evidence items, the given experts (usernames) as its
     * inspectors and the others recused; plus a second application in the population but not in the sample.
     */
    public static Drawn drawn(ApplicationState state, int items, List<String> inspectors, List<String> recused) {
        UUID sampled = state == ApplicationState.CERTIFIED ? certified() : Fixtures.applicationIn(state);
        UUID notSampled = Fixtures.applicationIn(ApplicationState.ACCEPTED);
        Actor office = DemoUsers.actor("office");
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Application application = Application.findById(sampled);
            Committee committee = Committee.findById(application.committeeId);
            ReviewRound round = Arc.container().instance(ReviewRounds.class).get().openFor(committee,
                    LocalDate.now().getYear(), office);
            SpotCheck draw = new SpotCheck();
            draw.id = UUID.randomUUID();
            draw.committeeId = committee.id;
            draw.roundId = round.id;
            draw.seriesId = application.seriesId;
            draw.state = SpotCheckState.DRAWN;
            draw.ratio = new BigDecimal("0.5");
            draw.inspectorsPerApplication = inspectors.size();
            draw.seedCommitment = "a".repeat(64);
            draw.serverSalt = "b".repeat(64);
            draw.populationHash = "c".repeat(64);
            draw.populationSize = 2;
            draw.seed = "d".repeat(64);
            draw.sampleSize = 1;
            draw.committedBy = office.accountId();
            draw.committedAt = now;
            draw.drawnBy = office.accountId();
            draw.drawnAt = now;
            draw.createdAt = now;
            draw.persist();
            for (UUID member : List.of(sampled, notSampled)) {
                PopulationMember row = new PopulationMember();
                row.drawId = draw.id;
                row.applicationId = member;
                row.persist();
            }
            SampledApplication sample = new SampledApplication();
            sample.drawId = draw.id;
            sample.applicationId = sampled;
            sample.drawRank = 1;
            sample.persist();
            int rank = 1;
            for (String username : inspectors) {
                Inspector inspector = new Inspector();
                inspector.drawId = draw.id;
                inspector.applicationId = sampled;
                inspector.expertId = expertId(username);
                inspector.drawRank = rank++;
                inspector.persist();
            }
            for (String username : recused) {
                InspectorRecusal recusal = new InspectorRecusal();
                recusal.drawId = draw.id;
                recusal.applicationId = sampled;
                recusal.expertId = expertId(username);
                recusal.reason = "same unit as the applicant";
                recusal.persist();
            }
            List<UUID> evidence = new ArrayList<>();
            for (int i = 1; i <= items; i++) {
                EvidenceItem item = new EvidenceItem();
                item.id = UUID.randomUUID();
                item.applicationId = sampled;
                item.kind = EvidenceKind.APPLICANT;
                item.title = "证明材料 " + i;
                item.fileName = "evidence-" + i + ".pdf";
                item.contentType = "application/pdf";
                item.size = 1024;
                item.objectKey = "applications/" + sampled + "/" + item.id;
                item.status = EvidenceItem.Status.UPLOADED;
                item.uploadedAt = now;
                item.createdAt = now.plusMillis(i);
                item.persist();
                evidence.add(item.id);
            }
            return new Drawn(draw.id, sampled, evidence, notSampled);
        });
    }

    /** A filed application of the demo applicant certified, with a certificate row of a well-formed number. */
    public static UUID certified() {
        UUID applicationId = Fixtures.applicationIn(ApplicationState.FILED);
        Actor bureau = DemoUsers.actor("hrbureau");
        QuarkusTransaction.requiringNew().run(() -> {
            Application application = Application.findById(applicationId);
            Arc.container().instance(ApplicationStateMachine.class).get().apply(application,
                    ApplicationTransition.CERTIFY, bureau, "fixture");
            Committee committee = Committee.findById(application.committeeId);
            Unit issuer = Unit.findById(committee.hrBureauId);
            SigningKey key = SigningKey.<SigningKey>find("issuerId", issuer.id).firstResultOptional().orElseGet(() -> {
                SigningKey created = new SigningKey();
                created.kid = "fixture-" + UUID.randomUUID().toString().substring(0, 8);
                created.issuerId = issuer.id;
                created.provider = "local";
                created.keyRef = "fixture";
                created.publicKey = "fixture";
                created.validFrom = Instant.now();
                created.persist();
                return created;
            });
            Person holder = Person.findById(application.applicantId);
            Certificate certificate = new Certificate();
            certificate.id = UUID.randomUUID();
            certificate.number = CertificateNumber.of("FX", LocalDate.now().getYear(), SERIAL.incrementAndGet())
                    .value();
            certificate.applicationId = application.id;
            certificate.personId = holder.id;
            certificate.issuerId = issuer.id;
            certificate.kid = key.kid;
            certificate.holderName = holder.name;
            certificate.seriesName = Series.<Series>findById(application.seriesId).nameZh;
            certificate.level = application.level;
            certificate.specialty = application.specialty;
            certificate.committeeName = committee.name;
            certificate.issuedOn = LocalDate.now();
            certificate.payload = "fixture";
            certificate.status = CertificateStatus.VALID;
            certificate.createdAt = Instant.now();
            certificate.persist();
        });
        return applicationId;
    }

    /** Marks the draw superseded, as drawing its correction would. */
    public static void supersede(UUID drawId) {
        QuarkusTransaction.requiringNew().run(() -> SpotCheck.<SpotCheck>findById(drawId).state =
                SpotCheckState.SUPERSEDED);
    }

    public static UUID expertId(String username) {
        Account account = Account.findByUsername(username).orElseThrow();
        return Expert.findByAccount(account.id).orElseThrow().id;
    }
}
