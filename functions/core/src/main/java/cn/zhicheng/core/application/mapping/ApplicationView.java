package cn.zhicheng.core.application.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.Employment;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.series.TitleLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An application as its viewer may see it; the ID number is masked for all but the owner. */
public record ApplicationView(UUID id, ApplicationState state, long version, Applicant applicant, Ref unit,
        Employment employment, Ref series, TitleLevel level, String specialty, String practisedSpecialty,
        boolean grassroots, Photo photo, Ref committee, String diplomaNumber,
        Integer graduationYear, String degreeNumber, LocalDate degreeAwardedOn, VerificationRoute diplomaVerification,
        VerificationRoute degreeVerification, Instant pledgeSignedAt, Instant unitPledgeSignedAt, Done unitReview,
        LocalDate publicityEndsOn, Done vetting, Instant acceptedAt, UUID roundId, String decisionNote,
        List<EvidenceView> evidence, List<ObjectionView> objections, List<HistoryEntry> history, List<String> actions,
        Instant createdAt, Instant updatedAt) {

    /** R27: the applicant's confirmed photo; null until one is uploaded. */
    public record Photo(String contentType, long size, Instant uploadedAt) {
    }

    /** A step someone answers for (R6, R8): who did it and when; null when not done. */
    public record Done(String by, Instant at) {
    }

    /** An objection and its decision (R7, R15). */
    public record ObjectionView(UUID id, Objection.Stage stage, Instant raisedAt, String raisedBy, String content,
            Objection.Decision decision, String explanation, Instant decidedAt, long version) {
    }

    /** The applicant's name and (masked) ID number. */
    public record Applicant(String name, String idNumber) {
    }

    /** A referenced record's id and display name. */
    public record Ref(UUID id, String name) {
    }

    /** One evidence item. */
    public record EvidenceView(UUID id, EvidenceKind kind, String title, String fileName, String contentType,
            long size, String status, Instant uploadedAt) {
    }

    /** One step of the application's audited history (R6: who did what, when). */
    public record HistoryEntry(Instant at, String actor, String actorRole, String action, String fromState,
            String toState, String note) {
    }
}
