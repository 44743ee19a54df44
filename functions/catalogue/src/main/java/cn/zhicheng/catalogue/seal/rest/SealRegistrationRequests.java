package cn.zhicheng.catalogue.seal.rest;

import cn.zhicheng.core.catalogue.SealBusiness;
import cn.zhicheng.core.unit.PhoneNumbers;
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
            @NotBlank @Pattern(regexp = PhoneNumbers.MOBILE, message = PhoneNumbers.MOBILE_MESSAGE) String handlerMobile,
            @Pattern(regexp = PhoneNumbers.LANDLINE, message = PhoneNumbers.LANDLINE_MESSAGE) String handlerPhone,
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
