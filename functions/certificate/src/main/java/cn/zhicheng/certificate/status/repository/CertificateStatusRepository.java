package cn.zhicheng.certificate.status.repository;

import cn.zhicheng.core.certificate.CertificateKind;
import cn.zhicheng.core.certificate.CertificateStatus;
import cn.zhicheng.core.certificate.RevocationCause;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the stored standing of certificates by number with one JDBC statement and no transaction (one read-only
 * statement in auto-commit needs none); going through Hibernate cost a third of the throughput (benchmark P1).
 */
@ApplicationScoped
public class CertificateStatusRepository {

    /** The columns of one certificate the public status is made of, as stored. */
    public record StoredStatus(String number, CertificateKind kind, CertificateStatus status, LocalDate issuedOn,
            LocalDate termEndsOn, Instant revokedAt, RevocationCause revocationCause, String supersededBy,
            Instant supersededAt) {
    }

    // One statement on the unique number index for the whole batch (PostgreSQL and H2 both take an array for
    // = any(?)). The reissue's number is looked up (supersedes_id index) only for a superseded certificate: the CASE
    // does not evaluate the sub-select otherwise. The payload is never read.
    private static final String STATUS_SQL = """
            select c.number, c.kind, c.status, c.issued_on, c.term_ends_on, c.revoked_at, c.revocation_cause,
                   case when c.status = 'SUPERSEDED'
                        then (select n.number from certificate n where n.supersedes_id = c.id limit 1) end,
                   c.superseded_at
            from certificate c
            where c.number = any(?)""";

    private final AgroalDataSource dataSource;

    public CertificateStatusRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored standing of each of these normalised numbers that a certificate has, by number. */
    public Map<String, StoredStatus> findByNumbers(List<String> numbers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STATUS_SQL)) {
            Array array = connection.createArrayOf("varchar", numbers.toArray());
            statement.setArray(1, array);
            Map<String, StoredStatus> found = HashMap.newHashMap(numbers.size());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    StoredStatus stored = stored(row);
                    found.put(stored.number(), stored);
                }
            } finally {
                array.free();
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the status of " + numbers.size() + " certificates", e);
        }
    }

    private static StoredStatus stored(ResultSet row) throws SQLException {
        String cause = row.getString(7);
        return new StoredStatus(row.getString(1), CertificateKind.valueOf(row.getString(2)),
                CertificateStatus.valueOf(row.getString(3)), row.getObject(4, LocalDate.class),
                row.getObject(5, LocalDate.class), instant(row, 6),
                cause == null ? null : RevocationCause.valueOf(cause), row.getString(8), instant(row, 9));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
