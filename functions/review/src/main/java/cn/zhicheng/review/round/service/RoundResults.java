package cn.zhicheng.review.round.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.series.Committee;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How a round's applications came out: decided, passed, and the senior pass rate (R13). */
public final class RoundResults {

    /** A pass stays a pass through publication, filing and certification. */
    public static final Set<ApplicationState> PASSED = EnumSet.of(ApplicationState.PASSED,
            ApplicationState.RESULT_PUBLICITY, ApplicationState.FILED, ApplicationState.CERTIFIED);
    /** Applications that left the round: they are neither decided nor waiting for a decision. */
    private static final Set<ApplicationState> GONE = EnumSet.of(ApplicationState.WITHDRAWN, ApplicationState.VOID);

    private RoundResults() {
    }

    /**
     * R13: among the round's senior-level decisions, how many passed; {@code rate} is null while nothing is
     * decided. The cap is exceeded above one half ("不超过 50%": exactly half is allowed).
     */
    public record SeniorPassRate(int decided, int passed, Double rate, boolean capExceeded) {
    }

    public static boolean passed(Application application) {
        return PASSED.contains(application.state());
    }

    public static boolean failed(Application application) {
        return application.state() == ApplicationState.FAILED;
    }

    public static boolean decided(Application application) {
        return passed(application) || failed(application);
    }

    /** Still on the round's agenda but without a result (R14: the pass list waits for every one). */
    public static boolean undecided(Application application) {
        return !decided(application) && !GONE.contains(application.state());
    }

    /** R13: null for a committee without senior levels, which the cap does not bind. */
    public static SeniorPassRate seniorPassRate(Committee committee, List<Application> applications) {
        if (!committee.reviewsSenior()) {
            return null;
        }
        List<Application> senior = applications.stream()
                .filter(a -> a.level.isSenior() && decided(a))
                .toList();
        int decided = senior.size();
        int passed = (int) senior.stream().filter(RoundResults::passed).count();
        Double rate = decided == 0 ? null : Math.round(passed * 10_000.0 / decided) / 10_000.0;
        return new SeniorPassRate(decided, passed, rate, passed * 2 > decided);
    }
}
