package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./regroup users} on the store a server uses, and what {@code serve} refuses before it listens: the
 * embedded store readable by its owner only, sign-in never off beyond loopback, no wildcard address without names.
 */
class UsersCommandTest {

    @TempDir
    Path dir;

    private Cli.Run users(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = dir.resolve("data").toString();
        return Cli.run(all);
    }

    @Test
    void accountsAreMadeListedGivenTokensAndDisabledOnTheServersStore() throws Exception {
        Cli.Run added = users("add", "teacher@north.example", "--role", "teacher", "--school", "north", "--person",
                "T01", "--no-password");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("teacher of school north");

        Cli.Run listed = users("list", "--school", "north");
        assertThat(listed.out()).contains("teacher@north.example", "T01", "enabled");

        Cli.Run token = users("token", "teacher@north.example", "--days", "7");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.out().trim()).matches("rg_[A-Za-z0-9_-]{43}");

        assertThat(users("disable", "teacher@north.example").exitCode()).isZero();
        assertThat(users("list").out()).contains("disabled");
        Cli.Run refused = users("token", "teacher@north.example");
        assertThat(refused.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("disabled");

        // the store's directory and files are its owner's only, and H2 writes no trace file
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/regroup.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(dir.resolve("data/regroup.trace.db")).doesNotExist();
    }

    @Test
    void aBadAccountIsExitTwoWithTheReason() {
        Cli.Run role = users("add", "x1", "--role", "janitor", "--school", "north", "--no-password");
        assertThat(role.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(role.err()).contains("--role must be one of");
        Cli.Run school = users("add", "x2", "--role", "teacher", "--no-password");
        assertThat(school.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(school.err()).contains("belongs to a school");
        Cli.Run student = users("add", "x3", "--role", "student", "--school", "north", "--no-password");
        assertThat(student.err()).contains("names the student");
        assertThat(users("add", "twice", "--role", "district-admin", "--no-password").exitCode()).isZero();
        Cli.Run taken = users("add", "TWICE", "--role", "district-admin", "--no-password");
        assertThat(taken.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(taken.err()).contains("taken");
        assertThat(users("token", "nobody").err()).contains("no account 'nobody'");
    }

    @Test
    void serveRefusesSignInOffBeyondLoopbackAndAWildcardAddressWithoutNames() {
        Cli.Run wildcard = Cli.run("serve", "--host", "0.0.0.0", "--port", "0", "--data-dir",
                dir.resolve("data").toString());
        assertThat(wildcard.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(wildcard.err()).contains("--allowed-host");
        Cli.Run open = Cli.run("serve", "--host", "0.0.0.0", "--allowed-host", "regroup.school.example",
                "--no-sign-in", "--port", "0", "--data-dir", dir.resolve("data").toString());
        assertThat(open.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(open.err()).contains("--no-sign-in is only allowed on a loopback address");
        Cli.Run tls = Cli.run("serve", "--tls-keystore", dir.resolve("missing.p12").toString(), "--port", "0",
                "--data-dir", dir.resolve("data").toString());
        assertThat(tls.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(tls.err()).contains("cannot be read");
        assertThat(dir.resolve("data")).as("nothing opened before the options were checked").doesNotExist();
    }
}
