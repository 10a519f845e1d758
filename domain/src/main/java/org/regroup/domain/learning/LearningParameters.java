package org.regroup.domain.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.regroup.domain.catalog.ModalityCatalog;

/**
 * Every assumption of the simulated students' learning, in one place, with its default (docs/learning-model.md says
 * where each comes from). A model for comparing plans under stated assumptions, not evidence of what students learn.
 *
 * @param minutesToMaster  effective minutes of work on a ready standard that a typical student needs to master it
 * @param paceSpread       spread of students' pace: the standard deviation of its logarithm (a pace of 1.4 means
 *                         1.4 times as fast)
 * @param behindPace       pace of a student far behind (the bottom quarter by skills mastered at the start),
 *                         relative to their own draw
 * @param modalityEffect   how much a minute in each modality counts, small-group instruction with an adult = 1
 * @param smallGroup       an adult-led group of up to this many gets the modality's full effect
 * @param largeGroupEffect what is left of an adult-led modality's effect in a group of {@link #LARGE_GROUP} or more
 * @param forgetting       share of the progress on a not-yet-mastered standard lost per school day without work on it
 * @param blockNoise       each block's effective minutes vary by up to this share either way (a good or bad day)
 * @param itemsPerBlock    items a student answers at the end of a block on a standard (the evidence sent back)
 * @param slip             chance of a wrong answer on a mastered standard
 * @param guess            chance of a right answer on a standard not mastered
 * @param unsuitedEffect   what is left of a minute's effect in a modality that does not suit where the student truly
 *                         stands on the standard (the school's catalogue says which states each modality suits: new
 *                         work wants instruction, practice suits a standard under way)
 */
public record LearningParameters(double minutesToMaster, double paceSpread, double behindPace,
        Map<String, Double> modalityEffect, int smallGroup, double largeGroupEffect, double forgetting,
        double blockNoise, int itemsPerBlock, double slip, double guess, double unsuitedEffect) {

    /** Group size from which an adult-led group has only {@link #largeGroupEffect}: a whole class. */
    public static final int LARGE_GROUP = 25;

    /** The defaults docs/learning-model.md derives; about one standard per 4–8 school days for a typical student. */
    public static final LearningParameters DEFAULTS = new LearningParameters(360, 0.35, 0.8, defaultEffects(), 6,
            0.8, 0.02, 0.3, 3, 0.1, 0.2, 0.75);

    public LearningParameters {
        Objects.requireNonNull(modalityEffect);
        modalityEffect = Map.copyOf(modalityEffect);
        require(minutesToMaster > 0, "minutesToMaster must be above 0");
        require(paceSpread >= 0, "paceSpread must be 0 or more");
        require(behindPace > 0, "behindPace must be above 0");
        require(smallGroup >= 1, "smallGroup must be 1 or more");
        require(largeGroupEffect >= 0 && largeGroupEffect <= 1, "largeGroupEffect must be from 0 to 1");
        require(forgetting >= 0 && forgetting < 1, "forgetting must be from 0 to below 1");
        require(blockNoise >= 0 && blockNoise < 1, "blockNoise must be from 0 to below 1");
        require(itemsPerBlock >= 0, "itemsPerBlock must be 0 or more");
        require(unsuitedEffect >= 0 && unsuitedEffect <= 1, "unsuitedEffect must be from 0 to 1");
        require(slip >= 0 && guess >= 0 && slip + guess < 1, "slip and guess must be 0 or more, their sum below 1");
        modalityEffect.values().forEach(v -> require(v >= 0, "a modality's effect must be 0 or more"));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, Double> defaultEffects() {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put(ModalityCatalog.ONE_TO_ONE, 1.3);
        e.put(ModalityCatalog.SMALL_GROUP, 1.0);
        e.put(ModalityCatalog.SEMINAR, 0.8);
        e.put(ModalityCatalog.PEER_TUTORING, 0.8);
        e.put(ModalityCatalog.ONLINE_PRACTICE, 0.7);
        e.put(ModalityCatalog.INDEPENDENT_PRACTICE, 0.6);
        e.put(ModalityCatalog.COLLABORATIVE_PROJECT, 0.5);
        e.put(ModalityCatalog.OFF_SITE, 0.3);
        return e;
    }

    /** A modality's effect; one the table does not name counts like independent practice. */
    public double effectOf(String modality) {
        Double e = modality == null ? null : modalityEffect.get(modality);
        return e != null ? e : modalityEffect.getOrDefault(ModalityCatalog.INDEPENDENT_PRACTICE, 0.6);
    }

    /**
     * The names {@link #with} takes, each with what it means (docs/learning-model.md says why each default), in the
     * order a report lists them.
     */
    public static final Map<String, String> MEANINGS = meanings();

    private static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("minutesToMaster", "effective minutes of work on a ready standard a typical student needs to master it");
        m.put("paceSpread", "spread of students' pace (standard deviation of its logarithm)");
        m.put("behindPace", "pace of a student far behind (bottom quarter at the start), relative to their draw");
        m.put("effect.MODALITY", "how much a minute counts in each modality, small-group instruction = 1");
        m.put("smallGroup", "an adult-led group of up to this many gets the modality's full effect");
        m.put("largeGroupEffect", "what is left of an adult-led effect in a group of " + LARGE_GROUP + " or more");
        m.put("forgetting", "share of progress on an unmastered standard lost per school day without work on it");
        m.put("blockNoise", "each block's effective minutes vary by up to this share either way");
        m.put("itemsPerBlock", "items answered after each block (the evidence the school's estimates see)");
        m.put("slip", "chance of a wrong answer on a mastered standard");
        m.put("guess", "chance of a right answer on a standard not mastered");
        m.put("unsuitedEffect", "what is left of a minute's effect in a modality that does not suit the student's "
                + "true state on the standard (new, practising, near mastery)");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Each parameter's value by name as {@link #with} takes it, {@code effect.MODALITY} one per modality. */
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("minutesToMaster", minutesToMaster);
        v.put("paceSpread", paceSpread);
        v.put("behindPace", behindPace);
        modalityEffect.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> v.put("effect." + e.getKey(), e.getValue()));
        v.put("smallGroup", (double) smallGroup);
        v.put("largeGroupEffect", largeGroupEffect);
        v.put("forgetting", forgetting);
        v.put("blockNoise", blockNoise);
        v.put("itemsPerBlock", (double) itemsPerBlock);
        v.put("slip", slip);
        v.put("guess", guess);
        v.put("unsuitedEffect", unsuitedEffect);
        return v;
    }

    /**
     * These parameters with one changed: the sensitivity switch ({@code --learning forgetting=0.05}).
     *
     * @throws IllegalArgumentException for an unknown name or a value out of its range
     */
    public LearningParameters with(String name, double value) {
        if (name.startsWith("effect.")) {
            String modality = name.substring("effect.".length());
            if (!modalityEffect.containsKey(modality)) {
                throw new IllegalArgumentException("no modality '" + modality + "' in the effects: "
                        + String.join(", ", modalityEffect.keySet()));
            }
            Map<String, Double> e = new LinkedHashMap<>(modalityEffect);
            e.put(modality, value);
            return new LearningParameters(minutesToMaster, paceSpread, behindPace, e, smallGroup, largeGroupEffect,
                    forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
        }
        return switch (name) {
            case "minutesToMaster" -> new LearningParameters(value, paceSpread, behindPace, modalityEffect, smallGroup,
                    largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "paceSpread" -> new LearningParameters(minutesToMaster, value, behindPace, modalityEffect, smallGroup,
                    largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "behindPace" -> new LearningParameters(minutesToMaster, paceSpread, value, modalityEffect, smallGroup,
                    largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "smallGroup" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    whole(name, value), largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "largeGroupEffect" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    smallGroup, value, forgetting, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "forgetting" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    smallGroup, largeGroupEffect, value, blockNoise, itemsPerBlock, slip, guess, unsuitedEffect);
            case "blockNoise" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    smallGroup, largeGroupEffect, forgetting, value, itemsPerBlock, slip, guess, unsuitedEffect);
            case "itemsPerBlock" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    smallGroup, largeGroupEffect, forgetting, blockNoise, whole(name, value), slip, guess, unsuitedEffect);
            case "slip" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect, smallGroup,
                    largeGroupEffect, forgetting, blockNoise, itemsPerBlock, value, guess, unsuitedEffect);
            case "guess" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect, smallGroup,
                    largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, value, unsuitedEffect);
            case "unsuitedEffect" -> new LearningParameters(minutesToMaster, paceSpread, behindPace, modalityEffect,
                    smallGroup, largeGroupEffect, forgetting, blockNoise, itemsPerBlock, slip, guess, value);
            default -> throw new IllegalArgumentException("no learning parameter '" + name + "': "
                    + String.join(", ", MEANINGS.keySet()));
        };
    }

    /**
     * These parameters with each change applied in turn, as a command line gives them ({@code NAME=VALUE}).
     *
     * @throws IllegalArgumentException naming the change and what is wrong with it
     */
    public LearningParameters with(List<String> changes) {
        LearningParameters p = this;
        for (String change : changes) {
            int eq = change.indexOf('=');
            try {
                if (eq < 1) {
                    throw new IllegalArgumentException("write NAME=VALUE");
                }
                p = p.with(change.substring(0, eq).strip(), Double.parseDouble(change.substring(eq + 1).strip()));
            } catch (IllegalArgumentException e) { // NumberFormatException too
                throw new IllegalArgumentException(change + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static int whole(String name, double value) {
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " is a whole number, was " + value);
        }
        return (int) value;
    }
}
