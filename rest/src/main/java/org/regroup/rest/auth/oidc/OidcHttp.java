package org.regroup.rest.auth.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talking to identity providers: short timeouts, no redirects followed, answers of at most 1 MiB read as JSON. */
public final class OidcHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status and its body as JSON (null when it is not JSON). */
    record Answer(int status, JsonNode json) {
    }

    private OidcHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Answer send(HttpClient http, HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ANSWER_BYTES + 1);
        }
        if (body.length > MAX_ANSWER_BYTES) {
            throw new IOException("the answer is larger than 1 MiB");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        return new Answer(response.statusCode(), json);
    }
}
