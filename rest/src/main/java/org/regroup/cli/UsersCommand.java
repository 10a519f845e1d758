package org.regroup.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.concurrent.Callable;

import org.regroup.rest.auth.AccountAdmin;
import org.regroup.rest.auth.Authenticator;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.Accounts;
import org.regroup.store.Database;
import org.regroup.store.Role;
import org.regroup.store.SchoolStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regroup users}: accounts on the store a server uses (the same {@code --data-dir} or {@code --db-url}),
 * without a server: the first administrator, a forgotten password, a token for a script.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = { "Manages the accounts of the store a server uses (the same --data-dir or --db-url)." },
        subcommands = { UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Disable.class,
                UsersCommand.Token.class, UsersCommand.Password.class })
final class UsersCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code work} on the store, turning a refusal into the user's error (exit 2). */
    static <T> T onStore(StoreOptions store, java.util.function.Function<SchoolStore, T> work) {
        try (Database database = store.open()) {
            return work.apply(new SchoolStore(database));
        } catch (ApiException refused) {
            throw new ErrorReporter.UserError(refused.getMessage());
        }
    }

    static Accounts.Account named(SchoolStore store, String username) {
        return store.accounts().byUsername(username).orElseThrow(() -> new ErrorReporter.UserError("no account '"
                + username + "'"));
    }

    /** A password from the first line of standard input, or asked twice on a terminal. */
    static String password(boolean fromStdin, String username) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new ErrorReporter.UserError("--password-stdin: standard input was empty");
                }
                return line;
            } catch (IOException e) {
                throw new ErrorReporter.UserError("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new ErrorReporter.UserError("no terminal to ask the password on: pass it with --password-stdin");
        }
        char[] first = console.readPassword("Password for %s: ", username);
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
            throw new ErrorReporter.UserError("the passwords differ");
        }
        return new String(first);
    }

    /** A subcommand about one account of the store. */
    abstract static class OnAccount implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "USERNAME", description = "The name the account signs in with.")
        String username;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Makes an account.")
    static final class Add extends OnAccount {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "district-admin, school-admin, "
                + "principal, teacher, student or guardian.")
        String role;
        @Option(names = "--school", paramLabel = "ID", description = "The school the account belongs to (all but a "
                + "district admin).")
        String school;
        @Option(names = "--person", paramLabel = "ID", description = "The teacher's staff id or the student's id.")
        String person;
        @Option(names = "--child", paramLabel = "ID", description = "A guardian's child's student id (repeatable).")
        List<String> children = new java.util.ArrayList<>();
        @Option(names = "--password-stdin", description = "Read the password from standard input (else asked on "
                + "the terminal).")
        boolean passwordStdin;
        @Option(names = "--no-password", description = "No password: signs in only with a token or the school's "
                + "identity provider.")
        boolean noPassword;

        @Override
        public Integer call() {
            Role r = Role.of(role).orElseThrow(() -> new ErrorReporter.UserError("--role must be one of "
                    + "district-admin, school-admin, principal, teacher, student, guardian; was " + role));
            String password = noPassword ? null : password(passwordStdin, username);
            Accounts.Account made = onStore(store, s -> new AccountAdmin(s.accounts(), Clock.systemUTC())
                    .create(username, password, r, school, person, new LinkedHashSet<>(children)));
            spec.commandLine().getOut().println("account " + made.id() + " made: " + made.role()
                    + (made.schoolId() == null ? "" : " of school " + made.schoolId()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
    static final class ListAccounts implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Option(names = "--school", paramLabel = "ID", description = "Only this school's accounts.")
        String school;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Accounts.Account> all = onStore(store, s -> s.accounts().list(school));
            out.printf("%-16s %-32s %-15s %-12s %-10s %s%n", "id", "username", "role", "school", "person", "state");
            for (Accounts.Account a : all) {
                out.printf("%-16s %-32s %-15s %-12s %-10s %s%n", a.id(), a.username(), a.role(),
                        a.schoolId() == null ? "-" : a.schoolId(), a.personId() == null ? "-" : a.personId(),
                        a.disabled() ? "disabled" : "enabled");
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables an account: its sessions "
            + "end and its tokens stop working.")
    static final class Disable extends OnAccount {

        @Override
        public Integer call() {
            onStore(store, s -> s.accounts().setDisabled(named(s, username).id(), true));
            spec.commandLine().getOut().println("disabled");
            return 0;
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true, description = "Sets an account's password (its "
            + "browser sessions end).")
    static final class Password extends OnAccount {
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = password(passwordStdin, username);
            onStore(store, s -> {
                new AccountAdmin(s.accounts(), Clock.systemUTC()).setPassword(named(s, username), password);
                return null;
            });
            spec.commandLine().getOut().println("password set");
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Makes an API token for an account and "
            + "prints it (shown this once; send it as Authorization: Bearer TOKEN).")
    static final class Token extends OnAccount {
        @Option(names = "--name", defaultValue = "command line", description = "What it is for (default: "
                + "${DEFAULT-VALUE}).")
        String name;
        @Option(names = "--days", defaultValue = "90", description = "How long it lasts (default: ${DEFAULT-VALUE}; "
                + "at most 366).")
        int days;

        @Override
        public Integer call() {
            if (days < 1 || days > Authenticator.TOKEN_MAX.toDays()) {
                throw new ErrorReporter.UserError("--days must be 1 to " + Authenticator.TOKEN_MAX.toDays()
                        + ", was " + days);
            }
            String secret = onStore(store, s -> {
                Accounts.Account a = named(s, username);
                if (a.disabled()) {
                    throw new ErrorReporter.UserError("account '" + username + "' is disabled");
                }
                return new Authenticator(s.accounts(), Clock.systemUTC()).issueToken(a.id(), name,
                        Duration.ofDays(days)).secret();
            });
            spec.commandLine().getOut().println(secret);
            return 0;
        }
    }

}
