package org.regroup.rest.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An identity provider ready for sign-in: its configuration and what its discovery document
 * ({@code {issuer}/.well-known/openid-configuration}) says: where to send the browser, where to redeem the code,
 * where its keys are. {@code issuer}: as its tokens carry it.
 */
public record OidcProvider(ProviderConfig config, String issuer, URI authorizationEndpoint, URI tokenEndpoint,
        URI jwksUri, ProviderConfig.ClientAuth clientAuth, IdTokenValidator validator) {

    public String id() {
        return config.id();
    }

    /** Reads the provider's discovery document; {@code file} names the configuration in errors. */
    public static OidcProvider discover(ProviderConfig config, HttpClient http, String file) {
        URI at = URI.create(config.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        String where = file + ": " + config.where() + " (" + config.id() + "): discovery at " + at;
        OidcHttp.Answer answer;
        try {
            answer = OidcHttp.send(http, HttpRequest.newBuilder(at).timeout(OidcHttp.TIMEOUT)
                    .header("Accept", "application/json").GET().build());
        } catch (IOException | IllegalArgumentException e) {
            throw new OidcConfig.Invalid(where + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (answer.status() != 200 || answer.json() == null || !answer.json().isObject()) {
            throw new OidcConfig.Invalid(where + " answered " + answer.status()
                    + (answer.json() == null ? ", not JSON" : "") + "; is the issuer right?");
        }
        JsonNode doc = answer.json();
        List<String> errors = new ArrayList<>();
        String issuer = doc.path("issuer").asText(null);
        if (issuer == null) {
            errors.add("it names no issuer");
        } else if (!issuer.equals(config.issuer())) {
            // Entra's documents for any tenant ("organizations", "common") name the issuer with a {tenantid}
            // placeholder: each token then carries its tenant's, and the tenant must be allowed.
            boolean anyTenant = issuer.contains(IdTokenValidator.TENANT_PLACEHOLDER)
                    && !config.allowedTenants().isEmpty() && host(issuer).equals(host(config.issuer()));
            if (!anyTenant) {
                errors.add("it names the issuer " + issuer + ", not " + config.issuer()
                        + " (set issuer to exactly that)");
            }
        }
        URI authorization = endpoint(doc, "authorization_endpoint", errors);
        URI token = endpoint(doc, "token_endpoint", errors);
        URI jwks = endpoint(doc, "jwks_uri", errors);
        ProviderConfig.ClientAuth clientAuth = clientAuth(config, doc.path("token_endpoint_auth_methods_supported"),
                errors);
        if (!errors.isEmpty()) {
            throw new OidcConfig.Invalid(where + ": " + String.join("; ", errors));
        }
        IdTokenValidator validator;
        try {
            validator = new IdTokenValidator(issuer, config.clientId(), IdTokenValidator.remoteKeys(jwks.toURL()),
                    config.allowedDomains(), config.allowedTenants(), Clock.systemUTC());
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new OidcConfig.Invalid(where + ": jwks_uri cannot be used (" + e.getMessage() + ")");
        }
        return new OidcProvider(config, issuer, authorization, token, jwks, clientAuth, validator);
    }

    private static URI endpoint(JsonNode doc, String field, List<String> errors) {
        String text = doc.path(field).asText(null);
        if (text == null) {
            errors.add("it names no " + field);
            return null;
        }
        return OidcConfig.url(text, field, errors);
    }

    /** The configured way, else client_secret_basic unless the provider lists only client_secret_post. */
    private static ProviderConfig.ClientAuth clientAuth(ProviderConfig config, JsonNode supported,
            List<String> errors) {
        if (config.clientSecret() == null) {
            return ProviderConfig.ClientAuth.NONE;
        }
        if (config.clientAuth() != null) {
            return config.clientAuth();
        }
        List<String> methods = new ArrayList<>();
        supported.forEach(m -> methods.add(m.asText()));
        if (!supported.isArray() || methods.contains(ProviderConfig.ClientAuth.CLIENT_SECRET_BASIC.wire())) {
            return ProviderConfig.ClientAuth.CLIENT_SECRET_BASIC; // the default of OpenID Connect Discovery
        }
        if (methods.contains(ProviderConfig.ClientAuth.CLIENT_SECRET_POST.wire())) {
            return ProviderConfig.ClientAuth.CLIENT_SECRET_POST;
        }
        errors.add("its token endpoint takes neither client_secret_basic nor client_secret_post (it lists "
                + methods + ")");
        return null;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.replace(IdTokenValidator.TENANT_PLACEHOLDER, "tenant")).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
