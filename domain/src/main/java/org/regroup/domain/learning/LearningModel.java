package org.regroup.domain.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.regroup.domain.SkillState;
import org.regroup.domain.graph.SkillGraph;

/**
 * Simulated students learning from the blocks a plan gives them (docs/learning-model.md): each has a hidden set of
 * standards they truly master and progress toward the ones they do not. A block on a <em>ready</em> standard (every
 * prerequisite truly mastered) adds its effective minutes — by modality, group size and the student's pace — to the
 * progress; at {@code minutesToMaster} the standard is mastered. A block on a standard that is not ready, or already
 * mastered, teaches nothing new. Progress on a standard left alone fades a little each school day. After each block
 * the student answers a few items, which is the evidence the school's mastery estimates see.
 *
 * <p>Deterministic for a seed and the same days: a student's pace depends only on the seed and their id, and each day's
 * blocks are taken in the order of student and block.
 */
public final class LearningModel {

    /**
     * One student's block on a standard, as a day's plan has it.
     *
     * @param suits the states the modality suits (the school's catalogue); null: every state
     */
    public record Block(String studentId, String blockId, String skillId, String modality, int minutes,
            int groupSize, boolean adultLed, Set<SkillState> suits) {

        /** A block whose modality suits every state. */
        public Block(String studentId, String blockId, String skillId, String modality, int minutes, int groupSize,
                boolean adultLed) {
            this(studentId, blockId, skillId, modality, minutes, groupSize, adultLed, null);
        }
    }

    /** What one block did: whether the student mastered the standard in it, and their answers after it. */
    public record Outcome(Block block, boolean ready, boolean masteredNow, List<Boolean> answers) {
    }

    private final LearningParameters p;
    private final SkillGraph graph;
    private final Random random;
    private final long seed;
    private final Map<String, Set<String>> mastered = new HashMap<>();
    private final Map<String, Map<String, Double>> progress = new HashMap<>();
    private final Map<String, Double> pace = new HashMap<>();

    /**
     * @param masteredAtStart each student's truly mastered standards on the first day (e.g. those the school
     *                        estimates mastered); the bottom quarter of students by their count are "far behind"
     */
    public LearningModel(LearningParameters parameters, SkillGraph graph, Map<String, Set<String>> masteredAtStart,
            long seed) {
        this(parameters, graph, masteredAtStart, Map.of(), seed);
    }

    /**
     * @param progressAtStart each student's progress (0 to below 1) on standards they have started, so that a school
     *                        met mid-term is not a school where nobody has begun anything
     */
    public LearningModel(LearningParameters parameters, SkillGraph graph, Map<String, Set<String>> masteredAtStart,
            Map<String, Map<String, Double>> progressAtStart, long seed) {
        this.p = parameters;
        this.graph = graph;
        this.seed = seed;
        this.random = new Random(seed);
        masteredAtStart.forEach((student, skills) -> mastered.put(student, new HashSet<>(skills)));
        progressAtStart.forEach((student, own) -> own.forEach((skill, share) -> {
            if (share > 0 && share < 1 && !masteredAtStart.getOrDefault(student, Set.of()).contains(skill)) {
                progress.computeIfAbsent(student, k -> new HashMap<>()).put(skill, share);
            }
        }));
        List<Integer> counts = masteredAtStart.values().stream().map(Set::size).sorted().toList();
        int quartile = counts.isEmpty() ? 0 : counts.get(counts.size() / 4);
        masteredAtStart.forEach((student, skills) -> pace.put(student, drawPace(student)
                * (counts.size() >= 4 && skills.size() < quartile ? p.behindPace() : 1.0)));
    }

    /**
     * Students as a school met mid-term knows them: each truly masters what the school estimates mastered (at or
     * above {@code threshold}, on the school's skill map), and a ready standard the school estimates part-learnt is
     * that far along (estimate ÷ threshold).
     *
     * @param students  every student simulated (one without estimates masters nothing yet)
     * @param estimates the school's mastery estimates by student and skill
     */
    public static LearningModel fromEstimates(LearningParameters parameters, SkillGraph graph,
            java.util.Collection<String> students, Map<String, Map<String, Double>> estimates, double threshold,
            long seed) {
        Map<String, Set<String>> truth = new HashMap<>();
        for (String student : students) {
            Set<String> mastered = new HashSet<>();
            estimates.getOrDefault(student, Map.of()).forEach((skill, p) -> {
                if (p >= threshold && graph.contains(skill)) {
                    mastered.add(skill);
                }
            });
            truth.put(student, mastered);
        }
        Map<String, Map<String, Double>> partLearnt = new HashMap<>();
        for (String student : students) {
            estimates.getOrDefault(student, Map.of()).forEach((skill, p) -> {
                if (p < threshold && graph.contains(skill)
                        && truth.get(student).containsAll(graph.prerequisitesOf(skill))) {
                    partLearnt.computeIfAbsent(student, k -> new HashMap<>()).put(skill, p / threshold);
                }
            });
        }
        return new LearningModel(parameters, graph, truth, partLearnt, seed);
    }

    /** A student's pace: log-normal around 1, from the seed and their id only (not the order students come in). */
    private double drawPace(String studentId) {
        Random own = new Random(seed * 31 + studentId.hashCode());
        return Math.exp(p.paceSpread() * own.nextGaussian());
    }

    public double paceOf(String studentId) {
        return pace.computeIfAbsent(studentId, this::drawPace);
    }

    public Set<String> mastered(String studentId) {
        return Set.copyOf(mastered.getOrDefault(studentId, Set.of()));
    }

    /** Progress toward mastering a standard, from 0 to below 1 (1 once mastered). */
    public double progress(String studentId, String skillId) {
        if (mastered.getOrDefault(studentId, Set.of()).contains(skillId)) {
            return 1;
        }
        return progress.getOrDefault(studentId, Map.of()).getOrDefault(skillId, 0.0);
    }

    /** Not mastered yet, and every prerequisite truly mastered: only then does work on it count. */
    public boolean ready(String studentId, String skillId) {
        Set<String> m = mastered.getOrDefault(studentId, Set.of());
        return graph.contains(skillId) && !m.contains(skillId) && m.containsAll(graph.prerequisitesOf(skillId));
    }

    /** How much one minute of this block counts: the modality's effect, less in a large adult-led group. */
    public double effect(String modality, int groupSize, boolean adultLed) {
        double effect = p.effectOf(modality);
        if (adultLed && groupSize > p.smallGroup()) {
            double span = Math.max(1, LearningParameters.LARGE_GROUP - p.smallGroup());
            double share = Math.min(1, (groupSize - p.smallGroup()) / span);
            effect *= 1 - share * (1 - p.largeGroupEffect());
        }
        return effect;
    }

    /**
     * How much one minute of this block counts for its student: the modality's and group's effect, less when the
     * modality does not suit where the student truly stands on the standard.
     */
    public double effect(Block b) {
        double e = effect(b.modality(), b.groupSize(), b.adultLed());
        return b.suits() == null || b.suits().contains(stateOf(b.studentId(), b.skillId())) ? e
                : e * p.unsuitedEffect();
    }

    /** Where a student truly stands on a standard: new below a third of the way, near mastery from two thirds. */
    public SkillState stateOf(String studentId, String skillId) {
        double progress = progress(studentId, skillId);
        return progress >= 2.0 / 3 ? SkillState.NEAR_MASTERY : progress >= 1.0 / 3 ? SkillState.PRACTISING
                : SkillState.NEW;
    }

    /** One school day: every block in the order of student and block, then the day's forgetting. */
    public List<Outcome> day(List<Block> blocks) {
        List<Block> ordered = new ArrayList<>(blocks);
        ordered.sort(Comparator.comparing(Block::studentId).thenComparing(Block::blockId));
        Map<String, Set<String>> workedOn = new TreeMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Block b : ordered) {
            workedOn.computeIfAbsent(b.studentId(), k -> new HashSet<>()).add(b.skillId());
            boolean ready = ready(b.studentId(), b.skillId());
            boolean masteredNow = false;
            if (ready) {
                double noise = 1 + p.blockNoise() * (2 * random.nextDouble() - 1);
                double gain = b.minutes() * effect(b) * paceOf(b.studentId()) * noise / p.minutesToMaster();
                Map<String, Double> own = progress.computeIfAbsent(b.studentId(), k -> new HashMap<>());
                double now = own.getOrDefault(b.skillId(), 0.0) + gain;
                if (now >= 1) {
                    own.remove(b.skillId());
                    mastered.computeIfAbsent(b.studentId(), k -> new HashSet<>()).add(b.skillId());
                    masteredNow = true;
                } else {
                    own.put(b.skillId(), now);
                }
            }
            boolean knows = mastered.getOrDefault(b.studentId(), Set.of()).contains(b.skillId());
            List<Boolean> answers = new ArrayList<>();
            for (int i = 0; i < p.itemsPerBlock(); i++) {
                answers.add(random.nextDouble() < (knows ? 1 - p.slip() : p.guess()));
            }
            outcomes.add(new Outcome(b, ready, masteredNow, List.copyOf(answers)));
        }
        progress.forEach((student, own) -> {
            Set<String> today = workedOn.getOrDefault(student, Set.of());
            own.replaceAll((skill, share) -> today.contains(skill) ? share : share * (1 - p.forgetting()));
        });
        return outcomes;
    }
}
