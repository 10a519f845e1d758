package org.regroup.store;

import static org.regroup.store.Jdbc.eachRow;
import static org.regroup.store.Jdbc.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.regroup.domain.io.Json;
import org.regroup.domain.plan.Kpis;
import org.regroup.domain.plan.Plan;
import org.regroup.domain.plan.PlanStatus;
import org.regroup.store.Jdbc.RowReader;

/** Every version of a day's plan (recipe, problem, checkpoints) and the scratch plans: what lasting addresses read. */
public final class PlanVersions {

    /* Plan statuses as SQL literals, from the one enum that defines them. */
    private static final String SQL_DRAFT = sql(PlanStatus.DRAFT);
    private static final String SQL_PUBLISHED = sql(PlanStatus.PUBLISHED);
    private static final String SQL_SOLVING = sql(PlanStatus.SOLVING);
    private static final String SQL_INTERRUPTED = sql(PlanStatus.INTERRUPTED);

    private static String sql(PlanStatus status) {
        return "'" + status.wire() + "'";
    }

    private final Jdbc jdbc;

    /** The node this process is in a cluster (null: the only process on the database). */
    private final String node;

    PlanVersions(Jdbc jdbc, String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** A stored plan of a day: every version is kept; {@code planId} is the solve's id on the server that made it. */
    public record PlanRecord(LocalDate day, int version, PlanStatus status, String score, String planId,
            Instant createdAt, Instant updatedAt) {
    }

    /** A new version of the day's plan, marked solving; its number. */
    public int startPlan(String schoolId, LocalDate day, String planId) {
        return startPlan(schoolId, day, planId, null, null);
    }

    /**
     * As above, with how the version is made ({@code recipe}, a JSON document the caller reads back to rebuild the
     * version when its solve is resumed) and the day problem it solves ({@code problem}, the documented format: what
     * the version's analysis, alternatives and rosters are read against for as long as it is kept).
     */
    public int startPlan(String schoolId, LocalDate day, String planId, String recipe, String problem) {
        Instant now = Instant.now();
        return jdbc.inTransaction(c -> {
            int version;
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) FROM plan WHERE school_id = ? AND school_day = ?")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO plan (school_id, school_day, version, "
                    + "status, job_id, plan, recipe, problem, created_at, updated_at, solved_by) "
                    + "VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)")) {
                setVersion(insert, schoolId, day, version);
                insert.setString(4, PlanStatus.SOLVING.wire());
                insert.setString(5, planId);
                insert.setString(6, recipe);
                insert.setString(7, problem);
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setString(10, node);
                insert.executeUpdate();
            }
            return version;
        });
    }

    /** The solve ended: the version becomes a draft holding the plan (documented plan format). */
    public void finishPlan(String schoolId, LocalDate day, int version, Object plan, String score) {
        finishPlan(schoolId, day, version, null, plan, score);
    }

    /**
     * As above, only while the version is solved by {@code planId} (null: by any solve): a solve whose version was
     * taken over by another node (its own node lost the database for a while) must not end the new solve's version.
     */
    public void finishPlan(String schoolId, LocalDate day, int version, String planId, Object plan, String score) {
        updatePlan(schoolId, day, version, planId, PlanStatus.DRAFT, score, json(plan));
    }

    /**
     * Publishes a draft (the latest when {@code version} is null); a plan published earlier that day goes back to
     * draft, so one plan per day is the published one. Returns the version published, or -1 when there is no draft.
     */
    public int publish(String schoolId, LocalDate day, Integer version) {
        return jdbc.inTransaction(c -> {
            int chosen;
            try (PreparedStatement q = c.prepareStatement("SELECT MAX(version) FROM plan WHERE school_id = ? AND "
                    + "school_day = ? AND status IN (" + SQL_DRAFT + ", " + SQL_PUBLISHED + ")"
                    + (version == null ? "" : " AND version = ?"))) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                if (version != null) {
                    q.setInt(3, version);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    chosen = rs.getInt(1);
                    if (rs.wasNull()) {
                        return -1;
                    }
                }
            }
            try (PreparedStatement demote = c.prepareStatement("UPDATE plan SET status = " + SQL_DRAFT
                    + ", updated_at = ? WHERE school_id = ? AND school_day = ? AND status = " + SQL_PUBLISHED);
                    PreparedStatement promote = c.prepareStatement("UPDATE plan SET status = " + SQL_PUBLISHED + ", "
                            + "updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                demote.setTimestamp(1, now);
                demote.setString(2, schoolId);
                demote.setObject(3, day);
                demote.executeUpdate();
                promote.setTimestamp(1, now);
                promote.setString(2, schoolId);
                promote.setObject(3, day);
                promote.setInt(4, chosen);
                promote.executeUpdate();
            }
            return chosen;
        });
    }

    /** The day's plans, newest first (without the plan documents). */
    public List<PlanRecord> plans(String schoolId, LocalDate day) {
        return jdbc.inTransaction(c -> {
            List<PlanRecord> plans = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, version, status, score, job_id, "
                    + "created_at, updated_at FROM plan WHERE school_id = ? AND school_day = ? "
                    + "ORDER BY version DESC")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                eachRow(q, rs -> plans.add(new PlanRecord(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        PlanStatus.of(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant())));
            }
            return plans;
        });
    }

    /** One stored plan document (null while solving or when interrupted). */
    public String planDocument(String schoolId, LocalDate day, int version) {
        return textOf("SELECT plan FROM plan", schoolId, day, version);
    }

    /** A published plan: its day, version, the plan document, and when it was published. */
    public record PublishedPlan(LocalDate day, int version, String plan, Instant publishedAt) {
    }

    /** A version of a day's plan. */
    public record PlanVersion(LocalDate day, int version) {
    }

    /** The plan published for the latest school day before {@code day}, without reading its document. */
    public Optional<PlanVersion> latestPublishedBefore(String schoolId, LocalDate day) {
        List<PlanVersion> latest = new ArrayList<>();
        eachPublishedBefore(schoolId, day, 1, "", rs -> latest.add(new PlanVersion(
                rs.getObject(1, LocalDate.class), rs.getInt(2))));
        return latest.stream().findFirst();
    }

    /** The plans published for the {@code days} school days before {@code day}, latest first (one per day). */
    public List<PublishedPlan> publishedBefore(String schoolId, LocalDate day, int days) {
        List<PublishedPlan> plans = new ArrayList<>();
        eachPublishedBefore(schoolId, day, days, ", plan, updated_at", rs -> plans.add(new PublishedPlan(
                rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
                rs.getTimestamp(4).toInstant())));
        return plans;
    }

    /** Reads the plans published before {@code day}, latest first: school day, version, then {@code moreColumns}. */
    private void eachPublishedBefore(String schoolId, LocalDate day, int days, String moreColumns,
            RowReader row) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, version" + moreColumns + " FROM plan "
                    + "WHERE school_id = ? AND school_day < ? AND status = " + SQL_PUBLISHED
                    + " ORDER BY school_day DESC")) {
                q.setString(1, schoolId);
                q.setObject(2, day);
                q.setMaxRows(days);
                eachRow(q, row);
            }
            return null;
        });
    }


    /**
     * A stored version's documents, for a student's record: its plan (null while it has none), the last checkpoint's
     * plan (null without one) and how it was made (its recipe; null for versions stored before recipes were kept).
     */
    public record VersionDocuments(LocalDate day, int version, PlanStatus status, Instant createdAt,
            Instant updatedAt, String plan, String checkpoint, String recipe) {
    }

    /**
     * Hands each version of the school's days whose plan, checkpoint or recipe may name {@code studentId} to
     * {@code each}, day by day, one at a time (a long history does not fit in memory at once). A first filter only:
     * the caller reads the documents to know.
     */
    public void eachVersionNaming(String schoolId, String studentId, java.util.function.Consumer<VersionDocuments>
            each) {
        String like = Jdbc.containing(json(studentId));
        List<PlanVersion> named = new ArrayList<>();
        jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT p.school_day, p.version FROM plan p LEFT JOIN "
                    + "plan_checkpoint k ON k.school_id = p.school_id AND k.school_day = p.school_day AND "
                    + "k.version = p.version WHERE p.school_id = ? AND (p.plan LIKE ? ESCAPE '!' OR "
                    + "k.plan LIKE ? ESCAPE '!' OR p.recipe LIKE ? ESCAPE '!') ORDER BY p.school_day, p.version")) {
                q.setString(1, schoolId);
                for (int i = 2; i <= 4; i++) {
                    q.setString(i, like);
                }
                eachRow(q, rs -> named.add(new PlanVersion(rs.getObject(1, LocalDate.class), rs.getInt(2))));
            }
            return null;
        });
        for (PlanVersion v : named) {
            jdbc.inTransaction(c -> {
                try (PreparedStatement q = c.prepareStatement("SELECT p.status, p.created_at, p.updated_at, p.plan, "
                        + "k.plan, p.recipe FROM plan p LEFT JOIN plan_checkpoint k ON k.school_id = p.school_id "
                        + "AND k.school_day = p.school_day AND k.version = p.version WHERE p.school_id = ? AND "
                        + "p.school_day = ? AND p.version = ?")) {
                    setVersion(q, schoolId, v.day(), v.version());
                    eachRow(q, rs -> each.accept(new VersionDocuments(v.day(), v.version(),
                            PlanStatus.of(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6))));
                }
                return null;
            });
        }
    }

    /** The ids of the solves that made the school's stored versions (to follow or read them by plan id). */
    public List<String> planIds(String schoolId) {
        return jdbc.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT job_id FROM plan WHERE school_id = ? AND job_id IS "
                    + "NOT NULL")) {
                q.setString(1, schoolId);
                eachRow(q, rs -> ids.add(rs.getString(1)));
            }
            return ids;
        });
    }

    /** Each school's latest published days are kept past the retention period: the next day is planned from them. */
    static final int KEPT_PUBLISHED_DAYS = 2;

    /**
     * Deletes every version (and checkpoint) of the school days before {@code day} (retention), except each school's
     * {@link #KEPT_PUBLISHED_DAYS} latest published plans: a day is planned starting from the last published one, and
     * the rule against a third day on the same skill reads the last two. Versions still solving stay. Returns how
     * many versions were deleted.
     */
    public int dropPlansBefore(LocalDate day) {
        return jdbc.inTransaction(c -> {
            List<String> schools = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT school_id FROM plan WHERE school_day < ?")) {
                q.setObject(1, day);
                eachRow(q, rs -> schools.add(rs.getString(1)));
            }
            int dropped = 0;
            for (String school : schools) {
                List<PlanVersion> kept = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("SELECT school_day, version FROM plan WHERE "
                        + "school_id = ? AND status = " + SQL_PUBLISHED + " ORDER BY school_day DESC")) {
                    q.setString(1, school);
                    q.setMaxRows(KEPT_PUBLISHED_DAYS);
                    eachRow(q, rs -> kept.add(new PlanVersion(rs.getObject(1, LocalDate.class), rs.getInt(2))));
                }
                String where = " WHERE school_id = ? AND school_day < ?"
                        + " AND NOT (school_day = ? AND version = ?)".repeat(kept.size());
                try (PreparedStatement checkpoints = c.prepareStatement("DELETE FROM plan_checkpoint" + where
                        + " AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.school_id = plan_checkpoint.school_id AND "
                        + "p.school_day = plan_checkpoint.school_day AND p.version = plan_checkpoint.version AND "
                        + "p.status = " + SQL_SOLVING + ")");
                        PreparedStatement plans = c.prepareStatement("DELETE FROM plan" + where + " AND status <> "
                                + SQL_SOLVING)) {
                    for (PreparedStatement d : List.of(checkpoints, plans)) {
                        d.setString(1, school);
                        d.setObject(2, day);
                        int i = 3;
                        for (PlanVersion k : kept) {
                            d.setObject(i++, k.day());
                            d.setInt(i++, k.version());
                        }
                    }
                    checkpoints.executeUpdate();
                    dropped += plans.executeUpdate();
                }
            }
            return dropped;
        });
    }

    /** A day planned without a school, for a student's record: its id, when, and its day and plan documents. */
    public record ScratchDocuments(String id, Instant createdAt, String problem, String plan) {
    }

    /**
     * Hands each day planned without a school by someone of {@code ownerSchool} whose documents may name
     * {@code studentId} to {@code each} (a first filter, as {@link #eachVersionNaming}).
     */
    public void eachScratchNaming(String ownerSchool, String studentId,
            java.util.function.Consumer<ScratchDocuments> each) {
        String like = Jdbc.containing(json(studentId));
        jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, created_at, problem, plan FROM scratch_plan "
                    + "WHERE owner_school = ? AND (problem LIKE ? ESCAPE '!' OR plan LIKE ? ESCAPE '!') "
                    + "ORDER BY created_at")) {
                q.setString(1, ownerSchool);
                q.setString(2, like);
                q.setString(3, like);
                eachRow(q, rs -> each.accept(new ScratchDocuments(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4))));
            }
            return null;
        });
    }

    /** A solve that ended without a plan (stopped before it started): the version is marked interrupted. */
    public void interrupt(String schoolId, LocalDate day, int version) {
        interrupt(schoolId, day, version, null);
    }

    /** As above, only while the version is solved by {@code planId} (null: by any solve). */
    public void interrupt(String schoolId, LocalDate day, int version, String planId) {
        updatePlan(schoolId, day, version, planId, PlanStatus.INTERRUPTED, null, null);
    }

    /**
     * After a restart: plans that were solving when the process stopped are marked interrupted (their solve is
     * gone). A node of a cluster marks only its own (and those of no node, solved before nodes had names): its peers'
     * solves still run. Returns how many.
     */
    public int markInterrupted() {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = " + SQL_INTERRUPTED
                    + ", updated_at = ? WHERE status = " + SQL_SOLVING
                    + (node == null ? "" : " AND (solved_by IS NULL OR solved_by = ?)"));
                    PreparedStatement scratch = c.prepareStatement("UPDATE scratch_plan SET status = "
                            + SQL_INTERRUPTED + ", updated_at = ? WHERE status = " + SQL_SOLVING)) {
                u.setTimestamp(1, Timestamp.from(Instant.now()));
                if (node != null) {
                    u.setString(2, node);
                }
                scratch.setTimestamp(1, Timestamp.from(Instant.now()));
                scratch.executeUpdate();
                return u.executeUpdate();
            }
        });
    }

    // ---- plans of days without a school (POST /api/plans) ----

    /** A day planned without a school, kept by the id the server handed out for it. */
    public record ScratchRecord(String id, PlanStatus status, String score, Instant createdAt, Instant updatedAt) {
    }

    /** Keeps a day submitted without a school as solving, with who asked (account and school; either may be null). */
    public void startScratch(String id, String problem, String ownerAccount, String ownerSchool) {
        Instant now = Instant.now();
        jdbc.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO scratch_plan (id, status, score, problem, "
                    + "plan, created_at, updated_at, owner_account, owner_school) VALUES (?, " + SQL_SOLVING
                    + ", NULL, ?, NULL, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, problem);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setString(5, ownerAccount);
                insert.setString(6, ownerSchool);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Its solve ended (or a re-plan of it did): the plan kept is this one, a draft. */
    public void finishScratch(String id, Plan plan) {
        String document = json(plan);
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE scratch_plan SET status = " + SQL_DRAFT
                    + ", score = ?, plan = ?, updated_at = ? WHERE id = ?")) {
                u.setString(1, plan.score());
                u.setString(2, document);
                u.setTimestamp(3, Timestamp.from(Instant.now()));
                u.setString(4, id);
                u.executeUpdate();
            }
            return null;
        });
    }

    public Optional<ScratchRecord> scratch(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, status, score, created_at, updated_at FROM "
                    + "scratch_plan WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(scratchRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Who asked for a day planned without a school: {account, school} (either may be null); empty when there is no
     * such plan.
     */
    public Optional<String[]> scratchOwner(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT owner_account, owner_school FROM scratch_plan "
                    + "WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
                }
            }
        });
    }

    /**
     * The latest {@code limit} days planned without a school, newest first: all of them ({@code account} and
     * {@code school} null), or those asked for by {@code account} or by anyone of {@code school}.
     */
    public List<ScratchRecord> scratchPlans(int limit, String account, String school) {
        return jdbc.inTransaction(c -> {
            List<ScratchRecord> all = new ArrayList<>();
            boolean everyone = account == null && school == null;
            try (PreparedStatement q = c.prepareStatement("SELECT id, status, score, created_at, updated_at FROM "
                    + "scratch_plan" + (everyone ? "" : " WHERE owner_account = ? OR owner_school = ?")
                    + " ORDER BY created_at DESC")) {
                if (!everyone) {
                    q.setString(1, account);
                    q.setString(2, school);
                }
                q.setMaxRows(limit);
                eachRow(q, rs -> all.add(scratchRecord(rs)));
            }
            return all;
        });
    }

    private static ScratchRecord scratchRecord(ResultSet rs) throws SQLException {
        return new ScratchRecord(rs.getString(1), PlanStatus.of(rs.getString(2)), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    /** The day a scratch plan solves, and its plan (null while it has none). */
    public String[] scratchDocuments(String id) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT problem, plan FROM scratch_plan WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
    }

    /** Deletes the scratch plans made before {@code before} (retention); returns how many. */
    public int dropScratchBefore(Instant before) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM scratch_plan WHERE created_at < ? AND status <> "
                    + SQL_SOLVING)) {
                d.setTimestamp(1, Timestamp.from(before));
                return d.executeUpdate();
            }
        });
    }

    // ---- solve checkpoints and resuming ----

    /** The best plan of a version's solve as last checkpointed: when, its score and KPIs, and which solve wrote it. */
    public record Checkpoint(Instant takenAt, String score, boolean feasible, Kpis kpis, String planId) {
    }

    /**
     * Keeps {@code plan} as the checkpoint of a version while its solve {@code planId} is still solving; false (and
     * nothing written) once the version has ended or another solve took it over.
     */
    public boolean saveCheckpoint(String schoolId, LocalDate day, int version, String planId, Plan plan,
            Instant takenAt) {
        String document = json(plan);
        String kpis = json(plan.kpis());
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM plan WHERE school_id = ? AND school_day = ? "
                    + "AND version = ? AND status = " + SQL_SOLVING + " AND job_id = ?")) {
                setVersion(q, schoolId, day, version);
                q.setString(4, planId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM plan_checkpoint WHERE school_id = ? AND school_day = ? AND version = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO plan_checkpoint (school_id, "
                            + "school_day, version, job_id, score, feasible, kpis, plan, taken_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                setVersion(delete, schoolId, day, version);
                delete.executeUpdate();
                setVersion(insert, schoolId, day, version);
                insert.setString(4, planId);
                insert.setString(5, plan.score());
                insert.setBoolean(6, plan.feasible());
                insert.setString(7, kpis);
                insert.setString(8, document);
                insert.setTimestamp(9, Timestamp.from(takenAt));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** The version's last checkpoint, if its solve wrote one. */
    public Optional<Checkpoint> checkpoint(String schoolId, LocalDate day, int version) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT taken_at, score, feasible, kpis, job_id FROM "
                    + "plan_checkpoint WHERE school_id = ? AND school_day = ? AND version = ?")) {
                setVersion(q, schoolId, day, version);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Checkpoint(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            rs.getBoolean(3), Json.mapper().readValue(rs.getString(4), Kpis.class), rs.getString(5)));
                } catch (IOException e) {
                    throw new UncheckedIOException("a stored checkpoint is unreadable", e);
                }
            }
        });
    }

    /** The checkpointed plan document of a version (null when there is none). */
    public String checkpointDocument(String schoolId, LocalDate day, int version) {
        return textOf("SELECT plan FROM plan_checkpoint", schoolId, day, version);
    }

    /** How the version is made, as given to {@link #startPlan(String, LocalDate, String, String, String)}. */
    public String recipe(String schoolId, LocalDate day, int version) {
        return textOf("SELECT recipe FROM plan", schoolId, day, version);
    }

    /** Replaces how a version is made and the day it solves (a change its running solve took). */
    public void saveRecipe(String schoolId, LocalDate day, int version, String recipe, String problem) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET recipe = ?, problem = ?, updated_at = ? "
                    + "WHERE school_id = ? AND school_day = ? AND version = ?")) {
                u.setString(1, recipe);
                u.setString(2, problem);
                u.setTimestamp(3, Timestamp.from(Instant.now()));
                u.setString(4, schoolId);
                u.setObject(5, day);
                u.setInt(6, version);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** The day problem a version solves (null for versions stored before it was kept). */
    public String problemDocument(String schoolId, LocalDate day, int version) {
        return textOf("SELECT problem FROM plan", schoolId, day, version);
    }

    /** Where a stored version is: its school, day and number. */
    public record VersionAddress(String schoolId, LocalDate day, int version) {
    }

    /** The stored version a solve made ({@code planId}: the id the server handed out to follow it). */
    public Optional<VersionAddress> versionOfPlan(String planId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT school_id, school_day, version FROM plan "
                    + "WHERE job_id = ? ORDER BY version DESC")) {
                q.setString(1, planId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new VersionAddress(rs.getString(1),
                            rs.getObject(2, LocalDate.class), rs.getInt(3))) : Optional.empty();
                }
            }
        });
    }

    /** A school day with plans: how many versions, the latest, and the one published (null when none is). */
    public record DaySummary(LocalDate day, int versions, int latest, Integer published) {
    }

    /** The school's days that have plans, latest first. */
    public List<DaySummary> days(String schoolId) {
        return jdbc.inTransaction(c -> {
            List<DaySummary> days = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT school_day, COUNT(*), MAX(version), "
                    + "MAX(CASE WHEN status = " + SQL_PUBLISHED + " THEN version END) FROM plan WHERE school_id = ? "
                    + "GROUP BY school_day ORDER BY school_day DESC")) {
                q.setString(1, schoolId);
                eachRow(q, rs -> {
                    int published = rs.getInt(4);
                    Integer anyPublished = rs.wasNull() ? null : published; // read before the next column
                    days.add(new DaySummary(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3),
                            anyPublished));
                });
            }
            return days;
        });
    }

    /**
     * An interrupted version solves again, as solve {@code planId}; false when the version is not interrupted (someone
     * resumed it already, or it never was).
     */
    public boolean resumePlan(String schoolId, LocalDate day, int version, String planId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = " + SQL_SOLVING + ", job_id = ?, "
                    + "updated_at = ?, solved_by = ? WHERE school_id = ? AND school_day = ? AND version = ? "
                    + "AND status = " + SQL_INTERRUPTED)) {
                u.setString(1, planId);
                u.setTimestamp(2, Timestamp.from(Instant.now()));
                u.setString(3, node);
                u.setString(4, schoolId);
                u.setObject(5, day);
                u.setInt(6, version);
                return u.executeUpdate() == 1;
            }
        });
    }

    /**
     * A version whose solve ran on a node that died ({@code planId}, its solve there): marked interrupted so that it
     * can be resumed here. False when it is no longer that solve (it ended, or someone took it over already).
     */
    public boolean takeOver(String schoolId, LocalDate day, int version, String planId) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = " + SQL_INTERRUPTED
                    + ", updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ? AND status = "
                    + SQL_SOLVING + " AND job_id = ?")) {
                u.setTimestamp(1, Timestamp.from(Instant.now()));
                u.setString(2, schoolId);
                u.setObject(3, day);
                u.setInt(4, version);
                u.setString(5, planId);
                return u.executeUpdate() == 1;
            }
        });
    }

    private String textOf(String select, String schoolId, LocalDate day, int version) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(select
                    + " WHERE school_id = ? AND school_day = ? AND version = ?")) {
                setVersion(q, schoolId, day, version);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static void setVersion(PreparedStatement s, String schoolId, LocalDate day, int version)
            throws SQLException {
        s.setString(1, schoolId);
        s.setObject(2, day);
        s.setInt(3, version);
    }

    /** Moves a solving version to {@code status} (a version no longer solving is left as it is). */
    private void updatePlan(String schoolId, LocalDate day, int version, String planId, PlanStatus status,
            String score, String plan) {
        if (!PlanStatus.SOLVING.mayBecome(status)) {
            throw new IllegalArgumentException("a solving version cannot become " + status.wire());
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE plan SET status = ?, score = ?, plan = ?, "
                    + "updated_at = ? WHERE school_id = ? AND school_day = ? AND version = ? AND status = ?"
                    + (planId == null ? "" : " AND job_id = ?"))) {
                u.setString(1, status.wire());
                u.setString(2, score);
                u.setString(3, plan);
                u.setTimestamp(4, Timestamp.from(Instant.now()));
                u.setString(5, schoolId);
                u.setObject(6, day);
                u.setInt(7, version);
                u.setString(8, PlanStatus.SOLVING.wire());
                if (planId != null) {
                    u.setString(9, planId);
                }
                u.executeUpdate();
            }
            return null;
        });
    }
}
