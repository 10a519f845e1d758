package org.regroup.rest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.rest.days.EvidenceService;
import org.regroup.store.Database;
import org.regroup.store.EvidenceLog;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/** The retention sweep against a store, at explicit instants: what is older than its period goes, the rest stays. */
class PrivacyRetentionTest {

    static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    /** The sweep runs "now": 2027-01-31, noon. */
    static final Instant NOW = Instant.parse("2027-01-31T12:00:00Z");

    Database database;
    SchoolStore store;
    Student student;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null,
                null);
        store = new SchoolStore(database);
        store.schools().createSchool("demo", "Demo", SMALL);
        student = SMALL.students().get(0);
        String skill = SkillGraph.of(SMALL.skills(), SMALL.prerequisites())
                .readySet(k -> student.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
        // evidence observed 40 and 10 days ago
        new EvidenceService(store.evidence(), BktParameters.DEFAULTS).ingest(store.schools().school("demo")
                .orElseThrow(), new EvidenceService.Batch(List.of(result("e-40", skill, 40), result("e-10", skill,
                        10))));
        // audit entries 500 and 10 days ago
        store.audit().append(NOW.minus(java.time.Duration.ofDays(500)), null, null, "GET old", "demo",
                List.of(student.id()), null, 200);
        store.audit().append(NOW.minus(java.time.Duration.ofDays(10)), null, null, "GET recent", "demo",
                List.of(student.id()), null, 200);
        // plans and inputs of days 200, 150, 120 (published) and 5 days ago (a draft)
        for (int daysAgo : new int[] {200, 150, 120, 5}) {
            LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(daysAgo);
            int v = store.versions().startPlan("demo", day, "job-" + daysAgo);
            store.versions().finishPlan("demo", day, v, Map.of("format", "regroup/plan"), "0hard/0medium/-1soft");
            if (daysAgo > 5) {
                store.versions().publish("demo", day, v);
            }
            store.schools().saveDayInput("demo", day, new Schools.DayInput(List.of(student.id()), null, null));
        }
    }

    private EvidenceService.Result result(String id, String skill, int daysAgo) {
        return new EvidenceService.Result(id, student.id(), skill, true, null, null,
                OffsetDateTime.ofInstant(NOW.minus(java.time.Duration.ofDays(daysAgo)), ZoneOffset.UTC), "test");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theDefaultsKeepEvidenceAndDeleteAuditAndPlansPast400Days() {
        RetentionSweep.Swept swept = new RetentionSweep(store, RetentionSweep.Retention.DEFAULTS,
                Clock.systemUTC(), s -> { }).sweep(NOW);

        assertThat(swept).isEqualTo(new RetentionSweep.Swept(0, 1, 0, 0, 0));
        assertThat(store.evidence().evidence("demo", student.id())).hasSize(2);
        assertThat(store.audit().naming("demo", student.id())).extracting(e -> e.action())
                .containsExactly("GET recent");
        assertThat(store.versions().days("demo")).hasSize(4);
    }

    @Test
    void shorterPeriodsDeleteOlderEvidenceAndPlansButKeepTheTwoLatestPublishedDays() {
        RetentionSweep.Swept swept = new RetentionSweep(store, new RetentionSweep.Retention(30, 400, 100),
                Clock.systemUTC(), s -> { }).sweep(NOW);

        assertThat(swept).isEqualTo(new RetentionSweep.Swept(1, 1, 1, 3, 0));
        assertThat(store.evidence().evidence("demo", student.id())).extracting(EvidenceLog.EvidenceRow::eventId)
                .containsExactly("e-10");
        assertThat(store.evidence().mastery("demo", student.id())).as("mastery stays").isNotEmpty();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        assertThat(store.versions().days("demo")).extracting(PlanVersions.DaySummary::day)
                .as("150 and 120 days ago: the latest published, which the next day is planned from")
                .containsExactly(today.minusDays(5), today.minusDays(120), today.minusDays(150));
        assertThat(store.schools().dayInputsNaming("demo", student.id())).extracting(Schools.DatedInput::day)
                .containsExactly(today.minusDays(5));

        assertThat(new RetentionSweep(store, new RetentionSweep.Retention(30, 400, 100), Clock.systemUTC(),
                s -> { }).sweep(NOW)).as("a second sweep finds nothing").isEqualTo(new RetentionSweep.Swept(0, 0,
                        0, 0, 0));
    }

    @Test
    void theSweepRunsWhenStartedAndPeriodsAreAtLeastADay() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (RetentionSweep sweep = new RetentionSweep(store, RetentionSweep.Retention.DEFAULTS, clock,
                s -> ran.countDown()).start()) {
            assertThat(ran.await(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(store.audit().naming("demo", student.id())).hasSize(1);
        assertThatThrownBy(() -> new RetentionSweep.Retention(0, 400, 400))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionSweep.Retention(null, 400, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
