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
    void recordersMarkingTheSameNewStudentBlockAtOnceLeaveOneMarkAndNoFailure() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        String id = student(3).id();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (String status : List.of("present", "absent", "tardy", "excused")) {
                done.add(pool.submit(() -> {
                    go.await();
                    store.attendance().record("demo", List.of(new AttendanceLog.Mark(day, "B1", id, status,
                            "a-" + status, java.time.Instant.now())));
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(); // none failed
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.attendance().marksOf("demo", id)).singleElement()
                .satisfies(m -> assertThat(m.recordedBy()).isEqualTo("a-" + m.status()));
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
    void aNodeRestartedMarksOnlyItsOwnSolvesInterruptedAndASolveTakenOverCannotEndItsVersion() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        SchoolStore n1 = new SchoolStore(database, "n1");
        SchoolStore n2 = new SchoolStore(database, "n2");
        int mine = n1.versions().startPlan("demo", day, "n1-solve");
        int theirs = n2.versions().startPlan("demo", day, "n2-solve");
        assertThat(n1.versions().markInterrupted()).as("n1 restarted: its own solve only").isEqualTo(1);
        assertThat(status(day, mine)).isEqualTo(org.regroup.domain.plan.PlanStatus.INTERRUPTED);
        assertThat(status(day, theirs)).isEqualTo(org.regroup.domain.plan.PlanStatus.SOLVING);

        // n2 died: n1 takes its solve over (only that solve: a second take-over, or a stale id, changes nothing)
        assertThat(n1.versions().takeOver("demo", day, theirs, "someone-else")).isFalse();
        assertThat(n1.versions().takeOver("demo", day, theirs, "n2-solve")).isTrue();
        assertThat(n1.versions().takeOver("demo", day, theirs, "n2-solve")).isFalse();
        assertThat(n1.versions().resumePlan("demo", day, theirs, "n1-resumed")).isTrue();
        // n2 was not dead after all: its late end must not end n1's solve
        n2.versions().finishPlan("demo", day, theirs, "n2-solve", Map.of("format", "regroup/plan"), "0hard/-1medium/-9soft");
        n2.versions().interrupt("demo", day, theirs, "n2-solve");
        assertThat(status(day, theirs)).isEqualTo(org.regroup.domain.plan.PlanStatus.SOLVING);
        n1.versions().finishPlan("demo", day, theirs, "n1-resumed", Map.of("format", "regroup/plan"), "0hard/0medium/-5soft");
        assertThat(status(day, theirs)).isEqualTo(org.regroup.domain.plan.PlanStatus.DRAFT);
        assertThat(store.versions().plans("demo", day).stream().filter(p -> p.version() == theirs).findFirst()
                .orElseThrow().score()).isEqualTo("0hard/0medium/-5soft");
    }

    private org.regroup.domain.plan.PlanStatus status(java.time.LocalDate day, int version) {
        return store.versions().plans("demo", day).stream().filter(p -> p.version() == version).findFirst()
                .orElseThrow().status();
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

    // ---- a student's record (docs/privacy.md) ----

    /** A plan placing {@code studentId} in one session of block B1 (with {@code staffId}). */
    static Plan planPlacing(java.time.LocalDate day, String studentId, String staffId) {
        var focus = new org.regroup.domain.plan.Focus(org.regroup.domain.FocusKind.SKILL, "3.NF.1", "fractions");
        var entry = new org.regroup.domain.plan.StudentDay.Entry("B1",
                org.regroup.domain.plan.StudentDay.Status.PLACED, staffId + "@B1", focus, "seminar", staffId, "R1",
                null);
        var session = new org.regroup.domain.plan.SessionPlan(staffId + "@B1", focus, "seminar", staffId, "R1", false,
                List.of(new org.regroup.domain.plan.SessionPlan.Seat(studentId, null)));
        Plan p = planScoring(day, "0hard/0medium/-5soft");
        return new Plan(p.format(), p.version(), p.problemId(), day, p.score(), true, true, p.kpis(),
                List.of(new org.regroup.domain.plan.BlockPlan("B1", null, null, List.of(session))),
                List.of(new org.regroup.domain.plan.StudentDay(studentId, List.of(entry))), List.of(), List.of());
    }

    /** A stand-in for the server's rewrite: drops the student, and their id in documents by plain replacement. */
    static Erasure.Rewrite dropping(String studentId) {
        return new Erasure.Rewrite() {
            @Override
            public DayProblem standing(DayProblem standing) {
                return standing.with(standing.id(), standing.date(), standing.staff(), standing.spaces(),
                        standing.students().stream().filter(s -> !s.id().equals(studentId)).toList(),
                        standing.weights());
            }

            @Override
            public Schools.DayInput dayInput(Schools.DayInput input) {
                return new Schools.DayInput(input.absentStudents().stream().filter(s -> !s.equals(studentId))
                        .toList(), input.absentStaff(), input.closedSpaces());
            }

            @Override
            public String document(String json) {
                return json.replace("\"" + studentId + "\"", "\"erased-1\"");
            }
        };
    }

    @Test
    void aStudentsRecordIsReadAcrossTheStoreAndErasedInOneTransaction() {
        Student s = student(2);
        Student other = student(3);
        String skill = readySkill(s);
        evidence.ingest(store.schools().school("demo").orElseThrow(), new Batch(List.of(
                answer("r1", s, skill, true, 0), answer("r2", s, skill, false, 1), answer("r3", other, readySkill(other),
                        true, 2))));
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        store.schools().saveDayInput("demo", day, new Schools.DayInput(List.of(s.id(), other.id()), null, null));
        store.schools().saveDayInput("demo", day.plusDays(1), new Schools.DayInput(List.of(other.id()), null, null));
        int v1 = store.versions().startPlan("demo", day, "job-1", "{\"pins\":[{\"studentId\":\"" + s.id() + "\"}]}",
                "{\"students\":[{\"id\":\"" + s.id() + "\"}]}");
        store.versions().finishPlan("demo", day, v1, planPlacing(day, s.id(), "T01"), "0hard/0medium/-5soft");
        int v2 = store.versions().startPlan("demo", day, "job-2");
        store.versions().saveCheckpoint("demo", day, v2, "job-2", planPlacing(day, s.id(), "T02"),
                java.time.Instant.parse("2026-11-24T07:00:00Z"));
        store.versions().interrupt("demo", day, v2);
        store.versions().startPlan("demo", day.plusDays(1), "job-3");
        store.versions().finishPlan("demo", day.plusDays(1), 1, planPlacing(day, other.id(), "T01"), "0hard/0medium/-5soft");
        store.versions().startScratch("scratch-1", "{\"students\":[{\"id\":\"" + s.id() + "\"}]}", null, "demo");
        store.versions().startScratch("scratch-2", "{\"students\":[{\"id\":\"" + s.id() + "\"}]}", null, "other");
        store.versions().finishScratch("scratch-1", planPlacing(day, s.id(), "T01"));
        store.versions().finishScratch("scratch-2", planPlacing(day, s.id(), "T01"));
        java.time.Instant now = java.time.Instant.now();
        store.accounts().create(new Accounts.Account("a-student", "pupil", null, Role.STUDENT, "demo", s.id(),
                java.util.Set.of(), false, now), false);
        store.accounts().create(new Accounts.Account("a-guardian", "parent", null, Role.GUARDIAN, "demo", null,
                java.util.Set.of(s.id(), other.id()), false, now), false);
        store.accounts().create(new Accounts.Account("a-teacher", "teacher", null, Role.TEACHER, "demo", s.id(),
                java.util.Set.of(), false, now), false);
        store.accounts().addToken(new Accounts.Token("t1", "a-student", "phone", now, now.plusSeconds(60), null,
                null), "hash-1");
        store.audit().append(now, "a-teacher", "teacher", "GET profile", "demo", List.of(s.id()), null, 200);
        // the goals they set and the requests for their days, and another student's, which stay
        List<org.regroup.domain.Goal> goals = List.of(new org.regroup.domain.Goal(skill, null, 1));
        store.paths().setGoals("demo", s.id(), goals, "a-student", "student", now);
        store.paths().setGoals("demo", other.id(), goals, "a-teacher", "teacher", now);
        store.paths().addRequest("demo", new StudentPaths.DayRequest("ask-1", day, s.id(), null, skill, null, null,
                org.regroup.domain.RequestPriority.STUDENT, "student", "please", "a-student", "student", now));
        store.paths().addRequest("demo", new StudentPaths.DayRequest("ask-2", day, other.id(), null, skill, null,
                null, org.regroup.domain.RequestPriority.TEACHER, "T01", null, "a-teacher", "teacher",
                now.plusSeconds(1)));
        assertThat(store.paths().goals("demo", s.id()).orElseThrow().goals()).isEqualTo(goals);
        assertThat(store.paths().requestsFor("demo", s.id())).extracting(StudentPaths.DayRequest::note)
                .containsExactly("please");
        assertThat(store.paths().requests("demo", day)).extracting(StudentPaths.DayRequest::id)
                .containsExactly("ask-1", "ask-2");
        store.audit().append(now, "a-teacher", "teacher", "GET plan", "demo", List.of(AuditLog.EVERY_STUDENT), null,
                200);
        // their attendance (marked twice in one block: the last mark counts), and another student's, which stays
        store.attendance().record("demo", List.of(new AttendanceLog.Mark(day, "B1", s.id(), "absent", "a-teacher",
                now), new AttendanceLog.Mark(day, "B1", other.id(), "present", "a-teacher", now)));
        store.attendance().record("demo", List.of(new AttendanceLog.Mark(day, "B1", s.id(), "tardy", null,
                now.plusSeconds(60))));
        assertThat(store.attendance().marksOf("demo", s.id())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("tardy");
            assertThat(m.recordedBy()).isNull();
        });
        assertThat(store.attendance().marks("demo", day)).hasSize(2);

        assertThat(store.schools().dayInputsNaming("demo", s.id())).extracting(Schools.DatedInput::day)
                .containsExactly(day);
        List<PlanVersions.VersionDocuments> named = new ArrayList<>();
        store.versions().eachVersionNaming("demo", s.id(), named::add);
        assertThat(named).extracting(PlanVersions.VersionDocuments::version).containsExactly(v1, v2);
        assertThat(named.get(0).plan()).contains(s.id());
        assertThat(named.get(1).plan()).isNull();
        assertThat(named.get(1).checkpoint()).contains("T02");
        List<String> scratch = new ArrayList<>();
        store.versions().eachScratchNaming("demo", s.id(), d -> scratch.add(d.id()));
        assertThat(scratch).containsExactly("scratch-1");
        assertThat(store.accounts().linkedTo("demo", s.id())).extracting(Accounts.Account::username)
                .containsExactly("parent", "pupil");
        assertThat(store.audit().naming("demo", s.id())).extracting(AuditLog.Entry::action)
                .containsExactly("GET profile");

        store.calendarFeeds().add(new CalendarFeeds.Feed("feed-1", "demo", s.id(), CalendarFeeds.Kind.STUDENT,
                java.time.Instant.now(), null, null, null), "a".repeat(64));
        store.calendarFeeds().add(new CalendarFeeds.Feed("feed-2", "demo", other.id(), CalendarFeeds.Kind.STUDENT,
                java.time.Instant.now(), null, null, null), "b".repeat(64));
        int mastery = store.evidence().mastery("demo", s.id()).size();

        Erasure.Erased erased = store.erasure().erase("demo", s.id(), dropping(s.id())).orElseThrow();

        assertThat(erased).isEqualTo(new Erasure.Erased(mastery, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThat(store.calendarFeeds().list("demo")).extracting(CalendarFeeds.Feed::id).containsExactly("feed-2");
        assertThat(store.paths().goals("demo", s.id())).isEmpty();
        assertThat(store.paths().goals("demo", other.id())).isPresent();
        assertThat(store.paths().requestsFor("demo", s.id())).isEmpty();
        assertThat(store.attendance().marks("demo", day)).extracting(AttendanceLog.Mark::studentId)
                .containsExactly(other.id());
        assertThat(store.paths().requests("demo", day)).extracting(StudentPaths.DayRequest::id)
                .containsExactly("ask-2");
        assertThat(store.schools().school("demo").orElseThrow().standing().students()).extracting(Student::id)
                .doesNotContain(s.id()).contains(other.id());
        assertThat(store.evidence().mastery("demo", s.id())).isEmpty();
        assertThat(store.evidence().evidence("demo", s.id())).isEmpty();
        assertThat(store.evidence().evidence("demo", other.id())).hasSize(1);
        assertThat(store.schools().dayInput("demo", day).absentStudents()).containsExactly(other.id());
        assertThat(store.versions().planDocument("demo", day, v1)).doesNotContain(s.id()).contains("erased-1");
        assertThat(store.versions().recipe("demo", day, v1)).doesNotContain(s.id());
        assertThat(store.versions().problemDocument("demo", day, v1)).doesNotContain(s.id());
        assertThat(store.versions().checkpointDocument("demo", day, v2)).doesNotContain(s.id());
        assertThat(store.versions().scratchDocuments("scratch-1")).noneMatch(d -> d.contains(s.id()));
        assertThat(store.versions().scratchDocuments("scratch-2")).as("another school's").allMatch(d ->
                d.contains(s.id()));
        assertThat(store.accounts().byUsername("pupil")).isEmpty();
        assertThat(store.accounts().tokenByHash("hash-1")).isEmpty();
        assertThat(store.accounts().byUsername("parent").orElseThrow().children()).containsExactly(other.id());
        assertThat(store.accounts().byUsername("teacher")).as("only student accounts are theirs").isPresent();
        assertThat(store.audit().naming("demo", s.id())).as("the audit is the record of the erasure").hasSize(1);
        assertThat(store.erasure().erase("demo", s.id(), dropping(s.id()))).as("once").isEmpty();
        assertThat(store.erasure().erase("nowhere", s.id(), dropping(s.id()))).isEmpty();
    }

    @Test
    void anErasureWhileAVersionSolvesChangesNothing() {
        Student s = student(2);
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        store.versions().startPlan("demo", day, "job-1");

        assertThatThrownBy(() -> store.erasure().erase("demo", s.id(), dropping(s.id())))
                .isInstanceOf(Erasure.StillSolvingException.class);

        assertThat(store.evidence().mastery("demo", s.id())).isNotEmpty();
        assertThat(store.schools().school("demo").orElseThrow().standing().students()).extracting(Student::id)
                .contains(s.id());
    }

    @Test
    void retentionDeletesWhatIsOlderAndKeepsTheLatestPublishedDays() {
        Student s = student(1);
        String skill = readySkill(s);
        evidence.ingest(store.schools().school("demo").orElseThrow(), new Batch(List.of(
                answer("old", s, skill, true, 0), answer("new", s, skill, true, 60 * 24 * 30))));
        java.time.Instant cut = MORNING.plusDays(1).toInstant();
        assertThat(store.evidence().dropEvidenceBefore(cut)).isEqualTo(1);
        assertThat(store.evidence().evidence("demo", s.id())).extracting(EvidenceLog.EvidenceRow::eventId)
                .containsExactly("new");
        assertThat(store.evidence().mastery("demo", s.id())).as("mastery stays").containsKey(skill);

        store.audit().append(cut.minusSeconds(1), null, null, "GET old", "demo", List.of(s.id()), null, 200);
        store.audit().append(cut, null, null, "GET new", "demo", List.of(s.id()), null, 200);
        assertThat(store.audit().dropBefore(cut)).isEqualTo(1);
        assertThat(store.audit().naming("demo", s.id())).extracting(AuditLog.Entry::action)
                .containsExactly("GET new");

        java.time.LocalDate d1 = java.time.LocalDate.of(2026, 9, 1);
        for (int i = 0; i < 5; i++) { // five old days, each a draft and (but the last two) a published version
            java.time.LocalDate day = d1.plusDays(i);
            for (int v = 1; v <= 2; v++) {
                store.versions().startPlan("demo", day, "job-" + i + "-" + v);
                store.versions().finishPlan("demo", day, v, planScoring(day, "0hard/0medium/-5soft"), "-5soft");
            }
            if (i < 3) {
                store.versions().publish("demo", day, 1);
            }
            store.schools().saveDayInput("demo", day, new Schools.DayInput(List.of(s.id()), null, null));
        }
        store.versions().startPlan("demo", d1.plusDays(4), "job-solving"); // still solving: stays
        java.time.LocalDate recent = d1.plusDays(30);
        store.versions().startPlan("demo", recent, "job-recent");
        store.versions().finishPlan("demo", recent, 1, planScoring(recent, "0hard/0medium/-5soft"), "-5soft");

        assertThat(store.versions().dropPlansBefore(d1.plusDays(10))).isEqualTo(5 * 2 - 2);

        assertThat(store.versions().days("demo")).extracting(PlanVersions.DaySummary::day, PlanVersions.DaySummary::versions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(recent, 1),
                        org.assertj.core.groups.Tuple.tuple(d1.plusDays(4), 1),
                        org.assertj.core.groups.Tuple.tuple(d1.plusDays(2), 1),
                        org.assertj.core.groups.Tuple.tuple(d1.plusDays(1), 1));
        assertThat(store.versions().plans("demo", d1.plusDays(2))).singleElement().satisfies(p ->
                assertThat(p.status()).isEqualTo(org.regroup.domain.plan.PlanStatus.PUBLISHED));
        assertThat(store.schools().dropDayInputsBefore(d1.plusDays(3))).isEqualTo(3);
        assertThat(store.schools().dayInputsNaming("demo", s.id())).extracting(Schools.DatedInput::day)
                .containsExactly(d1.plusDays(3), d1.plusDays(4));
    }
}
