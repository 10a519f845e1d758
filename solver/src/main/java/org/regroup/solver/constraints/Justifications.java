package org.regroup.solver.constraints;

import java.util.List;

import org.regroup.solver.model.Ask;
import org.regroup.solver.model.Learner;
import org.regroup.solver.model.Placement;
import org.regroup.solver.model.Session;

/**
 * One justification per rule: who is affected and why, in plain words. People are named by id only.
 */
public final class Justifications {

    private Justifications() {
    }

    static List<String> ids(List<Learner> learners) {
        return learners.stream().map(Learner::getId).toList();
    }

    static List<String> members(Session s) {
        return s.getPlacements().stream().map(p -> p.getLearner().getId()).sorted().toList();
    }

    static List<String> idsOf(List<Session> sessions) {
        return sessions.stream().map(Session::getId).toList();
    }

    /** A match about one session: its {@code sessionId} is the one {@link Reason#sessionIds()} names. */
    public interface InSession extends Reason {
        String sessionId();

        @Override
        default List<String> sessionIds() {
            return List.of(sessionId());
        }
    }

    static String focusName(Session s) {
        return s.getSummary().getFocus() == null ? "its focus" : s.getSummary().getFocus().getName();
    }

    // ---- Hard: what students work on ----

    public record NotReady(String sessionId, String blockId, String focus, List<String> studentIds) implements InSession {
        static NotReady of(Session s) {
            return new NotReady(s.getId(), s.getPeriod().getId(), focusName(s),
                    ids(s.getSummary().membersWith(org.regroup.solver.model.Fit.NOT_READY)));
        }

        public String describe() {
            return String.join(", ", studentIds) + " in session " + sessionId + " would work on " + focus
                    + ", which is not in their ready set (prerequisites not yet mastered, or already mastered)";
        }
    }

    public record TooAdvanced(String sessionId, String blockId, String focus, List<String> studentIds)
            implements InSession {
        static TooAdvanced of(Session s) {
            return new TooAdvanced(s.getId(), s.getPeriod().getId(), focusName(s),
                    ids(s.getSummary().membersWith(org.regroup.solver.model.Fit.TOO_ADVANCED)));
        }

        public String describe() {
            return String.join(", ", studentIds) + " in session " + sessionId + " would work on " + focus
                    + ", more than one grade above their own, and no goal of theirs asks for it";
        }
    }

    // ---- Hard: group sizes and staff ----

    public record GroupTooLarge(String sessionId, String blockId, int size, int cap, List<String> studentIds)
            implements InSession {
        public String describe() {
            return where(sessionId, blockId) + " has " + size + " students; its size cap is " + cap;
        }
    }

    public record StaffOverCap(String sessionId, String blockId, String staffId, int size, int cap,
            List<String> studentIds) implements InSession {
        public String describe() {
            return staffId + " would have " + size + " students at once in block " + blockId + "; at most " + cap
                    + " are allowed (their own cap and the modality's students per adult)";
        }
    }

    /** Every session of the adult's day is in it, with its students. */
    public record StaffOverTeachingBlocks(String staffId, int blocks, int max, List<String> sessionIds,
            List<String> studentIds) implements Reason {
        static StaffOverTeachingBlocks of(AdultDay d) {
            return new StaffOverTeachingBlocks(d.adult().getId(), d.teachingBlocks(), d.adult().getMaxTeachingBlocks(),
                    idsOf(d.sessions()), d.sessions().stream().flatMap(s -> members(s).stream()).toList());
        }

        public String blockId() {
            return null;
        }

        public String describe() {
            return staffId + " would lead or supervise groups in " + blocks + " blocks today; their limit is " + max;
        }
    }

    public record StaffNotQualified(String sessionId, String blockId, String staffId, String focus,
            List<String> studentIds) implements InSession {
        public String describe() {
            return staffId + " is not qualified to teach " + focus + " (strand and grade), yet leads "
                    + where(sessionId, blockId) + " on it";
        }
    }

    public record ModalityNotAllowed(String sessionId, String blockId, String staffId, String modality,
            List<String> studentIds) implements InSession {
        public String describe() {
            return staffId + " may not lead " + modality + " (role or staff record), yet " + where(sessionId, blockId)
                    + " runs in it";
        }
    }

    public record ModalityWrongForBlock(String sessionId, String blockId, String modality, String blockKind,
            List<String> studentIds) implements InSession {
        public String describe() {
            return modality + " cannot run in block " + blockId + ", a " + blockKind + " block";
        }
    }

    // ---- Hard: spaces ----

    public record NoSpace(String sessionId, String blockId, List<String> studentIds) implements InSession {
        public String describe() {
            return where(sessionId, blockId) + " has students but no space";
        }
    }

    public record SpaceOverCapacity(String spaceId, String blockId, int students, int capacity,
            List<String> studentIds, List<String> sessionIds) implements Reason {
        public String describe() {
            return "space " + spaceId + " would hold " + students + " students in block " + blockId
                    + "; its capacity is " + capacity;
        }
    }

    public record SpaceOverbooked(String spaceId, String blockId, int groups, int maxGroups, List<String> studentIds,
            List<String> sessionIds) implements Reason {
        public String describe() {
            return "space " + spaceId + " would host " + groups + " groups in block " + blockId + "; it allows "
                    + maxGroups;
        }
    }

    public record SpaceUnsuitable(String sessionId, String blockId, String spaceId, String modality, String why,
            List<String> studentIds) implements InSession {
        public String describe() {
            return "space " + spaceId + " does not suit " + modality + " in " + where(sessionId, blockId) + ": " + why;
        }
    }

    public record SpaceClosed(String sessionId, String blockId, String spaceId, List<String> studentIds)
            implements InSession {
        public String describe() {
            return "space " + spaceId + " is not available in block " + blockId + " but " + sessionId + " uses it";
        }
    }

    public record OffSiteUnsupervised(String sessionId, String blockId, String staffId, List<String> studentIds)
            implements InSession {
        public String describe() {
            return staffId + " may not supervise off-site, yet leads off-site " + where(sessionId, blockId);
        }
    }

    public record OffSiteForbidden(String sessionId, String blockId, List<String> studentIds) implements InSession {
        public String describe() {
            return String.join(", ", studentIds) + " must stay on site, but " + where(sessionId, blockId)
                    + " is off-site";
        }
    }

    /** {@code sessionIds}: the sessions in the blocks travel takes (and, for a student, the trip itself). */
    public record TravelNotCovered(String who, String blockId, String site, List<String> studentIds,
            List<String> sessionIds) implements Reason {
        public String describe() {
            return who + " would be elsewhere in block " + blockId + " while travelling to or from off-site space "
                    + site + " (its travel time does not fit between blocks)";
        }
    }

    public record QuietSpaceMissing(String sessionId, String blockId, String spaceId, List<String> studentIds)
            implements InSession {
        public String describe() {
            return String.join(", ", studentIds) + " need a quiet space, but " + where(sessionId, blockId)
                    + " is in " + spaceId + ", which is not quiet";
        }
    }

    // ---- Hard: people ----

    public record KeepApartTogether(String sessionId, String blockId, List<String> studentIds) implements InSession {
        public String describe() {
            return "students who must be kept apart share " + where(sessionId, blockId) + ": "
                    + String.join(", ", studentIds);
        }
    }

    public record AccommodationShort(String studentId, String accommodation, int needed, int given) implements Reason {
        public List<String> studentIds() {
            return List.of(studentId);
        }

        public String blockId() {
            return null;
        }

        public String describe() {
            return studentId + " needs " + accommodation + ": " + needed + " required, " + given + " planned";
        }
    }

    public record RequestIgnored(String requestId, String studentId, String requestedBy, String priority,
            String request) implements Reason {
        static RequestIgnored of(Ask ask) {
            return new RequestIgnored(ask.id(), ask.learner().getId(), ask.requestedBy(),
                    ask.priority().name().toLowerCase().replace('_', '-'), ask.describe());
        }

        public List<String> studentIds() {
            return List.of(studentId);
        }

        public String blockId() {
            return null;
        }

        public String describe() {
            return priority + " " + request + " is not honoured";
        }
    }

    // ---- Medium ----

    public record Unplaced(String studentId, String blockId) implements Reason {
        static Unplaced of(Placement p) {
            return new Unplaced(p.getLearner().getId(), p.getPeriod().getId());
        }

        public List<String> studentIds() {
            return List.of(studentId);
        }

        public String describe() {
            return studentId + " has no session in block " + blockId;
        }
    }

    public record GroupTooSmall(String sessionId, String blockId, String modality, int size, int min,
            List<String> studentIds) implements InSession {
        public String describe() {
            return where(sessionId, blockId) + " has " + size + (size == 1 ? " student; " : " students; ") + modality
                    + " needs at least " + min;
        }
    }

    // ---- Soft ----

    /** A soft rule about some students in one session (goal, urgency, fit, preference, interest, equity). */
    public record GroupNote(String sessionId, String blockId, String note, List<String> studentIds)
            implements InSession {
        public String describe() {
            return where(sessionId, blockId) + ": " + note;
        }
    }

    /** A soft rule about one student's whole day (variety, advisor, peers). */
    public record DayNote(String studentId, String note, String blockId) implements Reason {
        public List<String> studentIds() {
            return List.of(studentId);
        }

        public String describe() {
            return studentId + ": " + note;
        }
    }

    /** A soft rule about an adult's day (load, continuity) or a session's existence. */
    public record StaffNote(String staffId, String note, String blockId) implements Reason {
        public List<String> studentIds() {
            return List.of();
        }

        public String describe() {
            return (staffId == null ? "" : staffId + ": ") + note;
        }
    }

    static String where(String sessionId, String blockId) {
        return "session " + sessionId + " (block " + blockId + ")";
    }
}
