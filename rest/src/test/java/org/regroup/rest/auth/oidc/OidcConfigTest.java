package org.regroup.rest.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.testing.LocalIssuer;

/** The {@code --oidc} file: every mistake named with the file and its JSON path; discovery checked at start. */
class OidcConfigTest {

    private static final Function<String, String> ENV = Map.of("REGROUP_OIDC_GOOGLE_SECRET", "gsecret")::get;
    private static final String GOOGLE = """
            {"id": "google", "issuer": "https://accounts.google.com", "clientId": "123.apps.googleusercontent.com",
             "clientSecretEnv": "REGROUP_OIDC_GOOGLE_SECRET", "allowedDomains": ["School.Example"],
             "allowedTenants": [], "redirectUri": "https://regroup.school.example/api/session/oidc/google/callback"}
            """;

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("oidc.json");
        Files.writeString(file, json);
        return file;
    }

    private String error(String json) throws IOException {
        Path file = write(json);
        try {
            OidcConfig.read(file, ENV);
        } catch (OidcConfig.Invalid invalid) {
            assertThat(invalid.getMessage()).as("names the file").startsWith(file.toString());
            return invalid.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aGoodFileIsRead() throws IOException {
        List<ProviderConfig> providers = OidcConfig.read(write("[" + GOOGLE + "]"), ENV);

        assertThat(providers).hasSize(1);
        ProviderConfig google = providers.get(0);
        assertThat(google.id()).isEqualTo("google");
        assertThat(google.clientSecret()).isEqualTo("gsecret");
        assertThat(google.allowedDomains()).containsExactly("school.example");
        assertThat(google.redirectUri().getPath()).isEqualTo("/api/session/oidc/google/callback");
        assertThat(google.where()).isEqualTo("$[0]");
        assertThat(google.toString()).as("the secret is never printed").doesNotContain("gsecret");
    }

    @Test
    void eachMistakeIsNamedByItsJsonPath() throws IOException {
        String message = error("""
                [{"id": "Google!", "issuer": "http://idp.example", "clientSecretEnv": "UNSET_SECRET",
                  "allowedDomain": ["x"], "allowedTenants": ["school.example"],
                  "redirectUri": "https://regroup.school.example/api/session/oidc/other/callback"}]
                """);

        assertThat(message).contains("$[0].id: 1 to 32 lower-case letters")
                .contains("$[0].issuer: must be https")
                .contains("$[0].clientId: missing")
                .contains("$[0].clientSecretEnv: the environment variable UNSET_SECRET")
                .contains("$[0].allowedDomain: unknown field")
                .contains("$[0].allowedTenants[0]: expected a tenant id")
                .contains("$[0].redirectUri: must be this server's address followed by "
                        + "/api/session/oidc/{id}/callback");
    }

    @Test
    void googleAndMicrosoftNeedTheirAllowLists() throws IOException {
        assertThat(error("[" + GOOGLE.replace("[\"School.Example\"]", "[]") + "]"))
                .contains("$[0].allowedDomains: Google signs in any Google account");
        assertThat(error("""
                [{"id": "entra", "issuer": "https://login.microsoftonline.com/organizations/v2.0", "clientId": "c",
                  "redirectUri": "https://regroup.school.example/api/session/oidc/entra/callback"}]
                """)).contains("$[0].allowedTenants: Microsoft signs in accounts of any organization");
    }

    @Test
    void theFileIsAListOfProvidersWithDistinctIds() throws IOException {
        assertThat(error("{\"providers\": []}")).contains("$: expected a list of identity providers");
        assertThat(error("[]")).contains("$: expected a list");
        assertThat(error("[" + GOOGLE + "," + GOOGLE + "]")).contains("$[1].id: 'google' is already the id of $[0]");
        assertThat(error("[" + GOOGLE + ", 3]")).contains("$[1]: expected an object");
    }

    @Test
    void aFileThatIsNotJsonSaysWhere() throws IOException {
        assertThat(error("[{\"id\": \"google\",,}]")).contains("not JSON (line 1, column");
        assertThatThrownBy(() -> OidcConfig.read(dir.resolve("missing.json"), ENV))
                .isInstanceOf(OidcConfig.Invalid.class).hasMessageContaining("missing.json: cannot be read");
    }

    @Test
    void discoveryReadsTheProvidersEndpoints() throws IOException {
        try (LocalIssuer issuer = LocalIssuer.start("c", "s")) {
            Path file = write(local(issuer.issuer()));

            List<OidcProvider> providers = OidcConfig.load(file, Map.of("SECRET", "s")::get, OidcHttp.client());

            OidcProvider p = providers.get(0);
            assertThat(p.authorizationEndpoint().toString()).isEqualTo(issuer.issuer() + "/authorize");
            assertThat(p.tokenEndpoint().toString()).isEqualTo(issuer.issuer() + "/token");
            assertThat(p.jwksUri()).isEqualTo(issuer.jwksUri());
            assertThat(p.clientAuth()).isEqualTo(ProviderConfig.ClientAuth.CLIENT_SECRET_BASIC);
        }
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsRefused() throws IOException {
        try (LocalIssuer issuer = LocalIssuer.start("c", "s")) {
            // Reached as localhost, the document names 127.0.0.1: tokens would carry an issuer we do not expect.
            String asLocalhost = issuer.issuer().replace("127.0.0.1", "localhost");
            Path file = write(local(asLocalhost));

            assertThatThrownBy(() -> OidcConfig.load(file, Map.of("SECRET", "s")::get, OidcHttp.client()))
                    .isInstanceOf(OidcConfig.Invalid.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("$[0] (local)").hasMessageContaining("names the issuer " + issuer.issuer());
        }
    }

    @Test
    void anUnreachableIssuerIsNamed() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path file = write(local("http://127.0.0.1:" + port));

        assertThatThrownBy(() -> OidcConfig.load(file, Map.of("SECRET", "s")::get, OidcHttp.client()))
                .isInstanceOf(OidcConfig.Invalid.class)
                .hasMessageContaining("discovery at http://127.0.0.1:" + port + "/.well-known/openid-configuration "
                        + "failed");
    }

    private static String local(String issuer) {
        return """
                [{"id": "local", "issuer": "%s", "clientId": "c", "clientSecretEnv": "SECRET",
                  "redirectUri": "http://localhost/api/session/oidc/local/callback"}]
                """.formatted(issuer);
    }
}
