package cn.zhicheng.certificate.status.service;

import cn.zhicheng.certificate.status.config.StatusConfig;
import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.certificate.status.repository.CertificateStatusRepository;
import cn.zhicheng.certificate.status.repository.CertificateStatusRepository.StoredStatus;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.ClockProducer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The public status of a certificate by its number: the hot path of a results notice's QR scans (benchmark P1).
 * Concurrent checks share a query: the numbers asked for while one query runs are read together by the next
 * ({@link MicroBatcher}), on threads of their own, so no request thread waits on the database.
 */
@ApplicationScoped
public class CertificateStatusService {

    private final Clock clock;
    private final ExecutorService executor;
    private final MicroBatcher<String, StoredStatus> batcher;

    public CertificateStatusService(CertificateStatusRepository repository, Clock clock, StatusConfig config) {
        this.clock = clock;
        int batches = config.concurrentBatches();
        this.executor = Executors.newFixedThreadPool(batches, runnable -> {
            Thread thread = new Thread(runnable, "certificate-status");
            thread.setDaemon(true);
            return thread;
        });
        this.batcher = new MicroBatcher<>(repository::findByNumbers, executor, config.batchSize(), batches);
    }

    /**
     * The standing of the certificate with this number as typed or scanned. A malformed number is refused at once
     * and never reaches the database; an unknown one completes with {@code CERTIFICATE_NOT_FOUND}.
     */
    public CompletionStage<CertificateStatusView> statusOf(String typedNumber) {
        String number = parse(typedNumber).value();
        return batcher.load(number).thenApply(found -> view(found.orElseThrow(() ->
                Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate has the number " + number + "."))));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private CertificateStatusView view(StoredStatus stored) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        return new CertificateStatusView(stored.number(), stored.kind(),
                Certificate.statusOn(stored.status(), stored.termEndsOn(), today), stored.issuedOn(),
                stored.termEndsOn(), stored.revokedAt(), stored.revocationCause(), stored.supersededBy(),
                stored.supersededAt());
    }

    private static CertificateNumber parse(String typedNumber) {
        try {
            return CertificateNumber.parse(typedNumber);
        } catch (MalformedCertificateNumberException e) {
            throw Problem.rule("R27", 400, "MALFORMED_CERTIFICATE_NUMBER", "Not a certificate number", e.getMessage())
                    .with("reason", e.reason().name());
        }
    }
}
