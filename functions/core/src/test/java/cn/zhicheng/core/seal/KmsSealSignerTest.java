package cn.zhicheng.core.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.aws.AwsClients;
import cn.zhicheng.core.aws.Emulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;

class KmsSealSignerTest extends SealSignerContract {

    private static AwsClients aws;
    private static KmsSealSigner signer;

    @BeforeAll
    static void kms() {
        aws = Emulator.clients();
        signer = new KmsSealSigner(aws.kms());
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Override
    SealSigner signer() {
        return signer;
    }

    @Override
    String unknownKeyRef() {
        return UUID.randomUUID().toString();
    }

    @Test
    void keyIsAnAsymmetricP256SigningKeyLabelledForTheIssuer() {
        SealKey key = signer.createKey(LABEL);

        KeyMetadata metadata = aws.kms().describeKey(b -> b.keyId(key.keyRef())).keyMetadata();
        assertEquals(KeySpec.ECC_NIST_P256, metadata.keySpec());
        assertEquals(KeyUsageType.SIGN_VERIFY, metadata.keyUsage());
        assertTrue(metadata.description().contains(LABEL), metadata.description());
        Tag tag = aws.kms().listResourceTags(b -> b.keyId(key.keyRef())).tags().stream()
                .filter(t -> t.tagKey().equals(KmsSealSigner.LABEL_TAG))
                .findFirst()
                .orElseThrow();
        // KMS refuses brackets in tag values, so they are replaced; the description keeps the full name
        assertEquals("某某市人力资源和社会保障局_职改办_", tag.tagValue());
    }
}
