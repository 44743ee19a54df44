package cn.zhicheng.catalogue.filing.rest;

import cn.zhicheng.core.unit.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** R22: the bodies of the filing routes (附件1 and the decisions on it). */
public final class FilingRequests {

    private FilingRequests() {
    }

    /** The evaluations of one of the 3 years before the filing year (近3年职称评聘人数). */
    public record Evaluation(@NotNull Integer year, @NotNull @Min(0) @Max(100_000) Integer count) {
    }

    /**
     * The fields of 附件1; {@code renewsId} names the approved filing a new one renews, {@code version} the version
     * a correction of a returned filing was loaded at.
     */
    public record Filing(
            @NotNull UUID seriesId,
            @Size(max = 100) String specialty,
            @NotBlank @Size(max = 100) String handlingOffice,
            @NotBlank @Size(max = 50) String contactName,
            @NotNull @Pattern(regexp = PhoneNumbers.LANDLINE, message = PhoneNumbers.LANDLINE_MESSAGE) String officePhone,
            @NotNull @Pattern(regexp = PhoneNumbers.MOBILE, message = PhoneNumbers.MOBILE_MESSAGE) String mobilePhone,
            @NotNull @Min(0) @Max(1_000_000) Integer professionalCount,
            @NotNull @Size(min = 3, max = 3) List<@Valid @NotNull Evaluation> evaluations,
            UUID renewsId,
            Long version) {
    }

    /** An approval, with an optional note. */
    public record Approval(@NotNull Long version, @Size(max = 1000) String note) {
    }

    /** A return or a cancellation, with its reason. */
    public record Decision(@NotNull Long version, @NotBlank @Size(max = 500) String reason) {
    }

    /** A year's filing due date set by the HR bureau. */
    public record DueDate(@NotNull LocalDate dueOn, @Size(max = 200) String note) {
    }
}
