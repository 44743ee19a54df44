package cn.zhicheng.spotcheck.integrity.rest;

import cn.zhicheng.core.integrity.ReportState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the fraud confirmation (R20, R21), the integrity record and certificate reports (R31). */
public final class IntegrityRequests {

    private IntegrityRequests() {
    }

    /** R21: the unit or department that gave false proof, and its responsible professional. */
    public record FalseProof(@NotNull UUID unitId, @NotBlank @Size(max = 100) String responsibleName,
            @NotBlank @Size(max = 18) String responsibleIdNumber) {
    }

    /** R20: the HR bureau confirms the fraud the office suspected, optionally naming who gave false proof. */
    public record FraudConfirmation(@NotBlank @Size(max = 2000) String reason, @Valid FalseProof falseProof) {
    }

    /** A rescission after review, with its reason. */
    public record Rescission(@NotBlank @Size(max = 1000) String reason, @NotNull Long version) {
    }

    /** R31: a verifier's report; the number is optional but must be well-formed if given. */
    public record Report(@Size(max = 64) String certificateNumber, @Size(max = 8000) String payload,
            @NotBlank @Size(min = 10, max = 2000) String reason, @Size(max = 200) String contact) {
    }

    /** R31: the HR bureau's decision on a report. */
    public record Decision(@NotNull ReportState outcome, @Size(max = 2000) String note,
            @Size(max = 100) String personName, @Size(max = 18) String personIdNumber, Boolean revokeCertificate,
            @NotNull Long version) {
    }
}
