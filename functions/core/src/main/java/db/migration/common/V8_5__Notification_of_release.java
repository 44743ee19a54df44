package db.migration.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * R25: a notification may also tell a person that their appointment certificate was released. V3 declared the
 * notification's kinds as an unnamed column check, which PostgreSQL and H2 name differently; this finds it in the
 * standard information schema both keep, drops it, and adds a named one with the new kind.
 */
public class V8_5__Notification_of_release extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> checks = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tc.constraint_name, cc.check_clause "
                        + "from information_schema.table_constraints tc join information_schema.check_constraints cc "
                        + "on cc.constraint_schema = tc.constraint_schema and cc.constraint_name = tc.constraint_name "
                        + "where lower(tc.table_name) = 'notification' and tc.constraint_type = 'CHECK'")) {
            while (rows.next()) {
                if (rows.getString(2).contains("'OVERDUE'")) {
                    checks.add(rows.getString(1));
                }
            }
        }
        if (checks.size() != 1) {
            throw new IllegalStateException("Expected the one check of notification kinds, found " + checks);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table notification drop constraint \"" + checks.get(0) + "\"");
            statement.execute("alter table notification add constraint notification_kind "
                    + "check (kind in ('REMINDER', 'OVERDUE', 'RELEASED'))");
        }
    }
}
