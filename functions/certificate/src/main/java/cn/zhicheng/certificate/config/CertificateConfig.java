package cn.zhicheng.certificate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the certificate function. */
@ConfigMapping(prefix = "zhicheng.certificate")
public interface CertificateConfig {

    Lookup lookup();

    /**
     * The public typed lookup's limit per client address in each instance (a token bucket); the WAF's rate-based
     * rule limits it across instances.
     */
    interface Lookup {
        /** Lookups a client may make at once before it has to wait. */
        @WithDefault("20")
        int burst();

        /** Lookups a client regains per minute. */
        @WithDefault("20")
        int perMinute();
    }
}
