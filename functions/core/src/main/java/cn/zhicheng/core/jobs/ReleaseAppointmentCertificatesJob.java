package cn.zhicheng.core.jobs;

import cn.zhicheng.core.appointment.Appointment;
import cn.zhicheng.core.appointment.AppointmentState;
import cn.zhicheng.core.appointment.HoldReason;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.catalogue.SeriesFiling;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateIssuer;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.IssueCommand;
import cn.zhicheng.core.certificate.IssuerKeys;
import cn.zhicheng.core.deadline.Deadline;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Account;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.notification.Notification;
import cn.zhicheng.core.notification.NotificationKind;
import cn.zhicheng.core.series.Series;
import cn.zhicheng.core.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code release-appointment-certificates}: R25: the certificate of an appointment record is available to the person
 * 15 working days after its upload. Each RECORDED appointment whose CERTIFICATE_RELEASE deadline is due today or
 * earlier gets its certificate from its unit (kind APPOINTMENT), becomes RELEASED and meets the deadline. A release
 * that cannot happen yet is held with its reason (R23: the filing is no longer active; R27: no photo; R24: the unit
 * has no e-seal in force) and retried by the next run, while the deadline falls overdue for the unit to see.
 * Released records are no longer RECORDED, so a second run changes nothing.
 */
@ApplicationScoped
public class ReleaseAppointmentCertificatesJob implements Job {

    public static final String NAME = "release-appointment-certificates";
    private static final String SUBJECT = "APPOINTMENT";

    private final CertificateIssuer issuer;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public ReleaseAppointmentCertificatesJob(CertificateIssuer issuer, DeadlineService deadlines, AuditTrail audit,
            Clock clock) {
        this.issuer = issuer;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Batch batch(String cursor, int size, LocalDate today) {
        UUID after = cursor == null ? Deadline.FIRST : UUID.fromString(cursor);
        List<Appointment> page = Appointment.find("from Appointment a where a.state = ?1 and a.id > ?2 and exists "
                        + "(select d.id from Deadline d where d.kind = ?3 and d.subjectId = a.id and d.dueDate <= ?4) "
                        + "order by a.id", AppointmentState.RECORDED, after, DeadlineKind.CERTIFICATE_RELEASE, today)
                .page(0, size).list();
        Instant now = clock.instant();
        Map<UUID, Boolean> sealed = new HashMap<>();
        Map<UUID, String> seriesNames = new HashMap<>();
        List<Appointment> releasing = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        int held = 0;
        for (Appointment appointment : page) {
            Optional<HoldReason> hold = holdReason(appointment, today, sealed);
            if (hold.isPresent()) {
                held++;
                if (appointment.holdReason != hold.get()) {
                    appointment.holdReason = hold.get();
                    changes.add(new AuditTrail.Change("RELEASE_HELD", SUBJECT, appointment.id,
                            AppointmentState.RECORDED.name(), AppointmentState.RECORDED.name(), hold.get().name()));
                }
            } else {
                releasing.add(appointment);
            }
        }
        List<IssueCommand> commands = releasing.stream().map(a -> command(a, seriesNames.computeIfAbsent(a.seriesId,
                id -> Series.<Series>findById(id).nameZh))).toList();
        // the unit issues its own certificates (R24); the job acts for it
        List<Certificate> certificates = issuer.issueAll(actor(), commands);
        for (int i = 0; i < releasing.size(); i++) {
            Appointment appointment = releasing.get(i);
            appointment.state = AppointmentState.RELEASED;
            appointment.certificateId = certificates.get(i).id;
            appointment.releasedAt = now;
            appointment.holdReason = null;
            deadlines.meet(DeadlineKind.CERTIFICATE_RELEASE, appointment.id);
            changes.add(new AuditTrail.Change("RELEASE", SUBJECT, appointment.id, AppointmentState.RECORDED.name(),
                    AppointmentState.RELEASED.name(), certificates.get(i).number));
        }
        tellHolders(releasing, certificates, now);
        audit.recordAll(actor(), changes);
        String next = page.isEmpty() ? cursor : page.get(page.size() - 1).id.toString();
        return new Batch(page.size(), changes.size(), next, page.size() < size,
                Map.of("released", releasing.size(), "held", held));
    }

    /**
     * R25: the person learns the certificate is theirs to download, if they have signed up; one who signs up later
     * finds it under their certificates.
     */
    private static void tellHolders(List<Appointment> released, List<Certificate> certificates, Instant now) {
        if (released.isEmpty()) {
            return;
        }
        Map<UUID, List<Account>> accounts = Account.<Account>list("personId in ?1 and role = ?2",
                released.stream().map(a -> a.personId).toList(), Role.APPLICANT).stream()
                .collect(Collectors.groupingBy(account -> account.personId));
        for (int i = 0; i < released.size(); i++) {
            Appointment appointment = released.get(i);
            List<Account> holders = accounts.getOrDefault(appointment.personId, List.of());
            if (holders.isEmpty()) {
                continue;
            }
            Certificate certificate = certificates.get(i);
            UUID deadlineId = Deadline.findFor(DeadlineKind.CERTIFICATE_RELEASE, appointment.id).orElseThrow().id;
            for (Account account : holders) {
                Notification notification = new Notification();
                notification.id = UUID.randomUUID();
                notification.recipientAccountId = account.id;
                notification.deadlineId = deadlineId;
                notification.kind = NotificationKind.RELEASED;
                notification.messageZh = "您的评聘证书 " + certificate.number + "（" + certificate.seriesName + " "
                        + certificate.level.nameZh() + "）已发放，可在“我的证书”中查看和下载。";
                notification.messageEn = "Your appointment certificate " + certificate.number + " ("
                        + certificate.level.nameEn() + ") has been released; see and download it under My "
                        + "certificates.";
                notification.createdAt = now;
                notification.persist();
            }
        }
    }

    /** Why the appointment's certificate cannot be released today, if it cannot. */
    private Optional<HoldReason> holdReason(Appointment appointment, LocalDate today, Map<UUID, Boolean> sealed) {
        if (SeriesFiling.findActive(appointment.unitId, appointment.seriesId, today).isEmpty()) {
            return Optional.of(HoldReason.FILING_INACTIVE);
        }
        if (appointment.photoKey == null) {
            return Optional.of(HoldReason.PHOTO_MISSING);
        }
        // checked before issuing: the issuer's own refusal would roll back the whole batch with it
        if (!sealed.computeIfAbsent(appointment.unitId, unit -> IssuerKeys.sealInForce(Unit.findById(unit)))) {
            return Optional.of(HoldReason.SEAL_NOT_REGISTERED);
        }
        return Optional.empty();
    }

    private static IssueCommand command(Appointment a, String seriesName) {
        return new IssueCommand(CertificateKind.APPOINTMENT, a.personId, a.unitId, seriesName, a.specialty,
                a.practisedSpecialty, a.level, a.post, a.termStartsOn, a.termEndsOn, a.committeeName,
                a.publicationNumber, a.photoKey, a.photoContentType, false, null, a.id, null, null);
    }

    private static Actor actor() {
        return new Actor(null, NAME, "证书发放任务", null, null, null, null);
    }
}
