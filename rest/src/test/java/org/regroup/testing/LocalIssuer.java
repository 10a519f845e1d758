package org.regroup.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider on 127.0.0.1 for tests (nothing here reaches the internet): a discovery document, its
 * key set, and a token endpoint that redeems the codes a test issued ({@link #issueCode}) for ID tokens it signs,
 * checking the client's secret, the redirect URI and the PKCE verifier as a real provider would.
 */
public final class LocalIssuer implements AutoCloseable {

    public static final String KEY_ID = "k1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final String issuer;
    private final RSAKey key;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    /** What the browser's visit to the provider led to: who signed in, for which sign-in. */
    private record Grant(JWTClaimsSet identity, String nonce, String challenge, String redirectUri) {
    }

    public static LocalIssuer start(String clientId, String clientSecret) throws IOException {
        return new LocalIssuer(clientId, clientSecret);
    }

    private LocalIssuer(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + http.getAddress().getPort();
        http.createContext("/.well-known/openid-configuration", x -> answer(x, 200, discovery()));
        http.createContext("/jwks", x -> {
            keySetFetches.incrementAndGet();
            answer(x, 200, new JWKSet(key.toPublicJWK()).toString());
        });
        http.createContext("/token", this::token);
        http.start();
    }

    public String issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return URI.create(issuer + "/jwks");
    }

    public RSAKey key() {
        return key;
    }

    public int keySetFetches() {
        return keySetFetches.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    private String discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("response_types_supported", new String[] {"code"});
        doc.put("id_token_signing_alg_values_supported", new String[] {"RS256"});
        doc.put("token_endpoint_auth_methods_supported", new String[] {"client_secret_basic", "client_secret_post"});
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as this provider puts them in an ID token: issuer, audience, subject, times, nonce. */
    public JWTClaimsSet.Builder claims(String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject("sub-" + UUID.randomUUID())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce);
    }

    /** Signs with this provider's key (RS256, its key id). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    public static String sign(JWTClaimsSet claims, RSAKey with) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * The user signed in at the provider for the authorization request whose parameters are {@code authorize}: a
     * code for an ID token with {@code identity}'s claims (email, email_verified, hd…) for that request's nonce.
     */
    public String issueCode(Map<String, String> authorize, Map<String, Object> identity) {
        if (!"code".equals(authorize.get("response_type")) || !clientId.equals(authorize.get("client_id"))
                || !"S256".equals(authorize.get("code_challenge_method"))) {
            throw new IllegalArgumentException("not an authorization code request with PKCE: " + authorize);
        }
        JWTClaimsSet.Builder claims = claims(authorize.get("nonce"));
        identity.forEach(claims::claim);
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(claims.build(), authorize.get("nonce"), authorize.get("code_challenge"),
                authorize.get("redirect_uri")));
        return code;
    }

    /** The token endpoint: a code once, for the right client, redirect URI and PKCE verifier. */
    private void token(HttpExchange x) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(x.getRequestMethod())) {
            answer(x, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = x.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            answer(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            answer(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        answer(x, 200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
                + sign(grant.identity()) + "\"}");
    }

    /** The parameters of a query string or form body. */
    public static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
