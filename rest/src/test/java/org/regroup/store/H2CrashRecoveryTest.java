package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's lost commits without killing anything: a copy of the file taken right after a commit returns is what a SIGKILL
 * at that moment leaves (with autocommit delay 0 every write is done before the commit returns). Commits of varying
 * size soon leave the newest chunk reachable from nothing; H2CrashRecovery must bring it back.
 */
class H2CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void theNewestCommitH2WouldDropAfterAKillIsKept() throws Exception {
        Path file = dir.resolve("store.mv.db");
        Path killed = dir.resolve("killed.mv.db");
        Random random = new Random(14);
        Map<Integer, String> committed = new HashMap<>();
        long version = -1;
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()) {
            store.setRetentionTime(0); // reuse freed space at once, as a store older than 45 s does
            MVMap<Integer, String> map = store.openMap("m");
            for (int commit = 0; commit < 200 && version < 0; commit++) {
                for (int i = random.nextInt(2_000); i >= 0; i--) {
                    int key = random.nextInt(100_000);
                    String value = "v" + commit + "-" + "x".repeat(random.nextInt(100));
                    map.put(key, value);
                    committed.put(key, value);
                }
                store.commit();
                Files.copy(file, killed, StandardCopyOption.REPLACE_EXISTING);
                if (versionH2Opens(killed) < store.getCurrentVersion()) {
                    version = store.getCurrentVersion();
                }
            }
        }
        Assumptions.assumeTrue(version >= 0, "H2 found every commit by itself in 200: the loss H2CrashRecovery works "
                + "around may be fixed in this H2 version");

        Optional<H2CrashRecovery.Outcome> outcome = H2CrashRecovery.recover(killed);

        assertThat(outcome).get().extracting(H2CrashRecovery.Outcome::opened).isEqualTo(version);
        assertThat(outcome.get().commitsKept()).isPositive();
        assertThat(versionH2Opens(killed)).isEqualTo(version);
        try (MVStore store = new MVStore.Builder().fileName(killed.toString()).readOnly().open()) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map.size()).isEqualTo(committed.size());
            committed.forEach((key, value) -> assertThat(map.get(key)).as("key %d", key).isEqualTo(value));
        }
        assertThat(H2CrashRecovery.recover(killed)).as("closed cleanly now: left alone").isEmpty();
    }

    /** The same through {@link Database#open}, as the server opens its store: the last commit is there. */
    @Test
    void aDatabaseKilledRightAfterACommitOpensWithIt() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path killed = Files.createDirectories(dir.resolve("killed"));
        Random random = new Random(14);
        long rows = -1;
        try (Database db = Database.open(Database.h2Url(live), null, null, null);
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
            s.execute("SET RETENTION_TIME 0");
            c.setAutoCommit(false);
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO t KEY (id) VALUES (?, ?)")) {
                for (int commit = 0; commit < 300 && rows < 0; commit++) {
                    for (int i = random.nextInt(2_000); i >= 0; i--) {
                        merge.setInt(1, random.nextInt(100_000));
                        merge.setString(2, "x".repeat(random.nextInt(100)));
                        merge.addBatch();
                    }
                    merge.executeBatch();
                    c.commit();
                    Path file = Files.copy(live.resolve("regroup.mv.db"), killed.resolve("regroup.mv.db"),
                            StandardCopyOption.REPLACE_EXISTING);
                    if (versionH2Opens(file) < newestVersion(file)) {
                        rows = count(c);
                    }
                }
            }
        }
        Assumptions.assumeTrue(rows >= 0, "H2 found every commit by itself in 300: the loss H2CrashRecovery works "
                + "around may be fixed in this H2 version");

        try (Database db = Database.open(Database.h2Url(killed), null, null, null);
                Connection c = db.dataSource().getConnection()) {
            assertThat(count(c)).as("rows after reopening the killed copy").isEqualTo(rows);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long newestVersion(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().recoveryMode().open()) {
            return store.getCurrentVersion();
        }
    }

    private static long versionH2Opens(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.getCurrentVersion();
        }
    }

    @Test
    void onlyEmbeddedFilesAreRecovered() {
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:file:/srv/regroup/data/regroup;WRITE_DELAY=0"))
                .contains(Path.of("/srv/regroup/data/regroup.mv.db"));
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:./data/regroup")).contains(Path.of("./data/regroup.mv.db"));
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:~/regroup")).contains(Path.of(System.getProperty("user.home")
                + "/regroup.mv.db"));
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:mem:regroup-1")).isEmpty();
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:tcp://db:9092/regroup")).isEmpty();
        assertThat(H2CrashRecovery.storeFile("jdbc:h2:file:/x/regroup;CIPHER=AES")).isEmpty();
        assertThat(H2CrashRecovery.storeFile("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
        assertThat(H2CrashRecovery.recover(Path.of("/nonexistent/regroup.mv.db"))).isEmpty();
    }
}
