package cn.zhicheng.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Uploads bytes the way the browser does: straight to the store, through the presigned request an API gave. */
public final class StoreUploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StoreUploads() {
    }

    /** Sends the bytes with the presigned request found at {@code upload} in the API's answer. */
    public static void put(JsonPath answer, byte[] bytes) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(answer.getString("upload.url")))
                .method(answer.getString("upload.method"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        Map<String, String> headers = answer.getMap("upload.headers");
        headers.forEach((name, value) -> {
            // the client sets these itself and refuses to be told them
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                put.header(name, value);
            }
        });
        HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), "store accepted the upload: " + stored.body());
    }
}
