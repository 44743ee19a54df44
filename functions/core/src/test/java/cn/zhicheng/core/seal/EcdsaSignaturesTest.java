package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcdsaSignaturesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void jdkSignaturesSurviveTheRoundTripAndStillVerify() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] message = "职称证书".getBytes(StandardCharsets.UTF_8);
        // enough signatures that R and S with the high bit set (33-byte DER INTEGERs) and short ones both occur
        for (int i = 0; i < 200; i++) {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] der = signer.sign();

            byte[] jose = EcdsaSignatures.derToJose(der);
            assertEquals(64, jose.length);
            assertArrayEquals(der, EcdsaSignatures.joseToDer(jose), "the JDK writes minimal DER, so it comes back");

            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertTrue(verifier.verify(EcdsaSignatures.joseToDer(jose)));
        }
    }

    @Test
    void highBitValuesGetAZeroByteInDerAndLoseItInJose() {
        byte[] r = filled(32, 0x80);
        byte[] s = filled(32, 0x7f);
        byte[] der = HEX.parseHex("3045" + "0221" + "00" + HEX.formatHex(r) + "0220" + HEX.formatHex(s));

        byte[] jose = EcdsaSignatures.derToJose(der);

        assertArrayEquals(concat(r, s), jose);
        assertArrayEquals(der, EcdsaSignatures.joseToDer(jose));
    }

    @Test
    void shortValuesArePaddedInJoseAndTrimmedInDer() {
        // R has 31 significant bytes, S is just 1
        byte[] r = filled(31, 0x11);
        byte[] der = HEX.parseHex("3024" + "021f" + HEX.formatHex(r) + "020101");

        byte[] jose = EcdsaSignatures.derToJose(der);

        byte[] expected = new byte[64];
        System.arraycopy(r, 0, expected, 1, 31);
        expected[63] = 1;
        assertArrayEquals(expected, jose);
        assertArrayEquals(der, EcdsaSignatures.joseToDer(jose));
    }

    @Test
    void leadingZeroByteFollowedByHighBitKeepsItsSignPadding() {
        // R = 0x0080ff..ff (31 significant bytes, high bit set): JOSE has one zero byte, DER one sign byte
        byte[] jose = new byte[64];
        jose[1] = (byte) 0x80;
        Arrays.fill(jose, 2, 32, (byte) 0xff);
        jose[63] = 5;

        byte[] der = EcdsaSignatures.joseToDer(jose);

        byte[] rDer = new byte[32];
        rDer[1] = (byte) 0x80;
        Arrays.fill(rDer, 2, 32, (byte) 0xff);
        assertEquals("3025" + "0220" + HEX.formatHex(rDer) + "020105", HEX.formatHex(der));
        assertArrayEquals(jose, EcdsaSignatures.derToJose(der));
    }

    @Test
    void derIntegersWithRedundantLeadingZerosAreStillRead() {
        byte[] der = HEX.parseHex("3008" + "0203000001" + "0201" + "02");

        byte[] jose = EcdsaSignatures.derToJose(der);

        assertEquals(1, jose[31]);
        assertEquals(2, jose[63]);
    }

    @Test
    void malformedDerIsRefusedWithAClearMessage() {
        String valid = "3006" + "020101" + "020102";
        assertArrayEquals(joseOf(1, 2), EcdsaSignatures.derToJose(HEX.parseHex(valid)));

        for (String bad : new String[] {
            "3106020101020102",             // not a SEQUENCE
            "3007020101020102",             // sequence length says 7, 6 follow
            "300602010102010200",           // trailing byte
            "3006020101030102",             // S is not an INTEGER
            "30060201ff020102",             // negative R
            "3006020001020102",             // zero-length R
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EcdsaSignatures.derToJose(HEX.parseHex(bad)), bad);
            assertTrue(e.getMessage().startsWith("Malformed ECDSA signature"), e.getMessage());
        }
        byte[] tooLong = HEX.parseHex("3026" + "0221" + "01" + "00".repeat(32) + "020101");
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatures.derToJose(tooLong));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatures.derToJose(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatures.derToJose(null));
    }

    @Test
    void joseOfOddOrZeroLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatures.joseToDer(new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> EcdsaSignatures.joseToDer(new byte[0]));
    }

    @Test
    void p521SizedValuesUseLongFormLengths() {
        byte[] jose = filled(132, 0xff);

        byte[] der = EcdsaSignatures.joseToDer(jose);

        assertEquals(0x30, der[0]);
        assertEquals((byte) 0x81, der[1], "content over 127 bytes needs a long-form length");
        assertArrayEquals(jose, EcdsaSignatures.derToJose(der, 66));
    }

    private static byte[] joseOf(int r, int s) {
        byte[] jose = new byte[64];
        jose[31] = (byte) r;
        jose[63] = (byte) s;
        return jose;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
