package cn.zhicheng.core.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Plain SQL for the benchmarks' set-up on PostgreSQL: bulk copies and counts outside any transaction. */
public final class BenchDatabase {

    private final DataSource dataSource;

    public BenchDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one statement in auto-commit (so VACUUM works too). */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a {@code select count(*) … where … = ?} query answers for the id. */
    public long count(String sql, UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Copies the template application {@code count} times in one INSERT … SELECT (new ids, every other column the
     * same, so the same round and state), then refreshes the planner's statistics.
     */
    public void copyApplication(UUID template, int count) {
        if (count == 0) {
            return;
        }
        String columnsSql = "select column_name from information_schema.columns where table_name = 'application'"
                + " and column_name <> 'id' order by ordinal_position";
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(columnsSql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(columnsSql, e);
        }
        String list = String.join(", ", columns);
        execute("insert into application (id, " + list + ") select gen_random_uuid(), " + list
                + " from application, generate_series(1, " + count + ") where id = '" + template + "'");
        execute("vacuum analyze application");
    }
}
