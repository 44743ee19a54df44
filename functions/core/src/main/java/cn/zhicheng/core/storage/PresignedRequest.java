package cn.zhicheng.core.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** A request the browser makes straight to the store: method, URL, headers it must send, expiry. */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
}
