package cn.zhicheng.certificate.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.certificate.status.service.CertificateStatusService;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.testing.IssuedCertificates;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent status checks share queries on PostgreSQL, and each still gets the answer for its own number. */
@QuarkusTest
class CertificateStatusServiceTest {

    @Inject
    CertificateStatusService statuses;

    /** One check and what it must answer: a status, or the code of the problem. */
    private record Check(String number, CertificateStatus status, String supersededBy, String problemCode) {
    }

    @Test
    void R29_manyConcurrentChecksEachGetTheirOwnAnswer() throws Exception {
        List<Check> kinds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            kinds.add(new Check(IssuedCertificates.title(), CertificateStatus.VALID, null, null));
        }
        String revoked = IssuedCertificates.title();
        IssuedCertificates.revoke(revoked, RevocationCause.MISUSE, Instant.parse("2026-03-04T05:06:07Z"));
        kinds.add(new Check(revoked, CertificateStatus.REVOKED, null, null));
        String old = IssuedCertificates.title();
        String reissue = IssuedCertificates.reissue(old, Instant.parse("2026-05-06T07:08:09Z"));
        kinds.add(new Check(old, CertificateStatus.SUPERSEDED, reissue, null));
        kinds.add(new Check(reissue, CertificateStatus.VALID, null, null));
        kinds.add(new Check(IssuedCertificates.appointment(IssuedCertificates.today().minusDays(1)),
                CertificateStatus.EXPIRED, null, null));
        kinds.add(new Check(CertificateNumber.of("ZZ", 2020, 424_242).value(), null, null, "CERTIFICATE_NOT_FOUND"));
        kinds.add(new Check("NOT-A-NUMBER", null, null, "MALFORMED_CERTIFICATE_NUMBER"));

        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Check> checks = new ArrayList<>();
            List<CompletableFuture<CertificateStatusView>> answers = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                Check check = kinds.get(i * 7 % kinds.size());
                checks.add(check);
                answers.add(CompletableFuture.supplyAsync(() -> statuses.statusOf(check.number()), callers)
                        .thenCompose(stage -> stage));
            }
            for (int i = 0; i < checks.size(); i++) {
                Check check = checks.get(i);
                CompletableFuture<CertificateStatusView> answer = answers.get(i);
                if (check.problemCode() != null) {
                    CompletionException e = assertThrows(CompletionException.class, answer::join, check.number());
                    Problem problem = assertInstanceOf(Problem.class, e.getCause(), check.number());
                    assertEquals(check.problemCode(), problem.code(), check.number());
                } else {
                    CertificateStatusView view = answer.get(30, TimeUnit.SECONDS);
                    assertEquals(check.number(), view.number());
                    assertEquals(check.status(), view.status(), check.number());
                    assertEquals(check.supersededBy(), view.supersededBy(), check.number());
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
