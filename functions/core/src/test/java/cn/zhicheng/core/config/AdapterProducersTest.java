package cn.zhicheng.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.zhicheng.core.aws.AwsClients;
import cn.zhicheng.core.seal.LocalSealSigner;
import cn.zhicheng.core.seal.RateLimitedSealSigner;
import cn.zhicheng.core.storage.LocalEvidenceStore;
import cn.zhicheng.core.storage.S3EvidenceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterProducersTest {

    @TempDir
    Path dataDir;

    @Test
    void localAdaptersByDefaultWithoutTouchingAws() {
        ZhichengConfig config = AdapterTestConfig.of(Map.of("zhicheng.data-dir", dataDir.toString()));
        Supplier<AwsClients> noAws = () -> fail("the local adapters need no AWS clients");

        assertInstanceOf(LocalEvidenceStore.class, AdapterProducers.evidenceStore(config,
                () -> LocalEvidenceStore.fromConfig(config, Clock.systemUTC()), noAws));
        assertInstanceOf(LocalSealSigner.class, AdapterProducers.sealSigner(config, noAws));
    }

    @Test
    void awsAdaptersWhenConfiguredWhateverTheCase() {
        ZhichengConfig config = AdapterTestConfig.emulator(dataDir, Map.of(
                "zhicheng.evidence.store", " S3 ",
                "zhicheng.seal.signer", "KMS"));
        try (AwsClients aws = new AwsClients(config)) {
            assertInstanceOf(S3EvidenceStore.class, AdapterProducers.evidenceStore(config,
                    () -> fail("the S3 store needs no local store"), () -> aws));
            RateLimitedSealSigner signer = assertInstanceOf(RateLimitedSealSigner.class,
                    AdapterProducers.sealSigner(config, () -> aws));
            assertEquals(100, signer.maxRequestsPerSecond(), "the default rate");
        }
    }

    @Test
    void theKmsSignersRateIsASetting() {
        ZhichengConfig config = AdapterTestConfig.emulator(dataDir, Map.of(
                "zhicheng.seal.signer", "kms",
                "zhicheng.seal.kms.max-requests-per-second", "7"));
        try (AwsClients aws = new AwsClients(config)) {
            RateLimitedSealSigner signer = assertInstanceOf(RateLimitedSealSigner.class,
                    AdapterProducers.sealSigner(config, () -> aws));
            assertEquals(7, signer.maxRequestsPerSecond());
        }
    }

    @Test
    void unknownChoicesStopTheStartWithTheSettingNamed() {
        ZhichengConfig badStore = AdapterTestConfig.of(Map.of("zhicheng.evidence.store", "ftp"));
        IllegalStateException store = assertThrows(IllegalStateException.class,
                () -> AdapterProducers.evidenceStoreKind(badStore));
        assertEquals("zhicheng.evidence.store must be local or s3, not 'ftp'", store.getMessage());

        ZhichengConfig badSigner = AdapterTestConfig.of(Map.of("zhicheng.seal.signer", "hsm"));
        IllegalStateException signer = assertThrows(IllegalStateException.class,
                () -> AdapterProducers.sealSigner(badSigner, () -> fail("not built")));
        assertTrue(signer.getMessage().contains("zhicheng.seal.signer must be local or kms"), signer.getMessage());
    }
}
