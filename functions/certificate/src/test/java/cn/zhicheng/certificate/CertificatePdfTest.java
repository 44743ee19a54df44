package cn.zhicheng.certificate;

import static cn.zhicheng.core.testing.DemoUsers.as;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.certificate.VerifyLinks;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.person.Person;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.core.testing.IssuedCertificates;
import cn.zhicheng.core.testing.IssuedCertificates.Spec;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The printed certificate (R27, R28, R30) read back the way a reader does: poppler's pdffonts, pdftotext, pdfinfo
 * and pdftoppm, and the QR code decoded from a 150 dpi rendering with ZXing.
 */
@QuarkusTest
class CertificatePdfTest {

    private static final String R30 = "限基层单位有效（定向评价、定向使用）";

    @Inject
    ZhichengConfig config;

    private static Path download(String username, IssuedCertificates.Issued issued) throws IOException {
        Response response = as(username).get("/api/certificates/" + issued.id() + "/pdf");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\"" + issued.number() + ".pdf\""));
        Path file = Files.createTempFile(Path.of("target"), issued.number() + "-", ".pdf");
        Files.write(file, response.asByteArray());
        return file;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static String fullIdNumber() {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(
                DemoUsers.actor("applicant").personId()).idNumber);
    }

    @Test
    void R27_R30_thePdfIsA4WithAnEmbeddedCjkSubsetAndPrintsTheFieldsAndTheRestriction() throws Exception {
        IssuedCertificates.Issued issued = IssuedCertificates.issue(TestImages.withPhoto(Spec.demo().grassroots(true)));
        Path pdf = download("applicant", issued);
        assertEquals(1, run("pdfimages", "-list", pdf.toString()).lines().skip(2).count(), "R27: the photo");

        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertFalse(fonts.isEmpty(), "the PDF uses a font");
        assertTrue(fonts.stream().anyMatch(l -> l.contains("NotoSerifCJK") && l.contains("CID Type 0C")
                && l.matches(".*\\byes\\s+yes\\b.*")), "the CJK font is embedded as a subset: " + fonts);
        // columns: name type encoding emb sub uni object ID; every font embedded
        assertTrue(fonts.stream().allMatch(l -> l.matches(".*\\s(yes)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$")),
                "no font left for the reader to find: " + fonts);

        String info = run("pdfinfo", pdf.toString());
        assertTrue(info.matches("(?s).*Pages:\\s+1\\n.*"), info);
        assertTrue(info.matches("(?s).*Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts \\(A4\\).*"), info);

        String text = run("pdftotext", pdf.toString(), "-");
        assertTrue(text.replace(" ", "").contains("职称证书"), text);
        assertTrue(text.contains("张伟"), text);
        assertTrue(text.contains(issued.number()), text);
        assertTrue(text.contains(issued.publicationNumber()), text);
        assertTrue(text.contains(R30), "R30: the grassroots restriction is printed: " + text);
        assertTrue(text.contains(fullIdNumber()), "R27: the holder's own copy prints the full ID number");
        assertTrue(text.contains("配电自动化"), "R27: the specialty practised");
        assertTrue(text.contains("潍坊市工程技术中级职称评审委员会"), text);
        assertTrue(text.contains(VerifyLinks.page(config.publicBaseUrl())), "the query address: " + text);

        assertEquals(VerifyLinks.of(config.publicBaseUrl(), issued.payload()), qrOf(pdf),
                "the QR code read from a 150 dpi rendering is the certificate's verify link");
    }

    @Test
    void R30_R27_aCertificateOffTheGrassrootsTrackHasNoRestrictionAndTheIssuersCopyMasksTheId() throws Exception {
        IssuedCertificates.Issued issued = IssuedCertificates.issue(Spec.demo());
        String text = run("pdftotext", download("hrbureau", issued).toString(), "-");
        assertTrue(text.contains(issued.number()), text);
        assertFalse(text.contains("限基层单位有效"), "R30 applies to grassroots titles only: " + text);
        assertFalse(text.contains(fullIdNumber()), "only the holder's copy shows the full ID number");
        assertTrue(text.contains("**********"), "the issuer's copy prints the masked ID number: " + text);
        assertTrue(text.contains("照"), "without a photo the framed 照片 box is printed");
    }

    @Test
    void R27_onlyTheHolderAndTheIssuerMayPrintAndOnlyAStandingCertificate() throws Exception {
        IssuedCertificates.Issued issued = IssuedCertificates.issue(Spec.demo());
        Actor stranger = Fixtures.freshApplicant("路人甲");
        as(stranger.username()).get("/api/certificates/" + issued.id() + "/pdf").then().statusCode(404)
                .body("code", is("CERTIFICATE_NOT_FOUND"));
        Actor otherBureau = CertificateFixtures.freshBureau();
        as(otherBureau.username()).get("/api/certificates/" + issued.id() + "/pdf").then().statusCode(404);
        as("expert").get("/api/certificates/" + issued.id() + "/pdf").then().statusCode(403);

        IssuedCertificates.revoke(issued.number(), RevocationCause.CORRECTION, Instant.now());
        as("applicant").get("/api/certificates/" + issued.id() + "/pdf").then().statusCode(409)
                .contentType("application/problem+json").body("code", is("CERTIFICATE_NOT_CURRENT"));

        IssuedCertificates.Issued replaced = IssuedCertificates.issue(Spec.demo());
        IssuedCertificates.reissue(replaced.number(), Instant.now());
        as("hrbureau").get("/api/certificates/" + replaced.id() + "/pdf").then().statusCode(409)
                .body("code", is("CERTIFICATE_NOT_CURRENT"));
    }

    @Test
    void R27_theIssuersUploadedSealIsPrintedInsteadOfTheDrawnOne() throws Exception {
        Actor bureau = CertificateFixtures.freshBureau();
        IssuedCertificates.Issued drawn = IssuedCertificates.issue(Spec.demo().by(bureau));
        Path withoutImage = download(bureau.username(), drawn);
        String images = run("pdfimages", "-list", withoutImage.toString());
        assertEquals(0, images.lines().skip(2).count(), "no image: the seal is drawn: " + images);

        io.restassured.RestAssured.given().auth().oauth2(DemoUsers.token(bureau.username())).contentType("image/png")
                .body(TestImages.photo()).put("/api/issuer-seal").then().statusCode(200);
        images = run("pdfimages", "-list", download(bureau.username(), drawn).toString());
        assertEquals(1, images.lines().skip(2).count(), "the uploaded seal image is printed: " + images);
    }

    /** The QR code of page 1 rendered at 150 dpi, decoded the way a phone camera app would. */
    private static String qrOf(Path pdf) throws Exception {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-page");
        run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), prefix.toString());
        BufferedImage page = ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
