package cn.zhicheng.deadlines;

import cn.zhicheng.core.jobs.FaultInjection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.atomic.AtomicReference;

/** The test side of the fault port: fails one chosen batch of one job, once, as a crashing process would. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestFaults implements FaultInjection {

    private record Armed(String job, int batchNumber) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    public void failOnce(String job, int batchNumber) {
        armed.set(new Armed(job, batchNumber));
    }

    @Override
    public void beforeCommit(String job, int batchNumber) {
        Armed fault = armed.get();
        if (fault != null && fault.job().equals(job) && fault.batchNumber() == batchNumber
                && armed.compareAndSet(fault, null)) {
            throw new IllegalStateException("injected fault in batch " + batchNumber + " of " + job);
        }
    }
}
