package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.auth.Security;
import org.regroup.store.Database;

/** {@code serve --tls-keystore}: HTTPS with the school's certificate, the session cookie Secure, HSTS. */
class TlsIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void theServerSpeaksHttpsAndItsSessionCookieIsSecure() throws Exception {
        Path keyStore = dir.resolve("regroup.p12");
        char[] password = "store-password".toCharArray();
        // a self-signed certificate for localhost, made by the JDK's keytool as an administrator would
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "regroup", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(password)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        Security security = new Security(true, Security.LOOPBACK, keyStore, password);
        try (RegroupServer server = RegroupServer.start("127.0.0.1", 0, Api.settings(1, 1),
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS),
                Database.open("jdbc:h2:mem:tls-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null,
                        null), security)) {
            assertThat(server.uri().getScheme()).isEqualTo("https");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(keyStore)) {
                trusted.load(in, password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("https://localhost:" + server.uri().getPort() + "/");

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            new org.regroup.rest.auth.AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC())
                    .create("admin", "correct horse battery staple", org.regroup.store.Role.DISTRICT_ADMIN, null, null,
                            Set.of());
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(base.resolve("api/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\": \"admin\", \"password\": \"correct horse battery staple\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly",
                    "SameSite=Strict");
            assertThat(signedIn.headers().allValues("Strict-Transport-Security")).isEqualTo(List.of(
                    "max-age=31536000"));
        }
    }
}
