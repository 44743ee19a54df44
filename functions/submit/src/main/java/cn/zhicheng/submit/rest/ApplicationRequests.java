package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.Employment;
import cn.zhicheng.core.application.EvidenceKind;
import cn.zhicheng.core.application.Objection;
import cn.zhicheng.core.application.VerificationRoute;
import cn.zhicheng.core.series.TitleLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the submit function. */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /**
     * R3: employed through an employer unit (the default) or flexible through an agency. R4: diploma and degree
     * numbers, never copies, with the graduation year and award date that decide how the unit can verify them.
     * R27: the specialty practised, when it differs from the series specialty; R30: the grassroots track.
     */
    public record Create(@NotNull UUID seriesId, @NotNull TitleLevel level,
            @NotBlank @Size(max = 100) String specialty, @Size(max = 100) String practisedSpecialty,
            Boolean grassroots, @NotNull UUID unitId, Employment employment,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]+", message = "letters, digits and '-' only")
            String diplomaNumber,
            @NotNull @Min(1950) @Max(9999) Integer graduationYear,
            @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*", message = "letters, digits and '-' only")
            String degreeNumber,
            LocalDate degreeAwardedOn) {
    }

    /** A file the browser is about to upload: its name, type and size, checked before the URL is signed. */
    public interface DeclaredFile {
        String title();

        String fileName();

        String contentType();

        Long size();
    }

    /** An evidence file of the applicant's; a kind, if sent, must be the applicant's own (R7). */
    public record Evidence(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 255) String fileName,
            @NotBlank @Size(max = 100) String contentType, @NotNull @Positive Long size, EvidenceKind kind)
            implements DeclaredFile {
    }

    /** R7: a document the unit attaches to its recommendation. */
    public record Attachment(@NotNull EvidenceKind kind, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 255) String fileName, @NotBlank @Size(max = 100) String contentType,
            @NotNull @Positive Long size) implements DeclaredFile {
    }

    /** R27: the applicant's photo the browser is about to upload. */
    public record Photo(@NotBlank @Size(max = 255) String fileName, @NotBlank @Size(max = 100) String contentType,
            @NotNull @Positive Long size) {
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

    /** R7: an objection raised during the unit publicity, as the unit records it. */
    public record RaiseObjection(@NotBlank @Size(max = 100) String raisedBy, @Size(max = 100) String contact,
            @NotBlank @Size(max = 2000) String content) {
    }

    /** R7: the unit's decision on an objection, with the explanation given to whoever raised it. */
    public record DecideObjection(@NotNull Objection.Decision decision,
            @NotBlank @Size(max = 2000) String explanation, @NotNull Long version) {
    }
}
