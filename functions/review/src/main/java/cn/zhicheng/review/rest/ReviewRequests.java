package cn.zhicheng.review.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the review function. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** A step with an optional note and the version the client saw. */
    public record Step(@Size(max = 1000) String comment, @NotNull Long version) {
    }
}
