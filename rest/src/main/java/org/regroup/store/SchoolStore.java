package org.regroup.store;

/**
 * The one store object the application is given: its parts, one concern each, over one database (portable SQL for H2
 * and PostgreSQL). Each of their public methods is one transaction, committed before it returns: what it acknowledges
 * is on disk.
 */
public final class SchoolStore {

    private final Jdbc jdbc;
    private final Schools schools;
    private final EvidenceLog evidence;
    private final PlanVersions versions;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Erasure erasure;
    private final StudentPaths paths;
    private final AttendanceLog attendance;
    private final CalendarFeeds calendarFeeds;
    private final Mornings mornings;

    public SchoolStore(Database database) {
        this(database, null);
    }

    /**
     * As above, for the node {@code node} of a cluster on one database (null: the only process on it): the versions it
     * solves are marked as its own, and after a restart it marks only those interrupted.
     */
    public SchoolStore(Database database, String node) {
        this.jdbc = new Jdbc(database.dataSource(), database.isH2());
        this.schools = new Schools(jdbc);
        this.evidence = new EvidenceLog(jdbc);
        this.versions = new PlanVersions(jdbc, node);
        this.accounts = new Accounts(jdbc);
        this.audit = new AuditLog(jdbc);
        this.erasure = new Erasure(jdbc, schools, evidence);
        this.paths = new StudentPaths(jdbc);
        this.attendance = new AttendanceLog(jdbc);
        this.calendarFeeds = new CalendarFeeds(jdbc);
        this.mornings = new Mornings(jdbc);
    }

    /** Schools, their standing data and day inputs. */
    public Schools schools() {
        return schools;
    }

    /** Mastery and the evidence log. */
    public EvidenceLog evidence() {
        return evidence;
    }

    /** The plans of days, with and without a school. */
    public PlanVersions versions() {
        return versions;
    }

    /** Accounts, their API tokens and browser sessions. */
    public Accounts accounts() {
        return accounts;
    }

    /** The audit log of student records. */
    public AuditLog audit() {
        return audit;
    }

    /** Goals students set and their requests for a session on a day. */
    public StudentPaths paths() {
        return paths;
    }

    /** Attendance taken on published days. */
    public AttendanceLog attendance() {
        return attendance;
    }

    /** Calendar subscription feeds of adults and students (only their tokens' hashes). */
    public CalendarFeeds calendarFeeds() {
        return calendarFeeds;
    }

    /** Erasing one student's record (across the parts above, in one transaction). */
    public Erasure erasure() {
        return erasure;
    }

    /** Whether the database answers within two seconds (for health checks). */
    /** A district's mornings: each school's part and every run of its job. */
    public Mornings mornings() {
        return mornings;
    }

    /** Each transaction's time, to whoever measures it (the server's store latency metric). */
    public void timeTransactions(java.util.function.LongConsumer nanos) {
        jdbc.timeTransactions(nanos);
    }

    public boolean reachable() {
        return jdbc.reachable();
    }
}
