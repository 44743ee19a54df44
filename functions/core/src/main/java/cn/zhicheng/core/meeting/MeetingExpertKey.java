package cn.zhicheng.core.meeting;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of a row about one expert at one meeting: a draw candidate or a drawn expert. */
public class MeetingExpertKey implements Serializable {

    public UUID meetingId;
    public UUID expertId;

    public MeetingExpertKey() {
    }

    public MeetingExpertKey(UUID meetingId, UUID expertId) {
        this.meetingId = meetingId;
        this.expertId = expertId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeetingExpertKey k && Objects.equals(meetingId, k.meetingId)
                && Objects.equals(expertId, k.expertId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, expertId);
    }
}
