package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Skill;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.rest.days.EvidenceService;
import org.regroup.store.EvidenceLog;
import org.regroup.store.Schools;

/**
 * Assessment results from a CSV file into a school's evidence: read and checked whole (a file with any error changes
 * nothing), previewed (which results are new, which the log already has), then handed to the evidence service in one
 * batch, so mastery follows by the same BKT update as {@code POST …/evidence}, idempotent by event id.
 */
public final class ResultsImport {

    /** What an import found and did, by id only. */
    public record Report(String schoolId, String file, boolean dryRun, boolean applied, int results, int students,
            int skills, int newResults, int alreadyThere, List<String> alreadyThereEventIds,
            int studentsWhoseReadySetChanged, List<ImportProblem> warnings, List<String> notes) {
    }

    private final EvidenceLog log;
    private final EvidenceService evidence;

    public ResultsImport(EvidenceLog log, EvidenceService evidence) {
        this.log = log;
        this.evidence = evidence;
    }

    /** The file's results checked against the school: the students and skills it names must be the school's. */
    public record Checked(String file, List<EvidenceService.Result> results, List<ImportProblem> warnings,
            List<String> notes) {

        public List<String> studentIds() {
            return results.stream().map(EvidenceService.Result::studentId).distinct().sorted().toList();
        }
    }

    /**
     * Reads and checks the file.
     *
     * @throws InvalidExportException every error, with file, line, column and the student's id
     */
    public static Checked check(Schools.SchoolRecord school, String file, byte[] bytes) {
        Problems problems = new Problems();
        return checked(school, file, ResultsFile.read(file, bytes, problems), problems);
    }

    /**
     * Reads and checks a OneRoster 1.2 gradebook export (lineItems, results and their learning objectives): the
     * results of the school's students on its skills, the rest skipped and said.
     *
     * @throws InvalidExportException every error, with file, line, column and the result's sourcedId
     */
    public static Checked checkGradebook(Schools.SchoolRecord school, ExportFiles files) {
        Problems problems = new Problems();
        DayProblem standing = school.standing();
        List<ResultsFile.Line> lines = GradebookFile.read(files, standing.students().stream().map(Student::id)
                .collect(Collectors.toSet()), standing.skills().stream().map(Skill::id).collect(Collectors.toSet()),
                problems);
        return checked(school, files.where(), lines, problems);
    }

    /** Whether an export (a folder or zip) is a gradebook, not a roster. */
    public static boolean isGradebook(ExportFiles files) {
        return GradebookFile.isGradebook(files);
    }

    private static Checked checked(Schools.SchoolRecord school, String file, List<ResultsFile.Line> lines,
            Problems problems) {
        DayProblem standing = school.standing();
        Set<String> students = new HashSet<>();
        standing.students().stream().map(Student::id).forEach(students::add);
        Set<String> skills = new HashSet<>();
        standing.skills().stream().map(Skill::id).forEach(skills::add);
        for (ResultsFile.Line line : lines) {
            EvidenceService.Result r = line.result();
            if (!students.contains(r.studentId())) {
                problems.error(file, line.line(), "student", r.studentId(), "no student '" + r.studentId()
                        + "' in school " + school.id());
            }
            if (!skills.contains(r.skillId())) {
                problems.error(file, line.line(), "skill", r.studentId(), "no skill '" + r.skillId() + "' in the "
                        + "school's skill map");
            }
        }
        if (lines.size() > EvidenceService.MAX_RESULTS) {
            problems.error(file, null, null, null, "holds " + lines.size() + " results; split it into files of at "
                    + "most " + EvidenceService.MAX_RESULTS);
        }
        if (!problems.hasErrors() && lines.isEmpty()) {
            problems.error(file, null, null, null, "the file holds no results");
        }
        if (problems.hasErrors()) {
            throw new InvalidExportException(problems.errors());
        }
        List<String> notes = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<EvidenceService.Result> results = new ArrayList<>();
        int repeated = 0;
        for (ResultsFile.Line line : lines) {
            if (firstLine.putIfAbsent(line.result().eventId(), line.line()) == null) {
                results.add(line.result());
            } else {
                repeated++; // only a derived id can repeat here: the same record twice is one result
            }
        }
        if (repeated > 0) {
            notes.add(repeated + " records repeat an earlier record of the file exactly (no eventId): each counted "
                    + "once");
        }
        return new Checked(file, List.copyOf(results), problems.warnings(), notes);
    }

    /** Checks the file, then previews ({@code dryRun}) or applies it. */
    public Report run(Schools.SchoolRecord school, Checked checked, boolean dryRun) {
        List<EvidenceService.Result> results = checked.results();
        Set<String> known = log.knownEventIds(school.id(), results.stream().map(EvidenceService.Result::eventId)
                .toList());
        List<String> already = results.stream().map(EvidenceService.Result::eventId).filter(known::contains)
                .sorted().toList();
        int students = new TreeSet<>(checked.studentIds()).size();
        int skills = (int) results.stream().map(EvidenceService.Result::skillId).distinct().count();
        List<String> notes = new ArrayList<>(checked.notes());
        if (!already.isEmpty()) {
            notes.add(already.size() + " results are in the evidence log already (same event id): not counted again");
        }
        int fresh = results.size() - already.size();
        if (dryRun || fresh == 0) {
            return new Report(school.id(), checked.file(), dryRun, false, results.size(), students, skills, fresh,
                    already.size(), first(already), 0, checked.warnings(), notes);
        }
        EvidenceService.Ingested done = evidence.ingest(school, new EvidenceService.Batch(results));
        int readyChanged = (int) done.students().stream().filter(s -> !s.enteredReady().isEmpty()
                || !s.leftReady().isEmpty()).count();
        return new Report(school.id(), checked.file(), false, true, results.size(), students, skills, done.applied(),
                done.duplicates().size(), first(done.duplicates().stream().sorted().toList()), readyChanged,
                checked.warnings(), notes);
    }

    private static List<String> first(List<String> ids) {
        return ids.size() > 20 ? ids.subList(0, 20) : ids;
    }
}
