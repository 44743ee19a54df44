package cn.zhicheng.spotcheck.integrity.service;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.integrity.CertificateReport;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.integrity.ReportState;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.spotcheck.integrity.rest.IntegrityRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** R31: reports of forged, altered or misused certificates from the verify page, and the HR bureau's decisions. */
@ApplicationScoped
@Transactional
public class CertificateReportService {

    public static final String SUBJECT = "CERTIFICATE_REPORT";
    /** No 0/O, 1/I/L: a reference read out over the phone is not misheard. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int REFERENCE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntegrityRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    public CertificateReportService(IntegrityRecords records, AuditTrail audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** Anyone reports; the reference is what they quote later. No sign-in, so no account is recorded. */
    public CertificateReport report(IntegrityRequests.Report request) {
        String number = blankToNull(request.certificateNumber());
        if (number != null) {
            try {
                number = CertificateNumber.parse(number).value();
            } catch (MalformedCertificateNumberException e) {
                throw Problem.badRequest("MALFORMED_CERTIFICATE_NUMBER", "Not a certificate number",
                        "This is not a valid certificate number; check it for typos. " + e.getMessage())
                        .withErrors(List.of(new Problem.FieldError("certificateNumber", e.getMessage())));
            }
        }
        CertificateReport report = new CertificateReport();
        report.id = UUID.randomUUID();
        report.reference = newReference();
        report.certificateNumber = number;
        report.payload = blankToNull(request.payload());
        report.reason = request.reason().trim();
        report.contact = blankToNull(request.contact());
        report.state = ReportState.OPEN;
        report.createdAt = clock.instant();
        report.persist();
        Actor reporter = new Actor(null, null, "public", null, null, null, null);
        audit.record(reporter, new AuditTrail.Change("CERTIFICATE_REPORT", SUBJECT, report.id, null,
                ReportState.OPEN.name(), report.reference + (number == null ? "" : ", certificate " + number)));
        return report;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificateReport> list(ReportState state) {
        return state == null ? CertificateReport.list("order by createdAt desc")
                : CertificateReport.list("state = ?1 order by createdAt desc", state);
    }

    /**
     * R31: DISMISSED with a note, or PROVEN: a CERTIFICATE_MISUSE record naming the person if known (by ID number,
     * else by name) and, if asked, the certificate revoked with its title. A report is decided once.
     */
    public CertificateReport decide(Actor actor, UUID id, IntegrityRequests.Decision request) {
        CertificateReport report = CertificateReport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            throw Problem.notFound("REPORT_NOT_FOUND", "No certificate report " + id + ".");
        }
        if (report.state != ReportState.OPEN) {
            throw Problem.rule("R31", 409, "REPORT_DECIDED", "Report already decided",
                    "This report was decided " + report.state + " on " + report.decidedAt + ".");
        }
        Problem.requireVersion("report", request.version(), report.version);
        String note = blankToNull(request.note());
        if (request.outcome() == ReportState.OPEN) {
            throw Problem.validation(List.of(new Problem.FieldError("outcome", "decide PROVEN or DISMISSED")));
        }
        if (note == null) {
            throw Problem.validation(List.of(new Problem.FieldError("note", "give the reasons for the decision")));
        }
        if (request.outcome() == ReportState.PROVEN) {
            prove(actor, report, request, note);
        }
        report.state = request.outcome();
        report.decisionNote = note;
        report.decidedBy = actor.accountId();
        report.decidedAt = clock.instant();
        audit.record(actor, new AuditTrail.Change("CERTIFICATE_REPORT_DECIDE", SUBJECT, report.id,
                ReportState.OPEN.name(), report.state.name(), note));
        CertificateReport.flush();
        return report;
    }

    /** The record the report's decision entered, if it was proven. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IntegrityRecord recordOf(CertificateReport report) {
        return IntegrityRecord.find("reportId", report.id).firstResult();
    }

    private void prove(Actor actor, CertificateReport report, IntegrityRequests.Decision request, String note) {
        Certificate certificate = report.certificateNumber == null ? null
                : Certificate.findByNumber(report.certificateNumber).orElse(null);
        boolean revoke = Boolean.TRUE.equals(request.revokeCertificate());
        if (revoke && certificate == null) {
            throw Problem.rule("R31", 422, "NO_CERTIFICATE_TO_REVOKE", "No certificate to revoke",
                    "The report names no certificate issued here, so there is nothing to revoke.");
        }
        String personName = blankToNull(request.personName());
        Person person = blankToNull(request.personIdNumber()) == null ? null
                : records.person(request.personIdNumber(), personName, "personIdNumber");
        records.enter(actor, new IntegrityRecords.Entry(IntegrityKind.CERTIFICATE_MISUSE,
                person == null ? null : person.id, person == null ? personName : person.name, null,
                certificate == null ? null : certificate.applicationId, certificate == null ? null : certificate.id,
                null, report.id, "Report " + report.reference + ": " + note, false));
        if (revoke) {
            records.revoke(actor, certificate, RevocationCause.MISUSE, "R31 certificate misuse proven (report " + report.reference + "): "
                    + note);
        }
    }

    private static String newReference() {
        while (true) {
            StringBuilder reference = new StringBuilder(REFERENCE_LENGTH);
            for (int i = 0; i < REFERENCE_LENGTH; i++) {
                reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            // 31^10 codes: a clash is all but impossible, but the column is unique, so never risk one
            if (CertificateReport.findByReference(reference.toString()).isEmpty()) {
                return reference.toString();
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
