package org.regroup.rest.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.regroup.domain.DayProblem;
import org.regroup.domain.InputError;
import org.regroup.domain.InvalidInputException;
import org.regroup.domain.School;
import org.regroup.domain.io.Limits;
import org.regroup.domain.io.oneroster.ExportFiles;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.InvalidExportException;
import org.regroup.domain.io.oneroster.OneRosterExport;
import org.regroup.domain.io.oneroster.Problems;
import org.regroup.domain.io.oneroster.RosterMapper;
import org.regroup.domain.roster.ImportedRoster;
import org.regroup.domain.roster.RosterSync;
import org.regroup.domain.roster.SyncReport;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.SchoolStore;
import org.regroup.store.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A OneRoster export into one school's standing data, as a sync: read and check every file, map the school's people,
 * compute who is new, changed and gone, check the result is a school that can be planned, and only then (unless it
 * is a dry run) write it in one transaction. An export with any error writes nothing. The command line and the HTTP
 * API both run this.
 */
public final class OneRosterImport {

    private static final Logger LOG = LoggerFactory.getLogger(OneRosterImport.class);

    /**
     * @param org          the school org (sourcedId or identifier); null: the org whose sourcedId or identifier is
     *                     the school's id, else the export's only school
     * @param template     for a school not in the store yet: where its blocks, spaces, skills… come from
     * @param templateName what {@code template} is, for the report
     */
    public record Options(String org, DayProblem template, String templateName, boolean dryRun,
            boolean acceptQualifications) {
    }

    /** What an import found and did: by id, never a name. Empty lists are listed: "nobody" is an answer. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Report(String schoolId, String org, String orgName, String version, Map<String, String> files,
            boolean dryRun, boolean applied, boolean created, String standingFrom, SyncReport.Changes students,
            SyncReport.Changes staff, List<ImportedRoster.Suggestion> qualifications, boolean qualificationsAccepted,
            List<ImportedRoster.Suggestion> qualificationsWithoutSkills, List<ImportProblem> warnings,
            List<String> notes) {
    }

    private static final java.util.regex.Pattern PERSON_PATH = java.util.regex.Pattern.compile(
            "^\\$\\.(students|staff)\\[(\\d+)]");

    private final SchoolStore store;

    public OneRosterImport(SchoolStore store) {
        this.store = store;
    }

    /**
     * @throws InvalidExportException            when the export (or the school it would make) has errors: nothing
     *                                           is written
     * @throws Schools.StandingChangedException  when the school changed while the import ran: nothing is written
     */
    public Report run(String schoolId, ExportFiles files, Options options) {
        Problems problems = new Problems();
        OneRosterExport export = OneRosterExport.read(files, problems);
        Optional<Schools.SchoolRecord> existing = store.schools().school(schoolId);
        // the org: the one asked for, else the one the school was imported from, else the school's own id
        String known = existing.map(Schools.SchoolRecord::standing).map(DayProblem::school).map(School::sourcedId)
                .orElse(null);
        String org = options.org() != null ? options.org() : known != null ? known : schoolId;
        // mapped even when a file had errors, so that one answer lists every error of the export
        RosterMapper.Mapped mapped = export == null ? null
                : RosterMapper.map(export, org, options.org() != null || known != null, problems);
        if (problems.hasErrors() || mapped == null) {
            throw new InvalidExportException(problems.errors());
        }
        if (existing.isEmpty() && options.template() == null) {
            problems.error(null, null, null, null, "school " + schoolId + " is not in the store yet: give a template "
                    + "day (--template DAY.json, or ?template=NAME of a bundled dataset) for its blocks, spaces and "
                    + "skills, or create the school first");
            throw new InvalidExportException(problems.errors());
        }
        DayProblem base = existing.map(Schools.SchoolRecord::standing).orElseGet(() -> named(options.template(),
                schoolId, mapped.org().name()));
        RosterSync.Result result = RosterSync.apply(base, existing.isEmpty(), mapped.roster(),
                options.acceptQualifications());
        DayProblem standing = checked(fromOrg(result.standing(), mapped.org().sourcedId()), problems);

        List<String> notes = notes(export, existing.isPresent(), options, result.report());
        boolean orgChanged = !mapped.org().sourcedId().equals(known);
        boolean write = !options.dryRun() && (existing.isEmpty() || !result.report().nothingChanged() || orgChanged);
        if (write) {
            String name = existing.map(Schools.SchoolRecord::name).orElse(clip(mapped.org().name()));
            store.schools().replaceStanding(schoolId, name, existing.map(Schools.SchoolRecord::standing)
                    .orElse(null), standing);
        }
        SyncReport r = result.report();
        LOG.info("import oneroster: school {} org {}{}: students {} new, {} changed, {} gone; staff {} new, {} "
                + "changed, {} gone", schoolId, mapped.org().sourcedId(), options.dryRun() ? " (dry run)" : "",
                r.students().added().size(), r.students().changed().size(), r.students().gone().size(),
                r.staff().added().size(), r.staff().changed().size(), r.staff().gone().size());
        Map<String, String> modes = new LinkedHashMap<>();
        for (String kind : List.of("orgs", "academicSessions", "users", "roles", "classes", "courses",
                "enrollments")) {
            if (kind.equals("roles") && !export.manifest().v12()) {
                continue;
            }
            modes.put(kind, export.mode(kind).wire());
        }
        return new Report(schoolId, mapped.org().sourcedId(), mapped.org().name(), export.manifest().version(), modes,
                options.dryRun(), write, write && existing.isEmpty(),
                existing.isPresent() ? "the school's standing data" : "template " + options.templateName(),
                r.students(), r.staff(), r.qualifications(), r.qualificationsAccepted(),
                r.qualificationsWithoutSkills(), problems.warnings(), notes);
    }

    /** The standing data as the org's: the day is sent back to the SIS under the org's sourcedId. */
    private static DayProblem fromOrg(DayProblem d, String orgSourcedId) {
        School s = d.school();
        if (s == null || orgSourcedId.equals(s.sourcedId())) {
            return d;
        }
        School school = new School(s.id(), s.name(), s.masteryThreshold(), s.practisingFrom(), s.nearMasteryFrom(),
                s.catchAll(), orgSourcedId);
        return new DayProblem(d.format(), d.version(), d.id(), d.date(), school, d.blocks(), d.skills(),
                d.prerequisites(), d.modalities(), d.activities(), d.staff(), d.spaces(), d.students(), d.requests(),
                d.weights());
    }

    /** The template as this school: its people and requests are dropped by the sync, its settings kept. */
    private static DayProblem named(DayProblem template, String schoolId, String orgName) {
        School s = template.school();
        School school = new School(schoolId, orgName != null ? clip(orgName) : s == null ? null : s.name(),
                s == null ? null : s.masteryThreshold(), s == null ? null : s.practisingFrom(),
                s == null ? null : s.nearMasteryFrom(), s == null ? null : s.catchAll(), null);
        return new DayProblem(template.format(), template.version(), schoolId, null, school, template.blocks(),
                template.skills(), template.prerequisites(), template.modalities(), template.activities(),
                template.staff(), template.spaces(), template.students(), template.requests(), template.weights());
    }

    /** An org's name as the store keeps a school's ({@link Limits#SCHOOL_NAME} characters at most). */
    private static String clip(String name) {
        return name == null || name.length() <= Limits.SCHOOL_NAME ? name : name.substring(0, Limits.SCHOOL_NAME);
    }

    /** The standing data as any school's is checked; what fails is reported against it, and nothing is written. */
    private static DayProblem checked(DayProblem standing, Problems problems) {
        try {
            return DayPlanBuilder.validated(standing, "standing data after the import");
        } catch (InvalidInputException invalid) {
            for (InputError e : invalid.errors()) {
                problems.error("standing data after the import", null, e.path(), person(standing, e.path()),
                        e.message());
            }
            throw new InvalidExportException(problems.errors());
        }
    }

    /** The id of the student or adult a JSON path such as {@code $.staff[3].qualifications} is in (their sourcedId). */
    private static String person(DayProblem standing, String path) {
        java.util.regex.Matcher m = PERSON_PATH.matcher(path);
        if (!m.find()) {
            return null;
        }
        int i = Integer.parseInt(m.group(2));
        List<String> ids = m.group(1).equals("students") ? standing.students().stream().map(s -> s.id()).toList()
                : standing.staff().stream().map(s -> s.id()).toList();
        return i < ids.size() ? ids.get(i) : null;
    }

    private static List<String> notes(OneRosterExport export, boolean existing, Options options, SyncReport r) {
        List<String> notes = new ArrayList<>();
        for (String file : export.notRead()) {
            notes.add(file + ": " + OneRosterExport.IGNORED.get(file));
        }
        notes.add(existing ? "blocks, spaces, skills and settings are the school's own; only students and staff are "
                + "synced" + (options.template() != null ? " (the template is not used: the school exists)" : "")
                : "a new school: blocks, spaces, skills and settings come from template " + options.templateName()
                + " (its people and requests are not used)");
        if (!r.students().gone().isEmpty()) {
            notes.add(r.students().gone().size() + " students gone from the export leave the standing data (no longer "
                    + "planned); their mastery, evidence and past plans stay until their record is erased (DELETE "
                    + "/api/schools/{school}/students/{id}/record) or the retention period ends");
        }
        if (!r.qualificationsWithoutSkills().isEmpty()) {
            notes.add(r.qualificationsWithoutSkills().size() + " qualifications suggested for subjects none of the "
                    + "school's skills is in (" + String.join(", ", r.qualificationsWithoutSkills().stream()
                    .map(q -> q.qualification().strand()).distinct().sorted().toList()) + ") cannot be applied");
        }
        long suggested = r.qualifications().size();
        if (suggested > 0 && !r.qualificationsAccepted()) {
            notes.add(suggested + " qualifications suggested by the classes adults teach are not applied: check them, "
                    + "then import again with --accept-qualifications (?acceptQualifications=true)");
        }
        return notes;
    }
}
