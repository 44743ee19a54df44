package cn.zhicheng.certificate.mapping;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.ReissueReason;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.certificate.VerifyLinks;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.TitleLevel;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Maps certificates to the public view (after a lookup) and the full view (holder and issuer). */
@ApplicationScoped
public class CertificateViews {

    private final ZhichengConfig config;
    private final Clock clock;

    public CertificateViews(ZhichengConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What anyone sees after a lookup by number and name: the masked ID only, no free-text reasons. */
    public record Public(String number, CertificateKind kind, String holderName, String maskedIdNumber,
            String seriesName, String specialty, TitleLevel level, String post, LocalDate termStartsOn,
            LocalDate termEndsOn, String committeeName, String publicationNumber, String issuerName,
            LocalDate issuedOn, boolean grassroots, CertificateStatus status, Instant revokedAt,
            RevocationCause revocationCause, String supersededBy) {
    }

    /**
     * What the holder and the issuer see. {@code supersedes} and {@code supersededBy} are certificate numbers;
     * {@code restriction} is the R30 sentence or null.
     */
    public record Full(UUID id, String number, CertificateKind kind, String holderName, Sex sex,
            String maskedIdNumber, String seriesName, String specialty, String practisedSpecialty, TitleLevel level,
            String post, LocalDate termStartsOn, LocalDate termEndsOn, String committeeName, String publicationNumber,
            UUID issuerId, String issuerName, String kid, LocalDate issuedOn, boolean grassroots, String restriction,
            CertificateStatus status, Instant revokedAt, RevocationCause revocationCause, String revocationReason,
            String supersedes, String supersededBy, Instant supersededAt, ReissueReason reissueReason,
            String payload, String verifyUrl, long version) {
    }

    public Full full(Certificate c) {
        return new Full(c.id, c.number, c.kind, c.holderName, c.holderSex, maskedIdNumber(c), c.seriesName,
                c.specialty, c.practisedSpecialty, c.level, c.post, c.termStartsOn, c.termEndsOn, c.committeeName,
                c.publicationNumber, c.issuerId, issuerName(c), c.kid, c.issuedOn, c.grassroots,
                c.restriction(), statusNow(c), c.revokedAt, c.revocationCause,
                c.revocationReason, supersedes(c), supersededBy(c), c.supersededAt, c.reissueReason, c.payload,
                verifyUrl(c), c.version);
    }

    public Public publicView(Certificate c) {
        return new Public(c.number, c.kind, c.holderName, maskedIdNumber(c), c.seriesName, c.specialty, c.level,
                c.post, c.termStartsOn, c.termEndsOn, c.committeeName, c.publicationNumber, issuerName(c),
                c.issuedOn, c.grassroots, statusNow(c), c.revokedAt, c.revocationCause, supersededBy(c));
    }

    /** EXPIRED is read from the term on the China date of the clock, never stored. */
    public CertificateStatus statusNow(Certificate c) {
        return c.statusOn(LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA));
    }

    private static String maskedIdNumber(Certificate c) {
        Person holder = Person.findById(c.personId);
        return IdNumber.mask(holder.idNumber);
    }

    private static String issuerName(Certificate c) {
        return Unit.<Unit>findById(c.issuerId).name;
    }

    private static String supersedes(Certificate c) {
        return c.supersedesId == null ? null : Certificate.<Certificate>findById(c.supersedesId).number;
    }

    private static String supersededBy(Certificate c) {
        if (c.status != CertificateStatus.SUPERSEDED) {
            return null;
        }
        return Certificate.<Certificate>find("supersedesId", c.id).firstResultOptional().map(n -> n.number)
                .orElse(null);
    }

    private String verifyUrl(Certificate c) {
        return VerifyLinks.of(config.publicBaseUrl(), c.payload);
    }
}
