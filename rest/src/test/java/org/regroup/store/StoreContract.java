package org.regroup.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.days.EvidenceService.Batch;
import org.regroup.rest.days.EvidenceService.Result;

/** What the store promises, run against every database it supports (H2 and PostgreSQL subclasses). */
abstract class StoreContract {

    static final DayProblem SMALL = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
    static final OffsetDateTime MORNING = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.UTC);

    abstract TestDatabases.Variant variant();

    TestDatabases.Variant db;
    Database database;
    SchoolStore store;
    EvidenceService evidence;

    @BeforeEach
    void open() {
        db = variant();
        database = db.open();
        store = new SchoolStore(database);
        evidence = new EvidenceService(store.evidence(), BktParameters.DEFAULTS);
        store.schools().createSchool("demo", "Demo", SMALL);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    static Student student(int index) {
        return SMALL.students().get(index);
    }

    /** A skill in the student's ready set (a sensible thing to assess them on). */
    static String readySkill(Student s) {
        SkillGraph graph = SkillGraph.of(SMALL.skills(), SMALL.prerequisites());
        return graph.readySet(k -> s.mastery().getOrDefault(k, 0.0), 0.8).stream().sorted().findFirst()
                .orElseThrow();
    }

    static Result answer(String eventId, Student s, String skill, boolean correct, int minute) {
        return new Result(eventId, s.id(), skill, correct, null, null, MORNING.plusMinutes(minute), "test");
    }

    @Test
    void aSchoolReadsBackAsItWasStoredWithItsStudentsStartingMastery() {
        Schools.SchoolRecord school = store.schools().school("demo").orElseThrow();

        assertThat(school.standing()).isEqualTo(SMALL);
        Student s = student(0);
        assertThat(store.evidence().mastery("demo", s.id())).hasSize(s.mastery().size())
                .allSatisfy((skill, row) -> assertThat(row.pMastery()).isEqualTo(s.mastery().get(skill)));
        assertThatThrownBy(() -> store.schools().createSchool("demo", "again", SMALL))
                .isInstanceOf(Schools.SchoolExistsException.class);
    }

    @Test
    void theStoreSaysWhetherItIsReachable() {
        assertThat(store.reachable()).isTrue();
        database.close();
        assertThat(store.reachable()).isFalse();
        database = null;
    }

    @Test
    void rightAnswersRaiseMasteryWrongOnesLowerItAndEachIsLoggedWithBeforeAndAfter() {
        Student s = student(1);
        String skill = readySkill(s);
        double start = s.mastery().getOrDefault(skill, BktParameters.DEFAULTS.pInit());

        EvidenceService.Ingested up = evidence.ingest(store.schools().school("demo").orElseThrow(), new Batch(List.of(
                answer("e1", s, skill, true, 0), answer("e2", s, skill, true, 1))));

        assertThat(up.applied()).isEqualTo(2);
        assertThat(up.students()).singleElement().satisfies(c -> {
            assertThat(c.studentId()).isEqualTo(s.id());
            assertThat(c.mastery()).singleElement().satisfies(m -> {
                assertThat(m.skillId()).isEqualTo(skill);
                assertThat(m.after()).isGreaterThan(m.before());
            });
        });
        double afterRight = store.evidence().mastery("demo", s.id()).get(skill).pMastery();
        assertThat(afterRight).isGreaterThan(start);

        evidence.ingest(store.schools().school("demo").orElseThrow(),
                new Batch(List.of(answer("e3", s, skill, false, 2))));

        assertThat(store.evidence().mastery("demo", s.id()).get(skill).pMastery()).isLessThan(afterRight);
        List<EvidenceLog.EvidenceRow> log = store.evidence().evidence("demo", s.id());
        assertThat(log).extracting(EvidenceLog.EvidenceRow::eventId).containsExactly("e1", "e2", "e3");
        assertThat(log.get(1).pBefore()).isEqualTo(log.get(0).pAfter());
    }

    @Test
    void aResentEventIsNotCountedTwice() {
        Student s = student(2);
        String skill = readySkill(s);
        Batch batch = new Batch(List.of(answer("once", s, skill, true, 0), answer("once", s, skill, true, 0)));

        EvidenceService.Ingested first = evidence.ingest(store.schools().school("demo").orElseThrow(), batch);
        double after = store.evidence().mastery("demo", s.id()).get(skill).pMastery();
        EvidenceService.Ingested again = evidence.ingest(store.schools().school("demo").orElseThrow(), batch);

        assertThat(first.applied()).isEqualTo(1);
        assertThat(first.duplicates()).containsExactly("once");
        assertThat(again.applied()).isZero();
        assertThat(again.duplicates()).containsExactly("once", "once");
        assertThat(store.evidence().mastery("demo", s.id()).get(skill).pMastery()).isEqualTo(after);
        assertThat(store.evidence().evidenceCount("demo")).isEqualTo(1);
    }

    @Test
    void aBadBatchIsRefusedWholeWithEveryErrorsPathAndNothingIsWritten() {
        Student s = student(3);
        Batch bad = new Batch(List.of(answer("ok", s, readySkill(s), true, 0),
                new Result("x", "NOBODY", "NO.SKILL", null, 1.5, 0, null, "test"),
                new Result("", s.id(), readySkill(s), true, 0.5, null, MORNING, "test")));

        assertThatThrownBy(() -> evidence.ingest(store.schools().school("demo").orElseThrow(), bad))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(err -> err.path())
                        .contains("$.results[1].studentId", "$.results[1].skillId", "$.results[1].score",
                                "$.results[1].items", "$.results[1].observedAt", "$.results[2].eventId",
                                "$.results[2]"));
        assertThat(store.evidence().evidenceCount("demo")).isZero();
    }

    @Test
    void masteringAPrerequisiteBringsTheNextSkillIntoTheReadySet() {
        SkillGraph graph = SkillGraph.of(SMALL.skills(), SMALL.prerequisites());
        // A student and a ready skill whose mastery unlocks another skill they are not ready for yet.
        for (Student s : SMALL.students()) {
            Map<String, Double> m = s.mastery();
            for (String skill : graph.readySet(k -> m.getOrDefault(k, 0.0), 0.8)) {
                List<String> unlocked = graph.skills().stream().map(k -> k.id())
                        .filter(next -> graph.prerequisitesOf(next).contains(skill))
                        .filter(next -> m.getOrDefault(next, 0.0) < 0.8) // not mastered already
                        .filter(next -> graph.prerequisitesOf(next).stream().allMatch(p -> p.equals(skill)
                                || m.getOrDefault(p, 0.0) >= 0.8))
                        .toList();
                if (unlocked.isEmpty()) {
                    continue;
                }
                List<Result> rights = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    rights.add(answer("r" + i, s, skill, true, i));
                }
                EvidenceService.Ingested r = evidence.ingest(store.schools().school("demo").orElseThrow(),
                        new Batch(rights));

                assertThat(r.students()).singleElement().satisfies(c -> {
                    assertThat(c.leftReady()).contains(skill);
                    assertThat(c.enteredReady()).containsAll(unlocked);
                });
                return;
            }
        }
        throw new AssertionError("the small day has no student with a skill that unlocks another");
    }

    @Test
    void aPlanStillSolvingWhenTheServerStoppedIsInterruptedAfterARestartAndDraftsArePublishedOneAtATime() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        int first = store.versions().startPlan("demo", day, "job-1");
        store.versions().finishPlan("demo", day, first, Map.of("format", "regroup/plan"), "0hard/0medium/-5soft");
        int second = store.versions().startPlan("demo", day, "job-2");
        database.close();

        database = db.open();
        store = new SchoolStore(database);
        assertThat(store.versions().markInterrupted()).isEqualTo(1);

        assertThat(store.versions().plans("demo", day))
                .extracting(PlanVersions.PlanRecord::version, PlanVersions.PlanRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second, org.regroup.domain.plan.PlanStatus.INTERRUPTED),
                        org.assertj.core.groups.Tuple.tuple(first, org.regroup.domain.plan.PlanStatus.DRAFT));
        assertThat(store.versions().publish("demo", day, null)).isEqualTo(first);
        assertThat(store.versions().planDocument("demo", day, first)).contains("regroup/plan");
        assertThat(store.versions().planDocument("demo", day, second)).isNull();
    }

    @Test
    void theLatestPublishedPlanBeforeADayIsFoundWithoutItsDocument() {
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, 23);
        java.time.LocalDate tuesday = monday.plusDays(1);
        java.time.LocalDate wednesday = monday.plusDays(2);
        for (java.time.LocalDate day : List.of(monday, tuesday)) {
            int draft = store.versions().startPlan("demo", day, "job-" + day);
            store.versions().finishPlan("demo", day, draft, Map.of("format", "regroup/plan"), "0hard/0medium/-5soft");
        }
        store.versions().publish("demo", monday, null);

        assertThat(store.versions().latestPublishedBefore("demo", wednesday)).as("tuesday's draft is not published")
                .contains(new PlanVersions.PlanVersion(monday, 1));
        assertThat(store.versions().latestPublishedBefore("demo", monday)).isEmpty();
        store.versions().publish("demo", tuesday, null);
        assertThat(store.versions().latestPublishedBefore("demo", wednesday))
                .contains(new PlanVersions.PlanVersion(tuesday, 1));
    }

    static Plan planScoring(java.time.LocalDate day, String score) {
        Kpis kpis = new Kpis(12, 1.0, 0, 0.5, 1, 2, 2, 0, 2.5, 0.75,
                Map.of("seminar", new Kpis.GroupSizes(2, 6.0, 8)), 3, score);
        return new Plan(Plan.FORMAT, Plan.VERSION, "demo-" + day, day, score, true, true, kpis, List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void aSolvesCheckpointSurvivesARestartAndItsInterruptedVersionResumesOnce() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 26);
        java.time.Instant first = java.time.Instant.parse("2026-11-26T07:00:01.123Z");
        java.time.Instant later = java.time.Instant.parse("2026-11-26T07:00:06.456Z");
        int version = store.versions().startPlan("demo", day, "job-1", "{\"kind\":\"day\"}", "{\"id\":\"the day\"}");

        assertThat(store.versions().saveCheckpoint("demo", day, version, "job-1",
                planScoring(day, "0hard/0medium/-9soft"), first)).isTrue();
        assertThat(store.versions().saveCheckpoint("demo", day, version, "job-1",
                planScoring(day, "0hard/0medium/-5soft"), later)).as("a newer checkpoint replaces the older")
                .isTrue();
        assertThat(store.versions().saveCheckpoint("demo", day, version, "another-job",
                planScoring(day, "0hard/0medium/0soft"), later))
                .as("only the version's own solve writes its checkpoint").isFalse();
        database.close(); // the process dies while solving

        database = db.open();
        store = new SchoolStore(database);
        assertThat(store.versions().markInterrupted()).isEqualTo(1);

        PlanVersions.Checkpoint kept = store.versions().checkpoint("demo", day, version).orElseThrow();
        assertThat(kept.takenAt()).isEqualTo(later);
        assertThat(kept.score()).isEqualTo("0hard/0medium/-5soft");
        assertThat(kept.feasible()).isTrue();
        assertThat(kept.kpis()).isEqualTo(planScoring(day, "0hard/0medium/-5soft").kpis());
        assertThat(kept.planId()).isEqualTo("job-1");
        assertThat(store.versions().checkpointDocument("demo", day, version)).contains("-5soft");
        assertThat(store.versions().recipe("demo", day, version)).isEqualTo("{\"kind\":\"day\"}");

        assertThat(store.versions().resumePlan("demo", day, version, "job-2")).isTrue();
        assertThat(store.versions().resumePlan("demo", day, version, "job-3")).as("resumed once").isFalse();
        assertThat(store.versions().plans("demo", day)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(org.regroup.domain.plan.PlanStatus.SOLVING);
            assertThat(p.planId()).isEqualTo("job-2");
        });
        assertThat(store.versions().saveCheckpoint("demo", day, version, "job-2",
                planScoring(day, "0hard/0medium/-4soft"), later.plusSeconds(5))).isTrue();
        store.versions().finishPlan("demo", day, version, planScoring(day, "0hard/0medium/-3soft"),
                "0hard/0medium/-3soft");
        assertThat(store.versions().saveCheckpoint("demo", day, version, "job-2",
                planScoring(day, "0hard/0medium/-3soft"), later.plusSeconds(9)))
                .as("a late checkpoint after the end writes nothing").isFalse();
        assertThat(store.versions().checkpoint("demo", day, version).orElseThrow().score())
                .isEqualTo("0hard/0medium/-4soft");
        assertThat(store.versions().problemDocument("demo", day, version)).isEqualTo("{\"id\":\"the day\"}");
        store.versions().saveRecipe("demo", day, version, "{\"kind\":\"change\"}", "{\"id\":\"the day after\"}");
        assertThat(store.versions().recipe("demo", day, version)).isEqualTo("{\"kind\":\"change\"}");
        assertThat(store.versions().problemDocument("demo", day, version)).isEqualTo("{\"id\":\"the day after\"}");
        assertThat(store.versions().versionOfPlan("job-2"))
                .contains(new PlanVersions.VersionAddress("demo", day, version));
        assertThat(store.versions().versionOfPlan("job-9")).isEmpty();
        assertThat(store.versions().checkpoint("demo", day, 99)).isEmpty();
    }

    @Test
    void whatWasAcknowledgedIsThereAfterTheDatabaseIsReopened() {
        Student s = student(4);
        String skill = readySkill(s);
        evidence.ingest(store.schools().school("demo").orElseThrow(),
                new Batch(List.of(answer("kept", s, skill, true, 0))));
        double p = store.evidence().mastery("demo", s.id()).get(skill).pMastery();
        database.close();

        database = db.open(); // migrations run again: nothing to do
        store = new SchoolStore(database);

        assertThat(store.schools().school("demo")).isPresent();
        assertThat(store.evidence().mastery("demo", s.id()).get(skill).pMastery()).isEqualTo(p);
        assertThat(store.evidence().evidence("demo", s.id())).extracting(EvidenceLog.EvidenceRow::eventId)
                .containsExactly("kept");
    }

    @Test
    void theDaysWithPlansSayWhichVersionIsPublishedAndNoneWhereNoneIs() {
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, 23);
        java.time.LocalDate tuesday = monday.plusDays(1);
        int v1 = store.versions().startPlan("demo", monday, "job-a");
        store.versions().finishPlan("demo", monday, v1, Map.of("format", "regroup/plan"), "0hard/0medium/-5soft");
        int v2 = store.versions().startPlan("demo", monday, "job-b");
        store.versions().finishPlan("demo", monday, v2, Map.of("format", "regroup/plan"), "0hard/0medium/-4soft");
        store.versions().publish("demo", monday, v1);
        store.versions().startPlan("demo", tuesday, "job-c");

        assertThat(store.versions().days("demo")).containsExactly(
                new PlanVersions.DaySummary(tuesday, 1, 1, null),
                new PlanVersions.DaySummary(monday, 2, 2, v1));
    }
}
