package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --oidc FILE} with a broken file stops before anything starts, naming the file and the place. */
class OidcServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenProviderFileExitsWithTwoAndSaysWhere() throws IOException {
        Path file = Cli.write(dir, "oidc.json", "[{\"id\": \"google\", \"issuer\": \"https://accounts.google.com\"}]");

        Cli.Run run = Cli.run("serve", "--port", "0", "--data-dir", dir.resolve("data").toString(), "--oidc",
                file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("regroup: --oidc " + file + ": ").contains("$[0].clientId: missing")
                .contains("$[0].allowedDomains: Google signs in any Google account").doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("Regroup API at");
    }

    @Test
    void theHelpNamesTheOption() {
        assertThat(Cli.run("serve", "--help").out()).contains("--oidc=FILE");
    }
}
