package cn.zhicheng.certificate.rest;

import cn.zhicheng.certificate.service.VerificationService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.series.TitleLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Maps certificates to the holder's view and the public view. */
@ApplicationScoped
public class CertificateViews {

    private final VerificationService verification;
    private final ZhichengConfig config;

    public CertificateViews(VerificationService verification, ZhichengConfig config) {
        this.verification = verification;
        this.config = config;
    }

    /** What the holder and the issuer see, with the QR's verify link. */
    public record Full(UUID id, String number, String holderName, String maskedIdNumber, String seriesName,
            TitleLevel level, String specialty, String committeeName, String issuerName, LocalDate issuedOn,
            String status, Instant revokedAt, String payload, String verifyUrl) {
    }

    /** What anyone sees after a lookup by number and name. */
    public record Public(String number, String holderName, String maskedIdNumber, String seriesName,
            TitleLevel level, String specialty, String committeeName, String issuerName, LocalDate issuedOn,
            String status, Instant revokedAt) {
    }

    Full full(Certificate c) {
        return new Full(c.id, c.number, c.holderName, verification.maskedIdNumber(c), c.seriesName, c.level,
                c.specialty, c.committeeName, verification.issuerName(c), c.issuedOn, c.status.name(), c.revokedAt,
                c.payload, verifyUrl(c));
    }

    Public publicView(Certificate c) {
        return new Public(c.number, c.holderName, verification.maskedIdNumber(c), c.seriesName, c.level,
                c.specialty, c.committeeName, verification.issuerName(c), c.issuedOn, c.status.name(), c.revokedAt);
    }

    /** The payload rides in the fragment, which browsers never send to a server. */
    private String verifyUrl(Certificate c) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/verify#" + c.payload;
    }
}
