package org.regroup.benchmarks.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.benchmarks.peers.PeersTest;
import picocli.CommandLine;

/** Bad input to the term simulator: exit 2 with what is wrong and where, and nothing written. */
class TermCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TermCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    private String small() {
        return PeersTest.datasets().resolve("small.json").toString();
    }

    @Test
    void anUnknownPolicyIsNamed() {
        Run r = run("--term", "2", "--dataset", small(), "--policies", "regroup,random", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--policies: no policy 'random'");
    }

    @Test
    void aTimeLimitWithoutAUnitIsRefused() {
        Run r = run("--term", "2", "--dataset", small(), "--time-limit", "5", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--time-limit: write e.g. 5s");
    }

    @Test
    void aLearningChangeOutOfRangeNamesTheParameter() {
        Run r = run("--term", "2", "--dataset", small(), "--learning", "forgetting=2", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--learning forgetting=2", "forgetting must be from 0 to below 1");
    }

    @Test
    void aVariantTheScenarioLacksIsNamedWithThoseItHas() {
        Path scenario = PeersTest.datasets().resolve("scenarios").resolve("medium-staffing.json");
        Run r = run("--term", "2", "--dataset", small(), "--scenario", scenario.toString(), "--variant",
                "minus 9 aides", "--out",
                dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has no variant 'minus 9 aides'", "minus 2 aides");
    }

    @Test
    void aBrokenDatasetSaysWhereAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"regroup/day-problem\", \"students\": [");
        Path out = dir.resolve("out");
        Run r = run("--term", "2", "--dataset", bad.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--dataset:", "bad.json").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
