package org.regroup.solver.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A student as the solver sees them: options per block, accommodations, preferences and relations. */
public final class Learner {

    private final String id;
    private final int index;
    private final int grade;
    private final Adult advisor;
    private int minStaffLedBlocks;
    private int oneToOneMinutes;
    /** The longest block the student is in: 1:1 time short is counted in blocks of this length (at least 1). */
    private int longestBlockMinutes = 1;
    private final boolean noOffSite;
    private final boolean quietSpace;
    private final int maxOnlineBlocks;
    private final boolean behind;
    private final boolean hasGoals;
    private final Set<Mode> prefers;
    private final Set<Mode> avoids;
    private Set<Learner> keepApart = Set.of();
    private Set<Learner> peers = Set.of();
    private boolean mayTravel;
    /** "focus|modality" pairs the student had on each of the last two school days (set by a re-plan, see History). */
    private Set<String> twoDaysRunning = Set.of();
    /** Options by period index; null where the student is not in the block. */
    private final Option[][] optionsByPeriod;
    private final Option[] bestByPeriod;
    /** Per period, the options sorted by focus index and those indexes: {@link #option} is a binary search. */
    private final Option[][] byFocusByPeriod;
    private final int[][] focusIndexesByPeriod;
    /**
     * Per period and modality ({@link Mode#getIndex()}), the eligible options whose focus runs in it: what a group's
     * focus is chosen among, on every move (GroupSummary). Set when the day is assembled ({@link #indexModes}).
     */
    private Option[][][] eligibleByPeriodAndMode = new Option[0][][];
    /**
     * {@link #prefers} and {@link #avoids} as bits by {@link Mode#getIndex()} (set with the mode index): asked for
     * every member on every move, where a set lookup showed in the profile.
     */
    private long prefersBits;
    private long avoidsBits;
    private boolean modeBits;

    public Learner(String id, int index, int grade, Adult advisor, int minStaffLedBlocks, int oneToOneMinutes, boolean noOffSite,
            boolean quietSpace, int maxOnlineBlocks, boolean behind, boolean hasGoals, Set<Mode> prefers,
            Set<Mode> avoids, Option[][] optionsByPeriod) {
        this.id = id;
        this.index = index;
        this.grade = grade;
        this.advisor = advisor;
        this.minStaffLedBlocks = minStaffLedBlocks;
        this.oneToOneMinutes = oneToOneMinutes;
        this.noOffSite = noOffSite;
        this.quietSpace = quietSpace;
        this.maxOnlineBlocks = maxOnlineBlocks;
        this.behind = behind;
        this.hasGoals = hasGoals;
        this.prefers = Set.copyOf(prefers);
        this.avoids = Set.copyOf(avoids);
        this.optionsByPeriod = optionsByPeriod;
        this.bestByPeriod = new Option[optionsByPeriod.length];
        for (int i = 0; i < optionsByPeriod.length; i++) {
            Option[] options = optionsByPeriod[i];
            if (options != null && options.length > 0) {
                bestByPeriod[i] = Arrays.stream(options).max(Comparator.comparingLong(Option::rank)).orElseThrow();
            }
        }
        this.byFocusByPeriod = new Option[optionsByPeriod.length][];
        this.focusIndexesByPeriod = new int[optionsByPeriod.length][];
        for (int i = 0; i < optionsByPeriod.length; i++) {
            if (optionsByPeriod[i] != null) {
                Option[] sorted = optionsByPeriod[i].clone();
                Arrays.sort(sorted, Comparator.comparingInt(o -> o.focus().getIndex()));
                byFocusByPeriod[i] = sorted;
                focusIndexesByPeriod[i] = Arrays.stream(sorted).mapToInt(o -> o.focus().getIndex()).toArray();
            }
        }
    }

    /** Groups the student's eligible options by the modalities they run in (once, when the day is assembled). */
    void indexModes(List<Mode> modes) {
        Option[][][] index = new Option[optionsByPeriod.length][][];
        for (int p = 0; p < optionsByPeriod.length; p++) {
            if (optionsByPeriod[p] == null) {
                continue;
            }
            index[p] = new Option[modes.size()][];
            for (Mode mode : modes) {
                index[p][mode.getIndex()] = Arrays.stream(optionsByPeriod[p])
                        .filter(o -> o.eligibleIn(mode)).toArray(Option[]::new);
            }
        }
        this.eligibleByPeriodAndMode = index;
        if (modes.size() <= Long.SIZE) {
            prefersBits = 0;
            avoidsBits = 0;
            for (Mode mode : modes) {
                prefersBits |= prefers.contains(mode) ? 1L << mode.getIndex() : 0;
                avoidsBits |= avoids.contains(mode) ? 1L << mode.getIndex() : 0;
            }
            modeBits = true;
        }
    }

    /** Eligible options whose focus runs in {@code mode} (empty when the student is not in the block). */
    public Option[] eligibleIn(Period period, Mode mode) {
        Option[] options = optionsByPeriod[period.getIndex()];
        if (options == null) {
            return NO_OPTIONS;
        }
        Option[][] byMode = period.getIndex() < eligibleByPeriodAndMode.length
                ? eligibleByPeriodAndMode[period.getIndex()] : null;
        if (byMode == null || mode.getIndex() < 0 || mode.getIndex() >= byMode.length
                || byMode[mode.getIndex()] == null) {
            // Not assembled into a day (a unit test's learner): filter now.
            return Arrays.stream(options).filter(o -> o.eligibleIn(mode)).toArray(Option[]::new);
        }
        return byMode[mode.getIndex()];
    }

    private static final Option[] NO_OPTIONS = new Option[0];

    /**
     * Lowers the staff-led and 1:1 minimums to what the student's day can still give (a student gone home whose
     * blocks have all happened: what they got is all they will get). Only while a day is prepared, before it is
     * solved; never raises them.
     */
    public void capMinimums(int staffLedBlocks, int oneToOneMinutes) {
        this.minStaffLedBlocks = Math.min(this.minStaffLedBlocks, staffLedBlocks);
        this.oneToOneMinutes = Math.min(this.oneToOneMinutes, oneToOneMinutes);
    }

    /** Set once while the day is built: the longest block the student is present in, in minutes. */
    public void setLongestBlockMinutes(int minutes) {
        this.longestBlockMinutes = Math.max(1, minutes);
    }

    public int getLongestBlockMinutes() {
        return longestBlockMinutes;
    }

    /**
     * How many blocks of 1:1 time the student is still owed with {@code minutes} given: the fewest of their blocks
     * that would close the gap. A block is the unit every other rule counts in (a student in a group too many, a
     * staff-led block short), so a missing 1:1 block never outweighs the caps that make 1:1 time what it is.
     */
    public int oneToOneBlocksShort(int minutes) {
        int shortMinutes = oneToOneMinutes - minutes;
        return shortMinutes <= 0 ? 0 : (shortMinutes + longestBlockMinutes - 1) / longestBlockMinutes;
    }

    /** Relations are set after all learners exist (they point at each other). */
    public void relate(Set<Learner> keepApart, Set<Learner> peers) {
        this.keepApart = Set.copyOf(keepApart);
        this.peers = Set.copyOf(peers);
    }

    public String getId() {
        return id;
    }

    /** Position in the day's student list: a stable order for groups. */
    public int getIndex() {
        return index;
    }

    public int getGrade() {
        return grade;
    }

    public Adult getAdvisor() {
        return advisor;
    }

    public int getMinStaffLedBlocks() {
        return minStaffLedBlocks;
    }

    public int getOneToOneMinutes() {
        return oneToOneMinutes;
    }

    public boolean isNoOffSite() {
        return noOffSite;
    }

    public boolean isQuietSpace() {
        return quietSpace;
    }

    /** {@code Integer.MAX_VALUE} when unlimited. */
    public int getMaxOnlineBlocks() {
        return maxOnlineBlocks;
    }

    public boolean hasDayAccommodations() {
        return minStaffLedBlocks > 0 || oneToOneMinutes > 0 || maxOnlineBlocks != Integer.MAX_VALUE;
    }

    /** Working below grade level: equity gives them targeted adult time first. */
    public boolean isBehind() {
        return behind;
    }

    public boolean hasGoals() {
        return hasGoals;
    }

    public boolean prefers(Mode mode) {
        return hasBit(mode) ? (prefersBits >>> mode.getIndex() & 1) != 0 : prefers.contains(mode);
    }

    /** The mode is one of the day's modes, whose bits were set when the day was assembled. */
    private boolean hasBit(Mode mode) {
        return modeBits && mode.getIndex() >= 0 && mode.getIndex() < Long.SIZE;
    }

    public boolean hasPreferences() {
        return !prefers.isEmpty();
    }

    public boolean avoids(Mode mode) {
        return hasBit(mode) ? (avoidsBits >>> mode.getIndex() & 1) != 0 : avoids.contains(mode);
    }

    public Set<Learner> getKeepApart() {
        return keepApart;
    }

    /** Could be placed at an off-site space with travel time (set when the day is assembled). */
    public boolean mayTravel() {
        return mayTravel;
    }

    void markMayTravel() {
        this.mayTravel = true;
    }

    public Set<Learner> getPeers() {
        return peers;
    }

    public void setTwoDaysRunning(Set<String> pairs) {
        this.twoDaysRunning = Set.copyOf(pairs);
    }

    public boolean hasTwoDaysRunning() {
        return !twoDaysRunning.isEmpty();
    }

    /** The student worked on this focus in this modality on each of the last two days. */
    public boolean hadTwoDaysRunning(String focusId, String modeId) {
        return twoDaysRunning.contains(focusId + "|" + modeId);
    }

    /** Present in the block (in school, not on a fixed commitment). */
    public boolean isIn(Period period) {
        return optionsByPeriod[period.getIndex()] != null;
    }

    /** What the student could work on in this block (empty if nothing). */
    public List<Option> options(Period period) {
        Option[] options = optionsByPeriod[period.getIndex()];
        return options == null ? List.of() : Arrays.asList(options);
    }

    /** The student's own option for a focus in this block, or null when it is not one of theirs. */
    public Option option(Period period, Focus focus) {
        int[] indexes = focusIndexesByPeriod[period.getIndex()];
        if (indexes == null || focus == null) {
            return null;
        }
        int at = Arrays.binarySearch(indexes, focus.getIndex());
        return at < 0 ? null : byFocusByPeriod[period.getIndex()][at];
    }

    /** The student's best option in the block (what they work on when working on their own). */
    public Option best(Period period) {
        return bestByPeriod[period.getIndex()];
    }

    @Override
    public String toString() {
        return id;
    }
}
