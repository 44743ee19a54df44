package cn.zhicheng.core.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real {@link ZhichengConfig} mapping over given properties, for tests that build adapters without CDI. */
public final class AdapterTestConfig {

    /** The emulator the AWS adapters are tested against; see infra/emulator.sh. */
    public static final String ENDPOINT = env("ZC_AWS_ENDPOINT", "http://127.0.0.1:4566");
    public static final String REGION = env("ZC_AWS_REGION", "us-east-1");

    private AdapterTestConfig() {
    }

    public static ZhichengConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(ZhichengConfig.class)
                // Quarkus reads durations like "15M"; plain SmallRye Config would want ISO-8601 "PT15M"
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "adapter-test", 500))
                .build()
                .getConfigMapping(ZhichengConfig.class);
    }

    /** Settings pointing the AWS adapters at the emulator with its placeholder credentials, data in {@code dataDir}. */
    public static ZhichengConfig emulator(Path dataDir, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>();
        properties.put("zhicheng.data-dir", dataDir.toString());
        properties.put("zhicheng.aws.endpoint-override", ENDPOINT);
        properties.put("zhicheng.aws.region", REGION);
        properties.put("zhicheng.aws.access-key-id", "test");
        properties.put("zhicheng.aws.secret-access-key", "test");
        properties.putAll(more);
        return of(properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
