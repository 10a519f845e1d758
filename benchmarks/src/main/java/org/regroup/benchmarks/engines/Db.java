package org.regroup.benchmarks.engines;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The probe's PostgreSQL: one fresh schema per engine and run, reached through {@code currentSchema}. */
final class Db {

    static volatile String baseUrl = "jdbc:postgresql://127.0.0.1:5432/test";
    static volatile String user = "postgres";

    private Db() {
    }

    static String url(String schema) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A connection pool on the schema, as each server process would have its own. */
    static HikariDataSource pool(String schema, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(schema));
        config.setUsername(user);
        config.setPoolName("probe-" + name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    static void createSchema(String schema) throws SQLException {
        admin("CREATE SCHEMA " + schema);
    }

    static void dropSchema(String schema) throws SQLException {
        admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
