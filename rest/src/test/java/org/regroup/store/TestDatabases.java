package org.regroup.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store tests run against: embedded H2 in a file, and the PostgreSQL at 127.0.0.1:5432 (trust
 * auth, database {@code test}), each test class in a schema of its own. {@code -Dregroup.postgres=required} (as
 * {@code .ci/run} sets) makes an unreachable PostgreSQL a failure; without it those tests are skipped with a message.
 */
final class TestDatabases {

    static final String POSTGRES_URL = System.getProperty("regroup.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("regroup.postgres.user", "postgres");

    private TestDatabases() {
    }

    /** A database variant: how to open it, again (to test what survives a restart), and how to throw it away. */
    interface Variant {
        Database open();

        void drop();
    }

    static Variant h2(Path dir) {
        return new Variant() {
            @Override
            public Database open() {
                return Database.open(Database.h2Url(dir), null, null, null);
            }

            @Override
            public void drop() {
                // the temporary directory goes with the test
            }

            @Override
            public String toString() {
                return "H2";
            }
        };
    }

    /** A schema of its own on the test PostgreSQL (made when first used): its URL for a server's --db-url. */
    record PostgresSchema(String name) {
        /** The JDBC URL whose connections use the schema (it must exist: {@link #create}). */
        String url() {
            return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        void create() {
            execute("CREATE SCHEMA IF NOT EXISTS " + name);
        }

        void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        private static void execute(String sql) {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("could not " + sql, e);
            }
        }
    }

    /**
     * A new schema's name on the test PostgreSQL, once it is known to answer; skipped (or failed, with
     * {@code -Dregroup.postgres=required}) when it does not.
     */
    static PostgresSchema postgresSchema() {
        boolean required = "required".equalsIgnoreCase(System.getProperty("regroup.postgres", ""));
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null)) {
            c.isValid(2);
        } catch (SQLException unreachable) {
            String why = "PostgreSQL at " + POSTGRES_URL + " is not reachable (" + unreachable.getMessage() + ")";
            if (required) {
                Assertions.fail(why + "; -Dregroup.postgres=required");
            }
            Assumptions.abort(why + ": the PostgreSQL store tests are skipped (run with "
                    + "-Dregroup.postgres=required to make this a failure)");
        }
        return new PostgresSchema("regroup_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT));
    }

    static Variant postgres() {
        PostgresSchema pg = postgresSchema();
        String schema = pg.name();
        return new Variant() {
            @Override
            public Database open() {
                return Database.open(POSTGRES_URL, POSTGRES_USER, null, schema);
            }

            @Override
            public void drop() {
                pg.drop();
            }

            @Override
            public String toString() {
                return "PostgreSQL";
            }
        };
    }
}
