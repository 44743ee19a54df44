package cn.zhicheng.core.seal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A fault behind the KMS port: an SDK interceptor that records when each Sign request is sent (on the sleeper's
 * clock) and turns the answers of the first {@code throttled} of them into KMS's throttling error, so the SDK's
 * own error handling raises the real exception.
 */
final class FaultInjectingInterceptor implements ExecutionInterceptor {

    private static final byte[] THROTTLING = """
            {"__type":"ThrottlingException","message":"Rate exceeded"}""".getBytes(StandardCharsets.UTF_8);
    // decided once per attempt, in modifyHttpResponse, and remembered for the body that follows
    private static final ExecutionAttribute<Boolean> THROTTLED = new ExecutionAttribute<>("zhicheng.test.throttled");

    private final Sleeper clock;
    private final AtomicInteger throttleLeft;
    private final List<Long> signCalls = new CopyOnWriteArrayList<>();

    FaultInjectingInterceptor(Sleeper clock, int throttled) {
        this.clock = clock;
        this.throttleLeft = new AtomicInteger(throttled);
    }

    /** Sign requests as sent, on the sleeper's clock, throttled ones included. */
    List<Long> signCalls() {
        return List.copyOf(signCalls);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (isSign(attributes)) {
            signCalls.add(clock.nanoTime());
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!throttles(attributes)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder()
                .statusCode(400)
                .statusText("Bad Request")
                .putHeader("x-amzn-ErrorType", "ThrottlingException")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("Content-Length", String.valueOf(THROTTLING.length))
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        if (context.httpResponse().statusCode() == 400 && throttledHere(attributes)) {
            return Optional.of(new ByteArrayInputStream(THROTTLING));
        }
        return context.responseBody();
    }

    private boolean throttles(ExecutionAttributes attributes) {
        boolean throttle = isSign(attributes) && throttleLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        attributes.putAttribute(THROTTLED, throttle);
        return throttle;
    }

    private static boolean throttledHere(ExecutionAttributes attributes) {
        return Boolean.TRUE.equals(attributes.getAttribute(THROTTLED));
    }

    private static boolean isSign(ExecutionAttributes attributes) {
        return "Sign".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
