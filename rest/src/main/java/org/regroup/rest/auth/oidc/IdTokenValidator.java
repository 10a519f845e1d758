package org.regroup.rest.auth.oidc;

import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Checks an ID token of one identity provider: signed by one of the provider's keys (from its {@code jwks_uri}) with
 * an asymmetric algorithm, issued by it, for this client, current, for the nonce of this sign-in, and for an allowed
 * Google Workspace domain ({@code hd}) or Microsoft Entra tenant ({@code tid}) when the provider names some.
 */
public final class IdTokenValidator {

    /**
     * Only public-key signatures. An HMAC algorithm would let anyone who has the provider's public key (everyone)
     * sign tokens with it as the secret; {@code none} is not in the list and plain JWTs are refused outright.
     */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    /** How far the provider's clock and ours may disagree. */
    static final int CLOCK_SKEW_SECONDS = 60;
    /** Microsoft Entra's multi-tenant discovery documents give the issuer with this placeholder for the tenant. */
    static final String TENANT_PLACEHOLDER = "{tenantid}";
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    /** Who the provider says signed in. {@code toString} leaves the email out (logs hold ids, never addresses). */
    public record Identity(String subject, String email, boolean emailVerified, String hostedDomain, String tenant) {
        @Override
        public String toString() {
            return "Identity[subject=" + subject + ", emailVerified=" + emailVerified + ", hostedDomain="
                    + hostedDomain + ", tenant=" + tenant + "]";
        }
    }

    /** Why a token was refused; the message says what is wrong, never what the token holds. */
    public static final class Rejected extends Exception {
        /** {@code INVALID}: not a valid token of the provider for this sign-in; {@code NOT_ALLOWED}: valid, but the
         * domain or tenant is not allowed; {@code KEYS_UNAVAILABLE}: the provider's keys could not be fetched. */
        public enum Why { INVALID, NOT_ALLOWED, KEYS_UNAVAILABLE }

        private final Why why;

        Rejected(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    private final String issuer;
    private final String clientId;
    private final JWSKeySelector<SecurityContext> keys;
    private final Set<String> allowedDomains;
    private final Set<String> allowedTenants;
    private final Clock clock;

    /**
     * {@code issuer}: exactly as the tokens carry it ({@code {tenantid}} in it stands for the token's {@code tid},
     * which must then be an allowed tenant). Empty {@code allowedDomains}/{@code allowedTenants}: not checked.
     */
    public IdTokenValidator(String issuer, String clientId, JWKSource<SecurityContext> keys,
            Set<String> allowedDomains, Set<String> allowedTenants, Clock clock) {
        if (issuer.contains(TENANT_PLACEHOLDER) && allowedTenants.isEmpty()) {
            throw new IllegalArgumentException("an issuer for any tenant needs allowed tenants");
        }
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = new JWSVerificationKeySelector<>(ALGORITHMS, keys);
        this.allowedDomains = lower(allowedDomains);
        this.allowedTenants = lower(allowedTenants);
        this.clock = clock;
    }

    /**
     * The provider's keys from its {@code jwks_uri}: cached (5 min), fetched again when a token names a key not in
     * the cache (key rotation; at most every 30 s), retried once on a network error.
     */
    public static JWKSource<SecurityContext> remoteKeys(URL jwksUri) {
        return JWKSourceBuilder.<SecurityContext>create(jwksUri,
                new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)).retrying(true).build();
    }

    /** The identity in {@code idToken} if it passes every check for the sign-in whose nonce is {@code nonce}. */
    public Identity validate(String idToken, String nonce) throws Rejected {
        if (idToken == null || idToken.isBlank() || idToken.length() > MAX_TOKEN_CHARS) {
            throw invalid("the ID token is missing or too long");
        }
        if (nonce == null) {
            throw invalid("no nonce to check the ID token against");
        }
        boolean anyTenant = issuer.contains(TENANT_PLACEHOLDER);
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().claim("nonce", nonce);
        if (!anyTenant) {
            exact.issuer(issuer);
        }
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(Set.of(clientId),
                exact.build(), Set.of("iss", "sub", "aud", "iat", "exp", "nonce"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claimsVerifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        // A processor per token: the nonce differs each time, and the key selector (with its cache) is shared.
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException e) {
            throw invalid("the ID token is not a JWT");
        } catch (BadJOSEException e) {
            throw invalid("the ID token was refused: " + reason(e.getMessage()));
        } catch (KeySourceException e) {
            throw new Rejected(Rejected.Why.KEYS_UNAVAILABLE, "the identity provider's signing keys could not be "
                    + "fetched");
        } catch (JOSEException e) {
            throw invalid("the ID token's signature could not be checked");
        }
        try {
            return checked(claims, anyTenant);
        } catch (ParseException e) {
            throw invalid("the ID token has a claim of the wrong type");
        }
    }

    /** What Nimbus leaves to the application: iat not in the future, azp, the issuer for any tenant, hd and tid. */
    private Identity checked(JWTClaimsSet claims, boolean anyTenant) throws Rejected, ParseException {
        Instant issuedAt = claims.getIssueTime().toInstant();
        if (issuedAt.isAfter(clock.instant().plusSeconds(CLOCK_SKEW_SECONDS))) {
            throw invalid("the ID token was issued in the future");
        }
        List<String> audience = claims.getAudience();
        String azp = claims.getStringClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw invalid("the ID token was issued to another client (azp)");
        }
        String tenant = claims.getStringClaim("tid");
        if (anyTenant && (tenant == null
                || !issuer.replace(TENANT_PLACEHOLDER, tenant).equals(claims.getIssuer()))) {
            throw invalid("the ID token's issuer is not its tenant's");
        }
        String domain = claims.getStringClaim("hd");
        if (!allowedDomains.isEmpty()
                && (domain == null || !allowedDomains.contains(domain.toLowerCase(Locale.ROOT)))) {
            throw new Rejected(Rejected.Why.NOT_ALLOWED, domain == null
                    ? "the account is not one of a school's Google Workspace accounts (no hosted domain)"
                    : "the account's Google Workspace domain is not one this server allows");
        }
        if (!allowedTenants.isEmpty()
                && (tenant == null || !allowedTenants.contains(tenant.toLowerCase(Locale.ROOT)))) {
            throw new Rejected(Rejected.Why.NOT_ALLOWED, tenant == null
                    ? "the account belongs to no Microsoft Entra tenant (no tid)"
                    : "the account's Microsoft Entra tenant is not one this server allows");
        }
        Object verified = claims.getClaim("email_verified");
        // Some providers send the boolean as a string. Entra never sends email_verified for a school's accounts;
        // its optional claim xms_edov says the tenant owns the address's domain, which counts only for a tenant
        // this server allows (checked above).
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified)
                || (verified == null && !allowedTenants.isEmpty() && isTrue(claims.getClaim("xms_edov")));
        return new Identity(claims.getSubject(), claims.getStringClaim("email"), emailVerified, domain, tenant);
    }

    /** Nimbus's reasons in words for the person signing in; one not listed here is shown as Nimbus says it. */
    static String reason(String nimbus) {
        String m = nimbus == null ? "" : nimbus;
        if (m.startsWith("Expired JWT")) {
            return "it has expired";
        }
        if (m.startsWith("JWT before use time")) {
            return "it is not valid yet (nbf)";
        }
        if (m.startsWith("JWT aud claim rejected") || m.startsWith("JWT missing required aud claim")) {
            return "it was issued to another client (aud)";
        }
        if (m.startsWith("JWT iss claim value rejected")) {
            return "it was issued by another issuer (iss)";
        }
        if (m.startsWith("JWT nonce claim value rejected")) {
            return "it belongs to another sign-in (nonce)";
        }
        if (m.startsWith("JWT missing required claims")) {
            return "it lacks required claims " + m.substring("JWT missing required claims".length()).replace(":", "")
                    .trim();
        }
        if (m.startsWith("Unsecured (plain) JWTs are rejected")) {
            return "it is not signed (alg none)";
        }
        if (m.contains("Another algorithm expected, or no matching key(s) found")) {
            return "it is not signed by one of the provider's keys with an allowed algorithm (alg, kid)";
        }
        if (m.contains("Invalid signature")) {
            return "its signature is invalid";
        }
        return m;
    }

    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim) || "1".equals(claim);
    }

    private static Rejected invalid(String message) {
        return new Rejected(Rejected.Why.INVALID, message);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
