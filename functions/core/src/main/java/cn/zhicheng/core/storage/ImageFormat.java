package cn.zhicheng.core.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The picture formats a seal image may have, told by the file's first bytes, not by what the client declares. */
public enum ImageFormat {
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String contentType;
    private final byte[] magic;

    ImageFormat(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** The format the bytes are, if they begin like one. */
    public static Optional<ImageFormat> of(byte[] bytes) {
        return Arrays.stream(values()).filter(f -> f.begins(bytes)).findFirst();
    }

    /** The format when the declared content type (parameters ignored) and the bytes agree on it. */
    public static Optional<ImageFormat> declaredAndSniffed(String declaredType, byte[] bytes) {
        String type = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return of(bytes).filter(format -> format.contentType.equals(type));
    }

    private boolean begins(byte[] bytes) {
        return bytes != null && bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
