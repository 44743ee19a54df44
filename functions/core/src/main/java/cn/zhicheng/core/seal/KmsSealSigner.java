package cn.zhicheng.core.seal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** E-seal signer on AWS KMS: one asymmetric ECC_NIST_P256 key per issuer; the private half never leaves KMS. */
public class KmsSealSigner implements SealSigner {

    /** Tag that names the issuer a key belongs to, for people browsing keys in the console. */
    public static final String LABEL_TAG = "zhicheng:seal-label";

    // KMS signs at most 4096 bytes of raw message; longer ones are hashed here and sent as a digest.
    private static final int MAX_RAW_MESSAGE = 4096;
    private static final int MAX_TAG_VALUE = 256;
    private static final Pattern TAG_UNSAFE = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private final KmsClient kms;
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    public KmsSealSigner(KmsClient kms) {
        this.kms = kms;
    }

    @Override
    public SealKey createKey(String label) {
        String note = label == null ? "" : label;
        CreateKeyResponse created = kms.createKey(b -> b
                .keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsageType.SIGN_VERIFY)
                .description("Zhicheng e-seal: " + note)
                .tags(Tag.builder()
                        .tagKey(LABEL_TAG)
                        .tagValue(tagValue(note))
                        .build()));
        String keyRef = created.keyMetadata().keyId();
        return new SealKey(keyRef, publicKey(keyRef));
    }

    @Override
    public byte[] sign(String keyRef, byte[] message) {
        boolean raw = message.length <= MAX_RAW_MESSAGE;
        SdkBytes input = SdkBytes.fromByteArray(raw ? message : sha256(message));
        try {
            byte[] der = kms.sign(b -> b
                    .keyId(keyRef)
                    .message(input)
                    .messageType(raw ? MessageType.RAW : MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature()
                    .asByteArray();
            return EcdsaSignatures.derToJose(der);
        } catch (NotFoundException e) {
            throw new SealKeyNotFound(keyRef, e);
        }
    }

    @Override
    public PublicKey publicKey(String keyRef) {
        return publicKeys.computeIfAbsent(keyRef, ref -> {
            byte[] spki;
            try {
                spki = kms.getPublicKey(b -> b.keyId(ref)).publicKey().asByteArray();
            } catch (NotFoundException e) {
                throw new SealKeyNotFound(ref, e);
            }
            try {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("KMS key " + ref + " is not an EC key", e);
            }
        });
    }

    // KMS tag values allow only letters, digits, spaces and _.:/=+-@; a name with （） or · would be refused.
    static String tagValue(String label) {
        String value = TAG_UNSAFE.matcher(label).replaceAll("_");
        return value.length() > MAX_TAG_VALUE ? value.substring(0, MAX_TAG_VALUE) : value;
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
