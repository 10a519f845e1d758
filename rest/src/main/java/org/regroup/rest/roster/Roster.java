package org.regroup.rest.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.regroup.domain.StaffRole;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.PlanDiff;

/**
 * One adult's day in a plan, block by block: the group they lead or supervise (session, modality, focus), where, and
 * the students with the focus each works on and the accommodations to honour. Built by {@link Rosters#of}; written
 * as JSON, CSV, printable HTML and iCalendar ({@code GET /api/plans/{id}/rosters/{staffId}}, docs/api.md).
 *
 * <p>Student names are in it (rosters are for staff): never log a roster.
 *
 * @param planId    the plan the roster is cut from
 * @param problemId the day problem's id (may be absent)
 * @param date      the school day (absent when the day problem gives none)
 * @param school    the school's name (its id when it has none; may be absent)
 * @param staff     whose roster
 * @param blocks    every block of the day in day order; a block where the adult has two groups (two catch-alls to
 *                  supervise) appears twice
 * @param stamp     for a stored version of a school's day: which version, its status and when it was made (absent
 *                  for a plan of the server's alone)
 * @param changes   for a stored version: this adult's students who move since the version it revises (gained or
 *                  lost, another skill, space or modality); empty when nothing changed or there is no earlier version
 */
public record Roster(String planId, String problemId, LocalDate date, String school, StaffMember staff,
        List<BlockRoster> blocks, Stamp stamp, List<PlanDiff.Move> changes) {

    public Roster {
        blocks = List.copyOf(blocks);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * Which stored version a roster or day card is cut from.
     *
     * @param since the version it is compared with for {@code changes} (null: none)
     */
    public record Stamp(int version, String status, Instant madeAt, Integer since) {
    }

    /** This roster as cut from a stored version, with the moves since the version it revises that touch it. */
    public Roster stamped(Stamp stamp, List<PlanDiff.Move> dayMoves) {
        List<PlanDiff.Move> mine = dayMoves.stream().filter(m -> staff.id().equals(m.staffBefore())
                || staff.id().equals(m.staffAfter())).toList();
        return new Roster(planId, problemId, date, school, staff, blocks, stamp, mine);
    }

    /** The adult: id, display name (absent when the day problem gives none) and role. */
    public record StaffMember(String id, String name, StaffRole role) {

        /** The name, or the id when there is none. */
        public String displayName() {
            return name == null || name.isBlank() ? id : name;
        }
    }

    /** What the adult does in a block. */
    public enum Status {
        /** Leads or supervises a group: {@code session}, {@code space} and {@code students} say which. */
        @JsonProperty("group") GROUP,
        /** Works the block but has no group in this plan. */
        @JsonProperty("free") FREE,
        /** Does not work this block ({@code availableBlocks}). */
        @JsonProperty("away") AWAY,
        /** With students on a fixed commitment outside the plan; {@code note} is its description. */
        @JsonProperty("commitment") COMMITMENT,
        /** Supervises a catch-all that nobody was sent to (with students it is a {@code group}). */
        @JsonProperty("catch-all") CATCH_ALL,
        /** Travelling to or from their off-site group in the neighbouring block. */
        @JsonProperty("travel") TRAVEL
    }

    /**
     * One block of the adult's day.
     *
     * @param session  the group (status {@code group} only)
     * @param space    where: the group's space, the commitment's, the catch-all's, the site travelled to
     * @param students the group's students (or those on the commitment), in the plan's order
     * @param note     a commitment's description, where travel goes
     */
    public record BlockRoster(String blockId, LocalTime start, LocalTime end, Status status, Group session,
            Place space, List<Member> students, String note) {

        public BlockRoster {
            students = students == null ? List.of() : List.copyOf(students);
        }
    }

    /**
     * A session the adult leads or supervises.
     *
     * @param modalityName the modality's display name (the school's catalog, else the standard one, else the id)
     * @param focus        what the whole group works on; absent where each student works on their own (each
     *                     student's {@code focus} says)
     */
    public record Group(String id, String modality, String modalityName, Focus focus, boolean catchAll) {
    }

    /** A space: id, name (the id when it has none) and whether it is off site. */
    public record Place(String id, String name, boolean offSite) {
    }

    /**
     * A student in the group.
     *
     * @param name           display name (absent when the day problem gives none)
     * @param focus          what this student works on: the group's focus, or their own in modalities where each
     *                       works on their own
     * @param accommodations the student's accommodations in words ("quiet space", "needs 2 staff-led blocks", "45
     *                       min 1:1", "no off-site", "max 1 online block")
     * @param why            why this student works on it, in a short line ("one of their goals · ready: every
     *                       prerequisite mastered · mastery 0.42"); absent when the day does not say
     */
    public record Member(String id, String name, Focus focus, List<String> accommodations,
            @JsonInclude(JsonInclude.Include.NON_NULL) String why) {

        public Member {
            accommodations = accommodations == null ? List.of() : List.copyOf(accommodations);
        }

        public Member(String id, String name, Focus focus, List<String> accommodations) {
            this(id, name, focus, accommodations, null);
        }

        /** The name, or the id when there is none. */
        public String displayName() {
            return name == null || name.isBlank() ? id : name;
        }
    }
}
