package cn.zhicheng.spotcheck.draw.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes many rows of a draw's record (population, sample, inspectors) in multi-row INSERTs over the transaction's
 * own connection: persisting 100,000 entities one by one is far too slow for benchmark P3, and a multi-row VALUES
 * list is plain SQL that PostgreSQL and the local server's H2 both take.
 */
@ApplicationScoped
public class BatchInsert {

    /** Rows per statement: large enough to amortise the round trip, far below PostgreSQL's 32,767 parameters. */
    static final int ROWS_PER_STATEMENT = 1000;

    private final EntityManager entityManager;

    public BatchInsert(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the rows (each one value per column, in column order) into the table, in the current transaction. */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> write(connection, table, columns, rows));
    }

    private static void write(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        int full = rows.size() / ROWS_PER_STATEMENT;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(table, columns, ROWS_PER_STATEMENT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(statement, rows, chunk * ROWS_PER_STATEMENT, ROWS_PER_STATEMENT);
                    statement.executeUpdate();
                }
            }
        }
        int rest = rows.size() - full * ROWS_PER_STATEMENT;
        if (rest > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(table, columns, rest))) {
                bind(statement, rows, full * ROWS_PER_STATEMENT, rest);
                statement.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object[]> rows, int from, int count)
            throws SQLException {
        int parameter = 1;
        for (int i = from; i < from + count; i++) {
            for (Object value : rows.get(i)) {
                statement.setObject(parameter++, value);
            }
        }
    }

    private static String sql(String table, List<String> columns, int rowCount) {
        String row = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") values ");
        for (int i = 0; i < rowCount; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }
}
