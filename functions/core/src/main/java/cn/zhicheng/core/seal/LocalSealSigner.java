package cn.zhicheng.core.seal;

import cn.zhicheng.core.util.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** E-seal signer for the embedded default: EC P-256 key pairs in PEM files under {@code <dataDir>/keys/seal}. */
public class LocalSealSigner implements SealSigner {

    private static final Pattern KEY_REF =
            Pattern.compile("seal-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path folder;
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    public LocalSealSigner(Path dataDir) {
        this.folder = dataDir.toAbsolutePath().normalize().resolve("keys").resolve("seal");
    }

    @Override
    public SealKey createKey(String label) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available", e);
        }
        String keyRef = "seal-" + UUID.randomUUID();
        try {
            // the label is only a note for whoever looks into the folder; PEM readers skip text before BEGIN
            String note = label == null ? "" : "Zhicheng e-seal: " + label.replaceAll("\\p{Cntrl}", " ") + "\n";
            PrivateFiles.writeIfAbsent(publicFile(keyRef),
                    (note + pem("PUBLIC KEY", pair.getPublic().getEncoded())).getBytes(StandardCharsets.UTF_8));
            PrivateFiles.writeIfAbsent(privateFile(keyRef),
                    (note + pem("PRIVATE KEY", pair.getPrivate().getEncoded())).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the e-seal key files under " + folder, e);
        }
        privateKeys.put(keyRef, pair.getPrivate());
        publicKeys.put(keyRef, pair.getPublic());
        return new SealKey(keyRef, pair.getPublic());
    }

    @Override
    public byte[] sign(String keyRef, byte[] message) {
        PrivateKey key = privateKeys.computeIfAbsent(checked(keyRef), ref -> {
            try {
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile(ref))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The e-seal key file of " + ref + " is not an EC private key", e);
            }
        });
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(message);
            return EcdsaSignatures.derToJose(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with e-seal key " + keyRef, e);
        }
    }

    @Override
    public PublicKey publicKey(String keyRef) {
        return publicKeys.computeIfAbsent(checked(keyRef), ref -> {
            try {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(readPem(publicFile(ref))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The e-seal key file of " + ref + " is not an EC public key", e);
            }
        });
    }

    // The reference names a file, so only the shape this signer makes is accepted: nothing can point elsewhere.
    private static String checked(String keyRef) {
        if (keyRef == null || !KEY_REF.matcher(keyRef).matches()) {
            throw new SealKeyNotFound(String.valueOf(keyRef), null);
        }
        return keyRef;
    }

    private Path privateFile(String keyRef) {
        return folder.resolve(keyRef + ".key.pem");
    }

    private Path publicFile(String keyRef) {
        return folder.resolve(keyRef + ".pub.pem");
    }

    private static byte[] readPem(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            String name = file.getFileName().toString();
            throw new SealKeyNotFound(name.substring(0, name.indexOf('.')), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the e-seal key file " + file, e);
        }
        int begin = text.indexOf("-----BEGIN ");
        int bodyStart = begin < 0 ? -1 : text.indexOf('\n', begin);
        int end = text.indexOf("-----END ");
        if (bodyStart < 0 || end < bodyStart) {
            throw new IllegalStateException("The e-seal key file " + file + " is not PEM");
        }
        return Base64.getMimeDecoder().decode(text.substring(bodyStart + 1, end));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
