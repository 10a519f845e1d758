package org.regroup.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The benchmarks' calls to a running server: JSON over HTTP/1.1, signed in with {@code REGROUP_TOKEN}. */
final class ServerCalls {

    /** {@code Authorization} of a district admin's API token (the server answers 401 without it). */
    static final String AUTHORIZATION = "Bearer " + System.getenv().getOrDefault("REGROUP_TOKEN", "");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ServerCalls() {
    }

    /** A call signed in with the token. */
    static HttpResponse<String> send(URI base, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        return send(base, method, path, body, AUTHORIZATION);
    }

    /** A call with {@code authorization} (null: none, as for signing in); {@code body} null: none. */
    static HttpResponse<String> send(URI base, String method, String path, byte[] body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + ": expected " + status + ", got "
                    + r.statusCode() + ": " + r.body());
        }
    }
}
