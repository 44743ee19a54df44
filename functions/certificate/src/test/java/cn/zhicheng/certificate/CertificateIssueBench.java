package cn.zhicheng.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.certificate.service.CertificateService;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.testing.BenchDatabase;
import cn.zhicheng.core.testing.CertificateFixtures;
import cn.zhicheng.core.testing.CertificateFixtures.Filing;
import cn.zhicheng.core.testing.DemoUsers;
import cn.zhicheng.core.testing.TestCommittees;
import cn.zhicheng.core.time.ClockProducer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark P2: a round of 10,000 filed applications issued at once through the real service with the local signer
 * (each certified through the state machine, numbered, signed, persisted and audited, committed), against the raw
 * single-thread JDK SHA256withECDSA signing rate over inputs of the same length, measured in the same JVM. Not part
 * of the test suite; run it with {@code bash infra/bench.sh p2}. Each figure is the median of three runs.
 */
@QuarkusTest
@TestProfile(CertificateIssueBench.LocalSigner.class)
@EnabledIfSystemProperty(named = "zc.bench", matches = "true")
class CertificateIssueBench {

    private static final int ROWS = Integer.getInteger("zc.bench.rows", 10_000);
    private static final double TARGET_RATIO = 0.5;
    private static final int REPEATS = 3;

    /** The local signer (the KMS half of P2 is measured separately), and less logging. */
    public static class LocalSigner implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhicheng.seal.signer", "local",
                    "quarkus.log.category.\"org.hibernate\".level", "WARN");
        }
    }

    @Inject
    CertificateService certificates;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ZhichengConfig config;

    /** One measured issuance. */
    private record Run(int count, double issueSeconds, double rawSeconds, int inputLength) {

        double issueRate() {
            return count / issueSeconds;
        }

        double rawRate() {
            return count / rawSeconds;
        }

        double ratio() {
            return issueRate() / rawRate();
        }
    }

    @Test
    void P2_issuingTenThousandCertificatesKeepsUpWithRawSigning() throws Exception {
        TestCommittees.clock().reset();
        int year = LocalDate.now(ClockProducer.CHINA).getYear();
        Actor bureau = DemoUsers.actor("hrbureau");
        run(bureau, year, Math.min(1_000, ROWS)); // warm-up: classes loaded and compiled before anything is measured
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            runs.add(run(bureau, year, ROWS));
        }
        runs.sort((a, b) -> Double.compare(a.ratio(), b.ratio()));
        Run median = runs.get(REPEATS / 2);
        StringBuilder report = new StringBuilder(String.format(
                "P2 certificate issuance, local signer, %d signing threads, %d cores; median of %d by ratio%n",
                config.seal().signingThreads(),
                Runtime.getRuntime().availableProcessors(), REPEATS));
        report.append(String.format("  %8s %10s %12s %12s %14s %7s%n", "count", "issue s", "issued/s", "raw s",
                "raw signs/s", "ratio"));
        for (Run r : runs) {
            report.append(String.format("  %8d %10.3f %12.0f %12.3f %14.0f %7.2f%n", r.count(), r.issueSeconds(),
                    r.issueRate(), r.rawSeconds(), r.rawRate(), r.ratio()));
        }
        report.append(String.format("  signing input %d bytes%n", median.inputLength()));
        report.append(String.format("  target issuance >= %.0f%% of raw signing: %s (%.2f)%n", TARGET_RATIO * 100,
                median.ratio() >= TARGET_RATIO ? "met" : "MISSED", median.ratio()));
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-p2.txt"), report.toString());
        assertTrue(median.ratio() >= TARGET_RATIO, report.toString());
    }

    /** A fresh round of {@code count} filed applications with photos, issued at once and timed; then the baseline. */
    private Run run(Actor bureau, int year, int count) throws Exception {
        CertificateFixtures.FiledRound round = CertificateFixtures.filedRound(year, List.of(Filing.PLAIN));
        database().copyApplication(round.applications().get(0), count - 1);

        long started = System.nanoTime();
        CertificateService.Batch batch = certificates.issueRound(bureau, round.roundId(), "潍人社字〔2026〕1号");
        double issueSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(count, batch.issued().size());
        assertEquals(count, database().count("select count(*) from certificate c join application a on a.id = c.application_id "
                + "where a.round_id = ?", round.roundId()));

        Certificate sample = batch.issued().get(0);
        int inputLength = sample.payload.substring(0, sample.payload.lastIndexOf('.')).length();
        double rawSeconds = rawSigning(count, inputLength);
        return new Run(count, issueSeconds, rawSeconds, inputLength);
    }

    /** The baseline: the JDK signing {@code count} inputs of the same length on one thread with one P-256 key. */
    private static double rawSigning(int count, int inputLength) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] input = new byte[inputLength];
        Arrays.fill(input, (byte) 'a');
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            input[i % inputLength] = (byte) ('a' + i % 26);
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(input);
            signature.sign();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private BenchDatabase database() {
        return new BenchDatabase(dataSource);
    }
}
