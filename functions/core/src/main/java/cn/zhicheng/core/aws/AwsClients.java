package cn.zhicheng.core.aws;

import cn.zhicheng.core.config.ZhichengConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK clients the adapters share, built on first use from {@code zhicheng.aws.*} and closed on shutdown. */
@ApplicationScoped
public class AwsClients implements AutoCloseable {

    private final ZhichengConfig.Aws settings;
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> s3Presigner;
    private final Lazy<KmsClient> kms;

    @Inject
    public AwsClients(ZhichengConfig config) {
        this(config.aws());
    }

    public AwsClients(ZhichengConfig.Aws settings) {
        this.settings = settings;
        // Lazy: a function that never touches S3 or KMS (or runs with the local adapters) pays nothing at cold start.
        this.s3 = new Lazy<>(this::buildS3);
        this.s3Presigner = new Lazy<>(this::buildS3Presigner);
        this.kms = new Lazy<>(this::buildKms);
    }

    public S3Client s3() {
        return s3.get();
    }

    public S3Presigner s3Presigner() {
        return s3Presigner.get();
    }

    public KmsClient kms() {
        return kms.get();
    }

    @PreDestroy
    @Override
    public void close() {
        s3.close();
        s3Presigner.close();
        kms.close();
    }

    private S3Client buildS3() {
        var builder = S3Client.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // emulators answer on one host name, so bucket names cannot be DNS labels
                .forcePathStyle(true);
        endpoint(builder::endpointOverride);
        return builder.build();
    }

    private S3Presigner buildS3Presigner() {
        var builder = S3Presigner.builder()
                .region(region())
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        endpoint(builder::endpointOverride);
        return builder.build();
    }

    /**
     * A KMS client builder set up as {@link #kms()} is, for tests that add an interceptor. The SDK does not retry:
     * its retries of throttled calls would bypass the signer's rate limit, which retries them itself.
     */
    public KmsClientBuilder kmsBuilder() {
        var builder = KmsClient.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        endpoint(builder::endpointOverride);
        return builder;
    }

    private KmsClient buildKms() {
        return kmsBuilder().build();
    }

    private Region region() {
        return Region.of(settings.region());
    }

    private AwsCredentialsProvider credentials() {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretAccessKey().get()));
        }
        if (settings.accessKeyId().isPresent() != settings.secretAccessKey().isPresent()) {
            throw new IllegalStateException("zhicheng.aws.access-key-id and zhicheng.aws.secret-access-key "
                    + "must be set together (or both left out to use the default AWS credentials chain)");
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private void endpoint(Consumer<URI> override) {
        settings.endpointOverride().filter(e -> !e.isBlank()).map(URI::create).ifPresent(override);
    }

    /** Builds a client once, on first use, and closes it only if it was ever built. */
    private static final class Lazy<T extends AutoCloseable> {

        private final Supplier<T> factory;
        private T value;
        private boolean closed;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (closed) {
                throw new IllegalStateException("AWS clients are closed");
            }
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void close() {
            closed = true;
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    // shutting down: a failed close must not keep the other clients open
                }
                value = null;
            }
        }
    }
}
