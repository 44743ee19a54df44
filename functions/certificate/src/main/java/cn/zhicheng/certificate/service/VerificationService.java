package cn.zhicheng.certificate.service;

import cn.zhicheng.certificate.mapping.TrustList;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.person.NameMatcher;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.time.ClockProducer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The public side (R28): typed lookup by number and name, verification of a signed payload, the trust list. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VerificationService {

    /** Longest payload read; a certificate's is about a tenth of it. Larger ones are refused before parsing. */
    public static final int MAX_PAYLOAD = 4_000;

    /** What a verifier learns from a signed payload. */
    public enum Result { VALID, TAMPERED, UNKNOWN_ISSUER }

    /** The outcome of verifying a payload; claims and status only when the signature holds. */
    public record Verification(Result result, String reason, CertificateStatus status, JsonNode claims) {
    }

    private final ObjectMapper json;
    private final Clock clock;

    public VerificationService(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Both number and name must match, so a number alone reveals nothing about its holder. */
    public Certificate lookup(String number, String name) {
        CertificateNumber parsed = parse(number);
        Certificate certificate = Certificate.findByNumber(parsed.value())
                .orElseThrow(() -> Problem.notFound("CERTIFICATE_NOT_FOUND",
                        "No certificate has the number " + parsed.value() + "; check it against the certificate."));
        if (!NameMatcher.sameName(certificate.holderName, name == null ? "" : name)) {
            throw Problem.notFound("NAME_MISMATCH", "The name does not match the holder of certificate "
                    + parsed.value() + "; enter the name exactly as printed on it.");
        }
        return certificate;
    }

    public TrustList trustList() {
        return TrustList.of(SigningKey.listAll(), clock.instant());
    }

    /**
     * Checks a payload as the verify page does: the kid in the trust list, ES256 with the certificate {@code typ},
     * the signature, and the issue date inside the key's validity; then the certificate's status now.
     */
    public Verification verify(String payload) {
        String text = payload == null ? "" : payload.trim();
        if (text.length() > MAX_PAYLOAD) {
            throw Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", "A certificate payload has at most "
                    + MAX_PAYLOAD + " characters; this one has " + text.length() + ".");
        }
        JwsCompact.Parsed parsed;
        try {
            parsed = JwsCompact.parse(text);
        } catch (JwsCompact.MalformedJws e) {
            return refused(Result.TAMPERED, "The payload is not a well-formed signed certificate.");
        }
        if (!JwsCompact.ALG.equals(parsed.alg()) || !JwsCompact.CERTIFICATE_TYPE.equals(parsed.typ())) {
            return refused(Result.TAMPERED, "The payload is not an ES256 certificate (typ "
                    + JwsCompact.CERTIFICATE_TYPE + ").");
        }
        Optional<SigningKey> key = Optional.ofNullable(parsed.kid()).flatMap(kid -> SigningKey.<SigningKey>findByIdOptional(kid));
        if (key.isEmpty()) {
            return refused(Result.UNKNOWN_ISSUER, "The signing key is not in the trust list.");
        }
        if (!JwsCompact.verify(parsed, IssuerKeys.publicKey(key.get()))) {
            return refused(Result.TAMPERED, "The signature does not match the content.");
        }
        JsonNode claims;
        LocalDate issuedOn;
        try {
            claims = json.readTree(parsed.payload());
            issuedOn = LocalDate.parse(claims.path("iat").asText());
        } catch (IOException | DateTimeParseException e) {
            return refused(Result.TAMPERED, "The signed content is unreadable.");
        }
        if (!IssuerKeys.covers(key.get(), issuedOn)) {
            return refused(Result.UNKNOWN_ISSUER, "The certificate's issue date " + issuedOn
                    + " is outside the validity of its signing key " + key.get().kid + ".");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        return Certificate.findByNumber(claims.path("num").asText())
                .map(c -> new Verification(Result.VALID, null, c.statusOn(today), claims))
                .orElseGet(() -> new Verification(Result.VALID, "The signature holds, but no certificate has this "
                        + "number.", null, claims));
    }

    private static CertificateNumber parse(String number) {
        try {
            return CertificateNumber.parse(number == null ? "" : number);
        } catch (MalformedCertificateNumberException e) {
            String detail = e.reason() == MalformedCertificateNumberException.Reason.BAD_CHECK_CHARACTER
                    ? "The number's last character does not match the rest: a character was probably mistyped."
                    : "This is not a certificate number: an issuer code of 2 to 8 letters or digits, a 4-digit year, "
                            + "a 6-digit serial and a check character.";
            throw Problem.rule("R27", 400, "MALFORMED_CERTIFICATE_NUMBER", "Not a certificate number", detail)
                    .with("reason", e.reason().name());
        }
    }

    private static Verification refused(Result result, String reason) {
        return new Verification(result, reason, null, null);
    }
}
