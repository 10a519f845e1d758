package org.regroup.rest.auth.oidc;

import java.net.URI;
import java.util.Set;

/**
 * One identity provider as the {@code --oidc} file names it. {@code clientSecret}: read from the environment variable
 * {@code clientSecretEnv} (null for a public client); {@code clientAuth}: how the secret is sent to the token
 * endpoint, null to follow the provider's discovery document. {@code where}: its JSON path in the file, for errors.
 */
public record ProviderConfig(String id, String issuer, String clientId, String clientSecretEnv, String clientSecret,
        ClientAuth clientAuth, Set<String> allowedDomains, Set<String> allowedTenants, URI redirectUri,
        String where) {

    /** How the client proves itself at the token endpoint (RFC 6749 section 2.3.1, OpenID Connect Core 9). */
    public enum ClientAuth {
        CLIENT_SECRET_BASIC("client_secret_basic"),
        CLIENT_SECRET_POST("client_secret_post"),
        /** A public client: PKCE alone. */
        NONE("none");

        private final String wire;

        ClientAuth(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public ProviderConfig {
        allowedDomains = Set.copyOf(allowedDomains);
        allowedTenants = Set.copyOf(allowedTenants);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ProviderConfig[id=" + id + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecretEnv="
                + clientSecretEnv + ", clientAuth=" + clientAuth + ", allowedDomains=" + allowedDomains
                + ", allowedTenants=" + allowedTenants + ", redirectUri=" + redirectUri + "]";
    }
}
