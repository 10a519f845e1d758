package org.regroup.domain.demo.shapes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.regroup.domain.Activity;
import org.regroup.domain.BlockKind;
import org.regroup.domain.Commitment;
import org.regroup.domain.DayProblem;
import org.regroup.domain.FocusKind;
import org.regroup.domain.ModalitySpec;
import org.regroup.domain.School;
import org.regroup.domain.Space;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.TimeBlock;
import org.regroup.domain.catalog.ModalityCatalog;

/**
 * The seat arithmetic of a day, block by block, from the day problem alone: the students present; the adults in; how
 * many students those adults can seat at once, each leading the largest group any modality they may lead allows (its
 * size cap, per-adult ratio and the adult's own cap), in rooms with the features it needs, no room over its capacity
 * or its groups; the fewest adults that seat everyone; the staff-led seats left while everyone is seated; quiet seats
 * against quiet needs. For the day: adult-blocks needed against teaching-block limits, staff-led blocks and 1:1 blocks
 * needed against what the adults have to spare.
 *
 * <p>These are counts, not a plan: grouping by skill, keep-apart pairs and qualifications can still stand in the way,
 * so the named shapes that should be placeable keep a margin. Rooms are given out greedily (largest groups first, each
 * where most of it fits), so at the margin a cleverer arrangement may seat a few more than {@code seats} says.
 */
public final class SeatArithmetic {

    /**
     * One block.
     *
     * @param seats         the most students the adults in can seat at once (catch-all seats included)
     * @param minAdults     the fewest adults that seat everyone present (adults + 1 when they cannot)
     * @param adultLedSeats seats if every adult who may lead a staff-led group led the largest one they can
     * @param staffLedSeats staff-led seats while everyone present is seated and the block's share of 1:1 runs
     */
    public record BlockSeats(String blockId, BlockKind kind, int present, int adults, int seats, int minAdults,
            int adultLedSeats, int staffLedSeats, int oneToOneSessions, int quietNeeds, int quietSeats) {

        public boolean everyoneSeated() {
            return seats >= present;
        }

        /** Adults beyond the fewest that seat everyone. */
        public int spareAdults() {
            return Math.max(0, adults - minAdults);
        }

        public double ratio() {
            return present == 0 ? Double.POSITIVE_INFINITY : seats / (double) present;
        }
    }

    /**
     * The day.
     *
     * @param teachingBlocks    adult-blocks the adults may teach (availability and teaching-block limits)
     * @param adultBlocksNeeded the sum over blocks of the fewest adults that seat everyone
     * @param staffLedNeed      staff-led blocks needed in skill blocks (beyond blocks where every session is
     *                          staff-led, such as advisory)
     * @param staffLedCapacity  staff-led seats in skill blocks while everyone is seated and the 1:1 need is served
     * @param oneToOneNeed      1:1 sessions needed (a session lasts a block)
     * @param oneToOneCapacity  adult-blocks to spare for 1:1 beyond seating everyone
     */
    public record DaySeats(List<BlockSeats> blocks, int teachingBlocks, int adultBlocksNeeded, int staffLedNeed,
            int staffLedCapacity, int oneToOneNeed, int oneToOneCapacity) {

        /** Seats for everyone in every block, and adults enough within their teaching-block limits. */
        public boolean everyoneSeated() {
            return blocks.stream().allMatch(BlockSeats::everyoneSeated) && adultBlocksNeeded <= teachingBlocks;
        }

        public boolean quietFits() {
            return blocks.stream().allMatch(b -> b.quietNeeds() <= b.quietSeats());
        }

        public boolean accommodationsFit() {
            return quietFits() && staffLedNeed <= staffLedCapacity && oneToOneNeed <= oneToOneCapacity;
        }

        /** Everyone seated and every accommodation served, by the counts. */
        public boolean placeable() {
            return everyoneSeated() && accommodationsFit();
        }

        /** The block with the fewest seats per present student. */
        public BlockSeats tightest() {
            return blocks.stream().filter(b -> b.present() > 0).min(Comparator.comparingDouble(BlockSeats::ratio))
                    .orElse(blocks.get(0));
        }

        public BlockSeats block(String id) {
            return blocks.stream().filter(b -> b.blockId().equals(id)).findFirst().orElseThrow();
        }
    }

    private final DayProblem day;
    private final ModalityCatalog catalog;

    private SeatArithmetic(DayProblem day) {
        this.day = day;
        this.catalog = ModalityCatalog.of(day.modalities());
    }

    public static DaySeats of(DayProblem day) {
        return new SeatArithmetic(day).count();
    }

    private DaySeats count() {
        List<BlockSeats> first = new ArrayList<>();
        for (TimeBlock b : day.blocks()) {
            first.add(block(b, 0));
        }
        int teachingBlocks = teachingBlocks();
        int needed = first.stream().mapToInt(b -> Math.min(b.minAdults(), b.adults())).sum();
        int oneToOneNeed = oneToOneNeed();
        int spareForDay = Math.max(0, teachingBlocks - needed);
        int[] reserved = spreadOneToOne(first, oneToOneNeed, spareForDay);
        int oneToOneCapacity = Math.min(spareForDay, first.stream().filter(b -> b.kind() == BlockKind.SKILLS)
                .mapToInt(b -> Math.min(b.spareAdults(), oneToOneLeaders(b.blockId()))).sum());
        List<BlockSeats> blocks = new ArrayList<>();
        for (int i = 0; i < day.blocks().size(); i++) {
            blocks.add(reserved[i] == 0 ? first.get(i) : block(day.blocks().get(i), reserved[i]));
        }
        int staffLedCapacity = blocks.stream().filter(b -> b.kind() == BlockKind.SKILLS)
                .mapToInt(BlockSeats::staffLedSeats).sum();
        return new DaySeats(blocks, teachingBlocks, needed, staffLedNeed(), staffLedCapacity, oneToOneNeed,
                oneToOneCapacity);
    }

    /** 1:1 sessions go to the skill blocks with the most adults to spare, one at a time. */
    private int[] spreadOneToOne(List<BlockSeats> blocks, int need, int dayBudget) {
        int[] reserved = new int[blocks.size()];
        for (int n = 0; n < Math.min(need, dayBudget); n++) {
            int best = -1;
            for (int i = 0; i < blocks.size(); i++) {
                BlockSeats b = blocks.get(i);
                int left = Math.min(b.spareAdults(), oneToOneLeaders(b.blockId())) - reserved[i];
                if (b.kind() == BlockKind.SKILLS && left > 0 && (best < 0 || left > Math.min(
                        blocks.get(best).spareAdults(), oneToOneLeaders(blocks.get(best).blockId())) - reserved[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            reserved[best]++;
        }
        return reserved;
    }

    private BlockSeats block(TimeBlock block, int oneToOne) {
        String id = block.id();
        int present = (int) day.students().stream().filter(s -> s.availableIn(id)).count();
        List<Staff> adults = adultsIn(id);
        List<List<Option>> any = new ArrayList<>();
        List<List<Option>> led = new ArrayList<>();
        for (Staff a : adults) {
            any.add(options(a, block, false));
            led.add(options(a, block, true));
        }
        int catchAllSeats = catchAllSeats(id);
        Allocation all = allocate(block, any);
        int minAdults = minAdults(block, any, present, catchAllSeats);
        Allocation allLed = allocate(block, led);
        int staffLed = staffLedWhileSeated(block, any, led, present, catchAllSeats, oneToOne);
        int quietNeeds = (int) day.students().stream()
                .filter(s -> s.availableIn(id) && s.accommodationsOrNone().quietSpace()).count();
        int quietSeats = rooms(block).stream().filter(r -> r.quiet).mapToInt(r -> r.capacity).sum();
        return new BlockSeats(id, block.kindOrDefault(), present, adults.size(), all.seats + catchAllSeats,
                minAdults, allLed.seats, staffLed, oneToOne, quietNeeds, quietSeats);
    }

    private static int largest(List<Option> options) {
        return options.stream().mapToInt(Option::size).max().orElse(0);
    }

    /** The fewest adults, largest groups first, that seat everyone present; adults + 1 when all of them cannot. */
    private int minAdults(TimeBlock block, List<List<Option>> any, int present, int catchAllSeats) {
        List<List<Option>> sorted = any.stream().filter(o -> !o.isEmpty())
                .sorted(Comparator.comparingInt(SeatArithmetic::largest).reversed()).toList();
        for (int k = 0; k <= sorted.size(); k++) {
            if (allocate(block, sorted.subList(0, k)).seats + catchAllSeats >= present) {
                return k;
            }
        }
        return any.size() + 1;
    }

    /**
     * Staff-led seats with everyone seated: {@code oneToOne} adults run 1:1, then adults switch to staff-led groups
     * only, those who lose the fewest seats first, while the seats still hold everyone.
     */
    private int staffLedWhileSeated(TimeBlock block, List<List<Option>> any, List<List<Option>> led, int present,
            int catchAllSeats, int oneToOne) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < any.size(); i++) {
            if (!led.get(i).isEmpty()) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> largest(any.get(i)) - largest(led.get(i)))
                .thenComparingInt(i -> i));
        // 1:1 goes to those who may lead it and lose the least: the smallest staff-led group, then the smallest group
        List<Integer> tutors = order.stream().filter(i -> leadsOneToOne(led.get(i).get(0).adult(), block))
                .sorted(Comparator.comparingInt((Integer i) -> largest(led.get(i)))
                        .thenComparingInt(i -> largest(any.get(i))).thenComparingInt(i -> i))
                .limit(oneToOne).toList();
        int top = 0;
        List<Integer> switchable = order.stream().filter(i -> !tutors.contains(i)).toList();
        for (int k = 0; k <= switchable.size(); k++) {
            List<List<Option>> chosen = new ArrayList<>(any);
            tutors.forEach(i -> chosen.set(i, List.of(new Option(led.get(i).get(0).adult(), 1, true, Set.of(),
                    false))));
            switchable.subList(0, k).forEach(i -> chosen.set(i, led.get(i)));
            Allocation a = allocate(block, chosen);
            if (a.seats + catchAllSeats >= present || k == 0) {
                top = Math.max(top, a.ledSeats);
            }
            if (a.seats + catchAllSeats < present) {
                break;
            }
        }
        return top;
    }

    /** A group an adult can lead in this block: its size, whether staff-led, the room features it needs. */
    private record Option(Staff adult, int size, boolean staffLed, Set<String> features, boolean offSite) {
    }

    private List<Option> options(Staff adult, TimeBlock block, boolean staffLedOnly) {
        List<Option> options = new ArrayList<>();
        Set<String> offered = offeredModalities(block);
        for (ModalitySpec m : leadable(adult)) {
            boolean staffLed = m.leadership().isStaffLed();
            if (staffLedOnly && !staffLed || !m.focusKinds().contains(focusKind(block))) {
                continue;
            }
            if (offered != null && !offered.contains(m.id())) {
                continue;
            }
            if (focusKind(block) == FocusKind.SKILL && staffLed && adult.qualifications().isEmpty()) {
                continue;
            }
            boolean offSite = Boolean.TRUE.equals(m.offSite());
            if (offSite && !adult.maySuperviseOffSite()) {
                continue;
            }
            int size = Math.min(m.maxSize(), m.studentsPerAdult());
            if (adult.maxStudents() != null) {
                size = Math.min(size, adult.maxStudents());
            }
            options.add(new Option(adult, size, staffLed, Set.copyOf(m.requiredFeatures()), offSite));
        }
        return options;
    }

    /** Activity blocks run only their activities' modalities; null: any. */
    private Set<String> offeredModalities(TimeBlock block) {
        if (block.kindOrDefault() != BlockKind.ACTIVITIES) {
            return null;
        }
        Set<String> offered = new HashSet<>();
        day.activities().stream().filter(a -> a.offeredIn(block.id())).map(Activity::modalities)
                .forEach(offered::addAll);
        return offered;
    }

    private static FocusKind focusKind(TimeBlock block) {
        return switch (block.kindOrDefault()) {
            case SKILLS -> FocusKind.SKILL;
            case ADVISORY -> FocusKind.ADVISORY;
            case ACTIVITIES -> FocusKind.ACTIVITY;
        };
    }

    private List<ModalitySpec> leadable(Staff adult) {
        List<String> ids = adult.modalities() != null ? adult.modalities() : ModalityCatalog.roleDefaults(adult.role());
        return ids.stream().map(catalog::get).filter(Objects::nonNull)
                .filter(m -> ModalityCatalog.mayLead(adult.role(), m.leadership())).toList();
    }

    private boolean leadsOneToOne(Staff adult, TimeBlock block) {
        return block.kindOrDefault() == BlockKind.SKILLS && !adult.qualifications().isEmpty()
                && leadable(adult).stream().anyMatch(m -> m.id().equals(ModalityCatalog.ONE_TO_ONE));
    }

    private int oneToOneLeaders(String blockId) {
        TimeBlock block = day.blocks().stream().filter(b -> b.id().equals(blockId)).findFirst().orElseThrow();
        return (int) adultsIn(blockId).stream().filter(a -> leadsOneToOne(a, block)).count();
    }

    /** Room left in a space this block: capacity and group slots after a commitment or a catch-all there. */
    private static final class Slot {
        final boolean offSite;
        final boolean quiet;
        final Set<String> features;
        int capacity;
        int groups;

        Slot(Space s) {
            this.offSite = s.offSite();
            this.quiet = s.features().contains("quiet");
            this.features = Set.copyOf(s.features());
            this.capacity = s.capacity();
            this.groups = s.maxGroupsOrDefault();
        }
    }

    private List<Slot> rooms(TimeBlock block) {
        String id = block.id();
        Set<String> committed = new HashSet<>();
        for (Student s : day.students()) {
            s.commitments().stream().filter(c -> id.equals(c.blockId()) && c.spaceId() != null)
                    .map(Commitment::spaceId).forEach(committed::add);
        }
        List<Slot> rooms = new ArrayList<>();
        for (Space s : day.spaces()) {
            if (!s.availableIn(id) || committed.contains(s.id()) && s.maxGroupsOrDefault() == 1) {
                continue;
            }
            Slot slot = new Slot(s);
            for (School.CatchAll c : day.school().catchAll()) {
                if (c.spaceId().equals(s.id()) && c.coversBlock(id)) {
                    slot.capacity -= c.capacity() == null ? s.capacity() : c.capacity();
                    slot.groups--;
                }
            }
            if (slot.capacity > 0 && slot.groups > 0) {
                rooms.add(slot);
            }
        }
        return rooms;
    }

    private int catchAllSeats(String blockId) {
        int seats = 0;
        for (School.CatchAll c : day.school().catchAll()) {
            Space s = day.spaces().stream().filter(x -> x.id().equals(c.spaceId())).findFirst().orElse(null);
            if (s != null && c.coversBlock(blockId) && s.availableIn(blockId)) {
                seats += c.capacity() == null ? s.capacity() : c.capacity();
            }
        }
        return seats;
    }

    private record Allocation(int seats, int ledSeats) {
    }

    /**
     * Adults with the largest possible group first, each leading the option and room where most students fit (the
     * smaller room on a tie, to keep big rooms for big groups).
     */
    private Allocation allocate(TimeBlock block, List<List<Option>> adults) {
        List<Slot> rooms = rooms(block);
        List<List<Option>> sorted = adults.stream().filter(o -> !o.isEmpty())
                .sorted(Comparator.comparingInt(SeatArithmetic::largest).reversed()).toList();
        int seats = 0;
        int led = 0;
        for (List<Option> options : sorted) {
            Slot where = null;
            Option how = null;
            int taken = 0;
            for (Option g : options) {
                for (Slot r : rooms) {
                    if (r.groups == 0 || r.offSite != g.offSite || !r.features.containsAll(g.features)) {
                        continue;
                    }
                    int fits = Math.min(g.size, r.capacity);
                    if (fits > taken || fits == taken && where != null && fits > 0 && r.capacity < where.capacity) {
                        where = r;
                        how = g;
                        taken = fits;
                    }
                }
            }
            if (where == null || taken == 0) {
                continue;
            }
            where.capacity -= taken;
            where.groups--;
            seats += taken;
            led += how.staffLed ? taken : 0;
        }
        return new Allocation(seats, led);
    }

    /** Available, and not busy with a student's commitment or a catch-all. */
    private List<Staff> adultsIn(String blockId) {
        Set<String> busy = new HashSet<>();
        day.students().forEach(s -> s.commitments().stream()
                .filter(c -> blockId.equals(c.blockId()) && c.staffId() != null).forEach(c -> busy.add(c.staffId())));
        day.school().catchAll().stream().filter(c -> c.supervisorId() != null && c.coversBlock(blockId))
                .forEach(c -> busy.add(c.supervisorId()));
        return day.staff().stream().filter(s -> s.availableIn(blockId) && !busy.contains(s.id())).toList();
    }

    /** Adult-blocks the adults may teach: the blocks they are in where students are, up to their limits. */
    private int teachingBlocks() {
        int total = 0;
        for (Staff a : day.staff()) {
            int in = 0;
            for (TimeBlock b : day.blocks()) {
                boolean students = day.students().stream().anyMatch(s -> s.availableIn(b.id()));
                in += students && adultsIn(b.id()).contains(a) ? 1 : 0;
            }
            total += a.maxTeachingBlocks() == null ? in : Math.min(in, a.maxTeachingBlocks());
        }
        return total;
    }

    /** Staff-led blocks owed beyond the blocks where every session is staff-led (advisory, most activity blocks). */
    private int staffLedNeed() {
        int need = 0;
        for (Student s : day.students()) {
            int min = s.absent() ? 0 : s.accommodationsOrNone().minStaffLedBlocksOrZero();
            if (min == 0) {
                continue;
            }
            long given = day.blocks().stream().filter(b -> b.kindOrDefault() != BlockKind.SKILLS
                    && s.availableIn(b.id()) && alwaysStaffLed(b)).count();
            need += Math.max(0, min - (int) given);
        }
        return need;
    }

    /** Every modality that can run in the block is staff-led, and no catch-all covers it. */
    private boolean alwaysStaffLed(TimeBlock block) {
        if (day.school().catchAll().stream().anyMatch(c -> c.coversBlock(block.id()))) {
            return false;
        }
        Set<String> offered = offeredModalities(block);
        return catalog.all().stream().filter(m -> m.focusKinds().contains(focusKind(block)))
                .filter(m -> offered == null || offered.contains(m.id()))
                .allMatch(m -> m.leadership().isStaffLed());
    }

    /** 1:1 sessions owed: each lasts a skill block, so minutes over the longest skill block, rounded up. */
    private int oneToOneNeed() {
        int longest = day.blocks().stream().filter(b -> b.kindOrDefault() == BlockKind.SKILLS)
                .mapToInt(TimeBlock::minutes).max().orElse(1);
        return day.students().stream().filter(s -> !s.absent())
                .mapToInt(s -> (s.accommodationsOrNone().oneToOneMinutesOrZero() + longest - 1) / longest).sum();
    }
}
