package org.regroup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regroup}: the command line of the application. */
@Command(name = "regroup", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Plans a personalized-learning school day: who works on what, how, with whom, where.",
        subcommands = { SolveCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class })
public final class RegroupCommand implements Runnable {

    /** Bad input (files, options): the user can fix it. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A plan was written, but it breaks hard rules: no plan satisfying all of them was found in time. */
    public static final int EXIT_INFEASIBLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RegroupCommand());
        cli.setParameterExceptionHandler((ex, params) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("regroup: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
