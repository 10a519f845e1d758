package org.regroup.benchmarks.mastery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.regroup.domain.io.Json;
import org.regroup.domain.mastery.Bkt;
import org.regroup.domain.mastery.BktParameters;

/**
 * Calibrates BKT ({@link Bkt}, the code the evidence endpoint runs) on Tatsuoka's fraction-subtraction responses (536
 * students x 20 items, a Q-matrix of 8 skills) and measures, by 5-fold cross-validation over students, how well the
 * mastery built from a student's earlier answers predicts their next answer. See docs/mastery.md.
 *
 * <ul>
 * <li>Opportunities: items in their order 1..20. Each answer updates, with {@link Bkt#update(double, boolean,
 * BktParameters)}, every skill the item needs (full credit and full blame: the evidence API is per skill).</li>
 * <li>Prediction: P(item correct) = the product of {@link Bkt#pCorrect} over the skills the item needs (each step must
 * succeed, with its own guess and slip), from the masteries before the item.</li>
 * <li>Fit: coordinate descent (grid, then golden section) on the training students' next-answer log-loss; the 4
 * parameters shared by all skills, and 4 per skill starting from the shared fit.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.mastery.FractionCalibration
 * [DATA_DIR] [OUT.json]}
 */
public final class FractionCalibration {

    static final long SEED = 20240501L;
    static final int FOLDS = 5;
    /** Pseudo-answers at the base rate that start a student's running accuracy (a baseline). */
    static final double RUNNING_PRIOR_WEIGHT = 2;
    private static final double EPS = 1e-12;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** What is compared, in table order. */
    static final List<String> MODELS = List.of("base-rate", "item-difficulty", "student-accuracy-so-far",
            "item+student-logistic", "bkt-defaults", "bkt-defaults+fitted-pInit", "bkt-shared", "bkt-per-skill");

    /** Pairs whose held-out log-loss is compared fold by fold: in how many folds the first is lower. */
    static final String[][] COMPARISONS = {{"bkt-shared", "base-rate"}, {"bkt-shared", "item-difficulty"},
            {"bkt-shared", "student-accuracy-so-far"}, {"bkt-shared", "item+student-logistic"},
            {"bkt-per-skill", "bkt-shared"}, {"bkt-per-skill", "item+student-logistic"},
            {"bkt-defaults", "base-rate"}, {"bkt-defaults+fitted-pInit", "base-rate"}};

    /** The data: responses[student][item] in {0, 1}; needs[item][skill]. */
    record Data(int[][] responses, boolean[][] needs, List<String> skills) {
        int items() {
            return needs.length;
        }

        int skillCount() {
            return skills.size();
        }
    }

    public record Metrics(double logLoss, double auc, double accuracy) {
    }

    /** @param defaultsFittedPInit the pInit fitted for bkt-defaults+fitted-pInit */
    public record Fold(int fold, int trainStudents, int testStudents, int answers, BktParameters shared,
            Map<String, BktParameters> perSkill, double defaultsFittedPInit, Map<String, Metrics> metrics) {
    }

    public record Report(String dataset, int students, int items, List<String> skills, Map<String, String> method,
            long seed, int folds, BktParameters defaults, BktParameters sharedFitOnAllStudents,
            Map<String, BktParameters> perSkillFitOnAllStudents, Map<String, Metrics> mean,
            Map<String, Integer> foldsWonOnLogLoss, List<Fold> perFold) {
    }

    private FractionCalibration() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "datasets/fraction-subtraction");
        Path out = Path.of(args.length > 1 ? args[1] : "benchmarks/results/bkt-calibration.json");
        Report report = run(dir);
        Json.writeAtomically(out, report);
        System.out.print(table(report));
        System.out.println("written: " + out);
    }

    public static Report run(Path dir) throws IOException {
        Data data = load(dir);
        int n = data.responses().length;
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, new Random(SEED));
        // Folds and the fit on all students are independent and deterministic: run them in parallel.
        CompletableFuture<BktParameters[][]> allFit = CompletableFuture.supplyAsync(() -> {
            int[] all = IntStream.range(0, n).toArray();
            BktParameters[] shared = fitShared(data, all);
            return new BktParameters[][] {shared, fitPerSkill(data, all, shared)};
        });
        List<Fold> folds = IntStream.range(0, FOLDS).parallel().mapToObj(f -> {
            int[] test = IntStream.range(0, n).filter(i -> i % FOLDS == f).map(order::get).toArray();
            int[] train = IntStream.range(0, n).filter(i -> i % FOLDS != f).map(order::get).toArray();
            return fold(data, train, test, f + 1);
        }).toList();
        BktParameters[] shared = allFit.join()[0];
        BktParameters[] perSkill = allFit.join()[1];

        Map<String, Metrics> mean = new LinkedHashMap<>();
        for (String model : MODELS) {
            List<Metrics> m = folds.stream().map(f -> f.metrics().get(model)).toList();
            mean.put(model, new Metrics(m.stream().mapToDouble(Metrics::logLoss).average().orElseThrow(),
                    m.stream().mapToDouble(Metrics::auc).average().orElseThrow(),
                    m.stream().mapToDouble(Metrics::accuracy).average().orElseThrow()));
        }
        Map<String, Integer> wins = new LinkedHashMap<>();
        for (String[] pair : COMPARISONS) {
            wins.put(pair[0] + " < " + pair[1], (int) folds.stream().filter(f -> f.metrics().get(pair[0]).logLoss()
                    < f.metrics().get(pair[1]).logLoss()).count());
        }
        Map<String, String> method = new LinkedHashMap<>();
        method.put("opportunities", "items in order 1..20; each answer updates every skill the item needs "
                + "(Bkt.update, full credit and blame), then that skill's learning transition");
        method.put("prediction", "P(item correct) = product over the item's skills of Bkt.pCorrect(mastery before "
                + "the item); next-answer prediction from the student's earlier answers only");
        method.put("fit", "coordinate descent (grid step 0.05, then golden section) minimising training log-loss; "
                + "params in [0.001, 0.999], pGuess + pSlip < 1");
        method.put("evaluation", FOLDS + "-fold cross-validation over students (shuffled, seed " + SEED
                + "); every answer of every held-out student, the first item predicted from the prior alone");
        method.put("baselines", "base-rate: training p-correct; item-difficulty: the item's training p-correct; "
                + "student-accuracy-so-far: (correct so far + " + RUNNING_PRIOR_WEIGHT + " x base rate) / (answers so "
                + "far + " + RUNNING_PRIOR_WEIGHT + "); item+student-logistic: logistic regression on the logits of "
                + "the previous two, fitted on training students; bkt-defaults: BktParameters.DEFAULTS as shipped; "
                + "bkt-defaults+fitted-pInit: the defaults with only pInit fitted");
        return new Report(dir.getFileName().toString(), n, data.items(), data.skills(), method, SEED, FOLDS,
                BktParameters.DEFAULTS, shared[0], bySkill(data, perSkill), mean, wins, folds);
    }

    private static Fold fold(Data data, int[] train, int[] test, int number) {
        int items = data.items();
        double baseRate = Arrays.stream(train).flatMap(s -> Arrays.stream(data.responses()[s])).average()
                .orElseThrow();
        double[] itemRate = new double[items];
        for (int j = 0; j < items; j++) {
            int item = j;
            itemRate[j] = Arrays.stream(train).map(s -> data.responses()[s][item]).average().orElseThrow();
        }
        BktParameters[] shared = fitShared(data, train);
        BktParameters[] perSkill = fitPerSkill(data, train, shared);
        BktParameters[] defaults = new BktParameters[data.skillCount()];
        Arrays.fill(defaults, BktParameters.DEFAULTS);
        BktParameters[] priorOnly = fitPriorOnly(data, train);
        double[] weights = fitLogistic(features(data, train, baseRate, itemRate), outcomes(data, train));

        int[] y = outcomes(data, test);
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        metrics.put("base-rate", metrics(constant(y.length, baseRate), y));
        metrics.put("item-difficulty", metrics(itemDifficulty(data, test, itemRate), y));
        metrics.put("student-accuracy-so-far", metrics(runningAccuracy(data, test, baseRate), y));
        metrics.put("item+student-logistic", metrics(logistic(features(data, test, baseRate, itemRate), weights), y));
        metrics.put("bkt-defaults", metrics(new Tracer(data, test).predict(defaults), y));
        metrics.put("bkt-defaults+fitted-pInit", metrics(new Tracer(data, test).predict(priorOnly), y));
        metrics.put("bkt-shared", metrics(new Tracer(data, test).predict(shared), y));
        metrics.put("bkt-per-skill", metrics(new Tracer(data, test).predict(perSkill), y));
        return new Fold(number, train.length, test.length, y.length, shared[0], bySkill(data, perSkill),
                priorOnly[0].pInit(), metrics);
    }

    // ---- BKT over the Q-matrix ----

    /**
     * Traces every skill of the given students and caches the factor each answer's prediction takes from each skill.
     * A skill's trace depends only on its own parameters (full-credit updates), so when a per-skill fit changes one
     * skill only that skill and the items needing it are recomputed.
     */
    static final class Tracer {
        private final Data data;
        private final int[] students;
        private final int[] y;
        private final BktParameters[] traced;
        /** factor[answer * skills + skill]: answer-major, so that a prediction's product reads adjacent memory. */
        private final double[] factor;
        private final double[] p;

        Tracer(Data data, int[] students) {
            this.data = data;
            this.students = students;
            this.y = outcomes(data, students);
            this.traced = new BktParameters[data.skillCount()];
            this.factor = new double[y.length * data.skillCount()];
            this.p = new double[y.length];
            Arrays.fill(factor, 1);
            Arrays.fill(p, 1);
        }

        double[] predict(BktParameters[] params) {
            logLoss(params);
            return p.clone();
        }

        /** Mean log-loss of the next-answer predictions under these parameters. */
        double logLoss(BktParameters[] params) {
            int items = data.items();
            int skills = data.skillCount();
            boolean[] changed = new boolean[items];
            for (int k = 0; k < skills; k++) {
                if (!params[k].equals(traced[k])) {
                    trace(k, params[k]);
                    for (int j = 0; j < items; j++) {
                        changed[j] |= data.needs()[j][k];
                    }
                }
            }
            double loss = 0;
            for (int s = 0; s < students.length; s++) {
                // One log per student rather than per answer: this loop is the fit's inner loop.
                double likelihood = 1;
                double logLikelihood = 0;
                for (int j = 0; j < items; j++) {
                    int i = s * items + j;
                    if (changed[j]) {
                        double product = 1;
                        for (int k = i * skills; k < (i + 1) * skills; k++) {
                            product *= factor[k];
                        }
                        p[i] = Math.min(1 - EPS, Math.max(EPS, product));
                    }
                    likelihood *= y[i] == 1 ? p[i] : 1 - p[i];
                    if (likelihood < 1e-200) {
                        logLikelihood += Math.log(likelihood);
                        likelihood = 1;
                    }
                }
                loss -= logLikelihood + Math.log(likelihood);
            }
            return loss / p.length;
        }

        private void trace(int k, BktParameters params) {
            int items = data.items();
            int skills = data.skillCount();
            for (int s = 0; s < students.length; s++) {
                int[] answers = data.responses()[students[s]];
                double mastery = params.pInit();
                for (int j = 0; j < items; j++) {
                    if (data.needs()[j][k]) {
                        factor[(s * items + j) * skills + k] = Bkt.pCorrect(mastery, params);
                        mastery = Bkt.update(mastery, answers[j] == 1, params);
                    }
                }
            }
            traced[k] = params;
        }
    }

    static BktParameters[] fitShared(Data data, int[] train) {
        Tracer tracer = new Tracer(data, train);
        double[] x = minimize(v -> logLoss(tracer, shared(data, v)), new double[] {0.5, 0.1, 0.2, 0.1}, 0.001,
                0.999);
        return shared(data, x);
    }

    /** The defaults with only pInit fitted: how much of their cost on this data is the prior alone. */
    static BktParameters[] fitPriorOnly(Data data, int[] train) {
        Tracer tracer = new Tracer(data, train);
        BktParameters d = BktParameters.DEFAULTS;
        double[] x = minimize(v -> logLoss(tracer, shared(data, new double[] {v[0], d.pLearn(), d.pGuess(),
                d.pSlip()})), new double[] {d.pInit()}, 0.001, 0.999);
        return shared(data, new double[] {x[0], d.pLearn(), d.pGuess(), d.pSlip()});
    }

    /** 4 parameters per skill, starting from the shared fit. */
    static BktParameters[] fitPerSkill(Data data, int[] train, BktParameters[] start) {
        Tracer tracer = new Tracer(data, train);
        double[] x0 = new double[4 * start.length];
        for (int k = 0; k < start.length; k++) {
            System.arraycopy(vector(start[k]), 0, x0, 4 * k, 4);
        }
        double[] x = minimize(v -> logLoss(tracer, perSkill(v)), x0, 0.001, 0.999);
        return perSkill(x);
    }

    private static double logLoss(Tracer tracer, BktParameters[] params) {
        return params == null ? Double.POSITIVE_INFINITY : tracer.logLoss(params);
    }

    /** Null where pGuess + pSlip >= 1: the fit treats that as infinitely bad. */
    private static BktParameters[] shared(Data data, double[] v) {
        if (v[2] + v[3] >= 1) {
            return null;
        }
        BktParameters[] all = new BktParameters[data.skillCount()];
        Arrays.fill(all, new BktParameters(v[0], v[1], v[2], v[3]));
        return all;
    }

    private static BktParameters[] perSkill(double[] v) {
        BktParameters[] all = new BktParameters[v.length / 4];
        for (int k = 0; k < all.length; k++) {
            if (v[4 * k + 2] + v[4 * k + 3] >= 1) {
                return null;
            }
            all[k] = new BktParameters(v[4 * k], v[4 * k + 1], v[4 * k + 2], v[4 * k + 3]);
        }
        return all;
    }

    private static double[] vector(BktParameters p) {
        return new double[] {p.pInit(), p.pLearn(), p.pGuess(), p.pSlip()};
    }

    private static Map<String, BktParameters> bySkill(Data data, BktParameters[] params) {
        Map<String, BktParameters> map = new LinkedHashMap<>();
        for (int k = 0; k < params.length; k++) {
            map.put(data.skills().get(k), params[k]);
        }
        return map;
    }

    // ---- Baselines ----

    private static double[] constant(int size, double value) {
        double[] p = new double[size];
        Arrays.fill(p, value);
        return p;
    }

    private static double[] itemDifficulty(Data data, int[] students, double[] itemRate) {
        double[] p = new double[students.length * data.items()];
        for (int i = 0; i < p.length; i++) {
            p[i] = itemRate[i % data.items()];
        }
        return p;
    }

    /** The student's accuracy on earlier items, starting from a couple of pseudo-answers at the base rate. */
    private static double[] runningAccuracy(Data data, int[] students, double baseRate) {
        int items = data.items();
        double[] p = new double[students.length * items];
        for (int s = 0; s < students.length; s++) {
            int correct = 0;
            for (int j = 0; j < items; j++) {
                p[s * items + j] = (correct + RUNNING_PRIOR_WEIGHT * baseRate) / (j + RUNNING_PRIOR_WEIGHT);
                correct += data.responses()[students[s]][j];
            }
        }
        return p;
    }

    /** The logistic baseline's features per answer: logit(item rate), logit(accuracy so far), 1. */
    private static double[][] features(Data data, int[] students, double baseRate, double[] itemRate) {
        double[] item = itemDifficulty(data, students, itemRate);
        double[] student = runningAccuracy(data, students, baseRate);
        double[][] x = new double[item.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {logit(item[i]), logit(student[i]), 1};
        }
        return x;
    }

    private static double[] logistic(double[][] x, double[] w) {
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-(w[0] * x[i][0] + w[1] * x[i][1] + w[2] * x[i][2])));
        }
        return p;
    }

    /** Maximum likelihood by Newton's method (the log-loss is convex in the weights). */
    private static double[] fitLogistic(double[][] x, int[] y) {
        double[] w = new double[3];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] p = logistic(x, w);
            double[] gradient = new double[3];
            double[][] hessian = new double[3][3];
            for (int i = 0; i < p.length; i++) {
                for (int a = 0; a < 3; a++) {
                    gradient[a] += (p[i] - y[i]) * x[i][a];
                    for (int b = 0; b < 3; b++) {
                        hessian[a][b] += p[i] * (1 - p[i]) * x[i][a] * x[i][b];
                    }
                }
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < 3; a++) {
                w[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        return w;
    }

    /** Solves m x = v by Gaussian elimination with partial pivoting (m is small and positive definite). */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(m[i], n + 1);
            a[i][n] = v[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double factor = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= factor * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= a[r][k] * x[k];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    // ---- Fitting and metrics ----

    /**
     * Coordinate descent within [lo, hi]: each coordinate in turn takes the best of a grid (step 5% of the range) and
     * the current value, then a golden-section search one grid step either side; sweeps until one gains less than
     * 1e-5 of log-loss per answer (far below the folds' differences). The grid, not gradients, because BKT's
     * likelihood has flat stretches and several local optima.
     */
    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double lo, double hi) {
        double[] x = start.clone();
        double best = f.applyAsDouble(x);
        double step = (hi - lo) / 20;
        for (int sweep = 0; sweep < 50; sweep++) {
            double before = best;
            for (int c = 0; c < x.length; c++) {
                double bestValue = x[c];
                for (double v = lo + step / 2; v < hi; v += step) {
                    x[c] = v;
                    double value = f.applyAsDouble(x);
                    if (value < best) {
                        best = value;
                        bestValue = v;
                    }
                }
                // Golden section one grid step either side, reusing one interior point per iteration.
                double a = Math.max(lo, bestValue - step);
                double b = Math.min(hi, bestValue + step);
                double m1 = b - GOLDEN * (b - a);
                double m2 = a + GOLDEN * (b - a);
                double f1 = at(f, x, c, m1);
                double f2 = at(f, x, c, m2);
                for (int i = 0; i < 10; i++) {
                    if (f1 < f2) {
                        b = m2;
                        m2 = m1;
                        f2 = f1;
                        m1 = b - GOLDEN * (b - a);
                        f1 = at(f, x, c, m1);
                    } else {
                        a = m1;
                        m1 = m2;
                        f1 = f2;
                        m2 = a + GOLDEN * (b - a);
                        f2 = at(f, x, c, m2);
                    }
                }
                x[c] = (a + b) / 2;
                double value = f.applyAsDouble(x);
                if (value < best) {
                    best = value;
                } else {
                    x[c] = bestValue;
                }
            }
            if (before - best < 1e-5) {
                break;
            }
        }
        f.applyAsDouble(x); // leave any cache at the returned point
        return x;
    }

    private static double at(ToDoubleFunction<double[]> f, double[] x, int coordinate, double value) {
        x[coordinate] = value;
        return f.applyAsDouble(x);
    }

    private static int[] outcomes(Data data, int[] students) {
        return Arrays.stream(students).flatMap(s -> Arrays.stream(data.responses()[s])).toArray();
    }

    static double logLoss(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += pointLoss(p[i], y[i]);
        }
        return sum / p.length;
    }

    /** -log of the probability given to what happened, kept finite. */
    private static double pointLoss(double p, int y) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return y == 1 ? -Math.log(q) : -Math.log(1 - q);
    }

    static Metrics metrics(double[] p, int[] y) {
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] > 0.5) == (y[i] == 1) ? 1 : 0;
        }
        return new Metrics(logLoss(p, y), auc(p, y), (double) right / p.length);
    }

    /** Mann-Whitney AUC: the chance a random correct answer was predicted above a random wrong one (ties half). */
    static double auc(double[] p, int[] y) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double rankSumCorrect = 0;
        long correct = 0;
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0; // ranks i+1..j share their average
            for (int t = i; t < j; t++) {
                if (y[order[t]] == 1) {
                    rankSumCorrect += midRank;
                    correct++;
                }
            }
            i = j;
        }
        long wrong = p.length - correct;
        if (correct == 0 || wrong == 0) {
            return Double.NaN;
        }
        return (rankSumCorrect - correct * (correct + 1) / 2.0) / ((double) correct * wrong);
    }

    // ---- Data ----

    static Data load(Path dir) throws IOException {
        List<String> skillLines = Files.readAllLines(dir.resolve("fraction_skills.csv"));
        List<String> skills = skillLines.subList(1, skillLines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.substring(l.indexOf(',') + 1).trim()).toList();
        List<String> qLines = Files.readAllLines(dir.resolve("fraction_qmatrix.csv"));
        List<boolean[]> needs = new ArrayList<>();
        for (int i = 1; i < qLines.size(); i++) {
            if (qLines.get(i).isBlank()) {
                continue;
            }
            String[] cells = qLines.get(i).split(",");
            if (cells.length != skills.size() + 1) {
                throw new IOException("fraction_qmatrix.csv line " + (i + 1) + ": expected " + (skills.size() + 1)
                        + " cells, got " + cells.length);
            }
            boolean[] row = new boolean[skills.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = binary(cells[k + 1], "fraction_qmatrix.csv", i + 1);
            }
            needs.add(row);
        }
        List<String> responseLines = Files.readAllLines(dir.resolve("fractionsdata.txt"));
        List<int[]> responses = new ArrayList<>();
        for (int i = 0; i < responseLines.size(); i++) {
            if (responseLines.get(i).isBlank()) {
                continue;
            }
            String[] cells = responseLines.get(i).trim().split("\\s+");
            if (cells.length != needs.size()) {
                throw new IOException("fractionsdata.txt line " + (i + 1) + ": expected " + needs.size()
                        + " answers, got " + cells.length);
            }
            int[] row = new int[cells.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = binary(cells[j], "fractionsdata.txt", i + 1) ? 1 : 0;
            }
            responses.add(row);
        }
        return new Data(responses.toArray(int[][]::new), needs.toArray(boolean[][]::new), skills);
    }

    private static boolean binary(String cell, String file, int line) throws IOException {
        switch (cell.trim()) {
            case "0":
                return false;
            case "1":
                return true;
            default:
                throw new IOException(file + " line " + line + ": expected 0 or 1, got '" + cell + "'");
        }
    }

    // ---- Output ----

    static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("BKT calibration on %s: %d students x %d items, %d skills, %d-fold CV over "
                + "students%n%n", r.dataset(), r.students(), r.items(), r.skills().size(), r.folds()));
        sb.append("| model (mean of folds)     | log-loss |   AUC | accuracy |\n");
        sb.append("|---------------------------|---------:|------:|---------:|\n");
        r.mean().forEach((model, m) -> sb.append(String.format("| %-25s |   %.4f | %.3f |    %.3f |%n", model,
                m.logLoss(), m.auc(), m.accuracy())));
        sb.append(String.format("%nlower held-out log-loss, folds out of %d:%n", r.folds()));
        r.foldsWonOnLogLoss().forEach((pair, n) -> sb.append(String.format("  %-50s %d%n", pair, n)));
        sb.append(String.format("%nshared fit on all students: %s%n", format(r.sharedFitOnAllStudents())));
        r.perSkillFitOnAllStudents().forEach((skill, p) -> sb.append(String.format("  %-62s %s%n", skill, format(p))));
        sb.append(String.format("defaults: %s%n", format(r.defaults())));
        sb.append("defaults with only pInit fitted, pInit per fold:");
        r.perFold().forEach(f -> sb.append(String.format(" %.3f", f.defaultsFittedPInit())));
        sb.append('\n');
        return sb.toString();
    }

    private static String format(BktParameters p) {
        return String.format("pInit %.3f  pLearn %.3f  pGuess %.3f  pSlip %.3f", p.pInit(), p.pLearn(), p.pGuess(),
                p.pSlip());
    }
}
