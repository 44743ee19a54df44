package cn.zhicheng.spotcheck.finding.service;

import cn.zhicheng.core.application.EvidenceItem;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.spotcheck.SampleKey;
import cn.zhicheng.core.spotcheck.SampledApplication;
import cn.zhicheng.core.spotcheck.SpotCheck;
import cn.zhicheng.core.spotcheck.SpotCheckState;
import cn.zhicheng.spotcheck.draw.service.SpotCheckAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Finds a draw and one of its sampled applications, and the refusals every step on a sample shares (R18). */
@ApplicationScoped
public class Samples {

    /** The subject of a draw's audit events; a sample's steps are recorded on its draw. */
    public static final String SUBJECT = "SPOT_CHECK";

    private final SpotCheckAccess access;

    public Samples(SpotCheckAccess access) {
        this.access = access;
    }

    /** A draw any signed-in role may address; its steps check who may act. */
    public SpotCheck draw(UUID drawId) {
        SpotCheck draw = SpotCheck.findById(drawId);
        if (draw == null) {
            throw SpotCheckAccess.notFound(drawId);
        }
        return draw;
    }

    /** A draw of a committee of the actor's HR bureau (R20: the bureau confirms fraud and revokes). */
    public SpotCheck drawForBureau(Actor actor, UUID drawId) {
        return drawFor(Role.HR_BUREAU, actor, drawId);
    }

    /** A draw of the office's own committee: only the office asks and concludes. */
    public SpotCheck drawForOffice(Actor actor, UUID drawId) {
        return drawFor(Role.COMMITTEE_OFFICE, actor, drawId);
    }

    /** R18: only a sampled application is checked, asked about or concluded. */
    public SampledApplication sample(SpotCheck draw, UUID applicationId) {
        SampledApplication sample = SampledApplication.findById(new SampleKey(draw.id, applicationId));
        return requireSampled(sample, applicationId);
    }

    /** The sampled application, its row locked so a conclusion and a finding recorded at once are ordered. */
    public SampledApplication sampleLocked(SpotCheck draw, UUID applicationId) {
        SampledApplication sample = SampledApplication.findById(new SampleKey(draw.id, applicationId),
                LockModeType.PESSIMISTIC_WRITE);
        return requireSampled(sample, applicationId);
    }

    /** A superseded draw keeps what was recorded on it but takes nothing new (R19: the correction replaces it). */
    public static void requireCurrent(SpotCheck draw) {
        if (draw.state == SpotCheckState.SUPERSEDED) {
            throw Problem.rule("R19", 409, "DRAW_SUPERSEDED", "Draw superseded",
                    "This draw was replaced by a correction; record findings and questions on the correcting draw.");
        }
    }

    /** R18: the office's conclusion closes the sample; nothing is recorded or concluded after it. */
    public static void requireNotConcluded(SampledApplication sample) {
        if (sample.outcome != null) {
            throw Problem.rule("R18", 409, "ALREADY_CONCLUDED", "Already concluded",
                    "The office concluded this application's check (" + sample.outcome + ") on "
                            + sample.concludedAt + "; nothing more can be recorded on it.");
        }
    }

    /** The evidence items an inspector checks: the application's uploaded files, in upload order. */
    public static List<EvidenceItem> evidenceOf(UUID applicationId) {
        return EvidenceItem.list("applicationId = ?1 and status = ?2 order by createdAt, id", applicationId,
                EvidenceItem.Status.UPLOADED);
    }

    /** A draw the actor sees (SpotCheckAccess) and acts on in that role; anything else is not found. */
    private SpotCheck drawFor(Role role, Actor actor, UUID drawId) {
        SpotCheck draw = draw(drawId);
        if (actor.role() != role || !access.canSee(draw.committeeId, actor)) {
            throw SpotCheckAccess.notFound(drawId);
        }
        return draw;
    }

    private static SampledApplication requireSampled(SampledApplication sample, UUID applicationId) {
        if (sample == null) {
            throw Problem.rule("R18", 404, "NOT_IN_SAMPLE", "Not in the sample",
                    "Application " + applicationId + " was not drawn in this spot check.");
        }
        return sample;
    }
}
