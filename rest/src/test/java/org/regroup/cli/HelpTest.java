package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --help} everywhere: exit 0 and every option named. */
class HelpTest {

    @Test
    void topLevelHelpNamesTheSubcommands() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: regroup").contains("solve").contains("generate").contains("--help")
                .contains("--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: regroup").contains("solve").contains("generate");
    }

    @Test
    void solveHelpNamesEveryOptionAndTheExitCodes() {
        Cli.Run run = Cli.run("solve", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: regroup solve").contains("FILE").contains("--time-limit")
                .contains("--unimproved-limit").contains("--step-limit").contains("--out").contains("--seed")
                .contains("--explain")
                .contains("--quiet").contains("default: 30s").contains("Exit codes");
    }

    @Test
    void helpSubcommandWorksToo() {
        Cli.Run run = Cli.run("help", "solve");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: regroup solve");
    }

    @Test
    void generateHelpNamesEveryOption() {
        Cli.Run run = Cli.run("generate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: regroup generate").contains("--size").contains("--students")
                .contains("--seed").contains("--out").contains("offsite");
    }

    @Test
    void versionPrintsAVersion() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("regroup ");
    }

    @Test
    void unknownSubcommandOrOptionIsBadInput() {
        Cli.Run unknown = Cli.run("plan");
        Cli.Run option = Cli.run("solve", "x.json", "--fast");

        assertThat(unknown.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("'plan'").contains("regroup --help");
        assertThat(option.exitCode()).isEqualTo(RegroupCommand.EXIT_BAD_INPUT);
        assertThat(option.err()).contains("--fast").contains("regroup solve --help");
    }
}
