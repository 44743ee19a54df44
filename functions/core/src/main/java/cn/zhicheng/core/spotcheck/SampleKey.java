package cn.zhicheng.core.spotcheck;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of a row about one application in one spot-check draw: a population member or a sampled application. */
public class SampleKey implements Serializable {

    public UUID drawId;
    public UUID applicationId;

    public SampleKey() {
    }

    public SampleKey(UUID drawId, UUID applicationId) {
        this.drawId = drawId;
        this.applicationId = applicationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleKey k && Objects.equals(drawId, k.drawId)
                && Objects.equals(applicationId, k.applicationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drawId, applicationId);
    }
}
