package cn.zhicheng.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes many rows over the transaction's own connection, for the bulk steps where persisting entities one by one
 * is far too slow (a spot-check draw's record, benchmark P3; a round's certificates and their audit events, P2).
 * On PostgreSQL the rows go in one COPY (the fastest bulk load it has); elsewhere (the local server's H2) in
 * multi-row INSERTs, which are plain SQL. The rows bypass the session: what they reference must already be written
 * (flushed), and the session does not see them as entities until it reads them.
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
        if (connection.isWrapperFor(PGConnection.class)) {
            copy(connection.unwrap(PGConnection.class), table, columns, rows);
            return;
        }
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

    /** PostgreSQL's COPY in its text format, sent a chunk of rows at a time. */
    private static void copy(PGConnection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", columns)
                + ") from stdin");
        try {
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    chunk.append(c == 0 ? "" : "\t");
                    text(chunk, row[c]);
                }
                chunk.append('\n');
                if ((i + 1) % ROWS_PER_STATEMENT == 0 || i == rows.size() - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A value in COPY's text format: \N for null, and backslash, tab and line breaks escaped. */
    private static void text(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value.toString();
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        // most values (ids, numbers, signed payloads) have nothing to escape and go in whole
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static boolean special(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
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
