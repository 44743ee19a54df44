package cn.zhicheng.review.setup.service;

import cn.zhicheng.core.problem.Problem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

/** A unique key checked first for a clear answer, and at the flush for the request that raced past the check. */
final class Unique {

    private Unique() {
    }

    /** Flushes the session; a unique key violated by a concurrent request is the given conflict. */
    static void flushOr(Problem conflict) {
        try {
            Panache.getEntityManager().flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw conflict;
                }
            }
            throw e;
        }
    }
}
