package cn.zhicheng.core.application.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.series.TitleLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application as its viewer may see it; the ID number is masked for all but the owner. */
public record ApplicationView(UUID id, ApplicationState state, long version, Applicant applicant, Ref unit,
        Ref series, TitleLevel level, String specialty, Ref committee, String diplomaNumber, String degreeNumber,
        VerificationRoute diplomaVerification, VerificationRoute degreeVerification, Instant pledgeSignedAt,
        Instant unitPledgeSignedAt, String decisionNote, List<EvidenceView> evidence, List<HistoryEntry> history,
        List<String> actions, Instant createdAt, Instant updatedAt) {

    /** The applicant's name and (masked) ID number. */
    public record Applicant(String name, String idNumber) {
    }

    /** A referenced record's id and display name. */
    public record Ref(UUID id, String name) {
    }

    /** One evidence item. */
    public record EvidenceView(UUID id, String title, String fileName, String contentType, long size, String status,
            Instant uploadedAt) {
    }

    /** One step of the application's audited history (R6: who did what, when). */
    public record HistoryEntry(Instant at, String actor, String actorRole, String action, String fromState,
            String toState, String note) {
    }
}
