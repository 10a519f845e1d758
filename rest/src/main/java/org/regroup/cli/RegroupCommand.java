package org.regroup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code regroup}: the command line of the application. */
@Command(name = "regroup", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Plans a personalized-learning school day: who works on what, how, with whom, where.",
        subcommands = { SolveCommand.class, GenerateCommand.class, ServeCommand.class, WhatIfCommand.class,
                SimulateCommand.class, UsersCommand.class, ImportCommand.class, ExportCommand.class,
                MorningCommand.class, CommandLine.HelpCommand.class },
        footer = {"", "Benchmarks (from the source tree, through the ./regroup launcher): ./regroup bench --suite quick|full "
                + "runs Regroup against CP-SAT, greedy regrouping and static tracking (./regroup bench --help)."})
public final class RegroupCommand implements Runnable {

    /** Bad input (files, options): the user can fix it. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A plan was written, but it breaks hard rules: no plan satisfying all of them was found in time. */
    public static final int EXIT_INFEASIBLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The slf4j-simple setting for Timefold's own log; REGROUP_JAVA_OPTS=-D{@value}=info brings its lines back. */
    static final String TIMEFOLD_LOG_LEVEL = "org.slf4j.simpleLogger.log.ai.timefold";

    /**
     * Timefold's, the store's connection pool and migrations, the job engine's: their INFO lines are noise on a
     * terminal (the morning's own lines say when a job runs, is taken over or left for another node).
     */
    static final java.util.List<String> LIBRARY_LOGS = java.util.List.of(TIMEFOLD_LOG_LEVEL,
            "org.slf4j.simpleLogger.log.com.zaxxer.hikari", "org.slf4j.simpleLogger.log.org.flywaydb",
            "org.slf4j.simpleLogger.log.com.github.kagkarlsson.scheduler");

    public static void main(String[] args) {
        // Timefold logs each phase at INFO: on stderr that breaks the progress bar and --quiet. Progress and the
        // summary already say what matters; warnings still show.
        for (String library : LIBRARY_LOGS) {
            if (System.getProperty(library) == null) {
                System.setProperty(library, "warn");
            }
        }
        // Each line with its instant: a cluster's logs are read side by side (ids only, never names).
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("regroup: out of memory; give Java more, e.g. REGROUP_JAVA_OPTS=-Xmx2g ./regroup ...");
            return 1;
        }
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
