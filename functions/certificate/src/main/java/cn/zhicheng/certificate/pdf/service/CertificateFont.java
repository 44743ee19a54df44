package cn.zhicheng.certificate.pdf.service;

import cn.zhicheng.certificate.pdf.config.PdfConfig;
import cn.zhicheng.core.problem.Problem;
import com.lowagie.text.pdf.BaseFont;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The CJK font of certificate PDFs, read once. A missing font is reported at start-up and refuses PDFs with a
 * clear problem instead of a server error, so the rest of the function keeps working.
 */
@ApplicationScoped
public class CertificateFont {

    private static final Logger LOG = Logger.getLogger(CertificateFont.class);

    private final PdfConfig config;
    private volatile BaseFont font;

    public CertificateFont(PdfConfig config) {
        this.config = config;
    }

    void checkOnStart(@Observes StartupEvent event) {
        if (!Files.isReadable(Path.of(config.fontFile()))) {
            LOG.errorf("The certificate PDF font %s is missing: PDFs will be refused until it is installed "
                    + "(apt-get install fonts-noto-cjk, or the font layer in AWS) or "
                    + "zhicheng.certificate.pdf.font-file names another one", config.fontFile());
        }
    }

    /** The font, embedded as a subset with Unicode (Identity-H) encoding. */
    public BaseFont get() {
        BaseFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                loaded = font;
            }
        }
        return loaded;
    }

    private BaseFont load() {
        String file = config.fontFile();
        if (!Files.isReadable(Path.of(file))) {
            throw Problem.of(503, "PDF_FONT_MISSING", "Certificate PDF unavailable",
                    "The server cannot print certificates: its Chinese font is not installed. The certificate itself"
                            + " and its verification are not affected; try again later.");
        }
        String name = file.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? file + "," + config.fontIndex()
                : file;
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the certificate font " + name, e);
        }
    }
}
