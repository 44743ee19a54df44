package cn.zhicheng.core.jobs;

/**
 * A port through which tests make a batch fail, to prove a crashed run resumes; production uses {@link NoFaults}.
 */
public interface FaultInjection {

    /** Called inside a batch's transaction before it commits; throwing rolls the batch back. */
    void beforeCommit(String job, int batchNumber);
}
