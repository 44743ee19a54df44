package cn.zhicheng.core.jobs;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The production side of the fault port: nothing is injected. */
@ApplicationScoped
@DefaultBean
public class NoFaults implements FaultInjection {

    @Override
    public void beforeCommit(String job, int batchNumber) {
        // no faults outside tests
    }
}
