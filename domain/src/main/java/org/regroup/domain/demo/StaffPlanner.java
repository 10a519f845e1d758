package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regroup.domain.Qualification;
import org.regroup.domain.Staff;
import org.regroup.domain.StaffRole;
import org.regroup.domain.TimeBlock;

/** The adults of a generated school: who they are, what they may teach, when they work, what they cost. */
public final class StaffPlanner {

    private static final String MATH = DayLayout.SUBJECT;
    private static final int BAND_WIDTH = 4;

    private final List<StaffGroup> groups;
    private final List<TimeBlock> blocks;
    private final int minLevel;
    private final int maxLevel;
    private final Draw draw;

    StaffPlanner(Sizing size, List<TimeBlock> blocks, int minLevel, int maxLevel, boolean offSite, Draw draw) {
        this(groups(size, offSite), blocks, minLevel, maxLevel, draw);
    }

    /** @param groups the adults role by role, in the order they are drawn */
    public StaffPlanner(List<StaffGroup> groups, List<TimeBlock> blocks, int minLevel, int maxLevel, Draw draw) {
        this.groups = List.copyOf(groups);
        this.blocks = blocks;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.draw = draw;
    }

    /**
     * The demo schools' adults: ~12% of teachers and ~10% of aides part-time, half the specialists and counselors
     * (mornings) and tutors (afternoons); most teachers may teach 6 blocks, some 5.
     */
    private static List<StaffGroup> groups(Sizing size, boolean offSite) {
        return List.of(
                new StaffGroup(StaffRole.TEACHER, size.teachers(), Draw.share(0.12, size.teachers()),
                        StaffGroup.Shift.MORNING, null, new StaffGroup.TeachingLimit(6, 5, 0.7), 25,
                        offSite ? 0.7 : 0.3, 420.0, StaffGroup.Qualified.BANDS),
                new StaffGroup(StaffRole.AIDE, size.aides(), Draw.share(0.10, size.aides()),
                        StaffGroup.Shift.AFTERNOON, null, StaffGroup.TeachingLimit.NONE, 35, offSite ? 1.0 : 0.5,
                        180.0, StaffGroup.Qualified.NONE),
                new StaffGroup(StaffRole.SPECIALIST, size.specialists(), size.specialists() / 2,
                        StaffGroup.Shift.MORNING, null, StaffGroup.TeachingLimit.of(6), 12, 0, 460.0,
                        StaffGroup.Qualified.ALL_LEVELS),
                // tutors are the typical part-timers: at least one works afternoons only
                new StaffGroup(StaffRole.TUTOR, size.tutors(), (size.tutors() + 1) / 2, StaffGroup.Shift.AFTERNOON,
                        null, StaffGroup.TeachingLimit.of(6), 16, 0, 220.0, StaffGroup.Qualified.ALL_LEVELS),
                new StaffGroup(StaffRole.COUNSELOR, size.counselors(), size.counselors() / 2,
                        StaffGroup.Shift.MORNING, null, StaffGroup.TeachingLimit.of(4), 20, 0, 440.0,
                        StaffGroup.Qualified.NONE));
    }

    /** @param workingLevels the grade level each student works at, to staff the bands where the students are */
    public List<Staff> staff(List<Integer> workingLevels) {
        List<Staff> staff = new ArrayList<>();
        for (StaffGroup group : groups) {
            List<int[]> levels = levelsOf(group, workingLevels);
            Set<Integer> partTime = partTimers(group.count(), group.partTime());
            for (int i = 0; i < group.count(); i++) {
                // the limit is drawn before the name, as it always was: a preset's adults stay who they were
                Integer maxBlocks = group.limit().draw(draw);
                staff.add(person(group, i, levels.get(i), shiftIf(group, partTime.contains(i)), maxBlocks));
            }
        }
        return staff;
    }

    /** The levels each adult of the group may teach (null: none). */
    private List<int[]> levelsOf(StaffGroup group, List<Integer> workingLevels) {
        List<int[]> levels = new ArrayList<>();
        switch (group.qualified()) {
            case BANDS -> {
                if (group.count() == 0) {
                    return levels;
                }
                List<int[]> bands = bands(group.count());
                int[] perBand = teachersPerBand(bands, workingLevels, group.count());
                for (int b = 0; b < bands.size(); b++) {
                    for (int k = 0; k < perBand[b]; k++) {
                        levels.add(bands.get(b));
                    }
                }
            }
            case ALL_LEVELS -> {
                for (int i = 0; i < group.count(); i++) {
                    levels.add(new int[] {minLevel, maxLevel});
                }
            }
            case NONE -> {
                for (int i = 0; i < group.count(); i++) {
                    levels.add(null);
                }
            }
        }
        return levels;
    }

    private Staff person(StaffGroup group, int index, int[] band, List<String> availableBlocks, Integer maxBlocks) {
        List<Qualification> qualifications = band == null ? List.of() : List.of(new Qualification(MATH, band[0],
                band[1]));
        return new Staff(String.format("%s%02d", group.idPrefix(), index + 1), Names.next(draw), group.role(),
                qualifications, null, availableBlocks, maxBlocks, group.maxStudents(), List.of(),
                draw.chance(group.offSiteShare()), group.costPerDay());
    }

    /**
     * Overlapping grade bands of four levels, two apart, covering every level a student works at; one band of all
     * levels when there are fewer teachers than bands.
     */
    private List<int[]> bands(int teachers) {
        List<int[]> bands = new ArrayList<>();
        if (maxLevel - minLevel >= BAND_WIDTH) {
            for (int lo = minLevel; lo + BAND_WIDTH - 1 < maxLevel; lo += 2) {
                bands.add(new int[] {lo, lo + BAND_WIDTH - 1});
            }
            bands.add(new int[] {maxLevel - BAND_WIDTH + 1, maxLevel});
        }
        if (bands.isEmpty() || teachers < bands.size()) {
            return List.<int[]>of(new int[] {minLevel, maxLevel});
        }
        return bands;
    }

    /** Teachers in proportion to the students working in each band (largest remainder), at least one per band. */
    private int[] teachersPerBand(List<int[]> bands, List<Integer> levels, int teachers) {
        double[] demand = new double[bands.size()];
        for (int level : levels) {
            List<Integer> covering = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                if (level >= bands.get(b)[0] && level <= bands.get(b)[1]) {
                    covering.add(b);
                }
            }
            covering.forEach(b -> demand[b] += 1.0 / covering.size());
        }
        int n = bands.size();
        int[] counts = new int[n];
        int free = teachers - n;
        double total = levels.size();
        double[] remainder = new double[n];
        int given = 0;
        for (int b = 0; b < n; b++) {
            double exact = free * demand[b] / total;
            counts[b] = 1 + (int) exact;
            remainder[b] = exact - (int) exact;
            given += counts[b];
        }
        while (given < teachers) {
            int best = 0;
            for (int b = 1; b < n; b++) {
                if (remainder[b] > remainder[best]) {
                    best = b;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        return counts;
    }

    private Set<Integer> partTimers(int of, int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < of; i++) {
            all.add(i);
        }
        return new HashSet<>(draw.sample(all, count));
    }

    /** A part-timer's blocks: the first or last {@code shiftBlocks} of the day; null (every block) for others. */
    private List<String> shiftIf(StaffGroup group, boolean partTime) {
        if (!partTime) {
            return null;
        }
        int n = group.shiftBlocks() == null ? halfDay() : Math.min(group.shiftBlocks(), blocks.size());
        List<TimeBlock> shift = group.shift() == StaffGroup.Shift.MORNING ? blocks.subList(0, n)
                : blocks.subList(blocks.size() - n, blocks.size());
        return shift.stream().map(TimeBlock::id).toList();
    }

    /** Part-timers work a little over half the day, so morning and afternoon shifts overlap by a block or two. */
    private int halfDay() {
        return blocks.size() / 2 + 1;
    }
}
