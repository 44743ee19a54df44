package cn.zhicheng.core.storage;

import java.util.Locale;
import java.util.Optional;

/**
 * The picture types the server stores from a request body itself (R27: an issuer's seal image, an appointment's
 * photo): PNG or JPEG, recognised by the file's first bytes, never by the declared type alone.
 */
public enum ImageType {
    PNG("image/png", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", ".jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    ImageType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type the bytes are, when they are what the declared type (a Content-Type, parameters allowed) says. */
    public static Optional<ImageType> of(String declaredType, byte[] bytes) {
        String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (ImageType candidate : values()) {
            if (candidate.mediaType.equals(type) && candidate.starts(bytes)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean starts(byte[] bytes) {
        if (bytes == null || bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
