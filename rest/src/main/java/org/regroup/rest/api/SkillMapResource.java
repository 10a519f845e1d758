package org.regroup.rest.api;

import org.regroup.domain.DayProblem;
import org.regroup.domain.graph.SkillGraph;
import org.regroup.domain.graph.SkillMapLayout;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;
import org.regroup.store.SchoolStore;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A school's skill map drawn: every skill's row (its grade) and place in the row, and the prerequisite arrows, for
 * the learner profile's picture and a student's progress. No student data: anyone of the school may read it.
 */
@Path("/api/schools/{school}/skill-map")
@Produces(MediaType.APPLICATION_JSON)
public final class SkillMapResource {

    @Inject
    SchoolStore store;

    @GET
    @Access(Rule.SKILL_MAP)
    @Operation(summary = "The school's skill map laid out: a row per grade, prerequisites above what needs them")
    public SkillMapLayout layout(@PathParam("school") String school) {
        DayProblem standing = store.schools().school(school)
                .orElseThrow(() -> ApiException.notFound("no school '" + school + "'")).standing();
        return SkillMapLayout.of(SkillGraph.of(standing.skills(), standing.prerequisites()));
    }
}
