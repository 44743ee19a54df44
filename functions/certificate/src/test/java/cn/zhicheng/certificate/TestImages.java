package cn.zhicheng.certificate;

import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.testing.IssuedCertificates;
import io.quarkus.arc.Arc;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;

/** The image the PDF and seal tests print or upload: a passport-style PNG, as a photo or as a seal. */
final class TestImages {

    private TestImages() {
    }

    /** A passport-style PNG: grey background, a darker head and shoulders. */
    static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xdd, 0xe6, 0xf0));
        g.fillRect(0, 0, 120, 160);
        g.setColor(new Color(0x55, 0x44, 0x33));
        g.fillOval(35, 25, 50, 60);
        g.fillRoundRect(15, 100, 90, 80, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The certificate to issue with {@link #photo()} in the evidence store as its photo, as an upload leaves it. */
    static IssuedCertificates.Spec withPhoto(IssuedCertificates.Spec spec) throws Exception {
        String key = "applications/fixture-" + UUID.randomUUID() + "/photo";
        Arc.container().instance(EvidenceStore.class).get().write(key, photo(), "image/png");
        return spec.photo(key, "image/png");
    }
}
