package cn.zhicheng.core.identity;

import cn.zhicheng.core.config.ZhichengConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local sign-in's token key pair (EC P-256), created under the data folder on first start so no key is ever
 * committed. Token verification reads the public half from the file named by mp.jwt.verify.publickey.location.
 */
@ApplicationScoped
public class IdentityKeys {

    private final ZhichengConfig config;
    private PrivateKey privateKey;

    public IdentityKeys(ZhichengConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (config.identity().localSignIn()) {
            privateKey();
        }
    }

    public synchronized PrivateKey privateKey() {
        if (privateKey == null) {
            privateKey = loadOrCreate();
        }
        return privateKey;
    }

    private PrivateKey loadOrCreate() {
        Path folder = Path.of(config.dataDir(), "keys");
        Path privatePem = folder.resolve("identity-private.pem");
        Path publicPem = folder.resolve("identity-public.pem");
        try {
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                byte[] der = Base64.getMimeDecoder().decode(stripPem(Files.readString(privatePem)));
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(folder);
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return pair.getPrivate();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the identity keys under " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the identity keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String stripPem(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
