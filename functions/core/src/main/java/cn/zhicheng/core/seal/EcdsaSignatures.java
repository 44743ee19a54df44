package cn.zhicheng.core.seal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** ECDSA signatures between DER (as the JDK and KMS make them) and JOSE R||S (as JWS ES256 carries them). */
public final class EcdsaSignatures {

    /** Byte length of one of R and S for P-256. */
    public static final int P256_SIZE = 32;

    private EcdsaSignatures() {
    }

    public static byte[] derToJose(byte[] der) {
        return derToJose(der, P256_SIZE);
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to R||S, each left-padded to {@code size} bytes. */
    public static byte[] derToJose(byte[] der, int size) {
        if (der == null || der.length < 8 || der[0] != 0x30) {
            throw malformed("not a DER sequence");
        }
        int[] pos = {1};
        int sequenceLength = readLength(der, pos);
        if (pos[0] + sequenceLength != der.length) {
            throw malformed("sequence length does not match the signature length");
        }
        byte[] r = readInteger(der, pos);
        byte[] s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw malformed("trailing bytes after S");
        }
        byte[] jose = new byte[2 * size];
        place(r, jose, 0, size);
        place(s, jose, size, size);
        return jose;
    }

    /** R||S (two halves of equal length) to DER with minimal, non-negative INTEGERs. */
    public static byte[] joseToDer(byte[] jose) {
        if (jose == null || jose.length == 0 || jose.length % 2 != 0) {
            throw malformed("a JOSE signature is two halves of equal length");
        }
        int size = jose.length / 2;
        byte[] r = integerContent(Arrays.copyOfRange(jose, 0, size));
        byte[] s = integerContent(Arrays.copyOfRange(jose, size, jose.length));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeTlv(body, 0x02, r);
        writeTlv(body, 0x02, s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] readInteger(byte[] der, int[] pos) {
        if (pos[0] >= der.length || der[pos[0]] != 0x02) {
            throw malformed("expected an INTEGER");
        }
        pos[0]++;
        int length = readLength(der, pos);
        if (length == 0 || pos[0] + length > der.length) {
            throw malformed("INTEGER length out of range");
        }
        byte[] value = Arrays.copyOfRange(der, pos[0], pos[0] + length);
        pos[0] += length;
        if ((value[0] & 0x80) != 0) {
            throw malformed("negative INTEGER");
        }
        return value;
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw malformed("truncated length");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 2 || pos[0] + octets > der.length) {
            throw malformed("unsupported length encoding");
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[pos[0]++] & 0xff);
        }
        return length;
    }

    // Copies an unsigned big-endian integer right-aligned into out[offset, offset+size), dropping sign-padding zeros.
    private static void place(byte[] value, byte[] out, int offset, int size) {
        int start = 0;
        while (start < value.length - 1 && value[start] == 0) {
            start++;
        }
        int length = value.length - start;
        if (length > size) {
            throw malformed("R or S is longer than " + size + " bytes");
        }
        System.arraycopy(value, start, out, offset + size - length, length);
    }

    private static byte[] integerContent(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0) {
            start++;
        }
        byte[] trimmed = Arrays.copyOfRange(unsigned, start, unsigned.length);
        if ((trimmed[0] & 0x80) == 0) {
            return trimmed;
        }
        // a set high bit would read as negative in DER, so a zero byte goes in front
        byte[] padded = new byte[trimmed.length + 1];
        System.arraycopy(trimmed, 0, padded, 1, trimmed.length);
        return padded;
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xff) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("Malformed ECDSA signature: " + why);
    }
}
