package cn.zhicheng.spotcheck.integrity.mapping;

import cn.zhicheng.core.audit.AuditEvent;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.integrity.CertificateReport;
import cn.zhicheng.core.integrity.IntegrityKind;
import cn.zhicheng.core.integrity.IntegrityRecord;
import cn.zhicheng.core.integrity.ReportState;
import cn.zhicheng.core.person.IdNumber;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Views of the integrity record and of certificate reports; ID numbers always masked. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IntegrityViews {

    /** One step in a record's life, from the audit trail. */
    public record HistoryEntry(Instant at, String action, String actorName, String note) {
    }

    /** An integrity record; history only in the detail. */
    public record IntegrityView(UUID id, IntegrityKind kind, String rule, String personName, String idNumberMasked,
            String unitName, UUID applicationId, String certificateNumber, UUID spotCheckId, String reportReference,
            String summary, LocalDate confirmedOn, LocalDate banEndsOn, boolean banActive, Instant rescindedAt,
            String rescissionReason, long version, List<HistoryEntry> history) {
    }

    /** A page of records. */
    public record IntegrityPage(List<IntegrityView> items, long total) {
    }

    /** What a reporter gets back. */
    public record ReportReceipt(String reference, Instant createdAt) {
    }

    /** A certificate report as the HR bureau sees it. */
    public record ReportView(UUID id, String reference, String certificateNumber, boolean certificateKnown,
            String payload, String reason, String contact, ReportState state, String decisionNote,
            Instant decidedAt, UUID integrityRecordId, Instant createdAt, long version) {
    }

    private final DeadlineService deadlines;

    public IntegrityViews(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    public IntegrityView record(IntegrityRecord record) {
        return record(record, null);
    }

    public IntegrityView record(IntegrityRecord record, List<AuditEvent> history) {
        Person person = record.personId == null ? null : Person.findById(record.personId);
        Unit unit = record.unitId == null ? null : Unit.findById(record.unitId);
        Certificate certificate = record.certificateId == null ? null : Certificate.findById(record.certificateId);
        CertificateReport report = record.reportId == null ? null : CertificateReport.findById(record.reportId);
        boolean active = record.rescindedAt == null && record.banEndsOn != null
                && record.banEndsOn.isAfter(deadlines.today());
        return new IntegrityView(record.id, record.kind, record.kind.rule(),
                record.personName != null ? record.personName : person == null ? null : person.name,
                person == null ? null : IdNumber.mask(person.idNumber), unit == null ? null : unit.name,
                record.applicationId, certificate == null ? null : certificate.number, record.spotCheckDrawId,
                report == null ? null : report.reference, record.summary, record.confirmedOn, record.banEndsOn,
                active, record.rescindedAt, record.rescissionReason, record.version,
                history == null ? null : history.stream()
                        .map(e -> new HistoryEntry(e.occurredAt, e.action, e.actorName, e.note)).toList());
    }

    public List<IntegrityView> records(List<IntegrityRecord> records) {
        return records.stream().map(this::record).toList();
    }

    public ReportView report(CertificateReport report) {
        IntegrityRecord record = IntegrityRecord.find("reportId", report.id).firstResult();
        boolean known = report.certificateNumber != null
                && Certificate.findByNumber(report.certificateNumber).isPresent();
        return new ReportView(report.id, report.reference, report.certificateNumber, known, report.payload,
                report.reason, report.contact, report.state, report.decisionNote, report.decidedAt,
                record == null ? null : record.id, report.createdAt, report.version);
    }
}
