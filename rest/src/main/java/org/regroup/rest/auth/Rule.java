package org.regroup.rest.auth;

/**
 * Who may call an operation, named by what it touches. Every resource method carries one ({@link Access}); the
 * decisions are all in {@link AccessPolicy}, and the authorization matrix test checks each against an independent
 * table. {@code audited}: calls are written to the audit log (they read or write students' records).
 */
public enum Rule {
    /** Anyone, signed in or not: health, the API index and document, signing in, first setup. */
    PUBLIC(false),
    /** Any account: its own session and tokens, the demo days. */
    SIGNED_IN(false),
    /** Create or replace a school's standing data (names, accommodations…): the district, or that school's admin. */
    SCHOOL_SETUP(true),
    /** A school's days, plans and standing data: that school's admins and principal, and the district. */
    SCHOOL_READ(true),
    /** Plan, change, override, publish a school's day: that school's admin and the district (not the principal). */
    SCHOOL_PLANNING(true),
    /** Evidence for students: the school's admin and the district; a teacher for students in their groups. */
    EVIDENCE(true),
    /**
     * Attendance of a published day, taken and read: the school's admin and the district for every student; a teacher
     * for the students in the groups they lead (the resource decides per student and block).
     */
    ATTENDANCE(true),
    /** One adult's roster: the school's admins and principal, and that adult. */
    ROSTER(true),
    /** One student's day card: admins, principal, their teachers that day, the student, their guardians. */
    DAY_CARD(true),
    /** One student's profile: admins, principal, their teachers of the latest published day, the student, guardians. */
    PROFILE(true),
    /** The district's own operations across its schools (a district's morning): district administrators only. */
    DISTRICT(false),
    /** Plan a day without a school or run a what-if: admins, principals, the district. */
    WHAT_IF(false),
    /** A plan by its id: whoever asked for it, their school's admins and principal, the district; else 404. */
    PLAN_READ(true),
    /** Stop or override a plan by its id: whoever asked for it and their school's admin, the district; else 404. */
    PLAN_WRITE(true),
    /** A what-if by its id: whoever asked for it, their school's admins and principal, the district; else 404. */
    SCENARIO_READ(false),
    /** A school's accounts: that school's admin, the district. */
    ACCOUNTS(false),
    /** Read the audit log: a school's admin (their school), the district. */
    AUDIT(false),
    /** Export or erase one student's record: that school's admin, the district. */
    PRIVACY(true),
    /**
     * A student's goals, and what they may ask for on a day: admins, principal, the student, their guardians, their
     * advisor and their teachers of the latest published day.
     */
    STUDENT_PATH_READ(true),
    /**
     * Set a student's goals: admins, the student, their advisor and their teachers of the latest published day; not
     * guardians (they read them) nor the principal.
     */
    GOALS_WRITE(true),
    /**
     * A day's requests for sessions: the district and every account of the school; students and guardians are shown
     * only their own (the resource filters).
     */
    DAY_REQUESTS_READ(true),
    /**
     * Ask for a session on a day, or withdraw a request: the school's admins, teachers, students and guardians, and
     * the district. For whom (themselves, a child, a student one advises or teaches) is decided on the body, and a
     * request is withdrawn by whoever made it or an admin.
     */
    DAY_REQUESTS_WRITE(true),
    /** The school's skill map (no student data): anyone of that school, the district. */
    SKILL_MAP(false),
    /**
     * A calendar feed by its secret address ({@code /api/calendar/{token}.ics}): whoever holds the address, signed in
     * or not (the token is the credential; unknown and revoked ones are 404). Audited as the feed ({@code feed:ID}).
     */
    CALENDAR_FEED(true),
    /**
     * A school's calendar feeds (make, list, revoke): every account of the school and the district. Whose feeds
     * each may make, see and revoke is decided on the person ({@link AccessPolicy#mayManageFeed}): an adult their
     * own, a student theirs, a guardian their children's, the school's admins anyone's.
     */
    CALENDAR_FEEDS(true);

    private final boolean audited;

    Rule(boolean audited) {
        this.audited = audited;
    }

    public boolean audited() {
        return audited;
    }

    /** Whether a caller who is not signed in passes the gate (the rule itself decides nothing more). */
    public boolean open() {
        return this == PUBLIC || this == CALENDAR_FEED;
    }
}
