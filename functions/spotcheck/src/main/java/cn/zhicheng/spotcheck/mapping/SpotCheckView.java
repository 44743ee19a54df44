package cn.zhicheng.spotcheck.mapping;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.spotcheck.Addressee;
import cn.zhicheng.core.spotcheck.FindingResult;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.core.series.TitleLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A spot-check draw as the office and the HR bureau see it (docs/spotcheck.md, SpotCheckView). */
public record SpotCheckView(UUID id, UUID committeeId, String committeeName, UUID roundId, int roundYear,
        UUID seriesId, String seriesName, SpotCheckState state, BigDecimal ratio, int inspectorsPerApplication,
        String seedCommitment, String serverSalt, String populationHash, int populationSize, String seed,
        Integer sampleSize, UUID correctsDrawId, String correctionReason, UUID supersededById, Instant committedAt,
        Instant drawnAt, long version, List<SampleView> samples) {

    /**
     * One sampled application with its inspectors, their findings, the questions put, the conclusion and the
     * integrity records a fraud confirmation entered (empty before).
     */
    public record SampleView(UUID applicationId, int drawRank, String applicantName, String unitName,
            String specialty, TitleLevel level, ApplicationState applicationState, List<InspectorView> inspectors,
            List<FindingView> findings, List<RequestView> requests, SampleOutcome outcome, String outcomeNote,
            Instant concludedAt, long version, List<UUID> integrityRecordIds) {
    }

    /** An inspector drawn for the application, and how many findings they recorded on it. */
    public record InspectorView(UUID expertId, String name, int drawRank, int findings) {
    }

    /** One inspector's finding on one evidence item; the same shape in a sample and in an inspector's answers. */
    public record FindingView(UUID evidenceItemId, String evidenceTitle, UUID expertId, String expertName,
            FindingResult result, String note, Instant recordedAt, List<AttachmentView> attachments) {
    }

    /** A file attached to a finding, once its upload is confirmed. */
    public record AttachmentView(UUID id, String fileName) {
    }

    /** A question put about a sampled application (R18: those asked must cooperate). */
    public record RequestView(UUID id, UUID drawId, UUID applicationId, String applicantName, Addressee addressee,
            String question, int workingDays, LocalDate dueOn, String answer, Instant answeredAt, long version) {
    }
}
