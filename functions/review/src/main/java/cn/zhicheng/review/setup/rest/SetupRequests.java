package cn.zhicheng.review.setup.rest;

import cn.zhicheng.core.series.TitleLevel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the HR bureau's set-up: committees, their staff, windows, experts, pools and conflicts. */
public final class SetupRequests {

    /** Sign-in names as registration allows them. */
    static final String USERNAME = "[A-Za-z0-9_.-]+";
    static final String USERNAME_MESSAGE = "letters, digits, '_', '.' and '-' only";

    private SetupRequests() {
    }

    /** A new committee (R8: its series, levels and jurisdiction; R12: its member count). */
    public record NewCommittee(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+",
                    message = "letters, digits, '_' and '-' only") String code,
            @NotBlank @Size(max = 200) String name, @NotNull UUID seriesId, @NotEmpty Set<@NotNull TitleLevel> levels,
            @Size(max = 64) String jurisdiction, @Size(max = 200) String organiser,
            @NotNull @Min(1) @Max(500) Integer memberCount) {
    }

    /** A committee as edited, with the version the client loaded; its series stays what it was. */
    public record CommitteeChange(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+",
                    message = "letters, digits, '_' and '-' only") String code,
            @NotBlank @Size(max = 200) String name, @NotEmpty Set<@NotNull TitleLevel> levels,
            @Size(max = 64) String jurisdiction, @Size(max = 200) String organiser,
            @NotNull @Min(1) @Max(500) Integer memberCount, @NotNull Long version) {
    }

    /** A sign-in for the committee office's staff. */
    public record NewStaff(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = 100) String displayName, @NotBlank @Size(min = 8, max = 200) String password) {
    }

    /** R1: a submission window of the committee's series. */
    public record NewWindow(@NotNull UUID seriesId, @NotBlank @Size(max = 200) String title, @NotNull Instant opensAt,
            @NotNull Instant closesAt) {
    }

    /** R1: a window's new title and dates, with the version the client loaded. */
    public record WindowChange(@NotBlank @Size(max = 200) String title, @NotNull Instant opensAt,
            @NotNull Instant closesAt, @NotNull Long version) {
    }

    /** R9: an expert, with a sign-in when both a user name and a password are given. */
    public record NewExpert(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String specialty,
            @NotNull UUID unitId,
            @Size(min = 3, max = 64) @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @Size(min = 8, max = 200) String password) {
    }

    /** R9: an expert joins a committee's pool of a year, serving until the term ends. */
    public record NewPoolMember(@NotNull UUID expertId, @NotNull LocalDate termEndsOn) {
    }

    /** R10: a declared conflict with a unit, a person (by ID number), or both. */
    public record NewConflict(UUID unitId, @Size(max = 20) String personIdNumber,
            @NotBlank @Size(max = 500) String reason) {
    }
}
