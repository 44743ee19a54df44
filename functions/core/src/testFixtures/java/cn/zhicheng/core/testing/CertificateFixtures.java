package cn.zhicheng.core.testing;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.round.ReviewRound;
import cn.zhicheng.core.round.ReviewRounds;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.unit.Unit;
import cn.zhicheng.core.unit.UnitKind;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Filed applications ready for a certificate: the photo the certificate prints (R27) recorded as uploaded, the
 * grassroots track (R30) where asked, and rounds of them on a committee of their own; and an HR bureau that issued
 * none of them (R29).
 */
public final class CertificateFixtures {

    /** What a filed application carries into its certificate. */
    public record Filing(boolean photo, boolean grassroots, String practisedSpecialty) {

        public static final Filing PLAIN = new Filing(true, false, null);
    }

    /** A round of filed applications of a fresh committee, in the order made. */
    public record FiledRound(UUID roundId, List<UUID> applications) {
    }

    private CertificateFixtures() {
    }

    /** A filed engineering application of the applicant on the demo committee, with the given filing details. */
    public static UUID filed(Actor applicant, Filing filing) {
        return filed(applicant, null, filing);
    }

    public static UUID filed(Actor applicant, UUID committeeId, Filing filing) {
        UUID id = Fixtures.applicationIn(ApplicationState.FILED, committeeId, TitleLevel.INTERMEDIATE, "电气工程",
                applicant);
        QuarkusTransaction.requiringNew().run(() -> {
            Application application = Application.findById(id);
            application.grassroots = filing.grassroots();
            application.practisedSpecialty = filing.practisedSpecialty();
            if (filing.photo()) {
                // the photo upload route records these; the file itself is not read when issuing
                application.photoKey = "applications/" + id + "/photo";
                application.photoContentType = "image/jpeg";
                application.photoSize = 20_480L;
                application.photoUploadedAt = Instant.now();
            }
        });
        return id;
    }

    /** A fresh committee's round of the year with one filed application per filing, of fresh applicants. */
    public static FiledRound filedRound(int year, List<Filing> filings) {
        TestCommittees.TestCommittee committee = TestCommittees.committee(Set.of(TitleLevel.INTERMEDIATE));
        List<UUID> applications = new ArrayList<>();
        for (Filing filing : filings) {
            applications.add(filed(Fixtures.freshApplicant("批量持证人"), committee.id(), filing));
        }
        Actor office = DemoUsers.actor(committee.office());
        UUID roundId = QuarkusTransaction.requiringNew().call(() -> {
            ReviewRound round = Arc.container().instance(ReviewRounds.class).get()
                    .openFor(Committee.findById(committee.id()), year, office);
            applications.forEach(id -> Application.<Application>findById(id).roundId = round.id);
            return round.id;
        });
        return new FiledRound(roundId, applications);
    }

    /** The username of a signed-in HR bureau of another city, which issued none of the demo certificates. */
    public static String otherBureau() {
        String username = freshBureau().username();
        TestCommittees.signIn(username);
        return username;
    }

    /** An HR bureau of its own with one account (password the demo one), for tests that need a clean issuer. */
    public static Actor freshBureau() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Unit unit = new Unit();
            unit.id = UUID.randomUUID();
            unit.code = "QD" + suffix;
            unit.name = "青岛市人力资源和社会保障局 " + suffix;
            unit.kind = UnitKind.HR_BUREAU;
            unit.region = "青岛市";
            unit.createdAt = now;
            unit.persist();
            Account account = Account.create("qdhr-" + suffix.toLowerCase(Locale.ROOT), DemoUsers.PASSWORD,
                    "青岛人社" + suffix, Role.HR_BUREAU, null, unit.id, null, now);
            account.persist();
            return new Actor(account.id, account.username, account.displayName, account.role, account.unitId, null,
                    null);
        });
    }
}
