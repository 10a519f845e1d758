package org.regroup.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.demo.shapes.SeatArithmetic;
import org.regroup.domain.demo.shapes.SeatReport;
import org.regroup.domain.demo.shapes.ShapeOverrides;
import org.regroup.domain.demo.shapes.Shapes;
import org.regroup.domain.io.DayProblemValidator;
import org.regroup.domain.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code regroup generate}: writes a seeded demo day, a preset or a school shape, on the real CCSS graph. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a seeded, realistic demo day (real CCSS K-8 math graph, synthetic school): a preset "
                + "(--size), a school of any size staffed like medium (--students), or a school shape (--shape), "
                + "whose parameters the options below --shape change.",
                "The same options and seed always write the same bytes."})
final class GenerateCommand implements Callable<Integer> {

    private static final String SHAPE_NAMES = "tiny, studio, tight-ratio, offsite-travel, accommodation-crunch, "
            + "keep-apart, behind, part-time, late-arrivals, quiet-heavy, one-room, no-lab, staff-out, "
            + "advisory-activities, scale-1000";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", description = "small, medium, large, overconstrained or offsite "
            + "(default: medium).")
    String size;

    @Option(names = "--shape", paramLabel = "NAME", description = "A school shape (datasets/shapes/README.md): "
            + SHAPE_NAMES + ".")
    String shape;

    @Option(names = "--students", paramLabel = "N", description = "Without --shape: a school of N students, staff "
            + "and spaces scaled like medium (for scaling series). With --shape: the shape with N students, its "
            + "adults and rooms in proportion.")
    Integer students;

    @Option(names = "--oneroster", description = "Instead of a day: a synthetic OneRoster 1.1 CSV export of a "
            + "district (a zip; two schools, --students in the one with identifier 'demo', default 60) to try "
            + "'regroup import oneroster' with.")
    boolean oneroster;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the day problem.")
    Path out;

    @Option(names = "--students-per-adult", paramLabel = "X", description = "With --shape: one adult per X "
            + "students, the shape's mix of roles kept.")
    Double studentsPerAdult;

    @Option(names = "--adult-led-share", paramLabel = "X", description = "With --shape: teachers for adult-led "
            + "seats (teachers and specialists × the largest small group) for this share of the students; aides "
            + "make up the difference.")
    Double adultLedShare;

    @Option(names = "--studio-share", paramLabel = "X", description = "With --shape: this share (0-1) of the "
            + "classroom and studio groups in open studios (six groups of 25 around computers); classrooms for the "
            + "rest.")
    Double studioShare;

    @Option(names = "--accommodation-load", paramLabel = "X", description = "With --shape: X times the shape's "
            + "share of students with each accommodation (0: none).")
    Double accommodationLoad;

    @Option(names = "--offsite-travel", paramLabel = "MINUTES", description = "With --shape: a museum trip in the "
            + "first activities block, MINUTES away each way; longer than the gap between blocks, travel takes the "
            + "neighbouring blocks.")
    Integer offsiteTravel;

    @Option(names = "--part-time-share", paramLabel = "X", description = "With --shape: this share (0-1) of every "
            + "role's adults work part of the day.")
    Double partTimeShare;

    @Option(names = "--late-share", paramLabel = "X", description = "With --shape: this share (0-1) of the students "
            + "arrive late or leave early.")
    Double lateShare;

    @Option(names = "--behind-share", paramLabel = "X", description = "With --shape: this share (0-1) of the "
            + "students work two or more grades behind.")
    Double behindShare;

    @Option(names = "--keep-apart-share", paramLabel = "X", description = "With --shape: this share (0-1) of the "
            + "students in keep-apart pairs.")
    Double keepApartShare;

    @Option(names = "--catch-all", negatable = true, description = "With --shape: a supervised catch-all in the "
            + "library (--no-catch-all: none).")
    Boolean catchAll;

    @Override
    public Integer call() throws IOException {
        if (oneroster) {
            return district();
        }
        OutFile.checkWritable(out, Path.of("day.json"));
        DayProblem problem = shape != null ? shape() : preset();
        Json.writeAtomically(out, problem);
        spec.commandLine().getOut().printf("Wrote %s: %d students, %d staff, %d spaces, %d blocks, %d skills%n", out,
                problem.students().size(), problem.staff().size(), problem.spaces().size(), problem.blocks().size(),
                problem.skills().size());
        if (shape != null) {
            spec.commandLine().getOut().println("Seats: " + SeatReport.verdict(SeatArithmetic.of(problem)));
        }
        return 0;
    }

    private int district() throws IOException {
        if (size != null || shape != null) {
            throw new ErrorReporter.UserError("--oneroster writes a district export: give --students, not --size or "
                    + "--shape");
        }
        int n = students == null ? 60 : students;
        if (n < 3 || n > 100_000) {
            throw new ErrorReporter.UserError("--students must be 3 to 100000 with --oneroster, was " + n);
        }
        OutFile.checkWritable(out, Path.of("district.zip"));
        if (out.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        java.nio.file.Files.write(tmp, org.regroup.domain.demo.DistrictExport.zip(n, seed));
        java.nio.file.Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("Wrote %s: a OneRoster 1.1 export, %d students in school 'demo', %d in "
                + "'hill'%n", out, n, Math.max(n / 2, 3));
        return 0;
    }

    private DayProblem preset() {
        ShapeOverrides overrides = overrides(null);
        if (overrides.any()) {
            throw new ErrorReporter.UserError(firstOverride() + " changes a school shape: give --shape NAME too");
        }
        if (students != null && size != null) {
            throw new ErrorReporter.UserError("give either --size or --students, not both");
        }
        if (students != null) {
            if (students < DatasetGenerator.MIN_STUDENTS) {
                throw new ErrorReporter.UserError("--students must be at least " + DatasetGenerator.MIN_STUDENTS
                        + ", was " + students);
            }
            return DatasetGenerator.generate(students, seed);
        }
        DatasetGenerator.Preset preset;
        try {
            preset = DatasetGenerator.Preset.valueOf((size == null ? "medium" : size).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError("--size must be small, medium, large, overconstrained or offsite, "
                    + "was '" + size + "'");
        }
        return DatasetGenerator.generate(preset, seed);
    }

    private DayProblem shape() {
        if (size != null) {
            throw new ErrorReporter.UserError("give either --size or --shape, not both");
        }
        String name = shape.trim().toLowerCase(Locale.ROOT);
        if (!Shapes.exists(name)) {
            throw new ErrorReporter.UserError("unknown shape '" + shape + "'; the shapes are "
                    + String.join(", ", Shapes.names()));
        }
        checkRanges();
        DayProblem problem;
        try {
            problem = Shapes.generate(name, seed, overrides(students));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ErrorReporter.UserError("cannot make a '" + name + "' school with these options: "
                    + e.getMessage());
        }
        List<InputError> errors = DayProblemValidator.validate(problem);
        if (!errors.isEmpty()) {
            throw new ErrorReporter.UserError("these options make a day that is not valid input, e.g. "
                    + errors.get(0).path() + ": " + errors.get(0).message());
        }
        return problem;
    }

    private ShapeOverrides overrides(Integer shapeStudents) {
        return new ShapeOverrides(shapeStudents, studentsPerAdult, adultLedShare, studioShare, accommodationLoad,
                offsiteTravel, partTimeShare, lateShare, behindShare, keepApartShare, catchAll);
    }

    /** The option's own name in the message: a user error names what was typed. */
    private void checkRanges() {
        if (students != null && students < 1) {
            throw new ErrorReporter.UserError("--students must be at least 1, was " + students);
        }
        positive("--students-per-adult", studentsPerAdult);
        positive("--adult-led-share", adultLedShare);
        share("--studio-share", studioShare);
        if (accommodationLoad != null && accommodationLoad < 0) {
            throw new ErrorReporter.UserError("--accommodation-load cannot be negative, was " + accommodationLoad);
        }
        if (offsiteTravel != null && offsiteTravel < 0) {
            throw new ErrorReporter.UserError("--offsite-travel cannot be negative, was " + offsiteTravel);
        }
        share("--part-time-share", partTimeShare);
        share("--late-share", lateShare);
        share("--behind-share", behindShare);
        share("--keep-apart-share", keepApartShare);
    }

    private static void positive(String option, Double value) {
        if (value != null && !(value > 0)) {
            throw new ErrorReporter.UserError(option + " must be above 0, was " + value);
        }
    }

    private static void share(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new ErrorReporter.UserError(option + " is a share between 0 and 1, was " + value);
        }
    }

    private String firstOverride() {
        String[] names = {"--students-per-adult", "--adult-led-share", "--studio-share", "--accommodation-load",
                "--offsite-travel", "--part-time-share", "--late-share", "--behind-share", "--keep-apart-share",
                "--catch-all"};
        Object[] values = {studentsPerAdult, adultLedShare, studioShare, accommodationLoad, offsiteTravel,
                partTimeShare, lateShare, behindShare, keepApartShare, catchAll};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                return names[i];
            }
        }
        return "this option";
    }
}
