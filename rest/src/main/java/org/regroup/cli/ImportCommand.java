package org.regroup.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.skillmap.SkillMap;
import org.regroup.domain.roster.ImportedRoster;
import org.regroup.domain.roster.SyncReport;
import org.regroup.domain.mastery.BktParameters;
import org.regroup.rest.days.EvidenceService;
import org.regroup.rest.imports.OneRosterImport;
import org.regroup.rest.imports.ResultsImport;
import org.regroup.rest.imports.SetupImport;
import org.regroup.rest.imports.SkillMapImport;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code regroup import}: a school's data from the systems it already has, into the store a server uses. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a school's data into the store a server uses (the same --data-dir or --db-url).",
        subcommands = { ImportCommand.OneRoster.class, ImportCommand.Results.class, ImportCommand.Setup.class,
                ImportCommand.SkillMapSync.class })
final class ImportCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "oneroster", mixinStandardHelpOptions = true,
            description = { "Syncs a school's students and staff from a OneRoster 1.1 or 1.2 CSV export (a folder or "
                    + "a zip): lists who is new, changed and gone, then writes it in one transaction (docs/import.md).",
                    "Exit codes: 0 imported (or previewed), 2 bad input (every error with file:line:column; nothing "
                            + "is written)." })
    static final class OneRoster implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "PATH", description = "The export: a folder of CSV files or a zip of them.")
        Path path;
        @Option(names = "--school", required = true, paramLabel = "ID", description = "The Regroup school to sync.")
        String school;
        @Option(names = "--org", paramLabel = "SOURCEDID", description = "The school's org in the export (sourcedId "
                + "or identifier; default: the org the school was imported from, else the one whose sourcedId or "
                + "identifier is the school id, else the only school).")
        String org;
        @Option(names = "--template", paramLabel = "DAY.json", description = "For a school not in the store yet: a "
                + "day problem whose blocks, spaces, skills and settings it starts with (e.g. datasets/small.json).")
        Path template;
        @Option(names = "--dry-run", description = "List what would change; write nothing.")
        boolean dryRun;
        @Option(names = "--accept-qualifications", description = "Add the qualifications the adults' classes "
                + "suggest (listed by a dry run) to their qualifications.")
        boolean acceptQualifications;

        @Override
        public Integer call() {
            if (!school.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new ErrorReporter.UserError("--school: a school id is 1 to 64 letters, digits, '-' or '_'");
            }
            DayProblem day = template == null ? null : DayProblemReader.read(template);
            ExportFiles files;
            try {
                files = ExportFiles.read(path);
            } catch (NoSuchFileException missing) {
                throw new ErrorReporter.UserError(path + ": no such file or folder");
            } catch (InvalidExportException invalid) {
                return refused(invalid);
            } catch (IOException e) {
                throw new ErrorReporter.UserError(path + ": cannot be read (" + e.getMessage() + ")");
            }
            OneRosterImport.Report report;
            try (Database database = store.open()) {
                report = new OneRosterImport(new SchoolStore(database)).run(school, files, new OneRosterImport.Options(
                        org, day, template == null ? null : template.toString(), dryRun, acceptQualifications));
            } catch (InvalidExportException invalid) {
                return refused(invalid);
            } catch (Schools.StandingChangedException | Schools.SchoolExistsException changed) {
                throw new ErrorReporter.UserError(changed.getMessage());
            }
            print(spec.commandLine().getOut(), report);
            return 0;
        }

        private int refused(InvalidExportException invalid) {
            return ImportCommand.refused(spec, path, invalid);
        }
    }

    @Command(name = "results", mixinStandardHelpOptions = true,
            description = { "Records assessment results from a CSV file (student, skill, score or correct, items, "
                    + "observedAt, source, eventId) as evidence: mastery follows by BKT, and a result already "
                    + "recorded (same event id) is not counted again (docs/import.md).",
                    "Exit codes: 0 recorded (or previewed), 2 bad input (every error with file:line:column; nothing "
                            + "is written)." })
    static final class Results implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE.csv", description = "The results, one a record; or a OneRoster 1.2 gradebook "
                + "export (a zip or folder with lineItems.csv, results.csv and their learning objectives).")
        Path file;
        @Option(names = "--school", required = true, paramLabel = "ID", description = "The school in the store.")
        String school;
        @Option(names = "--dry-run", description = "Say how many results, students and skills, which are new and "
                + "which already recorded; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            ExportFiles gradebook;
            try {
                gradebook = gradebook(file);
            } catch (InvalidExportException invalid) {
                return refused(spec, file, invalid);
            }
            byte[] bytes = gradebook == null ? readFile(file) : null;
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            try (Database database = store.open()) {
                SchoolStore schools = new SchoolStore(database);
                Schools.SchoolRecord record = schools.schools().school(school).orElseThrow(() ->
                        new ErrorReporter.UserError("--school: no school '" + school + "' in the store (import its "
                                + "roster first: regroup import oneroster)"));
                ResultsImport.Report r;
                try {
                    ResultsImport.Checked checked = gradebook != null ? ResultsImport.checkGradebook(record, gradebook)
                            : ResultsImport.check(record, name, bytes);
                    r = new ResultsImport(schools.evidence(), new EvidenceService(schools.evidence(),
                            BktParameters.DEFAULTS)).run(record, checked, dryRun);
                } catch (InvalidExportException invalid) {
                    return refused(spec, file, invalid);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println((r.dryRun() ? "Dry run, nothing written: " : r.applied() ? "Recorded: "
                        : "Nothing to record: ") + r.results() + " results about " + r.students() + " students and "
                        + r.skills() + " skills for school " + r.schoolId() + "; " + r.newResults() + " new, "
                        + r.alreadyThere() + " already recorded");
                if (r.applied()) {
                    out.println(r.studentsWhoseReadySetChanged() + " students' ready sets changed");
                }
                list(out, "already recorded", r.alreadyThereEventIds());
                r.warnings().forEach(w -> out.println("warning: " + w));
                r.notes().forEach(n -> out.println("note: " + n));
                out.flush();
                return 0;
            }
        }

        /** A folder or zip is a OneRoster gradebook export; a file of another name is a results CSV (null). */
        private ExportFiles gradebook(Path path) {
            String name = String.valueOf(path.getFileName()).toLowerCase(java.util.Locale.ROOT);
            if (!Files.isDirectory(path) && !name.endsWith(".zip")) {
                return null;
            }
            try {
                return ExportFiles.read(path);
            } catch (NoSuchFileException missing) {
                throw new ErrorReporter.UserError(path + ": no such file or folder");
            } catch (IOException e) {
                throw new ErrorReporter.UserError(path + ": cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = { "Syncs one part of a school's standing data from a setup file: KIND spaces "
                    + "(spaces.csv), bell-schedule (bell-schedule.csv), accommodations (accommodations.csv), "
                    + "qualifications (qualifications.csv), staff (staff.csv), goals (goals.csv), interests "
                    + "(interests.csv) or keep-apart (keep-apart.csv). "
                    + "Lists what is new, changed and gone, then writes it in one transaction "
                    + "(docs/import.md).",
                    "Exit codes: 0 imported (or previewed), 2 bad input (every error with file:line:column; nothing "
                            + "is written)." })
    static final class Setup implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "KIND", description = "What the file holds: spaces, "
                + "bell-schedule, accommodations, qualifications, staff, goals, interests or keep-apart.")
        String kind;
        @Parameters(index = "1", paramLabel = "FILE.csv", description = "The setup file.")
        Path file;
        @Option(names = "--school", required = true, paramLabel = "ID", description = "The school in the store.")
        String school;
        @Option(names = "--dry-run", description = "List what would change; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            SetupImport.Kind k = SetupImport.Kind.of(kind);
            if (k == null) {
                throw new ErrorReporter.UserError("KIND: '" + kind + "' is not a kind of setup file ("
                        + SetupImport.Kind.PATH.replace("|", ", ") + ")");
            }
            byte[] bytes = readFile(file);
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            SetupImport.Report r;
            try (Database database = store.open()) {
                SchoolStore schools = new SchoolStore(database);
                Schools.SchoolRecord record = schools.schools().school(school).orElseThrow(() ->
                        new ErrorReporter.UserError("--school: no school '" + school + "' in the store (import its "
                                + "roster first: regroup import oneroster)"));
                r = new SetupImport(schools).run(record, k, name, bytes, dryRun);
            } catch (InvalidExportException invalid) {
                return refused(spec, file, invalid);
            } catch (Schools.StandingChangedException changed) {
                throw new ErrorReporter.UserError(changed.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((r.dryRun() ? "Dry run, nothing written: " : r.applied() ? "Synced " : "Nothing to change in ")
                    + r.kind() + " of school " + r.schoolId() + " from " + r.file());
            out.printf("%-9s %d new, %d changed, %d gone, %d unchanged (%d after)%n", r.kind(), r.added().size(),
                    r.changed().size(), r.gone().size(), r.unchanged(), r.total());
            list(out, "new", r.added());
            list(out, "changed", r.changed().stream().map(c -> c.id() + " (" + String.join(", ", c.fields()) + ")")
                    .toList());
            list(out, "gone", r.gone());
            r.warnings().forEach(w -> out.println("warning: " + w));
            r.notes().forEach(n -> out.println("note: " + n));
            out.flush();
            return 0;
        }
    }

    @Command(name = "skill-map", mixinStandardHelpOptions = true,
            description = { "Syncs one subject of a school's skills and prerequisites from a skill map: the CCSS "
                    + "edges CSV (as datasets/ccss-math-k8/zimba_ccssm_k8_edges.csv) or an IMS CASE 1.0 package "
                    + "(JSON). Lists what is new, changed and gone, then writes it in one transaction; other "
                    + "subjects stay as they are (docs/import.md).",
                    "Exit codes: 0 imported (or previewed), 2 bad input (every error with its file:line:column or "
                            + "JSON path; nothing is written)." })
    static final class SkillMapSync implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "FILE", description = "The skill map: a .csv (CCSS edges) or a .json (CASE).")
        Path file;
        @Option(names = "--school", required = true, paramLabel = "ID", description = "The school in the store.")
        String school;
        @Option(names = "--format", paramLabel = "ccss|case", description = "The file's format (default: by its "
                + "name, .json is case, else ccss).")
        String format;
        @Option(names = "--strand", paramLabel = "S", description = "The subject its skills are in (default: math "
                + "for ccss, the CFDocument's subject for case).")
        String strand;
        @Option(names = "--dry-run", description = "List what would change; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            SkillMapImport.Format f = format != null ? SkillMapImport.Format.of(format)
                    : name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? SkillMapImport.Format.CASE
                    : SkillMapImport.Format.CCSS;
            if (f == null) {
                throw new ErrorReporter.UserError("--format: '" + format + "' is not a skill map format (ccss, case)");
            }
            if (strand != null && !SkillMap.isSubject(strand)) {
                throw new ErrorReporter.UserError("--strand: a subject is 1 to 32 lower-case letters, digits or '-' "
                        + "(math, ela, science)");
            }
            byte[] bytes = readFile(file);
            SkillMapImport.Report r;
            try (Database database = store.open()) {
                SchoolStore schools = new SchoolStore(database);
                Schools.SchoolRecord record = schools.schools().school(school).orElseThrow(() ->
                        new ErrorReporter.UserError("--school: no school '" + school + "' in the store (import its "
                                + "roster first: regroup import oneroster)"));
                r = new SkillMapImport(schools).run(record, f, name, bytes, strand, dryRun);
            } catch (InvalidExportException invalid) {
                return refused(spec, file, invalid);
            } catch (Schools.StandingChangedException changed) {
                throw new ErrorReporter.UserError(changed.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((r.dryRun() ? "Dry run, nothing written: " : r.applied() ? "Synced " : "Nothing to change in ")
                    + "skills of " + r.strand() + " of school " + r.schoolId() + " from " + r.file() + " ("
                    + r.format() + ")");
            out.printf("Skills    %d new, %d changed, %d gone, %d unchanged (%d after)%n", r.added().size(),
                    r.changed().size(), r.gone().size(), r.unchanged(), r.total());
            list(out, "new", r.added());
            list(out, "changed", r.changed().stream().map(c -> c.id() + " (" + String.join(", ", c.fields()) + ")")
                    .toList());
            list(out, "gone", r.gone());
            out.printf("Prerequisites %d added, %d removed (%d after)%n", r.prerequisites().added(),
                    r.prerequisites().removed(), r.prerequisites().total());
            r.warnings().forEach(w -> out.println("warning: " + w));
            r.notes().forEach(n -> out.println("note: " + n));
            out.flush();
            return 0;
        }
    }

    static byte[] readFile(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new ErrorReporter.UserError(file + ": no such file");
        } catch (IOException e) {
            throw new ErrorReporter.UserError(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static int refused(picocli.CommandLine.Model.CommandSpec spec, Path file, InvalidExportException invalid) {
        PrintWriter err = spec.commandLine().getErr();
        int n = invalid.errors().size();
        err.println("regroup: " + file + ": " + n + (n == 1 ? " error" : " errors") + ", nothing was imported");
        for (ImportProblem p : invalid.errors()) {
            err.println("  " + p);
        }
        err.flush();
        return RegroupCommand.EXIT_BAD_INPUT;
    }

    /** The report as a person reads it: ids, never names. */
    static void print(PrintWriter out, OneRosterImport.Report r) {
        out.println((r.dryRun() ? "Dry run, nothing written: " : r.applied() ? (r.created() ? "Created" : "Synced")
                + " " : "Nothing to change in ") + "school " + r.schoolId() + " from org " + r.org()
                + " (OneRoster " + r.version() + "; " + r.files().entrySet().stream().map(e -> e.getKey() + " "
                + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
        changes(out, "Students", r.students());
        changes(out, "Staff", r.staff());
        if (!r.qualifications().isEmpty()) {
            out.println("Qualifications suggested by classes" + (r.qualificationsAccepted() ? " (applied)"
                    : " (not applied; --accept-qualifications applies them)") + ":");
            for (ImportedRoster.Suggestion s : r.qualifications()) {
                out.println("  " + s.staffId() + ": " + s.qualification().strand() + " grades "
                        + range(s.qualification().minGrade(), s.qualification().maxGrade()) + " (classes "
                        + String.join(", ", s.classes()) + ")");
            }
        }
        if (!r.qualificationsWithoutSkills().isEmpty()) {
            out.println("Suggested for subjects the school has no skills in (not applicable):");
            for (ImportedRoster.Suggestion s : r.qualificationsWithoutSkills()) {
                out.println("  " + s.staffId() + ": " + s.qualification().strand() + " grades "
                        + range(s.qualification().minGrade(), s.qualification().maxGrade()));
            }
        }
        for (ImportProblem w : r.warnings()) {
            out.println("warning: " + w);
        }
        for (String note : r.notes()) {
            out.println("note: " + note);
        }
        out.flush();
    }

    private static void changes(PrintWriter out, String what, SyncReport.Changes c) {
        out.printf("%-9s %d new, %d changed, %d gone, %d unchanged (%d after)%n", what, c.added().size(),
                c.changed().size(), c.gone().size(), c.unchanged(), c.total());
        list(out, "new", c.added());
        list(out, "changed", c.changed().stream().map(ch -> ch.id() + " (" + String.join(", ", ch.fields()) + ")")
                .toList());
        list(out, "gone", c.gone());
    }

    private static void list(PrintWriter out, String label, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        int shown = Math.min(ids.size(), 20);
        out.println("  " + label + ": " + String.join(", ", ids.subList(0, shown))
                + (ids.size() > shown ? " … and " + (ids.size() - shown) + " more" : ""));
    }

    private static String range(Integer min, Integer max) {
        return (min == null ? "any" : min == 0 ? "K" : min.toString()) + "–" + (max == null ? "any" : max == 0 ? "K"
                : max.toString());
    }
}
