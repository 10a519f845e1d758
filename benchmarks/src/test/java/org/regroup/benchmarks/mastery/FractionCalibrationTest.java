package org.regroup.benchmarks.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.benchmarks.mastery.FractionCalibration.Fold;
import org.regroup.benchmarks.mastery.FractionCalibration.Metrics;
import org.regroup.benchmarks.mastery.FractionCalibration.Report;
import org.regroup.domain.io.Json;

/** The calibration on the real fraction-subtraction responses: complete, and BKT predicts better than the base rate. */
class FractionCalibrationTest {

    private static final Path DATA = Path.of("..", "datasets", "fraction-subtraction");
    private static Report report;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // seconds on a laptop; the bound only catches a runaway fit
    static void calibrate() throws IOException {
        report = FractionCalibration.run(DATA);
    }

    @Test
    void reportIsComplete() {
        assertThat(report.students()).isEqualTo(536);
        assertThat(report.items()).isEqualTo(20);
        assertThat(report.skills()).hasSize(8).contains("Subtract numerators");
        assertThat(report.perFold()).hasSize(5);
        assertThat(report.perFold().stream().mapToInt(Fold::testStudents).sum()).isEqualTo(536);
        for (Fold fold : report.perFold()) {
            assertThat(fold.trainStudents() + fold.testStudents()).isEqualTo(536);
            assertThat(fold.answers()).isEqualTo(fold.testStudents() * 20);
            assertThat(fold.shared()).isNotNull();
            assertThat(fold.perSkill()).hasSize(8).doesNotContainValue(null);
            assertThat(fold.metrics()).containsOnlyKeys(FractionCalibration.MODELS);
            fold.metrics().values().forEach(FractionCalibrationTest::assertSane);
        }
        assertThat(report.mean()).containsOnlyKeys(FractionCalibration.MODELS);
        report.mean().values().forEach(FractionCalibrationTest::assertSane);
        assertThat(report.sharedFitOnAllStudents()).isNotNull();
        assertThat(report.perSkillFitOnAllStudents()).hasSize(8);
        assertThat(report.foldsWonOnLogLoss()).hasSize(FractionCalibration.COMPARISONS.length);
    }

    @Test
    void bktPredictsHeldOutAnswersBetterThanTheBaseRateInEveryFold() {
        for (Fold fold : report.perFold()) {
            double baseRate = fold.metrics().get("base-rate").logLoss();
            assertThat(fold.metrics().get("bkt-shared").logLoss()).as("fold %d", fold.fold()).isLessThan(baseRate);
            assertThat(fold.metrics().get("bkt-per-skill").logLoss()).as("fold %d", fold.fold()).isLessThan(baseRate);
        }
        assertThat(report.mean().get("bkt-shared").logLoss()).isLessThan(report.mean().get("base-rate").logLoss());
        assertThat(report.mean().get("bkt-shared").auc()).isGreaterThan(0.5);
    }

    @Test
    void writesTheReportAsJson(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("bkt-calibration.json");
        Json.writeAtomically(out, report);
        JsonNode json = Json.mapper().readTree(out.toFile());
        assertThat(json.get("mean").get("bkt-shared").get("logLoss").asDouble())
                .isEqualTo(report.mean().get("bkt-shared").logLoss());
        assertThat(json.get("sharedFitOnAllStudents").get("pGuess").isNumber()).isTrue();
        assertThat(json.get("perFold")).hasSize(5);
        assertThat(json.get("method").get("prediction").asText()).contains("Bkt.pCorrect");
    }

    @Test
    void metricsByHand() {
        int[] y = {0, 0, 1, 1};
        assertThat(FractionCalibration.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
        assertThat(FractionCalibration.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y)).isEqualTo(0.5);
        // pairs (correct, wrong): 0.3>0.1, 0.3>0.2, 0.15>0.1, 0.15<0.2 -> 3 of 4
        assertThat(FractionCalibration.auc(new double[] {0.1, 0.2, 0.3, 0.15}, y)).isEqualTo(0.75);
        assertThat(FractionCalibration.logLoss(new double[] {0.5, 0.5, 0.5, 0.5}, y))
                .isCloseTo(Math.log(2), within(1e-12));
        Metrics m = FractionCalibration.metrics(new double[] {0.4, 0.6, 0.7, 0.3}, y);
        assertThat(m.accuracy()).isEqualTo(0.5);
    }

    @Test
    void aBadCellIsNamedByFileAndLine(@TempDir Path dir) throws IOException {
        for (String file : new String[] {"fraction_skills.csv", "fraction_qmatrix.csv"}) {
            Files.copy(DATA.resolve(file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("fractionsdata.txt"), "0 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n"
                + "0 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 x\n");
        assertThatThrownBy(() -> FractionCalibration.load(dir)).isInstanceOf(IOException.class)
                .hasMessage("fractionsdata.txt line 2: expected 0 or 1, got 'x'");
    }

    private static void assertSane(Metrics m) {
        assertThat(m.logLoss()).isPositive().isFinite();
        assertThat(m.auc()).isBetween(0.0, 1.0);
        assertThat(m.accuracy()).isBetween(0.0, 1.0);
    }
}
