package cn.zhicheng.certificate.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.application.ApplicationTransition;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateSerial;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.SigningKey;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.seal.JwsCompact;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.time.ClockProducer;
import cn.zhicheng.core.unit.Unit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Issues certificates (R27, R28) signed with the issuer's e-seal key through the signer port. */
@ApplicationScoped
@Transactional
public class CertificateService {

    public static final String SUBJECT = "CERTIFICATE";

    private final ApplicationAccess access;
    private final ApplicationStateMachine stateMachine;
    private final IssuerKeys issuerKeys;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public CertificateService(ApplicationAccess access, ApplicationStateMachine stateMachine, IssuerKeys issuerKeys,
            AuditTrail audit, ObjectMapper json, Clock clock) {
        this.access = access;
        this.stateMachine = stateMachine;
        this.issuerKeys = issuerKeys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The HR bureau of the committee issues the certificate of a filed application. */
    public Certificate issue(Actor actor, UUID applicationId) {
        Application application = access.require(applicationId, actor);
        if (Certificate.findByApplication(application.id).isPresent()) {
            throw Problem.conflict("ALREADY_ISSUED", "Already issued",
                    "A certificate was already issued for this application.");
        }
        Committee committee = Committee.findById(application.committeeId);
        Unit issuer = Unit.findById(committee.hrBureauId);
        Person holder = Person.findById(application.applicantId);
        Series series = Series.findById(application.seriesId);
        stateMachine.apply(application, ApplicationTransition.CERTIFY, actor, null);

        LocalDate issuedOn = LocalDate.now(clock.withZone(ClockProducer.CHINA));
        SigningKey key = issuerKeys.current(issuer);
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.number = CertificateNumber.of(issuer.code, issuedOn.getYear(),
                nextSerial(issuer.id, issuedOn.getYear())).value();
        certificate.applicationId = application.id;
        certificate.personId = holder.id;
        certificate.issuerId = issuer.id;
        certificate.kid = key.kid;
        certificate.holderName = holder.name;
        certificate.seriesName = series.nameZh;
        certificate.level = application.level;
        certificate.specialty = application.specialty;
        certificate.committeeName = committee.name;
        certificate.issuedOn = issuedOn;
        certificate.status = CertificateStatus.VALID;
        certificate.createdAt = clock.instant();
        certificate.payload = sign(certificate, holder, issuer, key);
        certificate.persist();
        audit.record(actor, new AuditTrail.Change("ISSUE", SUBJECT, certificate.id, null,
                CertificateStatus.VALID.name(), certificate.number));
        return certificate;
    }

    public List<Certificate> mine(Actor actor) {
        return actor.personId() == null ? List.of() : Certificate.listByPerson(actor.personId());
    }

    /** The holder sees their own; the issuing bureau sees what it issued. */
    public Certificate get(Actor actor, UUID id) {
        Certificate certificate = Certificate.findById(id);
        boolean visible = certificate != null && ((actor.is(Role.APPLICANT) && certificate.personId.equals(actor.personId()))
                || (actor.is(Role.HR_BUREAU) && certificate.issuerId.equals(actor.unitId())));
        if (!visible) {
            throw Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate " + id + " is visible to you.");
        }
        return certificate;
    }

    /**
     * The signed payload carries only what a verifier needs, never the full ID number (R27, R28).
     * Claim names are short because the payload travels in a QR code.
     */
    private String sign(Certificate certificate, Person holder, Unit issuer, SigningKey key) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("ver", 1);
        claims.put("iss", issuer.id.toString());
        claims.put("isn", issuer.name);
        claims.put("num", certificate.number);
        claims.put("name", holder.name);
        claims.put("idm", holder.maskedIdNumber());
        claims.put("ser", certificate.seriesName);
        claims.put("spe", certificate.specialty);
        claims.put("lvl", certificate.level.name());
        claims.put("com", certificate.committeeName);
        claims.put("iat", certificate.issuedOn.toString());
        try {
            byte[] payload = json.writeValueAsBytes(claims);
            return JwsCompact.sign(key.kid, payload, message -> issuerKeys.sign(key, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the certificate payload", e);
        }
    }

    private static long nextSerial(UUID issuerId, int year) {
        CertificateSerial.Key key = new CertificateSerial.Key(issuerId, year);
        CertificateSerial serial = CertificateSerial.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (serial == null) {
            serial = new CertificateSerial();
            serial.key = key;
            serial.lastSerial = 0;
            serial.persist();
        }
        serial.lastSerial++;
        return serial.lastSerial;
    }
}
