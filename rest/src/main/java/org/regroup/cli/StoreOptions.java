package org.regroup.cli;

import java.nio.file.Path;

import org.regroup.store.Database;
import picocli.CommandLine.Option;

/** Where the store is: the embedded file under {@code --data-dir}, or a database by {@code --db-url}. */
final class StoreOptions {

    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Where the embedded store keeps its file (default: ${DEFAULT-VALUE}; made readable by its "
                    + "owner only).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "The store's database instead of the embedded "
            + "one, e.g. jdbc:postgresql://127.0.0.1:5432/regroup (password from REGROUP_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user (with --db-url).")
    String dbUser;

    /** Opens (and migrates) the store; a store that cannot be opened is the user's to fix (exit 2). */
    Database open() {
        String url = dbUrl != null ? dbUrl : Database.h2Url(dataDir);
        try {
            return Database.open(url, dbUser, System.getenv("REGROUP_DB_PASSWORD"), null);
        } catch (RuntimeException e) {
            String why = rootMessage(e);
            if (dbUrl == null && why.contains("locked")) {
                // H2's file is one process's: a server running on it holds it
                throw new ErrorReporter.UserError("the store in " + dataDir + " is in use, most likely by a running "
                        + "./regroup serve: stop the server and run this again, or do it over the server's HTTP API "
                        + "(docs/api.md). A store on PostgreSQL (--db-url) is shared by the server and these "
                        + "commands at once");
            }
            throw new ErrorReporter.UserError("cannot open the store at " + Database.redact(url) + ": " + why);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
