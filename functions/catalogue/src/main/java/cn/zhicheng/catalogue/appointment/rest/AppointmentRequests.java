package cn.zhicheng.catalogue.appointment.rest;

import cn.zhicheng.core.person.Sex;
import cn.zhicheng.core.series.TitleLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the appointment routes; the record's own checks are the service's (one place per rule). */
public final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /** One appointment record, the template's columns as JSON. */
    public record Record(String name, String idNumber, Sex sex, UUID seriesId, String specialty,
            String practisedSpecialty, TitleLevel level, String post, LocalDate appointedOn, LocalDate termStartsOn,
            LocalDate termEndsOn, String committeeName, String publicationNumber, LocalDate reportedOn,
            String reportReference) {
    }

    /** R25: the record was reported to the personnel department. */
    public record Report(@NotNull Long version, @NotNull LocalDate reportedOn, @Size(max = 100) String reportReference) {
    }

    /** A record withdrawn before release, with the reason. */
    public record Withdraw(@NotNull Long version, @NotBlank @Size(max = 500) String reason) {
    }
}
