package cn.zhicheng.certificate.status.service;

import cn.zhicheng.certificate.status.mapping.CertificateStatusView;
import cn.zhicheng.core.certificate.Certificate;
import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateNumber;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.MalformedCertificateNumberException;
import cn.zhicheng.core.certificate.RevocationCause;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.time.ClockProducer;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The public status of a certificate by its number: the hot path of a results notice's QR scans (benchmark P1).
 * It reads a handful of columns with one JDBC statement and no transaction (one read-only statement in
 * auto-commit needs none); going through Hibernate cost a third of the throughput (docs/benchmarks.md, P1).
 */
@ApplicationScoped
public class CertificateStatusService {

    // One statement on the unique number index. The reissue's number is looked up (supersedes_id index) only for a
    // superseded certificate: the CASE does not evaluate the sub-select otherwise. The payload is never read.
    private static final String STATUS_SQL = """
            select c.number, c.kind, c.status, c.issued_on, c.term_ends_on, c.revoked_at, c.revocation_cause,
                   case when c.status = 'SUPERSEDED'
                        then (select n.number from certificate n where n.supersedes_id = c.id limit 1) end,
                   c.superseded_at
            from certificate c
            where c.number = ?""";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public CertificateStatusService(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The standing of the certificate with this number as typed or scanned; a malformed one never reaches the DB. */
    public CertificateStatusView statusOf(String typedNumber) {
        String number = parse(typedNumber).value();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STATUS_SQL)) {
            statement.setString(1, number);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw Problem.notFound("CERTIFICATE_NOT_FOUND", "No certificate has the number " + number + ".");
                }
                return view(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the status of certificate " + number, e);
        }
    }

    private CertificateStatusView view(ResultSet row) throws SQLException {
        CertificateStatus stored = CertificateStatus.valueOf(row.getString(3));
        LocalDate termEndsOn = row.getObject(5, LocalDate.class);
        String cause = row.getString(7);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.CHINA);
        return new CertificateStatusView(row.getString(1), CertificateKind.valueOf(row.getString(2)),
                Certificate.statusOn(stored, termEndsOn, today), row.getObject(4, LocalDate.class), termEndsOn,
                instant(row, 6), cause == null ? null : RevocationCause.valueOf(cause), row.getString(8),
                instant(row, 9));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
