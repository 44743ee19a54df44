package cn.zhicheng.certificate.status.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the public status check shares queries: the numbers asked for while a query runs are read together by the
 * next one (decision 0013, benchmark P1).
 */
@ConfigMapping(prefix = "zhicheng.certificate.status")
public interface StatusConfig {

    /** Most numbers one query reads. */
    @WithDefault("64")
    int batchSize();

    /** Queries that may run at once, each on its own thread and pooled connection. */
    @WithDefault("2")
    int concurrentBatches();
}
