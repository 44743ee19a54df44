package cn.zhicheng.certificate.pdf.service;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/**
 * The QR code of a verify link as a grid of modules. Level M survives a crease or a stain; a link too long for M
 * at the largest version falls back to L rather than failing the certificate.
 */
public record QrSymbol(ByteMatrix matrix, ErrorCorrectionLevel level) {

    /** The blank margin around the symbol that scanners need, in modules. */
    public static final int QUIET_ZONE = 4;

    public static QrSymbol encode(String text) {
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return of(Encoder.encode(text, ErrorCorrectionLevel.M, hints));
        } catch (WriterException tooLongForM) {
            try {
                return of(Encoder.encode(text, ErrorCorrectionLevel.L, hints));
            } catch (WriterException e) {
                throw new IllegalStateException("The verify link does not fit in a QR code: " + text.length()
                        + " characters", e);
            }
        }
    }

    private static QrSymbol of(QRCode code) {
        return new QrSymbol(code.getMatrix(), code.getECLevel());
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return matrix.getWidth();
    }

    public boolean dark(int x, int y) {
        return matrix.get(x, y) == 1;
    }
}
