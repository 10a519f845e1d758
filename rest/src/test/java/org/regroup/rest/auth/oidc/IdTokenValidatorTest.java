package org.regroup.rest.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regroup.testing.LocalIssuer;

/**
 * An ID token passes only when everything about it is right. The keys are made here and served by an issuer on
 * 127.0.0.1, so the validator fetches them as it would from Google or Microsoft.
 */
class IdTokenValidatorTest {

    private static final String CLIENT = "regroup-test-client";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static LocalIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        issuer = LocalIssuer.start(CLIENT, "secret");
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private static IdTokenValidator validator(Set<String> domains, Set<String> tenants) {
        return validator(issuer.issuer(), domains, tenants);
    }

    private static IdTokenValidator validator(String expectedIssuer, Set<String> domains, Set<String> tenants) {
        try {
            return new IdTokenValidator(expectedIssuer, CLIENT, IdTokenValidator.remoteKeys(issuer.jwksUri().toURL()),
                    domains, tenants, Clock.systemUTC());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdTokenValidator plain() {
        return validator(Set.of(), Set.of());
    }

    private static JWTClaimsSet.Builder good() {
        return issuer.claims(NONCE).claim("email", "ada@school.example").claim("email_verified", true);
    }

    private static IdTokenValidator.Rejected rejected(IdTokenValidator validator, String token, String nonce) {
        try {
            validator.validate(token, nonce);
        } catch (IdTokenValidator.Rejected r) {
            return r;
        }
        throw new AssertionError("the token was accepted");
    }

    @Test
    void aGoodTokenIsAcceptedWithKeysFetchedFromTheIssuer() throws Exception {
        int fetchesBefore = issuer.keySetFetches();
        JWTClaimsSet claims = good().claim("hd", "school.example").build();

        IdTokenValidator.Identity identity = validator(Set.of("school.example"), Set.of())
                .validate(issuer.sign(claims), NONCE);

        assertThat(identity.subject()).isEqualTo(claims.getSubject());
        assertThat(identity.email()).isEqualTo("ada@school.example");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.hostedDomain()).isEqualTo("school.example");
        assertThat(identity.toString()).as("never an address in a log line").doesNotContain("ada@");
        assertThat(issuer.keySetFetches()).as("the key set was fetched from jwks_uri").isGreaterThan(fetchesBefore);
    }

    @Test
    void anUnverifiedEmailIsReportedAsSuch() throws Exception {
        IdTokenValidator.Identity identity = plain().validate(issuer.sign(good().claim("email_verified", false)
                .build()), NONCE);

        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        String token = issuer.sign(good().issueTime(Date.from(hourAgo))
                .expirationTime(Date.from(hourAgo.plusSeconds(300))).build());

        IdTokenValidator.Rejected r = rejected(plain(), token, NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("expired");
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() throws Exception {
        Instant now = Instant.now();
        String token = issuer.sign(good().issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(IdTokenValidator.CLOCK_SKEW_SECONDS / 2))).build());

        assertThat(plain().validate(token, NONCE).email()).isEqualTo("ada@school.example");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant later = Instant.now().plusSeconds(600);
        String token = issuer.sign(good().issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300)))
                .build());

        assertThat(rejected(plain(), token, NONCE).getMessage()).contains("future");
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        String token = issuer.sign(good().audience("someone-else").build());

        IdTokenValidator.Rejected r = rejected(plain(), token, NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("another client (aud)");
    }

    @Test
    void aTokenForSeveralAudiencesMustBeAuthorizedForThisClient() {
        String token = issuer.sign(good().audience(java.util.List.of(CLIENT, "someone-else")).claim("azp",
                "someone-else").build());

        assertThat(rejected(plain(), token, NONCE).getMessage()).contains("azp");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String token = issuer.sign(good().issuer("https://evil.example").build());

        IdTokenValidator.Rejected r = rejected(plain(), token, NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("another issuer (iss)");
    }

    @Test
    void aTokenForAnotherSignInIsRefused() {
        String token = issuer.sign(good().build());

        assertThat(rejected(plain(), token, "another-nonce").getMessage()).contains("another sign-in (nonce)");
        assertThat(rejected(plain(), issuer.sign(good().claim("nonce", null).build()), NONCE).getMessage())
                .contains("lacks").contains("nonce");
    }

    @Test
    void aTokenWithoutTheRequiredClaimsIsRefused() {
        String token = issuer.sign(good().subject(null).build());

        assertThat(rejected(plain(), token, NONCE).getMessage()).contains("lacks").contains("sub");
    }

    @Test
    void anAccountOfAnotherGoogleWorkspaceDomainIsRefused() {
        IdTokenValidator school = validator(Set.of("school.example"), Set.of());

        IdTokenValidator.Rejected other = rejected(school, issuer.sign(good().claim("hd", "other.example").build()),
                NONCE);
        IdTokenValidator.Rejected none = rejected(school, issuer.sign(good().build()), NONCE);

        assertThat(other.why()).isEqualTo(IdTokenValidator.Rejected.Why.NOT_ALLOWED);
        assertThat(other.getMessage()).contains("domain");
        assertThat(none.why()).as("a consumer Google account has no hd").isEqualTo(
                IdTokenValidator.Rejected.Why.NOT_ALLOWED);
    }

    @Test
    void anAccountOfAnotherEntraTenantIsRefused() throws Exception {
        IdTokenValidator school = validator(Set.of(), Set.of(TENANT));

        IdTokenValidator.Rejected other = rejected(school, issuer.sign(good().claim("tid",
                "00000000-0000-0000-0000-000000000001").build()), NONCE);
        IdTokenValidator.Rejected none = rejected(school, issuer.sign(good().build()), NONCE);

        assertThat(other.why()).isEqualTo(IdTokenValidator.Rejected.Why.NOT_ALLOWED);
        assertThat(other.getMessage()).contains("tenant");
        assertThat(none.why()).isEqualTo(IdTokenValidator.Rejected.Why.NOT_ALLOWED);
        assertThat(school.validate(issuer.sign(good().claim("tid", TENANT).build()), NONCE).tenant())
                .isEqualTo(TENANT);
    }

    /** Entra sends no email_verified for a school's accounts; xms_edov (the tenant owns the domain) stands in. */
    @Test
    void entrasDomainOwnerVerifiedCountsOnlyForAnAllowedTenant() throws Exception {
        JWTClaimsSet.Builder entra = issuer.claims(NONCE).claim("email", "ada@school.example").claim("tid", TENANT)
                .claim("xms_edov", true);

        assertThat(validator(Set.of(), Set.of(TENANT)).validate(issuer.sign(entra.build()), NONCE).emailVerified())
                .isTrue();
        assertThat(plain().validate(issuer.sign(entra.build()), NONCE).emailVerified())
                .as("without a tenant allow-list").isFalse();
        assertThat(validator(Set.of(), Set.of(TENANT)).validate(issuer.sign(entra.claim("email_verified", false)
                .build()), NONCE).emailVerified()).as("an explicit false wins").isFalse();
    }

    @Test
    void anIssuerForAnyTenantMustBeTheTokensOwnTenants() throws Exception {
        // Entra's "organizations" discovery document names the issuer https://…/{tenantid}/v2.0.
        String template = issuer.issuer() + "/{tenantid}/v2.0";
        IdTokenValidator any = validator(template, Set.of(), Set.of(TENANT));

        String own = issuer.sign(good().issuer(issuer.issuer() + "/" + TENANT + "/v2.0").claim("tid", TENANT).build());
        String foreign = issuer.sign(good().issuer(issuer.issuer() + "/00000000-0000-0000-0000-000000000001/v2.0")
                .claim("tid", TENANT).build());

        assertThat(any.validate(own, NONCE).tenant()).isEqualTo(TENANT);
        assertThat(rejected(any, foreign, NONCE).getMessage()).contains("issuer");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(good().build()).serialize();

        IdTokenValidator.Rejected r = rejected(plain(), none, NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("not signed");
    }

    /** The key-confusion attack: HS256 with the public key (which anyone can fetch) as the HMAC secret. */
    @Test
    void aTokenSignedWithHmacUnderThePublicKeyIsRefused() throws JOSEException {
        byte[] publicKey = issuer.key().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(LocalIssuer.KEY_ID).build(),
                good().build());
        forged.sign(new MACSigner(publicKey));

        IdTokenValidator.Rejected r = rejected(plain(), forged.serialize(), NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("allowed algorithm");
    }

    @Test
    void aTokenSignedByAnotherKeyWithTheSameKeyIdIsRefused() throws JOSEException {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(LocalIssuer.KEY_ID).generate();

        IdTokenValidator.Rejected r = rejected(plain(), LocalIssuer.sign(good().build(), impostor), NONCE);

        assertThat(r.why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(r.getMessage()).contains("signature is invalid");
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        assertThat(rejected(plain(), "not.a.jwt", NONCE).why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThat(rejected(plain(), "", NONCE).why()).isEqualTo(IdTokenValidator.Rejected.Why.INVALID);
        assertThatThrownBy(() -> plain().validate(issuer.sign(good().build()), null))
                .isInstanceOf(IdTokenValidator.Rejected.class);
    }

    @Test
    void keysThatCannotBeFetchedAreSaidToBeUnavailable() throws Exception {
        IdTokenValidator nowhere = new IdTokenValidator(issuer.issuer(), CLIENT,
                IdTokenValidator.remoteKeys(new java.net.URL(issuer.issuer() + "/no-such-keys")), Set.of(), Set.of(),
                Clock.systemUTC());

        assertThat(rejected(nowhere, issuer.sign(good().build()), NONCE).why())
                .isEqualTo(IdTokenValidator.Rejected.Why.KEYS_UNAVAILABLE);
    }
}
