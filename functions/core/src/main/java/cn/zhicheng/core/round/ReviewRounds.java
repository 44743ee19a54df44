package cn.zhicheng.core.round;

import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.deadline.DeadlineKind;
import cn.zhicheng.core.deadline.DeadlineService;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.identity.Role;
import cn.zhicheng.core.series.Committee;
import cn.zhicheng.core.series.TitleLevel;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Opens a committee's round of a year once, with its year-end deadlines (R17). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@Unremovable // opened by meetings; functions without meetings still reach it from their tests and jobs
public class ReviewRounds {

    public static final String SUBJECT = "ROUND";

    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    public ReviewRounds(DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** The committee's round of the year, opened now if it has none. */
    public ReviewRound openFor(Committee committee, int year, Actor actor) {
        return ReviewRound.find(committee.id, year).orElseGet(() -> open(committee, year, actor));
    }

    private ReviewRound open(Committee committee, int year, Actor actor) {
        ReviewRound round = new ReviewRound();
        round.id = UUID.randomUUID();
        round.committeeId = committee.id;
        round.year = year;
        round.state = RoundState.OPEN;
        round.createdAt = clock.instant();
        round.persistAndFlush();
        LocalDate start = LocalDate.of(year, 1, 1);
        DeadlineService.Owner office = new DeadlineService.Owner(Role.COMMITTEE_OFFICE, committee.hrBureauId,
                committee.id, null);
        // R17: intermediate committees finish by November and report by December; junior ones finish by December
        if (committee.levels.contains(TitleLevel.INTERMEDIATE)) {
            deadlines.attach(DeadlineKind.INTERMEDIATE_FINISH, round.id, start, office);
            deadlines.attach(DeadlineKind.INTERMEDIATE_SUMMARY, round.id, start, office);
        } else if (committee.levels.stream().allMatch(TitleLevel::isJunior)) {
            deadlines.attach(DeadlineKind.JUNIOR_FINISH, round.id, start, office);
        }
        audit.record(actor, new AuditTrail.Change("ROUND_OPEN", SUBJECT, round.id, null, round.state.name(),
                committee.code + " " + year));
        return round;
    }

    /**
     * R17: the last day a committee may hold a review meeting in the year, or null when no rule limits it
     * (senior committees). A committee reviewing intermediate titles is held to November.
     */
    public static LocalDate lastReviewDay(Committee committee, int year) {
        if (committee.levels.contains(TitleLevel.INTERMEDIATE)) {
            return DeadlineKind.INTERMEDIATE_FINISH.fixedDate().atYear(year);
        }
        if (committee.levels.stream().allMatch(TitleLevel::isJunior)) {
            return DeadlineKind.JUNIOR_FINISH.fixedDate().atYear(year);
        }
        return null;
    }
}
