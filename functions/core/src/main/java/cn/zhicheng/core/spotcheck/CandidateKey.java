package cn.zhicheng.core.spotcheck;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of an inspector candidate: one expert of the pool considered by one draw. */
public class CandidateKey implements Serializable {

    public UUID drawId;
    public UUID expertId;

    public CandidateKey() {
    }

    public CandidateKey(UUID drawId, UUID expertId) {
        this.drawId = drawId;
        this.expertId = expertId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandidateKey k && Objects.equals(drawId, k.drawId) && Objects.equals(expertId, k.expertId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(drawId, expertId);
    }
}
