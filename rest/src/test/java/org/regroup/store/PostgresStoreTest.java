package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regroup.domain.Student;
import org.regroup.rest.days.EvidenceService;

/** The store on the PostgreSQL at 127.0.0.1:5432 (skipped with a message when it is not reachable, see TestDatabases). */
class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.postgres();
    }

    /**
     * The server here runs without autovacuum: unless the store analyzes its tables, PostgreSQL plans an evidence
     * batch's duplicate check (one generic plan for the prepared statement) as a scan of all the school's evidence.
     */
    @Test
    void theDuplicateCheckOfAnEvidenceBatchIsPlannedThroughThePrimaryKey() throws SQLException {
        assertThat(SMALL.students().stream().mapToLong(s -> s.mastery().size()).sum())
                .as("creating the school writes enough rows to analyze").isGreaterThan(PlannerStatistics.FIRST);
        // Batches of 1,000 results until the rows written since the school was created call for an ANALYZE.
        for (int batch = 0; batch < 4; batch++) {
            List<EvidenceService.Result> results = new ArrayList<>();
            for (int i = 0; results.size() < 1_000; i++) {
                Student student = student(i % SMALL.students().size());
                String skill = readySkill(student);
                for (int k = 0; k < 10; k++) {
                    results.add(answer("e" + batch + "-" + i + "-" + k, student, skill, k % 3 != 0, k));
                }
            }
            evidence.ingest(store.schools().school("demo").orElseThrow(), new EvidenceService.Batch(results));
        }

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("PREPARE known (varchar, varchar[]) AS SELECT event_id FROM evidence "
                    + "WHERE school_id = $1 AND event_id = ANY ($2)");
            s.execute("SET plan_cache_mode = force_generic_plan");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE known ('demo', '{e1,e2}')")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("DEALLOCATE known");
            s.execute("RESET plan_cache_mode");
            assertThat(plan.toString()).contains("evidence_pkey");
        }
    }
}
