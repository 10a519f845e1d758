package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;

/**
 * {@link Schools#replaceStanding}, what an import writes: a new school created, an existing one's standing data
 * replaced in one transaction, and nothing written when the standing data changed since the import read it; the
 * mastery rows of a student who left stay (until an erasure or retention).
 */
class ImportStandingStoreTest {

    @TempDir
    Path dir;

    @Test
    void onH2() {
        check(TestDatabases.h2(dir));
    }

    @Test
    void onPostgres() {
        TestDatabases.Variant postgres = TestDatabases.postgres();
        try {
            check(postgres);
        } finally {
            postgres.drop();
        }
    }

    private static void check(TestDatabases.Variant variant) {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        try (Database db = variant.open()) {
            SchoolStore store = new SchoolStore(db);
            store.schools().replaceStanding("imp", "Imported", null, small);
            DayProblem stored = store.schools().school("imp").orElseThrow().standing();
            Student leaving = stored.students().get(0);
            assertThat(store.evidence().mastery("imp", leaving.id())).isNotEmpty();

            List<Student> rest = stored.students().subList(1, stored.students().size());
            DayProblem without = stored.with(stored.id(), null, stored.staff(), stored.spaces(), rest,
                    stored.weights());
            store.schools().replaceStanding("imp", "Imported", stored, without);

            assertThat(store.schools().school("imp").orElseThrow().standing().students()).hasSize(rest.size());
            assertThat(store.evidence().mastery("imp", leaving.id())).as("their mastery stays").isNotEmpty();

            // computed from what is no longer stored: refused, nothing written
            DayProblem stale = stored.with(stored.id(), null, List.of(), stored.spaces(), stored.students(),
                    Map.of());
            assertThatThrownBy(() -> store.schools().replaceStanding("imp", "Imported", stored, stale))
                    .isInstanceOf(Schools.StandingChangedException.class);
            assertThat(store.schools().school("imp").orElseThrow().standing()).isEqualTo(without);
            assertThatThrownBy(() -> store.schools().replaceStanding("imp", "Imported", null, small))
                    .isInstanceOf(Schools.SchoolExistsException.class);
        }
        // and after a restart, the store holds what it acknowledged
        try (Database db = variant.open()) {
            assertThat(new SchoolStore(db).schools().school("imp").orElseThrow().standing().students())
                    .hasSize(small.students().size() - 1);
        }
    }
}
