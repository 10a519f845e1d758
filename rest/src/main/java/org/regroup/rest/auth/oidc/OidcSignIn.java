package org.regroup.rest.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.auth.Secrets;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with a school's identity provider (OpenID Connect, authorization code flow with PKCE). {@link #start}
 * sends the browser to the provider with a random state, nonce and PKCE challenge, remembered here for 10 minutes
 * and bound to the browser by a cookie; {@link #finish} takes the provider's answer once, redeems the code, checks
 * the ID token and opens a session for the account whose username is the token's verified email. Logs name
 * providers and account ids, never addresses or names.
 */
public final class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

    /** Where the endpoints are; the browser cookie is sent only there. */
    public static final String PATH = "/api/session/oidc";
    /** Binds a sign-in in progress to the browser that started it (login CSRF: someone else's code and state). */
    public static final String BROWSER_COOKIE = "regroup_oidc";
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);
    /** Sign-ins in progress kept at most; past that the oldest are forgotten (memory stays bounded). */
    static final int MAX_PENDING = 10_000;
    static final String SCOPE = "openid email profile";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_CODE_CHARS = 4096;

    /** Where to send the browser, and the value of its {@link #BROWSER_COOKIE}. */
    public record Start(URI authorization, String browser) {
    }

    private record Pending(String provider, String nonce, String verifier, String browser, Instant expiresAt) {
    }

    private final Map<String, OidcProvider> providers = new LinkedHashMap<>();
    private final Authenticator authenticator;
    private final HttpClient http;
    private final Clock clock;
    /** By state, oldest first (all live equally long, so also soonest to expire first). */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    public OidcSignIn(List<OidcProvider> providers, Authenticator authenticator, HttpClient http, Clock clock) {
        providers.forEach(p -> this.providers.put(p.id(), p));
        this.authenticator = authenticator;
        this.http = http;
        this.clock = clock;
    }

    /** The configured providers' ids, in the file's order. */
    public List<String> providers() {
        return List.copyOf(providers.keySet());
    }

    /**
     * Starts signing in with {@code providerId}. {@code browser}: the browser's cookie from an earlier start, kept so
     * that two tabs may sign in at once; a new one when absent.
     */
    public Start start(String providerId, String browser) {
        OidcProvider provider = provider(providerId);
        String binding = browser != null && SECRET.matcher(browser).matches() ? browser : Secrets.secret();
        String state = Secrets.secret();
        String nonce = Secrets.secret();
        String verifier = Secrets.secret(); // 43 characters of [A-Za-z0-9_-]: a valid PKCE verifier (RFC 7636 4.1)
        remember(state, new Pending(provider.id(), nonce, verifier, binding, clock.instant().plus(PENDING_FOR)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.config().clientId());
        query.put("redirect_uri", provider.config().redirectUri().toString());
        query.put("scope", SCOPE);
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI endpoint = provider.authorizationEndpoint();
        String joined = (endpoint.getRawQuery() == null ? "?" : "&") + form(query);
        return new Start(URI.create(endpoint.toString() + joined), binding);
    }

    /**
     * Ends a sign-in with the provider's answer ({@code code} and {@code state}, or {@code error}) and the browser's
     * cookie: a new session, or an {@link ApiException} saying why not. A state is used at most once.
     */
    public Authenticator.NewSession finish(String providerId, String code, String state, String error,
            String browser) {
        OidcProvider provider = provider(providerId);
        String again = "; start again at " + PATH + "/" + provider.id();
        if (state == null || state.isBlank()) {
            throw refused(provider, Response.Status.BAD_REQUEST, "the identity provider's answer has no state" + again);
        }
        Pending started = take(state);
        if (started == null || !started.provider().equals(provider.id())
                || !started.expiresAt().isAfter(clock.instant())) {
            throw refused(provider, Response.Status.BAD_REQUEST, "this sign-in is unknown, expired or was already "
                    + "used" + again);
        }
        if (!Secrets.same(started.browser(), browser)) {
            throw refused(provider, Response.Status.FORBIDDEN, "this sign-in was started in another browser (or "
                    + "its cookie was blocked)" + again);
        }
        if (error != null) {
            throw refused(provider, Response.Status.FORBIDDEN, "the identity provider did not sign you in ("
                    + clip(error) + ")" + again);
        }
        if (code == null || code.isBlank() || code.length() > MAX_CODE_CHARS) {
            throw refused(provider, Response.Status.BAD_REQUEST, "the identity provider's answer has no code" + again);
        }
        String idToken = redeem(provider, code, started.verifier(), again);
        IdTokenValidator.Identity identity;
        try {
            identity = provider.validator().validate(idToken, started.nonce());
        } catch (IdTokenValidator.Rejected rejected) {
            throw refused(provider, rejected.why() == IdTokenValidator.Rejected.Why.KEYS_UNAVAILABLE
                    ? Response.Status.BAD_GATEWAY : Response.Status.FORBIDDEN, rejected.getMessage());
        }
        if (identity.email() == null) {
            throw refused(provider, Response.Status.FORBIDDEN, "the identity provider gave no email address, so no "
                    + "Regroup account can be found for this identity");
        }
        if (!identity.emailVerified()) {
            throw refused(provider, Response.Status.FORBIDDEN, "the identity provider does not vouch for the email "
                    + "address (email_verified is not true), so it cannot name a Regroup account");
        }
        Optional<Accounts.Account> account = identity.email().length() > 254 ? Optional.empty()
                : authenticator.accounts().byUsername(identity.email());
        if (account.isEmpty()) {
            throw refused(provider, Response.Status.FORBIDDEN, "no Regroup account for this identity; ask your "
                    + "school's administrator");
        }
        if (account.get().disabled()) {
            LOG.info("sign-in with {} refused: account {} is disabled", provider.id(), account.get().id());
            throw new ApiException(Response.Status.FORBIDDEN, "this Regroup account is disabled; ask your school's "
                    + "administrator");
        }
        LOG.info("account {} proven by identity provider {}", account.get().id(), provider.id());
        return authenticator.openSession(account.get());
    }

    /** The code for the ID token, at the provider's token endpoint, with the PKCE verifier. */
    private String redeem(OidcProvider provider, String code, String verifier, String again) {
        ProviderConfig config = provider.config();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(provider.tokenEndpoint()).timeout(OidcHttp.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        switch (provider.clientAuth()) {
            case CLIENT_SECRET_BASIC -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(config.clientId()) + ":" + encode(config.clientSecret()))
                            .getBytes(StandardCharsets.UTF_8)));
            case CLIENT_SECRET_POST -> {
                form.put("client_id", config.clientId());
                form.put("client_secret", config.clientSecret());
            }
            case NONE -> form.put("client_id", config.clientId());
        }
        OidcHttp.Answer answer;
        try {
            answer = OidcHttp.send(http, request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        } catch (IOException e) {
            LOG.warn("identity provider {}: token endpoint unreachable ({})", provider.id(),
                    e.getClass().getSimpleName());
            throw refused(provider, Response.Status.BAD_GATEWAY, "the identity provider could not be reached; try "
                    + "again later");
        }
        if (answer.status() == 200 && answer.json() != null && answer.json().path("id_token").isTextual()) {
            return answer.json().path("id_token").asText();
        }
        if (answer.status() == 400 || answer.status() == 401) {
            String error = answer.json() == null ? null : answer.json().path("error").asText(null);
            throw refused(provider, Response.Status.BAD_REQUEST, "the identity provider refused the sign-in code"
                    + (error == null ? "" : " (" + clip(error) + ")") + again);
        }
        throw refused(provider, Response.Status.BAD_GATEWAY, "the identity provider's token endpoint answered "
                + answer.status() + (answer.status() == 200 ? " without an ID token" : "") + "; try again later");
    }

    private OidcProvider provider(String id) {
        OidcProvider provider = id == null ? null : providers.get(id);
        if (provider == null) {
            throw ApiException.notFound("no such identity provider is configured (" + PATH + " lists them)");
        }
        return provider;
    }

    private synchronized void remember(String state, Pending started) {
        Instant now = clock.instant();
        Iterator<Pending> oldest = pending.values().iterator();
        while (oldest.hasNext()) {
            Pending p = oldest.next();
            if (p.expiresAt().isAfter(now) && pending.size() < MAX_PENDING) {
                break;
            }
            oldest.remove();
        }
        pending.put(state, started);
    }

    private synchronized Pending take(String state) {
        return pending.remove(state);
    }

    /** Sign-ins in progress (tests). */
    synchronized int pending() {
        return pending.size();
    }

    private static ApiException refused(OidcProvider provider, Response.Status status, String detail) {
        LOG.info("sign-in with {} refused ({}): {}", provider.id(), status.getStatusCode(), detail);
        return new ApiException(status, detail);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A provider's error code as shown back: printable ASCII, short. */
    private static String clip(String s) {
        String printable = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
