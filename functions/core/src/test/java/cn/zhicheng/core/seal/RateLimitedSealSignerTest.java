package cn.zhicheng.core.seal;

import static cn.zhicheng.core.seal.RequestRateLimiterTest.SECOND;
import static cn.zhicheng.core.seal.RequestRateLimiterTest.busiestSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.aws.AwsClients;
import cn.zhicheng.core.aws.Emulator;
import cn.zhicheng.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/** P2 (KMS side): the KMS signer on the emulator stays under its rate and rides out throttling, or says so. */
class RateLimitedSealSignerTest {

    private static final byte[] MESSAGE = "eyJhbGciOiJFUzI1NiJ9.eyJudW0iOiJYIn0".getBytes(StandardCharsets.US_ASCII);
    private static final RateLimitedSealSigner.Backoff BACKOFF =
            new RateLimitedSealSigner.Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(2));
    // a fake behind the randomness: nextDouble() reads the top 53 bits of nextLong(), so this is exactly 0.5
    private static final RandomGenerator HALF = () -> Long.MIN_VALUE;

    private static AwsClients aws;
    private static SealKey key;
    private KmsClient client;

    @BeforeAll
    static void kms() {
        aws = Emulator.clients();
        key = new KmsSealSigner(aws.kms()).createKey("rate limit test");
    }

    @AfterAll
    static void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    // the client as production builds it (no SDK retries of its own), with the fault added behind it
    private static KmsClient clientWith(FaultInjectingInterceptor faults) {
        KmsClientBuilder builder = aws.kmsBuilder();
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(faults).build()).build();
    }

    private RateLimitedSealSigner signer(FaultInjectingInterceptor faults, FakeSleeper sleeper, int rate) {
        client = clientWith(faults);
        return new RateLimitedSealSigner(new KmsSealSigner(client),
                new RequestRateLimiter(rate, 10 * SECOND, sleeper), BACKOFF, sleeper, HALF);
    }

    @Test
    void signCallsReachKmsNoFasterThanTheConfiguredRate() throws Exception {
        FakeSleeper sleeper = FakeSleeper.advancing();
        FaultInjectingInterceptor kms = new FaultInjectingInterceptor(sleeper, 0);
        RateLimitedSealSigner signer = signer(kms, sleeper, 20);

        for (int i = 0; i < 50; i++) {
            assertTrue(SealSignerContract.jdkVerify(key.publicKey(), MESSAGE, signer.sign(key.keyRef(), MESSAGE)));
        }

        List<Long> calls = kms.signCalls();
        assertEquals(50, calls.size());
        assertEquals(20, busiestSecond(calls), "at most 20 Sign requests in any sliding second");
        assertTrue(calls.getLast() - calls.getFirst() >= 49 * SECOND / 20, "50 calls at 20/s span 2.45 s");
        assertEquals(50, signer.stats().signatures());
        assertEquals(0, signer.stats().throttledResponses());
    }

    @Test
    void throttledCallsAreRetriedWithGrowingBackoffUntilTheSignatureComesBack() throws Exception {
        FakeSleeper sleeper = FakeSleeper.advancing();
        FaultInjectingInterceptor kms = new FaultInjectingInterceptor(sleeper, 3);
        RateLimitedSealSigner signer = signer(kms, sleeper, 20);

        byte[] signature = signer.sign(key.keyRef(), MESSAGE);

        assertTrue(SealSignerContract.jdkVerify(key.publicKey(), MESSAGE, signature));
        assertEquals(4, kms.signCalls().size(), "three throttled calls, then the one that signed");
        // full jitter at 0.5 of a ceiling that doubles: 50, 100, 200 ms
        assertEquals(List.of(50_000_000L, 100_000_000L, 200_000_000L), sleeper.sleeps());
        assertEquals(new RateLimitedSealSigner.Stats(1, 3, 350_000_000L, 0), signer.stats());
    }

    @Test
    void throttlingThatOutlastsTheAttemptsIsRefusedAsSignerThrottled() {
        FakeSleeper sleeper = FakeSleeper.advancing();
        FaultInjectingInterceptor kms = new FaultInjectingInterceptor(sleeper, Integer.MAX_VALUE);
        RateLimitedSealSigner signer = signer(kms, sleeper, 20);

        Problem refused = assertThrows(Problem.class, () -> signer.sign(key.keyRef(), MESSAGE));

        assertEquals(503, refused.status());
        assertEquals("SIGNER_THROTTLED", refused.code());
        assertEquals(2L, refused.extensions().get("retryAfterSeconds"));
        assertEquals(BACKOFF.maxAttempts(), kms.signCalls().size(), "no call beyond the last attempt");
        assertEquals(List.of(50_000_000L, 100_000_000L, 200_000_000L), sleeper.sleeps(), "no wait after the last");
    }

    @Test
    void aQueueLongerThanTheMaximumWaitIsRefusedBeforeCallingKms() {
        FakeSleeper sleeper = FakeSleeper.frozen();
        FaultInjectingInterceptor kms = new FaultInjectingInterceptor(sleeper, 0);
        client = clientWith(kms);
        RateLimitedSealSigner signer = new RateLimitedSealSigner(new KmsSealSigner(client),
                new RequestRateLimiter(2, SECOND, sleeper), BACKOFF, sleeper, HALF);

        for (int i = 0; i < 3; i++) {
            signer.sign(key.keyRef(), MESSAGE);
        }
        Problem refused = assertThrows(Problem.class, () -> signer.sign(key.keyRef(), MESSAGE));

        assertEquals("SIGNER_THROTTLED", refused.code());
        assertEquals(2L, refused.extensions().get("retryAfterSeconds"), "1.5 s of queue, rounded up");
        assertEquals(3, kms.signCalls().size());
    }

    @Test
    void otherKmsErrorsAreNotRetried() {
        FakeSleeper sleeper = FakeSleeper.advancing();
        FaultInjectingInterceptor kms = new FaultInjectingInterceptor(sleeper, 0);
        RateLimitedSealSigner signer = signer(kms, sleeper, 20);
        String unknown = UUID.randomUUID().toString();

        assertThrows(SealKeyNotFound.class, () -> signer.sign(unknown, MESSAGE));

        assertEquals(1, kms.signCalls().size());
        assertEquals(List.of(), sleeper.sleeps());
    }
}
