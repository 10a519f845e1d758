package org.regroup.solver.constraints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.regroup.solver.model.Adult;
import org.regroup.solver.model.Room;
import org.regroup.solver.model.Session;

/** An adult's sessions that have students, in day order: their teaching load, room changes and travel. */
public record AdultDay(Adult adult, List<Session> sessions) {

    private static final Comparator<Session> IN_DAY_ORDER = Comparator.comparingInt(s -> s.getPeriod().getIndex());

    public AdultDay {
        Session[] ordered = sessions.toArray(Session[]::new);
        java.util.Arrays.sort(ordered, IN_DAY_ORDER);
        sessions = List.of(ordered);
    }

    public int teachingBlocks() {
        return sessions.size();
    }

    /** Back-to-back sessions in different rooms. */
    public List<Session> roomChanges() {
        List<Session> changes = new ArrayList<>();
        for (int i = 1; i < sessions.size(); i++) {
            Session before = sessions.get(i - 1);
            Session now = sessions.get(i);
            if (adjacent(before, now) && before.getRoom() != null && now.getRoom() != null
                    && before.getRoom() != now.getRoom()) {
                changes.add(now);
            }
        }
        return changes;
    }

    /** Sessions next to an off-site one whose travel time does not fit between the blocks, in another room. */
    public List<Session> travelConflicts() {
        List<Session> conflicts = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            Room site = s.getRoom();
            if (site == null || !site.isOffSite() || site.getTravelMinutes() == 0) {
                continue;
            }
            if (i > 0 && adjacent(sessions.get(i - 1), s) && sessions.get(i - 1).getRoom() != site
                    && site.getTravelMinutes() > s.getPeriod().getGapBeforeMinutes()) {
                conflicts.add(sessions.get(i - 1));
            }
            if (i + 1 < sessions.size() && adjacent(s, sessions.get(i + 1)) && sessions.get(i + 1).getRoom() != site
                    && site.getTravelMinutes() > s.getPeriod().getGapAfterMinutes()) {
                conflicts.add(sessions.get(i + 1));
            }
        }
        return conflicts;
    }

    private static boolean adjacent(Session before, Session after) {
        return after.getPeriod().getIndex() == before.getPeriod().getIndex() + 1;
    }
}
