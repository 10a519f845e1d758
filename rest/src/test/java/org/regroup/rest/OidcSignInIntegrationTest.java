package org.regroup.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.rest.api.ServerLimits;
import org.regroup.rest.auth.AccessFilter;
import org.regroup.rest.auth.Security;
import org.regroup.rest.auth.oidc.OidcConfig;
import org.regroup.rest.auth.oidc.OidcHttp;
import org.regroup.rest.auth.oidc.OidcProvider;
import org.regroup.rest.auth.oidc.OidcSignIn;
import org.regroup.store.Database;
import org.regroup.store.Role;
import org.regroup.testing.LocalIssuer;

/**
 * Signing in with the school's identity provider, end to end: an issuer on 127.0.0.1 (discovery, keys, token
 * endpoint), a server configured by an {@code --oidc} file naming it, and a browser played by this test (it follows
 * the redirects and carries the cookies itself).
 */
class OidcSignInIntegrationTest {

    private static final String CLIENT = "regroup-test";
    private static final String SECRET = "s3cret+/=~ with spaces";
    private static final String PROVIDER = "school";
    private static final String REDIRECT = "http://localhost/api/session/oidc/" + PROVIDER + "/callback";

    @TempDir
    static Path dir;

    private static LocalIssuer issuer;
    private static RegroupServer server;
    private static Api anonymous;
    private static String adaAccountId;

    @BeforeAll
    static void startServers() throws IOException {
        issuer = LocalIssuer.start(CLIENT, SECRET);
        Path file = dir.resolve("oidc.json");
        Files.writeString(file, """
                [{"id": "%s", "issuer": "%s", "clientId": "%s", "clientSecretEnv": "REGROUP_OIDC_TEST_SECRET",
                  "allowedDomains": ["school.example"], "allowedTenants": [], "redirectUri": "%s"}]
                """.formatted(PROVIDER, issuer.issuer(), CLIENT, REDIRECT));
        List<OidcProvider> providers = OidcConfig.load(file, Map.of("REGROUP_OIDC_TEST_SECRET", SECRET)::get,
                OidcHttp.client());
        server = RegroupServer.start("127.0.0.1", 0, Api.settings(1, 1),
                new ServerLimits(ServerLimits.DEFAULT_MAX_BODY_BYTES, Api.DATASETS),
                Database.open("jdbc:h2:mem:regroup-oidc-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
                        null, null), Security.loopback(), providers,
                org.regroup.rest.privacy.RetentionSweep.Retention.DEFAULTS);
        anonymous = new Api(server, null);
        Api.token(server, "ada@school.example", Role.TEACHER, "school-1", "T01", Set.of());
        adaAccountId = server.authenticator().accounts().byUsername("ada@school.example").orElseThrow().id();
        Api.token(server, "gone@school.example", Role.TEACHER, "school-1", "T02", Set.of());
        var admin = new org.regroup.rest.auth.AccountAdmin(server.authenticator().accounts(),
                java.time.Clock.systemUTC());
        admin.disable("school-1", server.authenticator().accounts().byUsername("gone@school.example").orElseThrow()
                .id());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** A sign-in started by the browser: the authorization request's parameters and the browser's cookie. */
    private record Started(Map<String, String> authorize, String browserCookie) {
        String state() {
            return authorize.get("state");
        }
    }

    private static Started begin() {
        HttpResponse<String> response = anonymous.get("/api/session/oidc/" + PROVIDER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(issuer.issuer() + "/authorize?");
        String cookie = setCookie(response, OidcSignIn.BROWSER_COOKIE).orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=" + OidcSignIn.PATH);
        return new Started(LocalIssuer.query(location.getRawQuery()), value(cookie));
    }

    /** The provider sends the browser back with {@code query}; {@code cookie}: the browser's, or null. */
    private static HttpResponse<String> callback(String query, String cookie) {
        HttpRequest.Builder request = anonymous.request("/api/session/oidc/" + PROVIDER + "/callback?" + query);
        if (cookie != null) {
            request.header("Cookie", OidcSignIn.BROWSER_COOKIE + "=" + cookie);
        }
        return anonymous.send(request.GET().build());
    }

    private static HttpResponse<String> signInAs(Started started, Map<String, Object> identity) {
        String code = issuer.issueCode(started.authorize(), identity);
        return callback("code=" + code + "&state=" + started.state(), started.browserCookie());
    }

    private static Map<String, Object> person(String email) {
        return Map.of("email", email, "email_verified", true, "hd", "school.example");
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private static String value(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    @Test
    void theProvidersAreListed() {
        HttpResponse<String> response = anonymous.get("/api/session/oidc");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode providers = Api.json(response).get("providers");
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).get("id").asText()).isEqualTo(PROVIDER);
        assertThat(providers.get(0).get("signIn").asText()).isEqualTo("/api/session/oidc/" + PROVIDER);
    }

    @Test
    void theBrowserIsSentToTheProviderWithStateNonceAndPkce() {
        Map<String, String> authorize = begin().authorize();

        assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
                .containsEntry("redirect_uri", REDIRECT).containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256");
        assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(authorize.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(authorize.get("state"));
        assertThat(authorize.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void signingInGivesASessionCookieThatWorks() {
        Started started = begin();

        HttpResponse<String> back = signInAs(started, person("ada@school.example"));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(anonymous.uri("/").resolve(back.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(anonymous.uri("/"));
        String session = setCookie(back, AccessFilter.SESSION_COOKIE).orElseThrow();
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        HttpResponse<String> me = anonymous.send(anonymous.request("/api/session")
                .header("Cookie", AccessFilter.SESSION_COOKIE + "=" + value(session)).GET().build());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = Api.json(me);
        assertThat(who.get("accountId").asText()).isEqualTo(adaAccountId);
        assertThat(who.get("via").asText()).isEqualTo("session");
        assertThat(who.get("csrfToken").asText()).isNotBlank();
        assertThat(me.body()).doesNotContain("ada@");
    }

    @Test
    void theSessionCookieIsTheOneAPasswordSignInSets() {
        new org.regroup.rest.auth.AccountAdmin(server.authenticator().accounts(), java.time.Clock.systemUTC())
                .create("bob@school.example", "a long enough passphrase", Role.TEACHER, "school-1", "T03", Set.of());
        HttpResponse<String> password = anonymous.post("/api/session",
                "{\"username\": \"bob@school.example\", \"password\": \"a long enough passphrase\"}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(password.statusCode()).as(password.body()).isEqualTo(200);

        HttpResponse<String> provider = signInAs(begin(), person("bob@school.example"));

        assertThat(withoutValue(setCookie(provider, AccessFilter.SESSION_COOKIE).orElseThrow()))
                .isEqualTo(withoutValue(setCookie(password, AccessFilter.SESSION_COOKIE).orElseThrow()));
    }

    private static String withoutValue(String setCookie) {
        return setCookie.replaceFirst("=[^;]*", "=…");
    }

    @Test
    void twoSignInsFromOneBrowserBothWork() {
        Started first = begin();
        HttpResponse<String> second = anonymous.send(anonymous.request("/api/session/oidc/" + PROVIDER)
                .header("Cookie", OidcSignIn.BROWSER_COOKIE + "=" + first.browserCookie()).GET().build());
        Map<String, String> secondAuthorize = LocalIssuer.query(URI.create(second.headers().firstValue("Location")
                .orElseThrow()).getRawQuery());

        assertThat(signInAs(new Started(secondAuthorize, first.browserCookie()), person("ada@school.example"))
                .statusCode()).isEqualTo(303);
        assertThat(signInAs(first, person("ada@school.example")).statusCode()).isEqualTo(303);
    }

    @Test
    void anIdentityWithoutAnAccountIsRefused() {
        JsonNode problem = Api.assertProblem(signInAs(begin(), person("nobody@school.example")), 403);

        assertThat(problem.get("detail").asText()).contains("no Regroup account for this identity")
                .doesNotContain("nobody@");
    }

    @Test
    void anUnverifiedEmailNamesNoAccount() {
        Map<String, Object> unverified = Map.of("email", "ada@school.example", "email_verified", false, "hd",
                "school.example");

        assertThat(Api.assertProblem(signInAs(begin(), unverified), 403).get("detail").asText())
                .contains("email_verified");
    }

    @Test
    void aDisabledAccountIsRefused() {
        assertThat(Api.assertProblem(signInAs(begin(), person("gone@school.example")), 403).get("detail").asText())
                .contains("disabled");
    }

    @Test
    void anAccountOfAnotherDomainIsRefused() {
        Map<String, Object> outsider = Map.of("email", "ada@school.example", "email_verified", true, "hd",
                "elsewhere.example");

        assertThat(Api.assertProblem(signInAs(begin(), outsider), 403).get("detail").asText()).contains("domain");
    }

    @Test
    void aWrongStateIsRefused() {
        Started started = begin();
        String code = issuer.issueCode(started.authorize(), person("ada@school.example"));
        int redeemed = issuer.tokenRequests();

        Api.assertProblem(callback("code=" + code + "&state=made-up", started.browserCookie()), 400);
        Api.assertProblem(callback("code=" + code, started.browserCookie()), 400);
        assertThat(issuer.tokenRequests()).as("no code is redeemed without its state").isEqualTo(redeemed);
    }

    @Test
    void aStateIsUsedOnce() {
        Started started = begin();
        String code = issuer.issueCode(started.authorize(), person("ada@school.example"));
        String query = "code=" + code + "&state=" + started.state();
        assertThat(callback(query, started.browserCookie()).statusCode()).isEqualTo(303);

        HttpResponse<String> replayed = callback(query, started.browserCookie());

        assertThat(Api.assertProblem(replayed, 400).get("detail").asText()).contains("already used");
        assertThat(setCookie(replayed, AccessFilter.SESSION_COOKIE)).isEmpty();
    }

    /** Login CSRF: someone's own code and state, sent to another browser, sign that browser in as nobody. */
    @Test
    void aSignInFinishedInAnotherBrowserIsRefused() {
        Started started = begin();
        String code = issuer.issueCode(started.authorize(), person("ada@school.example"));
        String query = "code=" + code + "&state=" + started.state();

        Api.assertProblem(callback(query, null), 403);
        Api.assertProblem(callback(query, "A".repeat(43)), 400); // the state was spent by the first try
    }

    @Test
    void aProviderErrorIsShownAndSpendsTheState() {
        Started started = begin();

        JsonNode problem = Api.assertProblem(callback("error=access_denied&state=" + started.state(),
                started.browserCookie()), 403);

        assertThat(problem.get("detail").asText()).contains("access_denied");
        Api.assertProblem(signInAs(started, person("ada@school.example")), 400);
    }

    @Test
    void aCodeTheProviderRefusesIsA400() {
        Started started = begin();

        JsonNode problem = Api.assertProblem(callback("code=not-issued&state=" + started.state(),
                started.browserCookie()), 400);

        assertThat(problem.get("detail").asText()).contains("invalid_grant");
    }

    @Test
    void anUnknownProviderIsA404() {
        Api.assertProblem(anonymous.get("/api/session/oidc/nope"), 404);
        Api.assertProblem(anonymous.get("/api/session/oidc/nope/callback?code=x&state=y"), 404);
    }
}
