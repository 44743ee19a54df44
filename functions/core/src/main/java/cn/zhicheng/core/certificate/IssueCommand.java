package cn.zhicheng.core.certificate;

import cn.zhicheng.core.series.TitleLevel;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a certificate prints (R27, R30), as the caller knows it: a title certificate from a filed application,
 * an appointment certificate from a self-evaluating unit's appointment (issue 7), or a reissue (R29) of either.
 *
 * @param practisedSpecialty the specialty practised; null means the series specialty
 * @param post the post, for appointment certificates
 * @param termStartsOn first day of the appointment term; appointment certificates only
 * @param termEndsOn last day of the appointment term; the certificate is EXPIRED after it
 * @param applicationId the filed application of a first title certificate; null on reissues
 * @param appointmentId the appointment record of an appointment certificate
 * @param supersedesId the certificate a reissue replaces; null for a first issue
 * @param reissueReason why it is reissued; set exactly when {@code supersedesId} is
 */
public record IssueCommand(CertificateKind kind, UUID personId, UUID issuerId, String seriesName, String specialty,
        String practisedSpecialty, TitleLevel level, String post, LocalDate termStartsOn, LocalDate termEndsOn,
        String committeeName, String publicationNumber, String photoKey, String photoContentType, boolean grassroots,
        UUID applicationId, UUID appointmentId, UUID supersedesId, ReissueReason reissueReason) {

    public IssueCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(seriesName, "seriesName");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(committeeName, "committeeName");
        if (kind == CertificateKind.APPOINTMENT && (termStartsOn == null || termEndsOn == null)) {
            throw new IllegalArgumentException("an appointment certificate has a term");
        }
        if (termStartsOn != null && termEndsOn != null && termEndsOn.isBefore(termStartsOn)) {
            throw new IllegalArgumentException("the term ends before it starts");
        }
        if ((supersedesId == null) != (reissueReason == null)) {
            throw new IllegalArgumentException("a reissue names the certificate it supersedes and why");
        }
    }

    /** The reissue of a certificate (R29): every printed field copied, a new number, the old one superseded. */
    public static IssueCommand reissueOf(Certificate old, ReissueReason reason) {
        return new IssueCommand(old.kind, old.personId, old.issuerId, old.seriesName, old.specialty,
                old.practisedSpecialty, old.level, old.post, old.termStartsOn, old.termEndsOn, old.committeeName,
                old.publicationNumber, old.photoKey, old.photoContentType, old.grassroots, null, old.appointmentId,
                old.id, reason);
    }
}
