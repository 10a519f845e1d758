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
final class StaffPlanner {

    private static final String MATH = DayLayout.SUBJECT;
    private static final int BAND_WIDTH = 4;

    private final Sizing size;
    private final List<TimeBlock> blocks;
    private final int minLevel;
    private final int maxLevel;
    private final boolean offSite;
    private final Draw draw;

    StaffPlanner(Sizing size, List<TimeBlock> blocks, int minLevel, int maxLevel, boolean offSite, Draw draw) {
        this.size = size;
        this.blocks = blocks;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.offSite = offSite;
        this.draw = draw;
    }

    /** @param workingLevels the grade level each student works at, to staff the bands where the students are */
    List<Staff> staff(List<Integer> workingLevels) {
        List<Staff> staff = new ArrayList<>();
        List<int[]> bands = bands();
        int[] perBand = teachersPerBand(bands, workingLevels);
        Set<Integer> partTime = partTimers(size.teachers(), Draw.share(0.12, size.teachers()));
        int t = 0;
        for (int b = 0; b < bands.size(); b++) {
            for (int k = 0; k < perBand[b]; k++, t++) {
                staff.add(person("T", t, StaffRole.TEACHER, bands.get(b), morningIf(partTime.contains(t)),
                        draw.chance(0.7) ? 6 : 5, 25, offSite ? 0.7 : 0.3, 420.0));
            }
        }
        int[] wide = {minLevel, maxLevel};
        Set<Integer> partAides = partTimers(size.aides(), Draw.share(0.10, size.aides()));
        for (int i = 0; i < size.aides(); i++) {
            staff.add(person("A", i, StaffRole.AIDE, null, afternoonIf(partAides.contains(i)), null, 35,
                    offSite ? 1.0 : 0.5, 180.0));
        }
        Set<Integer> partSpecialists = partTimers(size.specialists(), size.specialists() / 2);
        for (int i = 0; i < size.specialists(); i++) {
            staff.add(person("SP", i, StaffRole.SPECIALIST, wide, morningIf(partSpecialists.contains(i)), 6, 12, 0,
                    460.0));
        }
        // tutors are the typical part-timers: at least one works afternoons only
        Set<Integer> partTutors = partTimers(size.tutors(), (size.tutors() + 1) / 2);
        for (int i = 0; i < size.tutors(); i++) {
            staff.add(person("TU", i, StaffRole.TUTOR, wide, afternoonIf(partTutors.contains(i)), 6, 16, 0, 220.0));
        }
        Set<Integer> partCounselors = partTimers(size.counselors(), size.counselors() / 2);
        for (int i = 0; i < size.counselors(); i++) {
            staff.add(person("CO", i, StaffRole.COUNSELOR, null, morningIf(partCounselors.contains(i)), 4, 20, 0,
                    440.0));
        }
        return staff;
    }

    private Staff person(String prefix, int index, StaffRole role, int[] band, List<String> availableBlocks,
            Integer maxBlocks, int maxStudents, double offSiteShare, double cost) {
        List<Qualification> qualifications = band == null ? List.of() : List.of(new Qualification(MATH, band[0],
                band[1]));
        return new Staff(String.format("%s%02d", prefix, index + 1), Names.next(draw), role, qualifications, null,
                availableBlocks, maxBlocks, maxStudents, List.of(), draw.chance(offSiteShare), cost);
    }

    /**
     * Overlapping grade bands of four levels, two apart, covering every level a student works at; one band of all
     * levels when there are fewer teachers than bands.
     */
    private List<int[]> bands() {
        List<int[]> bands = new ArrayList<>();
        if (maxLevel - minLevel >= BAND_WIDTH) {
            for (int lo = minLevel; lo + BAND_WIDTH - 1 < maxLevel; lo += 2) {
                bands.add(new int[] {lo, lo + BAND_WIDTH - 1});
            }
            bands.add(new int[] {maxLevel - BAND_WIDTH + 1, maxLevel});
        }
        if (bands.isEmpty() || size.teachers() < bands.size()) {
            return List.<int[]>of(new int[] {minLevel, maxLevel});
        }
        return bands;
    }

    /** Teachers in proportion to the students working in each band (largest remainder), at least one per band. */
    private int[] teachersPerBand(List<int[]> bands, List<Integer> levels) {
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
        int free = size.teachers() - n;
        double total = levels.size();
        double[] remainder = new double[n];
        int given = 0;
        for (int b = 0; b < n; b++) {
            double exact = free * demand[b] / total;
            counts[b] = 1 + (int) exact;
            remainder[b] = exact - (int) exact;
            given += counts[b];
        }
        while (given < size.teachers()) {
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

    /** Certified part-timers work mornings: they are in for advisory and can keep their advisees. */
    private List<String> morningIf(boolean partTime) {
        return partTime ? blocks.subList(0, halfDay()).stream().map(TimeBlock::id).toList() : null;
    }

    private List<String> afternoonIf(boolean partTime) {
        return partTime ? blocks.subList(blocks.size() - halfDay(), blocks.size()).stream().map(TimeBlock::id).toList()
                : null;
    }

    /** Part-timers work a little over half the day, so morning and afternoon shifts overlap by a block or two. */
    private int halfDay() {
        return blocks.size() / 2 + 1;
    }
}
