package cn.zhicheng.certificate.service;

import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.NameMatcher;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Optional;

/** Public certificate lookup by number and name, and verification of a signed payload (R28). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VerificationService {

    /** What a verifier learns from a signed payload. */
    public enum Result { VALID, TAMPERED, UNKNOWN_ISSUER }

    /** The outcome of verifying a payload; claims only when the signature holds. */
    public record Verification(Result result, String reason, String status, JsonNode claims) {
    }

    private final ObjectMapper json;

    public VerificationService(ObjectMapper json) {
        this.json = json;
    }

    /** Both number and name must match, so a number alone reveals nothing about its holder. */
    public Certificate lookup(String number, String name) {
        CertificateNumber parsed;
        try {
            parsed = CertificateNumber.parse(number == null ? "" : number);
        } catch (MalformedCertificateNumberException e) {
            throw Problem.badRequest("MALFORMED_CERTIFICATE_NUMBER", "Not a certificate number",
                    "This is not a valid certificate number; check it for typos. " + e.getMessage());
        }
        Certificate certificate = Certificate.findByNumber(parsed.value())
                .orElseThrow(() -> Problem.notFound("CERTIFICATE_NOT_FOUND",
                        "No certificate has the number " + parsed.value() + "."));
        if (!NameMatcher.sameName(certificate.holderName, name == null ? "" : name)) {
            throw Problem.notFound("NAME_MISMATCH",
                    "The name does not match the certificate's holder; check the name as printed.");
        }
        return certificate;
    }

    public String maskedIdNumber(Certificate certificate) {
        Person person = Person.findById(certificate.personId);
        return IdNumber.mask(person.idNumber);
    }

    public String issuerName(Certificate certificate) {
        Unit issuer = Unit.findById(certificate.issuerId);
        return issuer.name;
    }

    public Verification verify(String payload) {
        JwsCompact.Parsed parsed;
        try {
            parsed = JwsCompact.parse(payload == null ? "" : payload.trim());
        } catch (JwsCompact.MalformedJws e) {
            return new Verification(Result.TAMPERED, "The payload is not a well-formed signed certificate.", null,
                    null);
        }
        Optional<SigningKey> key = Optional.ofNullable(parsed.kid()).flatMap(kid -> SigningKey.findByIdOptional(kid));
        if (key.isEmpty()) {
            return new Verification(Result.UNKNOWN_ISSUER, "The signing key is not in the trust list.", null, null);
        }
        if (!JwsCompact.verify(parsed, IssuerKeys.publicKey(key.get()))) {
            return new Verification(Result.TAMPERED, "The signature does not match the content.", null, null);
        }
        JsonNode claims;
        try {
            claims = json.readTree(parsed.payload());
        } catch (IOException e) {
            return new Verification(Result.TAMPERED, "The signed content is unreadable.", null, null);
        }
        String status = Certificate.findByNumber(claims.path("num").asText())
                .map(c -> c.status.name())
                .orElse("UNKNOWN");
        return new Verification(Result.VALID, null, status, claims);
    }
}
