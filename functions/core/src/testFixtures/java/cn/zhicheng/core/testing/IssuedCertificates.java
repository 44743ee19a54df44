package cn.zhicheng.core.testing;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.time.SettableClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issued certificates for tests that start after issuance (status, PDF, report, seal): made by the real
 * {@link CertificateIssuer}, so they are signed with the issuer's current key through the signer port and
 * {@code CertificateIssued} is fired, without walking an application to FILED first.
 */
public final class IssuedCertificates {

    public static final String ISSUER_CODE = "WFHRSS";
    public static final String HOLDER_NAME = "张伟";
    private static final SecureRandom RANDOM = new SecureRandom();

    private IssuedCertificates() {
    }

    /** What a test needs to know of a certificate it made. */
    public record Issued(UUID id, String number, String payload, String publicationNumber) {
    }

    /**
     * A title certificate to issue: by whom, to whom, on which China date (null: today by the clock port), on the
     * grassroots track (R30) or not, and the key and type of a photo already in the evidence store, if any.
     */
    public record Spec(Actor issuer, Actor holder, LocalDate issuedOn, boolean grassroots, String photoKey,
            String photoContentType) {

        /** The demo HR bureau's certificate of the demo applicant, today, without a photo, off the grassroots track. */
        public static Spec demo() {
            return new Spec(DemoUsers.actor("hrbureau"), DemoUsers.actor("applicant"), null, false, null, null);
        }

        public Spec by(Actor bureau) {
            return new Spec(bureau, holder, issuedOn, grassroots, photoKey, photoContentType);
        }

        /** Issued on that date: the clock port is moved there for the issue (a key first made then dates from it). */
        public Spec on(LocalDate date) {
            return new Spec(issuer, holder, date, grassroots, photoKey, photoContentType);
        }

        public Spec grassroots(boolean onTheTrack) {
            return new Spec(issuer, holder, issuedOn, onTheTrack, photoKey, photoContentType);
        }

        public Spec photo(String key, String contentType) {
            return new Spec(issuer, holder, issuedOn, grassroots, key, contentType);
        }
    }

    public static Issued issue(Spec spec) {
        IssueCommand command = new IssueCommand(CertificateKind.TITLE, spec.holder().personId(),
                spec.issuer().unitId(), "工程技术", "电气工程", "配电自动化", TitleLevel.INTERMEDIATE, null, null, null,
                "潍坊市工程技术中级职称评审委员会", publicationNumber(spec.issuedOn() == null ? today() : spec.issuedOn()),
                spec.photoKey(), spec.photoContentType(), spec.grassroots(), null, null, null, null);
        return onDate(spec.issuedOn(), () -> QuarkusTransaction.requiringNew().call(() -> {
            Certificate c = issuer().issue(spec.issuer(), command);
            return new Issued(c.id, c.number, c.payload, c.publicationNumber);
        }));
    }

    /** A VALID title certificate of the demo HR bureau issued today; returns its number. */
    public static String title() {
        return issue(Spec.demo()).number();
    }

    /** A VALID appointment certificate whose term ends on {@code termEndsOn}; returns its number. */
    public static String appointment(LocalDate termEndsOn) {
        Spec demo = Spec.demo();
        IssueCommand command = new IssueCommand(CertificateKind.APPOINTMENT, demo.holder().personId(),
                demo.issuer().unitId(), "工程技术", "电气工程", null, TitleLevel.INTERMEDIATE, "工程师",
                termEndsOn.minusYears(3), termEndsOn, "潍坊市工程技术中级职称评审委员会", publicationNumber(today()),
                null, null, false, null, null, null, null);
        return QuarkusTransaction.requiringNew().call(() -> issuer().issue(demo.issuer(), command).number);
    }

    public static void revoke(String number, RevocationCause cause, Instant at) {
        QuarkusTransaction.requiringNew().run(() ->
                Certificate.findByNumber(number).orElseThrow().revoke(cause, "test: " + cause, at));
    }

    /** R29: a reissue of the certificate, which becomes SUPERSEDED at {@code at}; returns the new number. */
    public static String reissue(String number, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Certificate old = Certificate.findByNumber(number).orElseThrow();
            Certificate next = issuer().issue(actorOf(old.issuerId), IssueCommand.reissueOf(old, ReissueReason.LOST));
            // the issuer supersedes at the clock's now; the caller's instant lets a test assert it to the second
            old.supersededAt = at;
            return next.number;
        });
    }

    /** Today in China by the system's clock port. */
    public static LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), ClockProducer.CHINA);
    }

    private static String publicationNumber(LocalDate issuedOn) {
        return "潍人社字〔" + issuedOn.getYear() + "〕" + (10 + RANDOM.nextInt(89)) + "号";
    }

    /** Runs {@code work} with the clock port at 10:00 (China) of {@code date}, then puts the clock back. */
    private static <T> T onDate(LocalDate date, Supplier<T> work) {
        if (date == null || date.equals(today())) {
            return work.get();
        }
        SettableClock clock = SettableClock.of(clock());
        Duration offset = Duration.between(Instant.now(), clock.instant());
        clock.set(date.atTime(LocalTime.of(10, 0)).atZone(ClockProducer.CHINA).toInstant());
        try {
            return work.get();
        } finally {
            clock.set(Instant.now().plus(offset));
        }
    }

    /** An account of the issuing unit, who the audit trail records as having reissued. */
    private static Actor actorOf(UUID unitId) {
        Account a = Account.<Account>find("unitId = ?1 order by username", unitId).firstResult();
        return new Actor(a.id, a.username, a.displayName, a.role, a.unitId, a.personId, a.committeeId);
    }

    private static CertificateIssuer issuer() {
        return Arc.container().instance(CertificateIssuer.class).get();
    }

    private static Clock clock() {
        return Arc.container().instance(Clock.class).get();
    }
}
