package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.series.TitleLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the submit function. */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /** R4: diploma and degree numbers, never copies. */
    public record Create(@NotNull UUID seriesId, @NotNull TitleLevel level,
            @NotBlank @Size(max = 100) String specialty, @NotNull UUID unitId,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]+", message = "letters, digits and '-' only")
            String diplomaNumber,
            @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*", message = "letters, digits and '-' only")
            String degreeNumber) {
    }

    /** An evidence file the browser is about to upload. */
    public record Evidence(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 255) String fileName,
            @NotBlank @Size(max = 100) String contentType, @NotNull @Positive Long size) {
    }

    /** R5: the applicant's pledge. */
    public record Submit(@NotNull Boolean pledgeAccepted, @NotNull Long version) {
    }

    /** A step that carries an optional note and the version the client saw. */
    public record Step(@Size(max = 1000) String comment, @NotNull Long version) {
    }

    /** A step that needs a reason. */
    public record Reasoned(@NotBlank @Size(max = 1000) String reason, @NotNull Long version) {
    }

    /** R4, R5, R7: the unit's pledge and how it verified the diploma and degree numbers. */
    public record Recommend(@NotNull Boolean unitPledgeAccepted, VerificationRoute diplomaVerification,
            VerificationRoute degreeVerification, @Size(max = 1000) String comment, @NotNull Long version) {
    }
}
