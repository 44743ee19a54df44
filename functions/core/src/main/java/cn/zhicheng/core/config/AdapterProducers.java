package cn.zhicheng.core.config;

import cn.zhicheng.core.aws.AwsClients;
import cn.zhicheng.core.seal.KmsSealSigner;
import cn.zhicheng.core.seal.LocalSealSigner;
import cn.zhicheng.core.seal.RateLimitedSealSigner;
import cn.zhicheng.core.seal.SealSigner;
import cn.zhicheng.core.storage.EvidenceStore;
import cn.zhicheng.core.storage.LocalEvidenceStore;
import cn.zhicheng.core.storage.S3EvidenceStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/** Picks each port's adapter from configuration at run time, so one build runs locally and on AWS. */
@Singleton
public class AdapterProducers {

    public static final String LOCAL = "local";
    public static final String S3 = "s3";
    public static final String KMS = "kms";

    // Producers are lazy; checking at start turns a typo in the settings into a failed start, not a failed request.
    void checkChoices(@Observes StartupEvent event, ZhichengConfig config, Instance<AwsClients> aws) {
        if (S3.equals(evidenceStoreKind(config)) && config.evidence().createBucket()) {
            // emulators start empty; in AWS the template creates the bucket and this stays off
            S3EvidenceStore.ensureBucket(aws.get().s3(), config.evidence().bucket());
        }
        sealSignerKind(config);
    }

    /** The local store as its own type too, for functions/local's /local-store route; built only when asked for. */
    @Produces
    @Singleton
    @Typed(LocalEvidenceStore.class)
    LocalEvidenceStore localEvidenceStore(ZhichengConfig config, Clock clock) {
        return LocalEvidenceStore.fromConfig(config, clock);
    }

    @Produces
    @ApplicationScoped
    EvidenceStore evidenceStore(ZhichengConfig config, Instance<LocalEvidenceStore> local,
            Instance<AwsClients> aws) {
        return evidenceStore(config, local::get, aws::get);
    }

    @Produces
    @ApplicationScoped
    SealSigner sealSigner(ZhichengConfig config, Instance<AwsClients> aws) {
        return sealSigner(config, aws::get);
    }

    public static EvidenceStore evidenceStore(ZhichengConfig config, Supplier<LocalEvidenceStore> local,
            Supplier<AwsClients> aws) {
        return switch (evidenceStoreKind(config)) {
            case S3 -> new S3EvidenceStore(aws.get().s3(), aws.get().s3Presigner(), config.evidence().bucket());
            default -> local.get();
        };
    }

    public static SealSigner sealSigner(ZhichengConfig config, Supplier<AwsClients> aws) {
        return switch (sealSignerKind(config)) {
            case KMS -> rateLimited(new KmsSealSigner(aws.get().kms()), config.seal().kms());
            default -> new LocalSealSigner(Path.of(config.dataDir()));
        };
    }

    /** The KMS signer kept under {@code zhicheng.seal.kms.*}: its rate, queue and backoff on throttling. */
    public static RateLimitedSealSigner rateLimited(SealSigner kms, ZhichengConfig.Seal.Kms settings) {
        var backoff = new RateLimitedSealSigner.Backoff(settings.maxAttempts(), settings.backoffBase(),
                settings.backoffCap());
        return new RateLimitedSealSigner(kms, settings.maxRequestsPerSecond(), settings.maxWait(), backoff);
    }

    /** {@code zhicheng.evidence.store}, normalized: local or s3; anything else stops the start. */
    public static String evidenceStoreKind(ZhichengConfig config) {
        return choice("zhicheng.evidence.store", config.evidence().store(), LOCAL, S3);
    }

    /** {@code zhicheng.seal.signer}, normalized: local or kms; anything else stops the start. */
    public static String sealSignerKind(ZhichengConfig config) {
        return choice("zhicheng.seal.signer", config.seal().signer(), LOCAL, KMS);
    }

    private static String choice(String property, String value, String... allowed) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(normalized)) {
                return candidate;
            }
        }
        throw new IllegalStateException(property + " must be " + String.join(" or ", allowed) + ", not '" + value
                + "'");
    }
}
