package cn.zhicheng.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.testing.Fixtures;
import cn.zhicheng.deadlines.handler.DeadlinesHandler;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deadlines function's scheduler entry point, invoked as EventBridge Scheduler would. */
@QuarkusTest
class DeadlinesHandlerTest {

    @Inject
    DeadlinesHandler handler;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void R25_auditChainJobFindsTheChainIntactAfterRealChanges() {
        Fixtures.applicationIn(ApplicationState.VETTED);
        Map<String, Object> outcome = handler.handleRequest(Map.of("job", "verify-audit-chain"), null);
        assertEquals(true, outcome.get("intact"), outcome.toString());
        assertTrue(((Number) outcome.get("eventsChecked")).longValue() >= 4, outcome.toString());
    }

    @Test
    void R25_theDatabaseRefusesToChangeOrDeleteAnAuditEvent() throws SQLException {
        Fixtures.applicationIn(ApplicationState.SUBMITTED);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("update audit_event set note = 'forged' where seq = 1"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("delete from audit_event"));
        }
        assertEquals(true, handler.handleRequest(Map.of("job", "verify-audit-chain"), null).get("intact"));
    }

    @Test
    void anUnknownJobIsRefusedWithAStableCode() {
        Problem problem = assertThrows(Problem.class, () -> handler.handleRequest(Map.of("job", "dance"), null));
        assertEquals("UNKNOWN_JOB", problem.code());
        assertThrows(Problem.class, () -> handler.handleRequest(Map.of(), null));
    }
}
