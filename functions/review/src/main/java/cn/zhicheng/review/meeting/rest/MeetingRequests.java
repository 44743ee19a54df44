package cn.zhicheng.review.meeting.rest;

import cn.zhicheng.core.meeting.Vote;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the meeting routes. */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    /** R11: the office's application for a meeting, with its work plan and agenda of accepted applications. */
    public record Create(@NotNull LocalDate meetingDate, @NotBlank @Size(max = 200) String venue,
            @Size(max = 2000) String workPlan, @NotNull @Size(min = 1, max = 500) List<@NotNull UUID> applicationIds) {
    }

    /** The HR bureau's approval or rejection; a rejection says why. */
    public record Decision(@Size(max = 1000) String note, @NotNull Long version) {
    }

    /** A step on the meeting at the version the client saw. */
    public record Step(@NotNull Long version) {
    }

    /** R12: the drawn experts present on the day. */
    public record Attendance(@NotNull @Size(max = 500) List<@NotNull UUID> present, @NotNull Long version) {
    }

    /** R12: one expert's secret vote on one application. */
    public record Ballot(@NotNull Vote.Choice choice) {
    }
}
