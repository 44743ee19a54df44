package cn.zhicheng.core.spotcheck;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of a row about one expert and one sampled application of a draw: an inspector or a recusal. */
public class InspectorKey implements Serializable {

    public UUID drawId;
    public UUID applicationId;
    public UUID expertId;

    public InspectorKey() {
    }

    public InspectorKey(UUID drawId, UUID applicationId, UUID expertId) {
        this.drawId = drawId;
        this.applicationId = applicationId;
        this.expertId = expertId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InspectorKey k && Objects.equals(drawId, k.drawId)
                && Objects.equals(applicationId, k.applicationId) && Objects.equals(expertId, k.expertId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drawId, applicationId, expertId);
    }
}
