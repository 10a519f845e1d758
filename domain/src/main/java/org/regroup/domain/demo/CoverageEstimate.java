package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.DayProblem;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.SpaceKind;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * A quick, solver-free estimate of whether a day can be covered: per block, the seats the adults who are in can
 * offer, against the students who are there. A ratio of 1.3 or more leaves the solver room to honour preferences;
 * below 1.0 someone cannot be placed (unless a catch-all takes them).
 *
 * <ul>
 *   <li>Skill blocks: a teacher or specialist runs a small group of 12, an aide supervises 30 at computers or in a
 *       studio (together no more than the labs and studios hold beyond any catch-all there), a tutor tutors one.</li>
 *   <li>Advisory: each advisor who is in runs a seminar of up to 20.</li>
 *   <li>Activities: each adult who may lead one of the offered activities' modalities takes a group of that
 *       modality's size.</li>
 * </ul>
 * Adults busy with a student's fixed commitment in the block do not count.
 */
public final class CoverageEstimate {

    public static final int SMALL_GROUP_SEATS = 12;
    public static final int SUPERVISED_SEATS = 30;
    public static final int ADVISORY_SEATS = 20;

    /** One block: students present, seats offered, and seats per student. */
    public record BlockCoverage(String blockId, BlockKind kind, int present, int seats) {
        public double ratio() {
            return present == 0 ? Double.POSITIVE_INFINITY : seats / (double) present;
        }
    }

    private CoverageEstimate() {
    }

    public static List<BlockCoverage> of(DayProblem problem) {
        List<BlockCoverage> result = new ArrayList<>();
        for (TimeBlock block : problem.blocks()) {
            int present = (int) problem.students().stream().filter(s -> s.availableIn(block.id())).count();
            List<Staff> in = adultsIn(problem, block.id());
            int seats = switch (block.kindOrDefault()) {
                case SKILLS -> skillSeats(problem, block.id(), in);
                case ADVISORY -> advisorySeats(problem, in);
                case ACTIVITIES -> activitySeats(problem, block.id(), in);
            };
            result.add(new BlockCoverage(block.id(), block.kindOrDefault(), present, seats));
        }
        return result;
    }

    /** The lowest ratio among the blocks of a kind. */
    public static double minRatio(DayProblem problem, BlockKind kind) {
        return of(problem).stream().filter(c -> c.kind() == kind).mapToDouble(BlockCoverage::ratio).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    private static List<Staff> adultsIn(DayProblem p, String blockId) {
        Set<String> busy = new HashSet<>();
        p.students().forEach(s -> s.commitments().stream()
                .filter(c -> blockId.equals(c.blockId()) && c.staffId() != null).forEach(c -> busy.add(c.staffId())));
        return p.staff().stream().filter(s -> s.availableIn(blockId) && !busy.contains(s.id())).toList();
    }

    private static int skillSeats(DayProblem p, String blockId, List<Staff> in) {
        int seats = 0;
        int aides = 0;
        for (Staff s : in) {
            switch (s.role()) {
                case TEACHER, SPECIALIST -> seats += SMALL_GROUP_SEATS;
                case TUTOR -> seats += 1;
                case AIDE -> aides++;
                case COUNSELOR -> { } // no content qualification: not in skill blocks
            }
        }
        return seats + Math.min(aides * SUPERVISED_SEATS, supervisedRoom(p, blockId));
    }

    /** Lab and studio seats left after any catch-all in them. */
    private static int supervisedRoom(DayProblem p, String blockId) {
        int room = 0;
        for (Space space : p.spaces()) {
            boolean supervisedSpace = space.kind() == SpaceKind.STUDIO || space.features().contains("computers");
            if (supervisedSpace && space.availableIn(blockId)) {
                room += space.capacity() - catchAllIn(p.school(), space, blockId);
            }
        }
        return room;
    }

    private static int catchAllIn(School school, Space space, String blockId) {
        return school.catchAll().stream().filter(c -> c.spaceId().equals(space.id()) && c.coversBlock(blockId))
                .mapToInt(c -> c.capacity() == null ? space.capacity() : c.capacity()).sum();
    }

    private static int advisorySeats(DayProblem p, List<Staff> in) {
        Set<String> advisors = new HashSet<>();
        p.students().stream().map(Student::advisorId).filter(Objects::nonNull).forEach(advisors::add);
        return (int) in.stream().filter(s -> advisors.contains(s.id())).count() * ADVISORY_SEATS;
    }

    private static int activitySeats(DayProblem p, String blockId, List<Staff> in) {
        ModalityCatalog catalog = ModalityCatalog.of(p.modalities());
        Set<String> offered = new HashSet<>();
        p.activities().stream().filter(a -> a.offeredIn(blockId)).map(Activity::modalities).forEach(offered::addAll);
        int seats = 0;
        for (Staff s : in) {
            List<String> leads = s.modalities() != null ? s.modalities() : ModalityCatalog.roleDefaults(s.role());
            seats += leads.stream().filter(offered::contains).map(catalog::get).filter(Objects::nonNull)
                    .filter(m -> ModalityCatalog.mayLead(s.role(), m.leadership()))
                    .filter(m -> !Boolean.TRUE.equals(m.offSite()) || s.maySuperviseOffSite())
                    .mapToInt(CoverageEstimate::groupSize).max().orElse(0);
        }
        return seats;
    }

    private static int groupSize(ModalitySpec m) {
        return Math.min(m.maxSize(), m.studentsPerAdult());
    }
}
