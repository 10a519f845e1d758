package org.regroup.rest.api;

import java.util.List;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Request;
import org.regroup.domain.RequestPriority;
import org.regroup.domain.StaffRole;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.rest.roster.Rosters;

/**
 * Who and what a day names, for reading its plans: adults, rooms, students with their accommodations in words, the
 * requests, the modalities as the school set them (defaults included) and each skill's name — the day problem
 * without its mastery estimates, which are 95 % of its size on a big school (3.6 MB on large.json) and which a
 * board or a roster never shows.
 */
public record DayDirectory(List<Adult> staff, List<Room> spaces, List<Pupil> students, List<Asked> requests,
        List<Modality> modalities, List<SkillName> skills) {

    public record Adult(String id, String name, StaffRole role) {
    }

    public record Room(String id, String name, Integer capacity, boolean offSite) {
    }

    /** A student: accommodations in a roster's words ("quiet space", "45 min 1:1"). */
    public record Pupil(String id, String name, Integer grade, List<String> accommodations, boolean absent) {
    }

    /** A request about a student's day, by whom and on which rung of the ladder. */
    public record Asked(String id, String studentId, String blockId, String staffId, String focus, String modality,
            RequestPriority priority, String requestedBy) {
    }

    public record Modality(String id, String name, Integer minSize, Integer maxSize) {
    }

    public record SkillName(String id, String name) {
    }

    public static DayDirectory of(DayProblem day) {
        return new DayDirectory(
                day.staff().stream().map(s -> new Adult(s.id(), s.name(), s.role())).toList(),
                day.spaces().stream().map(s -> new Room(s.id(), s.name(), s.capacity(), s.offSite()))
                        .toList(),
                day.students().stream().map(s -> new Pupil(s.id(), s.name(), s.grade(),
                        Rosters.describe(s.accommodations()), s.absent())).toList(),
                day.requests().stream().map(DayDirectory::asked).toList(),
                ModalityCatalog.of(day.modalities()).all().stream()
                        .map(m -> new Modality(m.id(), m.name(), m.minSize(), m.maxSize())).toList(),
                day.skills().stream().map(s -> new SkillName(s.id(), s.name())).toList());
    }

    private static Asked asked(Request r) {
        return new Asked(r.id(), r.studentId(), r.blockId(), r.staffId(), r.focus(), r.modality(),
                r.priorityOrDefault(), r.requestedBy());
    }
}
