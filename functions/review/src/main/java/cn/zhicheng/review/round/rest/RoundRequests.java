package cn.zhicheng.review.round.rest;

import cn.zhicheng.core.application.Objection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the round's steps and of the public notice. */
public final class RoundRequests {

    private RoundRequests() {
    }

    /** A step that needs nothing but the version the client saw. */
    public record Step(@NotNull Long version) {
    }

    /** R13: the HR bureau's written reason (at least 10 characters, checked without surrounding blanks). */
    public record SeniorOverride(@NotBlank @Size(max = 1000) String reason, @NotNull Long version) {
    }

    /** R14: why the pass list goes back to the office. */
    public record Return(@NotBlank @Size(max = 1000) String reason, @NotNull Long version) {
    }

    /** R15: the notice's last day; without one it runs the minimum 5 working days. */
    public record Publish(LocalDate noticeEndsOn, @NotNull Long version) {
    }

    /** R15: the HR bureau's decision on an objection, always with its explanation. */
    public record ObjectionDecision(@NotNull Objection.Decision decision,
            @NotBlank @Size(max = 2000) String explanation, @NotNull Long version) {
    }

    /** R17: the year's written summary. */
    public record Summary(@NotBlank @Size(max = 4000) String content, @NotNull Long version) {
    }

    /** R15: an objection from the public: who raises it, how to reach them, and what it says. */
    public record PublicObjection(@NotNull UUID applicationId, @NotBlank @Size(max = 100) String raisedBy,
            @NotBlank @Size(max = 100) String contact, @NotBlank @Size(max = 2000) String content) {
    }
}
