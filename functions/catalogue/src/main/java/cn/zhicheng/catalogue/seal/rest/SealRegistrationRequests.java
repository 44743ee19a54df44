package cn.zhicheng.catalogue.seal.rest;

import cn.zhicheng.core.catalogue.SealBusiness;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the e-seal registration (R24, 附件3). */
public final class SealRegistrationRequests {

    private SealRegistrationRequests() {
    }

    /**
     * The fields of 附件3; {@code version} only when a returned application is corrected. The credit code and the
     * handler's ID number are checked by their standards in the service, which names what is wrong with them.
     */
    public record Application(
            @NotNull SealBusiness business,
            @NotBlank @Size(max = 200) String unitName,
            @NotBlank @Size(max = 50) String legalRepresentative,
            @NotBlank @Size(max = 40) String creditCode,
            @NotBlank @Size(max = 50) String handlerName,
            @NotBlank @Size(max = 40) String handlerIdNumber,
            @NotBlank @Pattern(regexp = "1[0-9]{10}", message = "11 digits starting with 1") String handlerMobile,
            @Pattern(regexp = "[0-9][0-9-]{5,18}[0-9]",
                    message = "digits with an optional area code and '-', 7 to 20 characters") String handlerPhone,
            @NotBlank @Size(max = 300) String address,
            @NotNull @AssertTrue(message = "the applicant must accept the declaration") Boolean declarationAccepted,
            Long version) {
    }

    /** The bureau approves, optionally with a note. */
    public record Approval(@NotNull Long version, @Size(max = 1000) String note) {
    }

    /** The bureau returns the application for correction, saying why. */
    public record Return(@NotNull Long version, @NotBlank @Size(max = 1000) String reason) {
    }
}
