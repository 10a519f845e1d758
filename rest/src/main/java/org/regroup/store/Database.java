package org.regroup.store;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: embedded H2 in a file under the data directory by default, PostgreSQL (or another H2) by
 * JDBC URL. Opening it migrates the schema with Flyway (db/migration), so a new or older database is made current
 * before anything is read.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * No {@code regroup.trace.db}: H2's trace file echoes SQL errors with the values in them (school names,
     * student ids) to a file nobody reads. H2 writes a committed transaction to its file before the commit returns (WRITE_DELAY=0) rather than within half
     * a second. That alone did not keep what a killed process had acknowledged: see {@link H2CrashRecovery}, which
     * {@link #open} runs first. Neither makes H2 fsync a commit: a power cut can still lose the last ones.
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";

    private final HikariDataSource dataSource;
    private final String url;

    private Database(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    /** The default: {@code DIR/regroup.mv.db}, created on first use. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("regroup") + H2_OPTIONS;
    }

    /**
     * Connects and migrates. {@code schema} (may be null) puts the tables in a schema of their own, created when
     * missing; tests use it to keep runs apart on one PostgreSQL database.
     */
    public static Database open(String jdbcUrl, String user, String password, String schema) {
        Optional<Path> file = H2CrashRecovery.storeFile(jdbcUrl);
        file.ifPresent(StoreFiles::privateDirectory);
        file.ifPresent(H2CrashRecovery::recover);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (schema != null) {
            config.setSchema(schema);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // One INSERT with many rows per JDBC batch instead of one per row: evidence batches are large.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        config.setPoolName("regroup-store");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            if (schema != null) {
                flyway = flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
            }
            int applied = flyway.load().migrate().migrationsExecuted;
            LOG.debug("store: {} migrated ({} migrations applied)", redact(jdbcUrl), applied);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        file.ifPresent(StoreFiles::privateFiles);
        return new Database(ds, jdbcUrl);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The URL without user or password parameters, for logs and /api/health. */
    public String describe() {
        return redact(url);
    }

    public static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=…");
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
