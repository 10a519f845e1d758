package org.regroup.rest.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.regroup.domain.plan.Focus;
import org.regroup.domain.plan.StudentDay;
import org.regroup.domain.plan.Unplaced;
import org.regroup.domain.plan.Violation;
import org.regroup.rest.ApiJson;
import org.regroup.rest.errors.ApiException;
import org.regroup.rest.plans.ReadablePlan;
import org.regroup.rest.roster.Roster;
import org.regroup.rest.roster.RosterMedia;
import org.regroup.rest.roster.Rosters;
import org.regroup.solver.constraints.Feasibility;
import org.regroup.solver.constraints.Reason;
import org.regroup.solver.explain.Alternatives;
import org.regroup.solver.explain.Explainer;
import org.regroup.solver.output.PlanAssembler;

/**
 * What people read from a plan — the score analysis, a student's day card, an adult's roster, who has no seat,
 * alternatives for an override — the same for a plan the server is solving ({@code /api/plans/{id}/…}) and for a
 * stored version of a school's day ({@code /api/schools/{school}/days/{date}/…}).
 */
final class PlanReadings {

    /** One rule's part in the score, with each match in plain words. */
    public record RuleView(String rule, String score, int matches, List<MatchView> details) {
    }

    public record MatchView(String score, String explanation, List<String> students, String blockId) {
    }

    /**
     * The score rule by rule; {@code violations}: the broken hard and medium rules as the plan lists them.
     * {@code version}: for a stored version, which one and its status.
     */
    public record AnalysisView(String planId, Roster.Stamp version, String score, boolean feasible,
            boolean workable, List<Violation> violations, List<RuleView> rules) {
    }

    /**
     * A student's day card: each block's entry, and why, in plain words; for a stored version, which one and the
     * student's blocks that changed since the version it revises.
     */
    public record DayCard(String planId, String studentId, Roster.Stamp version, List<StudentDay.Entry> blocks,
            List<String> why, List<Explainer.RuleNote> rules, List<org.regroup.domain.plan.PlanDiff.Move> changes,
            List<InWords> inWords) {
    }

    /**
     * One block of a day card as a student or family reads it, without ids: when, what (the skill or activity's
     * name), how (the modality's name), with whom (the adult's name), where (the room or site), and its status.
     */
    public record InWords(String blockId, java.time.LocalTime start, java.time.LocalTime end, String status,
            String what, String how, String withWhom, String where, String note) {
    }

    /** Who has no seat, and why, block by block. */
    public record UnplacedView(String planId, Roster.Stamp version, int count, List<Unplaced> unplaced) {
    }

    /**
     * One way to place a student in a block instead: what it would change in the score against where they are now,
     * split into what it costs the student and what it costs the groups it touches, and why.
     */
    public record Alternative(int rank, String sessionId, String staffId, String spaceId, String modality,
            Focus focus, String scoreChange, String studentCost, String groupCost, List<String> reasons) {
    }

    public record AlternativesView(String planId, String studentId, String blockId, String currentSessionId,
            List<Alternative> alternatives) {
    }

    private PlanReadings() {
    }

    static AnalysisView analysis(ReadablePlan p, Roster.Stamp stamp) {
        ScoreAnalysis<HardMediumSoftScore> analysis = p.analysis();
        List<RuleView> rules = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftScore> c : analysis.constraintAnalyses()) {
            List<MatchView> details = new ArrayList<>();
            if (c.matches() != null) {
                for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                    if (m.justification() instanceof Reason r) {
                        details.add(new MatchView(m.score().toString(), r.describe(), r.studentIds(), r.blockId()));
                    }
                }
            }
            rules.add(new RuleView(c.constraintName(), c.score().toString(), c.matchCount(), details));
        }
        rules.sort(Comparator.comparing((RuleView r) -> HardMediumSoftScore.parseScore(r.score())));
        return new AnalysisView(p.label(), stamp, analysis.score().toString(), Feasibility.feasible(analysis.score()),
                Feasibility.workable(analysis.score()), p.plan().violations(), rules);
    }

    static DayCard dayCard(ReadablePlan p, String studentId, Roster.Stamp stamp,
            List<org.regroup.domain.plan.PlanDiff.Move> dayMoves) {
        StudentDay day = p.plan().students().stream().filter(s -> s.studentId().equals(studentId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no student '" + studentId + "' in plan " + p.label()));
        Explainer.Explanation explanation = Explainer.explain(p.day(), p.analysis(), studentId, null);
        return new DayCard(p.label(), studentId, stamp, day.blocks(), explanation.placement(), explanation.rules(),
                dayMoves.stream().filter(m -> m.studentId().equals(studentId)).toList(), inWords(p, day));
    }

    private static List<InWords> inWords(ReadablePlan p, StudentDay day) {
        var problem = p.problem();
        java.util.Map<String, org.regroup.domain.TimeBlock> blocks = new java.util.HashMap<>();
        problem.blocks().forEach(b -> blocks.put(b.id(), b));
        java.util.Map<String, String> staff = new java.util.HashMap<>();
        problem.staff().forEach(s -> staff.put(s.id(), s.name() == null ? "" : s.name()));
        java.util.Map<String, String> spaces = new java.util.HashMap<>();
        problem.spaces().forEach(s -> spaces.put(s.id(), s.name() == null ? "" : s.name()));
        var modalities = org.regroup.domain.catalog.ModalityCatalog.of(problem.modalities());
        List<InWords> words = new ArrayList<>();
        for (StudentDay.Entry e : day.blocks()) {
            var block = blocks.get(e.blockId());
            String how = e.modality() == null ? null : modalities.contains(e.modality())
                    && modalities.get(e.modality()).name() != null ? modalities.get(e.modality()).name() : e.modality();
            String what = e.focus() == null ? null : e.focus().name() != null ? e.focus().name() : e.focus().id();
            words.add(new InWords(e.blockId(), block == null ? null : block.start(), block == null ? null : block.end(),
                    e.status() == null ? null : e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    what, how, e.staffId() == null ? null : staff.get(e.staffId()),
                    e.spaceId() == null ? null : spaces.get(e.spaceId()), e.note()));
        }
        return words;
    }

    static UnplacedView unplaced(ReadablePlan p, Roster.Stamp stamp) {
        List<Unplaced> unplaced = p.plan().unplaced() == null ? List.of() : p.plan().unplaced();
        return new UnplacedView(p.label(), stamp, unplaced.size(), unplaced);
    }

    /**
     * An adult's roster: per block their group (session, modality, focus, space) and its students with the focus
     * each works on and the accommodations to honour; blocks without a group say why (free, away…). The same data
     * as JSON, CSV, printable HTML or iCalendar, as the {@code Accept} header asks; rendered once per state of the
     * plan, with an ETag so that a device polling for changes gets 304.
     */
    static Response roster(ReadablePlan p, String staffId, Request request, UnaryOperator<Roster> stamp) {
        if (p.problem().staff().stream().noneMatch(s -> s.id().equals(staffId))) {
            throw ApiException.notFound("no staff '" + staffId + "' in plan " + p.label());
        }
        Variant variant = request.selectVariant(RosterMedia.VARIANTS);
        if (variant == null) {
            throw new NotAcceptableException();
        }
        MediaType type = variant.getMediaType();
        EntityTag tag = new EntityTag(p.tag() + "-" + staffId + "-" + type.getSubtype());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.variant(variant).build();
        }
        RosterMedia.Rendered rendered = p.rendered(List.of("roster", staffId, type), () -> {
            Roster roster = stamp.apply(Rosters.of(p.label(), p.plan(), p.problem(), staffId));
            if (roster.date() == null && RosterMedia.TEXT_CALENDAR_TYPE.isCompatible(type)) {
                throw ApiException.conflict("plan " + p.label() + " has no date (its day problem gives none), so "
                        + "it cannot be a calendar; ask for application/json, text/csv or text/html");
            }
            return RosterMedia.render(roster, type, ApiJson.MAPPER, p.at());
        });
        Response.ResponseBuilder ok = Response.ok(rendered.body()).header(HttpHeaders.CONTENT_TYPE,
                rendered.contentType()).tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (rendered.fileName() != null) {
            ok.header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + "\"");
        }
        if (MediaType.TEXT_HTML_TYPE.isCompatible(type)) {
            ok.header("Content-Security-Policy", RosterMedia.HTML_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff");
        }
        return ok.build();
    }

    /** The student's placement in the block (404 when there is none: unknown, absent or on a commitment). */
    static org.regroup.solver.model.Placement placement(ReadablePlan p, String studentId, String blockId) {
        try {
            return Alternatives.placement(p.day(), studentId, blockId);
        } catch (Alternatives.NoPlacementException unknown) {
            throw ApiException.notFound(unknown.getMessage());
        }
    }

    /** Ranked ways to place the student in this block instead, best first, none breaking a hard rule. */
    static AlternativesView alternatives(ReadablePlan p, String studentId, String blockId, Integer limit) {
        if (limit != null && limit < 1) {
            throw ApiException.badRequest("limit must be at least 1, was " + limit);
        }
        org.regroup.solver.model.Session now = placement(p, studentId, blockId).getSession();
        String current = now == null ? null : now.getId();
        List<Alternatives.Option> options = Alternatives.of(Explainer.solutionManager(), p.day(), studentId, blockId,
                limit);
        List<Alternative> alternatives = options.stream().map(o -> new Alternative(o.rank(), o.session().getId(),
                o.session().getAdult() == null ? null : o.session().getAdult().getId(),
                o.session().getRoom() == null ? null : o.session().getRoom().getId(), o.session().getMode().getId(),
                PlanAssembler.focus(o.focus()), o.change().toString(),
                o.studentCost().toString(), o.groupCost().toString(), o.reasons())).toList();
        return new AlternativesView(p.label(), studentId, blockId, current, alternatives);
    }
}
