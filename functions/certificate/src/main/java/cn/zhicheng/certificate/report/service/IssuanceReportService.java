package cn.zhicheng.certificate.report.service;

import cn.zhicheng.certificate.report.mapping.IssuanceReportTable;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssued;
import cn.zhicheng.core.certificate.IssuanceReport;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.unit.Unit;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * R29: each issuer reports the certificates it issued in a year by the end of the next January. The report opens
 * with the issuer's first certificate of the year, carries its deadline, and is submitted once the year is over.
 */
@ApplicationScoped
@Unremovable
@Transactional
public class IssuanceReportService {

    public static final String SUBJECT = "ISSUANCE_REPORT";

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public IssuanceReportService(DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** A report with what the list shows: its due date and how many certificates it covers. */
    public record Summary(IssuanceReport report, LocalDate dueOn, long certificateCount) {
    }

    /** Runs inside the issuing transaction, so a refused issuance opens no report. */
    void on(@Observes CertificateIssued event) {
        open(event.issuerId(), event.issuedOn().getYear());
    }

    /** The issuer's report of the year, opened with its deadline if this is the year's first certificate. */
    IssuanceReport open(UUID issuerId, int year) {
        return IssuanceReport.findFor(issuerId, year).orElseGet(() -> {
            IssuanceReport report = new IssuanceReport();
            report.id = UUID.randomUUID();
            report.issuerId = issuerId;
            report.year = year;
            report.state = IssuanceReport.State.OPEN;
            report.createdAt = clock.instant();
            report.persist();
            // counted from the first day after the year, so the fixed 31 January is the following one
            deadlines.attach(DeadlineKind.ISSUANCE_REPORT, report.id, LocalDate.of(year + 1, 1, 1),
                    new DeadlineService.Owner(Role.HR_BUREAU, issuerId, null, null));
            return report;
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> list(Actor actor) {
        return IssuanceReport.listByIssuer(actor.unitId()).stream().map(this::summary).toList();
    }

    /** R29: the year's certificates as the spreadsheet the bureau reports, with each one's status today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] spreadsheet(Actor actor, int year) {
        Unit issuer = Unit.findById(actor.unitId());
        return IssuanceReportTable.xlsx(issuer.name, year, certificates(actor, year), deadlines.today());
    }

    /** The certificates the actor's bureau issued in the year, by number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Certificate> certificates(Actor actor, int year) {
        return Certificate.list("issuerId = ?1 and issuedOn >= ?2 and issuedOn < ?3 order by number",
                actor.unitId(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** R29: submitted once the year is over (China), which meets its deadline, late or not. */
    public Summary submit(Actor actor, int year, Long version) {
        IssuanceReport report = IssuanceReport.findFor(actor.unitId(), year).orElseThrow(() -> Problem.notFound(
                "REPORT_NOT_FOUND", "Your bureau issued no certificate in " + year + ", so there is no report."));
        Problem.requireVersion("issuance report", version, report.version);
        if (year >= deadlines.today().getYear()) {
            throw Problem.rule("R29", 409, "REPORT_YEAR_NOT_OVER", "The year is not over",
                    "The report of " + year + " lists the whole year's certificates; submit it from 1 January "
                            + (year + 1) + ".");
        }
        if (report.state == IssuanceReport.State.SUBMITTED) {
            throw Problem.conflict("REPORT_ALREADY_SUBMITTED", "Already submitted",
                    "The report of " + year + " was submitted on " + report.submittedAt + ".");
        }
        report.state = IssuanceReport.State.SUBMITTED;
        report.certificateCount = certificates(actor, year).size();
        report.submittedBy = actor.accountId();
        report.submittedAt = clock.instant();
        deadlines.meet(DeadlineKind.ISSUANCE_REPORT, report.id);
        audit.record(actor, new AuditTrail.Change("SUBMIT", SUBJECT, report.id, IssuanceReport.State.OPEN.name(),
                IssuanceReport.State.SUBMITTED.name(), year + ": " + report.certificateCount + " certificates"));
        // the version the client sends next time
        IssuanceReport.flush();
        return summary(report);
    }

    private Summary summary(IssuanceReport report) {
        LocalDate dueOn = Deadline.findFor(DeadlineKind.ISSUANCE_REPORT, report.id).map(d -> d.dueDate).orElse(null);
        long count = report.certificateCount != null ? report.certificateCount
                : Certificate.count("issuerId = ?1 and issuedOn >= ?2 and issuedOn < ?3", report.issuerId,
                        LocalDate.of(report.year, 1, 1), LocalDate.of(report.year + 1, 1, 1));
        return new Summary(report, dueOn, count);
    }
}
