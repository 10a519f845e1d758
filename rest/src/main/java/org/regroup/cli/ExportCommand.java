package org.regroup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.regroup.domain.io.Limits;
import org.regroup.rest.exports.Attendance;
import org.regroup.rest.exports.AttendanceCsv;
import org.regroup.rest.exports.OneRosterDay;
import org.regroup.rest.exports.PublishedDay;
import org.regroup.store.Database;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regroup export}: a school's published day out of the store, for the systems the school already has. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a school's published day out of the store a server uses (the same --data-dir or "
                + "--db-url), for its SIS (docs/export.md).",
        subcommands = { ExportCommand.OneRoster.class, ExportCommand.AttendanceFile.class })
final class ExportCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What both exports are given: the store, the school and the day, and where to write. */
    static final class DayOptions {
        @Mixin
        StoreOptions store;
        @Option(names = "--school", required = true, paramLabel = "ID", description = "The school in the store.")
        String school;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The school day; its "
                + "published version is written.")
        String date;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (written whole "
                + "or not at all).")
        Path out;

        LocalDate day() {
            LocalDate day = Limits.date(date);
            if (day == null) {
                throw new ErrorReporter.UserError("--date is '" + date + "', not " + Limits.DATE);
            }
            return day;
        }

        /** The published day; a school or day the store does not have is the user's to fix (exit 2). */
        PublishedDay published(SchoolStore store, LocalDate day) {
            Schools.SchoolRecord record = store.schools().school(school).orElseThrow(() ->
                    new ErrorReporter.UserError("no school '" + school + "' in the store"));
            try {
                return PublishedDay.load(store, record, day);
            } catch (PublishedDay.NotPublishedException none) {
                throw new ErrorReporter.UserError(none.getMessage());
            }
        }

        /** Writes the bytes to a temporary file beside {@code --out}, then moves it there: never half a file. */
        void write(byte[] bytes) throws IOException {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @Command(name = "oneroster", mixinStandardHelpOptions = true,
            description = { "Writes the published day's sessions as a OneRoster 1.1 CSV zip: one class per session "
                    + "(stable sourcedIds), its adult and students enrolled (docs/export.md).",
                    "Exit codes: 0 written, 2 bad input (no such school, no published plan that day, a bad date or "
                            + "--out; nothing is written)." })
    static final class OneRoster implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        DayOptions options;
        @Option(names = "--org", paramLabel = "SOURCEDID", description = "The school's sourcedId in the SIS "
                + "(default: the org the school was imported from, else the school's id).")
        String org;

        @Override
        public Integer call() throws IOException {
            LocalDate day = options.day();
            if (org != null && (org.isEmpty() || org.length() > 64 || org.chars().anyMatch(c -> c == '/'
                    || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)))) {
                throw new ErrorReporter.UserError("--org: a sourcedId is 1 to 64 characters, no '/', '\\', spaces "
                        + "or control characters");
            }
            OutFile.checkWritable(options.out, Path.of("day.zip"));
            PublishedDay published;
            OneRosterDay.Export export;
            try (Database database = options.store.open()) {
                published = options.published(new SchoolStore(database), day);
                export = OneRosterDay.of(published, org);
            }
            options.write(export.zip(published.madeAt()));
            spec.commandLine().getOut().printf("Wrote %s: school %s, %s version %d as OneRoster 1.1 (%d classes, %d "
                    + "enrollments)%n", options.out, published.schoolId(), day, published.version(), export.classes(),
                    export.enrollments());
            return 0;
        }
    }

    @Command(name = "attendance", mixinStandardHelpOptions = true,
            description = { "Writes the attendance taken on the published day as a CSV an SIS imports: one record "
                    + "per student and block marked (docs/export.md).",
                    "Exit codes: 0 written, 2 bad input (no such school, no published plan that day, a bad date or "
                            + "--out; nothing is written)." })
    static final class AttendanceFile implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        DayOptions options;

        @Override
        public Integer call() throws IOException {
            LocalDate day = options.day();
            OutFile.checkWritable(options.out, Path.of("attendance.csv"));
            Attendance.View view;
            try (Database database = options.store.open()) {
                SchoolStore store = new SchoolStore(database);
                PublishedDay published = options.published(store, day);
                view = Attendance.view(published, store.attendance().marks(published.schoolId(), day));
            }
            options.write(AttendanceCsv.of(view));
            spec.commandLine().getOut().printf("Wrote %s: school %s, %s, %d marks%n", options.out, view.schoolId(),
                    day, view.marks().size());
            return 0;
        }
    }
}
