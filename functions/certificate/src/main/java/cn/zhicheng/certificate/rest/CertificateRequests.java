package cn.zhicheng.certificate.rest;

import cn.zhicheng.core.certificate.ReissueReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the certificate routes. */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    /** Which filed application to certify, and the document that published the result (公布文号, R27). */
    public record Issue(@NotNull UUID applicationId, @NotBlank @Size(max = 100) String publicationNumber) {
    }

    /** Every filed, uncertified application of the round. */
    public record IssueRound(@NotNull UUID roundId, @NotBlank @Size(max = 100) String publicationNumber) {
    }

    public record Revoke(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    public record Reissue(@NotNull ReissueReason reason, @Size(max = 1000) String note, UUID requestId,
            Long version) {
    }

    public record RequestReissue(@NotNull ReissueReason reason, @Size(max = 1000) String note) {
    }

    public record Refuse(@NotBlank @Size(max = 1000) String note, Long version) {
    }

    public record Rotate(@NotBlank @Size(max = 200) String reason) {
    }

    /** Typed lookup needs both the number and the holder's name. */
    public record Lookup(@NotBlank @Size(max = 40) String number, @NotBlank @Size(max = 100) String name) {
    }

    /** A signed payload to verify, as read from a QR code or pasted; its length is checked by the service (413). */
    public record Verify(@NotNull String payload) {
    }
}
