package cn.zhicheng.core.expert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * R10: the one recusal rule of every draw (a meeting's experts, a spot check's inspectors): an expert is
 * recused from applicants of their own employer unit (同单位回避) and from any person or unit they declared a
 * conflict with (申报回避).
 */
public final class Recusal {

    /** Longest reason a draw record keeps (draw_candidate.recused_reason, spot_check_recusal.reason). */
    public static final int REASON_LENGTH = 300;

    private Recusal() {
    }

    /**
     * Why the expert may not judge applicants of these units and persons, or null if nothing stands in the way.
     *
     * @param conflicts the expert's declared conflicts
     * @param unitNames names of the units, for the reason's text
     */
    public static String reason(Expert expert, Collection<ExpertConflict> conflicts, Set<UUID> units,
            Set<UUID> people, Map<UUID, String> unitNames) {
        List<String> reasons = new ArrayList<>();
        if (units.contains(expert.unitId)) {
            reasons.add("同单位回避：" + unitNames.get(expert.unitId));
        }
        for (ExpertConflict conflict : conflicts) {
            // a conflict names a unit or a person, the other is null (and immutable sets refuse null look-ups)
            if (conflict.unitId != null && units.contains(conflict.unitId)
                    || conflict.personId != null && people.contains(conflict.personId)) {
                reasons.add("申报回避：" + conflict.reason);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String reason = String.join("；", reasons);
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    }

    /** The declared conflicts of the experts given, per expert. */
    public static Map<UUID, List<ExpertConflict>> conflictsOf(Collection<UUID> expertIds) {
        if (expertIds.isEmpty()) {
            return Map.of();
        }
        return ExpertConflict.<ExpertConflict>list("expertId in ?1", expertIds).stream()
                .collect(Collectors.groupingBy(c -> c.expertId));
    }
}
