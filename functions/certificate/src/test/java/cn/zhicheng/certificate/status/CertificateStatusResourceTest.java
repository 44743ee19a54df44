package cn.zhicheng.certificate.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.testing.IssuedCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The public status check by number (R27, R29, decision 0013): standing and dates, never the holder. */
@QuarkusTest
class CertificateStatusResourceTest {

    private static ValidatableResponse status(String number) {
        return given().get("/api/public/certificates/{number}/status", number).then();
    }

    @Test
    void R27_aValidTitleCertificateAnswersItsStandingAndNoName() {
        String number = IssuedCertificates.title();

        var response = status(number).statusCode(200)
                .body("number", is(number))
                .body("kind", is("TITLE"))
                .body("status", is("VALID"))
                .body("issuedOn", is(IssuedCertificates.today().toString()))
                .body("validUntil", nullValue())
                .body("revokedAt", nullValue())
                .body("revocationCause", nullValue())
                .body("supersededBy", nullValue())
                .body("supersededAt", nullValue())
                .extract();
        // the Lambda adapter hands a comma-separated header on as one value per element; a cache reads both alike
        assertEquals("public, max-age=60", String.join(", ", response.headers().getValues("Cache-Control")));
        String body = response.asString();
        assertEquals(false, body.contains(IssuedCertificates.HOLDER_NAME), "the status reveals no name: " + body);
        assertEquals(false, body.contains("holderName"), body);
    }

    @Test
    void R27_aNumberAsPeopleTypeItFindsTheSameCertificate() {
        String number = IssuedCertificates.title();
        String typed = number.substring(0, 6).toLowerCase() + " " + number.substring(6, 10) + "-"
                + number.substring(10);

        status(typed).statusCode(200).body("number", is(number)).body("status", is("VALID"));
    }

    @Test
    void R27_anAppointmentCertificateExpiresAfterItsTermByTheCalendar() {
        LocalDate today = IssuedCertificates.today();
        String endsToday = IssuedCertificates.appointment(today);
        String endedYesterday = IssuedCertificates.appointment(today.minusDays(1));

        status(endsToday).statusCode(200).body("kind", is("APPOINTMENT")).body("status", is("VALID"))
                .body("validUntil", is(today.toString()));
        status(endedYesterday).statusCode(200).body("kind", is("APPOINTMENT")).body("status", is("EXPIRED"))
                .body("validUntil", is(today.minusDays(1).toString()));
    }

    @Test
    void R20_aRevokedCertificateSaysWhenAndWhyButNotTheReason() {
        String number = IssuedCertificates.title();
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        IssuedCertificates.revoke(number, RevocationCause.FRAUD, at);

        status(number).statusCode(200).body("status", is("REVOKED"))
                .body("revokedAt", is("2026-03-04T05:06:07Z"))
                .body("revocationCause", is("FRAUD"))
                .body(not(containsString("test: FRAUD")));
    }

    @Test
    void R20_aRevokedAppointmentStaysRevokedAfterItsTerm() {
        String number = IssuedCertificates.appointment(IssuedCertificates.today().minusDays(10));
        IssuedCertificates.revoke(number, RevocationCause.MISUSE, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        status(number).statusCode(200).body("status", is("REVOKED")).body("revocationCause", is("MISUSE"));
    }

    @Test
    void R29_aSupersededCertificateNamesItsReissue() {
        String old = IssuedCertificates.title();
        Instant at = Instant.parse("2026-05-06T07:08:09Z");
        String reissue = IssuedCertificates.reissue(old, at);

        status(old).statusCode(200).body("status", is("SUPERSEDED"))
                .body("supersededBy", is(reissue))
                .body("supersededAt", is("2026-05-06T07:08:09Z"));
        status(reissue).statusCode(200).body("status", is("VALID")).body("supersededBy", nullValue());
    }

    @Test
    void R27_aNumberOfTheWrongShapeIsRefusedAsMalformed() {
        status("NOT-A-NUMBER").statusCode(400).contentType("application/problem+json")
                .body("code", is("MALFORMED_CERTIFICATE_NUMBER"))
                .body("reason", is("WRONG_FORMAT"))
                .body("rule", is("R27"));
    }

    @Test
    void R27_aTypingMistakeIsCaughtByTheCheckCharacter() {
        String number = IssuedCertificates.title();
        char check = number.charAt(number.length() - 1);
        String mistyped = number.substring(0, number.length() - 1) + (check == '0' ? '1' : '0');

        status(mistyped).statusCode(400).contentType("application/problem+json")
                .body("code", is("MALFORMED_CERTIFICATE_NUMBER"))
                .body("reason", is("BAD_CHECK_CHARACTER"));
    }

    @Test
    void aWellFormedNumberNoOneHoldsIsNotFound() {
        String unknown = CertificateNumber.of("ZZ", 2020, 999_999).value();

        status(unknown).statusCode(404).contentType("application/problem+json")
                .body("code", is("CERTIFICATE_NOT_FOUND"));
    }
}
