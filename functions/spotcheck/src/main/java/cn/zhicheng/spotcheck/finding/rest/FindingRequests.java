package cn.zhicheng.spotcheck.finding.rest;

import cn.zhicheng.core.spotcheck.Addressee;
import cn.zhicheng.core.spotcheck.FindingResult;
import cn.zhicheng.core.spotcheck.SampleOutcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the inspectors', the office's and the addressees' steps on a sample (R18). */
public final class FindingRequests {

    private FindingRequests() {
    }

    /** An inspector's finding on one evidence item; a note is needed unless the item is OK. */
    public record Finding(@NotNull FindingResult result, @Size(max = 2000) String note) {
    }

    /** A file the inspector attaches to a finding. */
    public record Attachment(@NotBlank @Size(max = 255) String fileName, @NotBlank @Size(max = 100) String contentType,
            @NotNull @Positive Long size) {
    }

    /** R18: a question to the applicant, the unit or the department, due in 1 to 30 working days (5 if not given). */
    public record Question(@NotNull Addressee addressee, @NotBlank @Size(max = 2000) String question,
            @Min(1) @Max(30) Integer workingDays) {
    }

    /** The addressee's answer. */
    public record Answer(@NotBlank @Size(max = 4000) String answer, @NotNull Long version) {
    }

    /** The office's conclusion; a note is needed unless CLEAR. */
    public record Conclusion(@NotNull SampleOutcome outcome, @Size(max = 2000) String note, @NotNull Long version) {
    }
}
