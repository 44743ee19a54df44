package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSealSignerTest extends SealSignerContract {

    @TempDir
    Path dataDir;

    private LocalSealSigner signer;

    @BeforeEach
    void newSigner() {
        signer = new LocalSealSigner(dataDir);
    }

    @Override
    SealSigner signer() {
        return signer;
    }

    @Override
    String unknownKeyRef() {
        return "seal-" + UUID.randomUUID();
    }

    @Test
    void keysSurviveARestart() throws Exception {
        SealKey key = signer.createKey(LABEL);

        LocalSealSigner restarted = new LocalSealSigner(dataDir);

        assertArrayEquals(key.publicKey().getEncoded(), restarted.publicKey(key.keyRef()).getEncoded());
        byte[] signature = restarted.sign(key.keyRef(), PAYLOAD);
        assertTrue(jdkVerify(key.publicKey(), PAYLOAD, signature));
    }

    @Test
    void privateKeyFileIsOwnerOnlyAndNamedByTheReference() throws Exception {
        SealKey key = signer.createKey(LABEL);

        Path privateKey = dataDir.resolve("keys/seal/" + key.keyRef() + ".key.pem");
        assertTrue(Files.isRegularFile(privateKey));
        assertTrue(Files.readString(privateKey).contains("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertTrue(Files.isRegularFile(dataDir.resolve("keys/seal/" + key.keyRef() + ".pub.pem")));
    }

    @Test
    void referencesThatCouldNameOtherFilesAreRefused() throws Exception {
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/other.key.pem"), "not a seal key");

        assertThrows(SealKeyNotFound.class, () -> signer.sign("../other", PAYLOAD));
        assertThrows(SealKeyNotFound.class, () -> signer.publicKey("/etc/passwd"));
        assertThrows(SealKeyNotFound.class, () -> signer.sign(null, PAYLOAD));
    }
}
