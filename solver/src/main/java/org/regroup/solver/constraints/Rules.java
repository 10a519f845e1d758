package org.regroup.solver.constraints;

import java.util.List;

/**
 * The school's rules by name, in the school's words. The names are the public contract: they appear in score
 * analyses and explanations, and a school overrides soft weights by them ({@code "weights"} in the day problem).
 */
public final class Rules {

    private Rules() {
    }

    // Hard: what students work on
    public static final String SKILL_NOT_READY = "Skill not in student's ready set";
    public static final String SKILL_TOO_ADVANCED = "Skill more than a grade above";
    // Hard: groups and staff
    public static final String GROUP_OVER_SIZE_CAP = "Group over size cap";
    public static final String STAFF_OVER_STUDENT_CAP = "Staff over student cap";
    public static final String STAFF_OVER_TEACHING_BLOCKS = "Staff over max teaching blocks";
    public static final String STAFF_NOT_QUALIFIED = "Staff not qualified for the skill";
    public static final String MODALITY_NOT_ALLOWED = "Staff may not lead the modality";
    public static final String MODALITY_WRONG_FOR_BLOCK = "Modality does not fit the block";
    // Hard: spaces and off-site
    public static final String NO_SPACE = "Session without a space";
    public static final String SPACE_OVER_CAPACITY = "Space over capacity";
    public static final String SPACE_OVERBOOKED = "Space hosts too many groups";
    public static final String SPACE_UNSUITABLE = "Space lacks what the modality needs";
    public static final String SPACE_CLOSED = "Space used when unavailable";
    public static final String ACTIVITY_AWAY = "Activity away from its place";
    public static final String OFF_SITE_UNSUPERVISED = "Off-site without an off-site supervisor";
    public static final String OFF_SITE_FORBIDDEN = "Off-site for a student who must stay on site";
    public static final String STUDENT_TRAVEL = "Student travel time not covered";
    public static final String STAFF_TRAVEL = "Staff travel time not covered";
    // Hard: people and accommodations
    public static final String KEEP_APART = "Keep-apart students together";
    public static final String ADMIN_REQUEST = "Admin-required request not honoured";
    public static final String QUIET_SPACE = "Quiet space not provided";
    public static final String ONLINE_MAXIMUM = "Too many online blocks";
    // Medium: what each student is owed
    public static final String UNPLACED = "Student not placed";
    public static final String STAFF_LED_MINIMUM = "Too few staff-led blocks";
    public static final String ONE_TO_ONE_MINUTES = "Too little 1:1 time";
    public static final String GROUP_UNDER_MINIMUM = "Group below modality's minimum size";
    // Soft
    public static final String GOAL_MISSED = "Goal skill not chosen";
    public static final String LESS_URGENT = "Less urgent skill chosen";
    public static final String STATE_MISFIT = "Modality does not suit skill state";
    public static final String MODALITY_AVOIDED = "Modality the student avoids";
    public static final String MODALITY_NOT_PREFERRED = "Modality not among student's preferences";
    public static final String SAME_MODALITY_ALL_DAY = "Same modality all day";
    public static final String SAME_SKILL_TWICE = "Same skill twice in a row";
    public static final String MIXED_MASTERY = "Group mixed in mastery";
    public static final String ADVISOR_NOT_SEEN = "Student does not see their advisor";
    public static final String PEERS_APART = "Peers never together";
    public static final String REQUEST_IGNORED = "Request not honoured";
    public static final String INTEREST_MISSED = "Activity outside student's interests";
    public static final String BEHIND_UNSUPERVISED = "Student behind grade level without staff-led time";
    public static final String PRACTISING_ALONE = "Student practising alone";
    public static final String STAFF_LOAD = "Staff load unbalanced";
    public static final String STAFF_ROOM_CHANGE = "Staff changes rooms";
    public static final String CATCH_ALL_USED = "Catch-all used";
    public static final String OPEN_SESSION = "Open session";
    public static final String MOVED_FROM_PREVIOUS = "Student moved from their previous group";
    public static final String THREE_DAYS_RUNNING = "Same skill in the same modality three days running";

    /** The rules a school may re-weight (the soft ones). */
    public static final List<String> SOFT = List.of(GOAL_MISSED, LESS_URGENT, STATE_MISFIT, MODALITY_AVOIDED,
            MODALITY_NOT_PREFERRED, SAME_MODALITY_ALL_DAY, SAME_SKILL_TWICE, MIXED_MASTERY, ADVISOR_NOT_SEEN,
            PEERS_APART, REQUEST_IGNORED, INTEREST_MISSED, BEHIND_UNSUPERVISED, PRACTISING_ALONE, STAFF_LOAD, STAFF_ROOM_CHANGE,
            CATCH_ALL_USED, OPEN_SESSION, MOVED_FROM_PREVIOUS, THREE_DAYS_RUNNING);
}
