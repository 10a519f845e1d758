package org.regroup.rest.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import org.regroup.domain.DayProblem;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;
import org.regroup.domain.plan.StudentDay;
import org.regroup.rest.days.StoredVersions;
import org.regroup.rest.roster.Roster;
import org.regroup.rest.roster.RosterCalendarWriter;
import org.regroup.rest.roster.Rosters;
import org.regroup.store.CalendarFeeds;
import org.regroup.store.PlanVersions;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;

/**
 * The events of a feed: the person's blocks in each day's <em>published</em> version within the window (drafts
 * never). An adult's are their roster's groups, with the same words as the roster's calendar (students' names
 * included: a roster is for staff); a student's are their own blocks only — modality, skill, space and the adult's
 * name, never another student.
 */
final class FeedDays {

    /** The events, by day and time, and the students they name (for the audit log). */
    record Events(List<FeedEvent> events, Set<String> students) {
    }

    private final SchoolStore store;
    private final StoredVersions stored;

    FeedDays(SchoolStore store, StoredVersions stored) {
        this.store = store;
        this.stored = stored;
    }

    Events of(Schools.SchoolRecord school, CalendarFeeds.Feed feed, LocalDate from, LocalDate to) {
        List<FeedEvent> events = new ArrayList<>();
        Set<String> students = new TreeSet<>();
        for (PlanVersions.DaySummary d : store.versions().days(school.id())) {
            if (d.published() == null || d.day().isBefore(from) || d.day().isAfter(to)) {
                continue;
            }
            StoredVersions.StoredVersion v;
            try {
                v = stored.read(school, d.day(), null); // the published version, never a draft
            } catch (NoSuchElementException | StoredVersions.NoPlanYetException gone) {
                continue; // published back to draft, or erased, since the list was read
            }
            if (feed.personKind() == CalendarFeeds.Kind.ADULT) {
                adult(v, d.day(), feed.personId(), events, students);
            } else {
                student(v, d.day(), feed.personId(), events);
                students.add(feed.personId());
            }
        }
        events.sort(Comparator.comparing(FeedEvent::day).thenComparing(FeedEvent::start)
                .thenComparing(FeedEvent::blockId));
        return new Events(events, students);
    }

    private static void adult(StoredVersions.StoredVersion v, LocalDate day, String staffId, List<FeedEvent> events,
            Set<String> students) {
        if (v.problem().staff().stream().noneMatch(s -> s.id().equals(staffId))) {
            return; // not in that day's plan
        }
        Roster roster = Rosters.of(v.label(), v.plan(), v.problem(), staffId);
        Map<String, Integer> seen = new HashMap<>();
        for (Roster.BlockRoster b : roster.blocks()) {
            if (!RosterCalendarWriter.isEvent(b)) {
                continue;
            }
            int n = seen.merge(b.blockId(), 1, Integer::sum);
            events.add(new FeedEvent(day, b.blockId(), n > 1 ? b.session().id() : null, b.start(), b.end(),
                    v.record().version(), v.record().updatedAt(), RosterCalendarWriter.summary(b),
                    b.space() == null ? null : b.space().name(), RosterCalendarWriter.description(b)));
            b.students().forEach(m -> students.add(m.id()));
        }
    }

    private static void student(StoredVersions.StoredVersion v, LocalDate day, String studentId,
            List<FeedEvent> events) {
        StudentDay mine = v.plan().students().stream().filter(s -> s.studentId().equals(studentId)).findFirst()
                .orElse(null);
        if (mine == null) {
            return;
        }
        DayProblem problem = v.problem();
        Map<String, TimeBlock> blocks = new HashMap<>();
        problem.blocks().forEach(b -> blocks.put(b.id(), b));
        Map<String, String> adults = new HashMap<>();
        problem.staff().forEach(s -> adults.put(s.id(), s.name() == null || s.name().isBlank() ? null : s.name()));
        Map<String, String> spaces = new HashMap<>();
        problem.spaces().forEach(s -> spaces.put(s.id(), s.name() == null || s.name().isBlank() ? s.id() : s.name()));
        ModalityCatalog modalities = ModalityCatalog.of(problem.modalities());
        for (StudentDay.Entry e : mine.blocks()) {
            TimeBlock block = blocks.get(e.blockId());
            boolean seated = e.status() == StudentDay.Status.PLACED || e.status() == StudentDay.Status.CATCH_ALL;
            if (!seated || e.sessionId() == null || block == null || block.start() == null || block.end() == null) {
                continue;
            }
            String how = e.modality() == null ? null : modalities.contains(e.modality())
                    && modalities.get(e.modality()).name() != null ? modalities.get(e.modality()).name()
                    : e.modality();
            String what = e.focus() == null ? null : e.focus().name() != null && !e.focus().name().isBlank()
                    ? e.focus().name() : e.focus().id();
            String summary = (how == null ? "Session" : how) + (what == null ? "" : ": " + what);
            String adult = e.staffId() == null ? null : adults.get(e.staffId());
            events.add(new FeedEvent(day, e.blockId(), null, block.start(), block.end(), v.record().version(),
                    v.record().updatedAt(), summary, e.spaceId() == null ? null : spaces.get(e.spaceId()),
                    adult == null ? null : "With " + adult));
        }
    }
}
