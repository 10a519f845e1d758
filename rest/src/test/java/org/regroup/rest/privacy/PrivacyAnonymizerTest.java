package org.regroup.rest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Student;
import org.regroup.domain.demo.DatasetGenerator;
import org.regroup.domain.io.Json;
import org.regroup.solver.build.DayPlanBuilder;
import org.regroup.store.Schools;

/** What an erasure leaves of a student in stored documents: an opaque id where ids of students are, nothing else. */
class PrivacyAnonymizerTest {

    private final Anonymizer anonymizer = new Anonymizer("S1", "Ann Lee", "erased-x");

    private JsonNode rewritten(String json) throws IOException {
        return Json.mapper().readTree(anonymizer.document(json.replace('\'', '"')));
    }

    @Test
    void inADayProblemTheirEntryLosesItsNameAndIdAndOnlyStudentIdsAreReplaced() throws IOException {
        JsonNode day = rewritten("{'students': [{'id': 'S1', 'name': 'Ann Lee', 'grade': 4, 'keepApart': ['S2'],"
                + " 'commitments': [{'blockId': 'B1', 'description': 'speech therapy'}]},"
                + " {'id': 'S2', 'name': 'Bo', 'keepApart': ['S1'], 'peers': ['S1']}],"
                + " 'staff': [{'id': 'S1', 'name': 'Sam, whose staff id is the same', 'advisees': ['S1', 'S2']}],"
                + " 'requests': [{'id': 'r1', 'studentId': 'S1', 'staffId': 'S1', 'note': 'Ann Lee asked'},"
                + " {'id': 'r2', 'studentId': 'S2', 'note': 'not with Ann Lee or S1'}]}");

        JsonNode them = day.at("/students/0");
        assertThat(them.get("id").asText()).isEqualTo("erased-x");
        assertThat(them.has("name")).isFalse();
        assertThat(them.get("grade").asInt()).as("what the rules read stays").isEqualTo(4);
        assertThat(them.at("/commitments/0/blockId").asText()).isEqualTo("B1");
        assertThat(them.at("/commitments/0").has("description")).isFalse();
        assertThat(day.at("/students/1/keepApart").toString()).isEqualTo("[\"erased-x\"]");
        assertThat(day.at("/students/1/peers").toString()).isEqualTo("[\"erased-x\"]");
        assertThat(day.at("/staff/0/id").asText()).as("a staff id equal to theirs").isEqualTo("S1");
        assertThat(day.at("/staff/0/advisees").toString()).isEqualTo("[\"erased-x\",\"S2\"]");
        assertThat(day.at("/requests/0/studentId").asText()).isEqualTo("erased-x");
        assertThat(day.at("/requests/0/staffId").asText()).isEqualTo("S1");
        assertThat(day.at("/requests/0").has("note")).isFalse();
        assertThat(day.at("/requests/1/note").asText()).isEqualTo("not with erased-x or erased-x");
    }

    @Test
    void inAPlanAndItsRecipeTheirSeatsDayCardAndMentionsAreOpaque() throws IOException {
        JsonNode plan = rewritten("{'blocks': [{'blockId': 'B1', 'sessions': [{'id': 'S1@B1', 'staffId': 'S1',"
                + " 'students': [{'studentId': 'S1'}, {'studentId': 'S2'}]}]}],"
                + " 'students': [{'studentId': 'S1', 'blocks': [{'blockId': 'B1', 'staffId': 'S1',"
                + " 'note': 'speech therapy'}]}, {'studentId': 'S2', 'blocks': [{'blockId': 'B1', 'note': 'lab'}]}],"
                + " 'unplaced': [{'studentId': 'S2', 'reasons': ['kept apart from S1 (Ann Lee)']}],"
                + " 'violations': [{'message': 'S1 and S2 share a session', 'students': ['S1', 'S2'],"
                + " 'staff': ['S1'], 'sessions': ['S1@B1']}]}");
        JsonNode recipe = rewritten("{'kind': 'change', 'change': {'fromBlock': 'B2', 'studentsGone': ['S1']},"
                + " 'readinessChanged': ['S1', 'S2'], 'pins': [{'studentId': 'S1', 'blockId': 'B1',"
                + " 'sessionId': 'S1@B1', 'reason': 'Ann Lee wants art', 'requestedBy': 'T1'}]}");

        assertThat(plan.at("/blocks/0/sessions/0/id").asText()).isEqualTo("S1@B1");
        assertThat(plan.at("/blocks/0/sessions/0/staffId").asText()).isEqualTo("S1");
        assertThat(plan.at("/blocks/0/sessions/0/students").toString())
                .isEqualTo("[{\"studentId\":\"erased-x\"},{\"studentId\":\"S2\"}]");
        assertThat(plan.at("/students/0/studentId").asText()).isEqualTo("erased-x");
        assertThat(plan.at("/students/0/blocks/0/staffId").asText()).isEqualTo("S1");
        assertThat(plan.at("/students/0/blocks/0").has("note")).as("text about them goes").isFalse();
        assertThat(plan.at("/students/1/blocks/0/note").asText()).isEqualTo("lab");
        assertThat(plan.at("/unplaced/0/reasons/0").asText()).isEqualTo("kept apart from erased-x (erased-x)");
        assertThat(plan.at("/violations/0/message").asText()).isEqualTo("erased-x and S2 share a session");
        assertThat(plan.at("/violations/0/students").toString()).isEqualTo("[\"erased-x\",\"S2\"]");
        assertThat(plan.at("/violations/0/staff").toString()).isEqualTo("[\"S1\"]");
        assertThat(plan.at("/violations/0/sessions").toString()).isEqualTo("[\"S1@B1\"]");
        assertThat(recipe.at("/change/studentsGone").toString()).isEqualTo("[\"erased-x\"]");
        assertThat(recipe.at("/readinessChanged").toString()).isEqualTo("[\"erased-x\",\"S2\"]");
        assertThat(recipe.at("/pins/0/studentId").asText()).isEqualTo("erased-x");
        assertThat(recipe.at("/pins/0/sessionId").asText()).isEqualTo("S1@B1");
        assertThat(recipe.at("/pins/0").has("reason")).isFalse();
        assertThat(recipe.at("/pins/0/requestedBy").asText()).isEqualTo("T1");
    }

    @Test
    void theStandingDataLosesThemAndEveryReferenceAndStaysPlannable() {
        DayProblem small = DatasetGenerator.generate(DatasetGenerator.Preset.SMALL, 1);
        Student named = small.students().stream().filter(s -> small.students().stream()
                .anyMatch(o -> o.keepApart().contains(s.id()) || o.peers().contains(s.id()))).findFirst()
                .orElse(small.students().get(0));
        Anonymizer erase = new Anonymizer(named.id(), named.name(), "erased-y");

        DayProblem after = erase.standing(small);

        assertThat(after.students()).hasSize(small.students().size() - 1).extracting(Student::id)
                .doesNotContain(named.id());
        assertThat(after.students()).allSatisfy(s -> {
            assertThat(s.keepApart()).doesNotContain(named.id());
            assertThat(s.peers()).doesNotContain(named.id());
        });
        assertThat(after.staff()).allSatisfy(a -> assertThat(a.advisees()).doesNotContain(named.id()));
        assertThat(after.requests()).noneMatch(r -> named.id().equals(r.studentId()));
        assertThat(Json.mapper().valueToTree(after).toString()).doesNotContain("\"" + named.id() + "\"")
                .doesNotContain("erased-y");
        DayPlanBuilder.validated(after, "the standing data after the erasure");
        assertThat(erase.dayInput(new Schools.DayInput(List.of(named.id(), "other"), List.of("T01"), null)))
                .isEqualTo(new Schools.DayInput(List.of("other"), List.of("T01"), List.of()));
    }
}
