package org.regroup.domain.io;

import org.regroup.domain.InvalidInputException;
import org.regroup.domain.InputError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.regroup.domain.io.DayJson.arr;
import static org.regroup.domain.io.DayJson.errorsOf;
import static org.regroup.domain.io.DayJson.json;
import static org.regroup.domain.io.DayJson.obj;
import static org.regroup.domain.io.DayJson.valid;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of inputs that cannot be planned, each one mistake in the valid day: the reader must name the JSON
 * path at fault and say what is wrong, naming the id involved, and report nothing else.
 *
 * <p>Indexes into {@code io/valid-day.json}: blocks b1, b2, adv, act; skills nf-1, nf-2, nf-3, oa-1, oa-2;
 * staff t-ortiz (teacher), a-lee (aide), tu-kim (tutor); spaces room-12, quiet-room, lab, commons, garden (off-site);
 * students s-ana, s-ben (commitment in b2), s-cy (present b1, b2, adv), s-dee (absent); requests r1, r2, r3.
 */
class DayProblemValidatorTest {

    @Test
    void theValidDayHasNoErrors() {
        assertThat(errorsOf(valid())).isEmpty();
    }

    static Stream<Arguments> oneMistake() {
        return Stream.of(
                // header
                mistake("format missing", d -> d.remove("format"), "$.format", "regroup/day-problem"),
                mistake("format of another document", d -> d.put("format", "regroup/plan"), "$.format",
                        "regroup/plan", "regroup/day-problem"),
                mistake("version missing", d -> d.remove("version"), "$.version", "missing"),
                mistake("version unsupported", d -> d.put("version", 2), "$.version", "2", "not supported", "1"),
                mistake("school missing", d -> d.remove("school"), "$.school", "missing"),
                mistake("mastery threshold above 1", d -> obj(d, "/school").put("masteryThreshold", 1.5),
                        "$.school.masteryThreshold", "1.5"),

                // unknown references
                mistake("advisorId", d -> obj(d, "/students/2").put("advisorId", "t-nobody"),
                        "$.students[2].advisorId", "unknown", "'t-nobody'"),
                mistake("staff availableBlocks", d -> arr(d, "/staff/1/availableBlocks").add("b9"),
                        "$.staff[1].availableBlocks[3]", "unknown", "'b9'"),
                mistake("space availableBlocks", d -> arr(d, "/spaces/4/availableBlocks").add("b9"),
                        "$.spaces[4].availableBlocks[1]", "unknown", "'b9'"),
                mistake("student presentBlocks", d -> arr(d, "/students/2/presentBlocks").add("b9"),
                        "$.students[2].presentBlocks[3]", "unknown", "'b9'"),
                mistake("keepApart", d -> obj(d, "/students/1").putArray("keepApart").add("s-zed"),
                        "$.students[1].keepApart[0]", "unknown", "'s-zed'"),
                mistake("peers", d -> arr(d, "/students/0/peers").add("s-zed"),
                        "$.students[0].peers[1]", "unknown", "'s-zed'"),
                mistake("request studentId", d -> obj(d, "/requests/1").put("studentId", "s-zed"),
                        "$.requests[1].studentId", "unknown", "'s-zed'"),
                mistake("request blockId", d -> obj(d, "/requests/0").put("blockId", "b9"),
                        "$.requests[0].blockId", "unknown", "'b9'"),
                mistake("request staffId", d -> obj(d, "/requests/0").put("staffId", "t-nobody"),
                        "$.requests[0].staffId", "unknown", "'t-nobody'"),
                mistake("request focus", d -> obj(d, "/requests/2").put("focus", "juggling"),
                        "$.requests[2].focus", "unknown", "'juggling'"),
                mistake("request modality", d -> obj(d, "/requests/1").put("modality", "hypnosis"),
                        "$.requests[1].modality", "unknown", "'hypnosis'"),
                mistake("catch-all spaceId", d -> obj(d, "/school/catchAll/0").put("spaceId", "gym"),
                        "$.school.catchAll[0].spaceId", "unknown", "'gym'"),
                mistake("catch-all block", d -> arr(d, "/school/catchAll/0/blocks").add("b9"),
                        "$.school.catchAll[0].blocks[2]", "unknown", "'b9'"),
                mistake("catch-all supervisorId", d -> obj(d, "/school/catchAll/0").put("supervisorId", "t-nobody"),
                        "$.school.catchAll[0].supervisorId", "unknown", "'t-nobody'"),
                mistake("mastery skill id", d -> obj(d, "/students/0/mastery").put("geo-9", 0.5),
                        "$.students[0].mastery[\"geo-9\"]", "unknown", "'geo-9'"),
                mistake("goal skill", d -> obj(d, "/students/2/goals/0").put("skill", "geo-9"),
                        "$.students[2].goals[0].skill", "unknown", "'geo-9'"),
                mistake("commitment block", d -> obj(d, "/students/1/commitments/0").put("blockId", "b9"),
                        "$.students[1].commitments[0].blockId", "unknown", "'b9'"),
                mistake("commitment space", d -> obj(d, "/students/1/commitments/0").put("spaceId", "gym"),
                        "$.students[1].commitments[0].spaceId", "unknown", "'gym'"),
                mistake("preferred modality", d -> arr(d, "/students/0/prefersModalities").add("hypnosis"),
                        "$.students[0].prefersModalities[1]", "unknown", "'hypnosis'"),
                mistake("staff modality", d -> arr(d, "/staff/1/modalities").add("hypnosis"),
                        "$.staff[1].modalities[4]", "unknown", "'hypnosis'"),
                mistake("activity modality", d -> arr(d, "/activities/1/modalities").add("hypnosis"),
                        "$.activities[1].modalities[1]", "unknown", "'hypnosis'"),
                mistake("advisee", d -> arr(d, "/staff/0/advisees").add("s-zed"),
                        "$.staff[0].advisees[2]", "unknown", "'s-zed'"),

                // duplicate ids
                mistake("duplicate student", d -> arr(d, "/students").add(json("{'id':'s-dee','grade':3,'absent':true}")),
                        "$.students[4].id", "duplicate", "'s-dee'"),
                mistake("duplicate staff", d -> arr(d, "/staff").add(
                        json("{'id':'tu-kim','role':'aide','availableBlocks':[],'maySuperviseOffSite':false}")),
                        "$.staff[3].id", "duplicate", "'tu-kim'"),
                mistake("duplicate space", d -> arr(d, "/spaces").add(json("{'id':'lab','kind':'lab','capacity':10}")),
                        "$.spaces[5].id", "duplicate", "'lab'"),
                mistake("duplicate block", d -> arr(d, "/blocks").add(
                        json("{'id':'adv','start':'13:00','end':'13:30','kind':'advisory','doubleWithNext':false}")),
                        "$.blocks[4].id", "duplicate", "'adv'"),
                mistake("duplicate skill", d -> arr(d, "/skills").add(json("{'id':'oa-2','strand':'math/OA','grade':3}")),
                        "$.skills[5].id", "duplicate", "'oa-2'"),
                mistake("duplicate request", d -> obj(d, "/requests/2").put("id", "r1"),
                        "$.requests[2].id", "duplicate", "'r1'"),

                // the skill graph
                mistake("self-prerequisite", d -> arr(d, "/prerequisites").add(json("{'prerequisite':'oa-2','skill':'oa-2'}")),
                        "$.prerequisites[3]", "'oa-2'", "prerequisite"),
                mistake("edge to an unknown skill", d -> arr(d, "/prerequisites").add(
                        json("{'prerequisite':'nf-3','skill':'nf-9'}")),
                        "$.prerequisites[3].skill", "unknown", "'nf-9'"),
                mistake("edge from an unknown skill", d -> arr(d, "/prerequisites").add(
                        json("{'prerequisite':'nf-0','skill':'nf-1'}")),
                        "$.prerequisites[3].prerequisite", "unknown", "'nf-0'"),

                // numbers
                mistake("zero capacity", d -> obj(d, "/spaces/0").put("capacity", 0),
                        "$.spaces[0].capacity", "'room-12'", "0"),
                mistake("negative capacity", d -> obj(d, "/spaces/2").put("capacity", -5),
                        "$.spaces[2].capacity", "'lab'", "-5"),
                mistake("zero catch-all capacity", d -> obj(d, "/school/catchAll/0").put("capacity", 0),
                        "$.school.catchAll[0].capacity", "0"),
                mistake("zero modality minimum", d -> obj(d, "/modalities/0").put("minSize", 0),
                        "$.modalities[0].minSize", "0"),
                mistake("modality maximum below minimum", d -> obj(d, "/modalities/1").put("maxSize", 3),
                        "$.modalities[1].maxSize", "3"),
                mistake("end before start", d -> obj(d, "/blocks/1").put("end", "09:40"),
                        "$.blocks[1].end", "'b2'", "09:40", "09:50"),
                mistake("end at start", d -> obj(d, "/blocks/1").put("end", "09:50"),
                        "$.blocks[1].end", "'b2'"),
                mistake("mastery above 1", d -> obj(d, "/students/0/mastery").put("nf-2", 1.2),
                        "$.students[0].mastery[\"nf-2\"]", "1.2"),
                mistake("mastery below 0", d -> obj(d, "/students/0/mastery").put("nf-2", -0.1),
                        "$.students[0].mastery[\"nf-2\"]", "-0.1"),
                mistake("skill grade out of range", d -> obj(d, "/skills/4").put("grade", 14),
                        "$.skills[4].grade", "14", "'oa-2'"),
                mistake("negative weight", d -> obj(d, "/weights").put("Open session", -1),
                        "$.weights[\"Open session\"]", "-1"),
                mistake("negative travel", d -> obj(d, "/spaces/4").put("travelMinutes", -5),
                        "$.spaces[4].travelMinutes", "-5"),
                mistake("travel time on site", d -> obj(d, "/spaces/0").put("travelMinutes", 5),
                        "$.spaces[0].travelMinutes", "off-site"),

                // missing fields the validator requires
                mistake("skill without strand", d -> obj(d, "/skills/0").remove("strand"), "$.skills[0].strand", "'nf-1'"),
                mistake("skill without grade", d -> obj(d, "/skills/0").remove("grade"), "$.skills[0].grade", "'nf-1'"),
                mistake("staff without role", d -> obj(d, "/staff/2").remove("role"), "$.staff[2].role", "'tu-kim'"),
                mistake("space without kind", d -> obj(d, "/spaces/0").remove("kind"), "$.spaces[0].kind", "'room-12'"),
                mistake("space without capacity", d -> obj(d, "/spaces/0").remove("capacity"),
                        "$.spaces[0].capacity", "'room-12'"),
                mistake("student without grade", d -> obj(d, "/students/3").remove("grade"),
                        "$.students[3].grade", "'s-dee'"),
                mistake("student without id", d -> {
                    obj(d, "/students/3").remove("id");
                    obj(d, "/students/1").remove("keepApart");
                }, "$.students[3].id", "id"),
                mistake("block without end", d -> obj(d, "/blocks/3").remove("end"), "$.blocks[3]", "'act'", "end"),
                mistake("custom modality without defaults", d -> obj(d, "/modalities/1").remove("leadership"),
                        "$.modalities[1]", "'lab-rotation'", "leadership"),
                mistake("request without requestedBy", d -> obj(d, "/requests/1").remove("requestedBy"),
                        "$.requests[1].requestedBy"),
                mistake("request asking for nothing", d -> obj(d, "/requests/1").remove("modality"),
                        "$.requests[1]", "blockId", "staffId", "focus", "modality"),
                mistake("goal with skill and strand", d -> obj(d, "/students/2/goals/0").put("strand", "math/NF"),
                        "$.students[2].goals[0]", "skill", "strand"),

                // coverage: an activity block with nothing offered
                mistake("activity block without activities", d -> {
                    arr(d, "/activities/0/blocks").removeAll().add("b1");
                    obj(d, "/activities/1").putArray("blocks").add("b2");
                }, "$.blocks[3].kind", "'act'"),

                // accommodations that can never be met
                mistake("more staff-led blocks than present (presentBlocks)",
                        d -> obj(d, "/students/2/accommodations").put("minStaffLedBlocks", 4),
                        "$.students[2].accommodations.minStaffLedBlocks", "'s-cy'", "4", "3"),
                mistake("more staff-led blocks than present (commitment)",
                        d -> obj(d, "/students/1").putObject("accommodations").put("minStaffLedBlocks", 4)
                                .put("noOffSite", false).put("quietSpace", false),
                        "$.students[1].accommodations.minStaffLedBlocks", "'s-ben'", "4", "3"),
                mistake("1:1 minutes and nobody may lead one-to-one", DayProblemValidatorTest::nobodyLeadsOneToOne,
                        "$.students[2].accommodations.oneToOneMinutes", "'s-cy'"),
                mistake("1:1 minutes beyond the minutes present",
                        d -> obj(d, "/students/2/accommodations").put("oneToOneMinutes", 111),
                        "$.students[2].accommodations.oneToOneMinutes", "'s-cy'", "111", "110"),
                mistake("quiet space and no space is quiet", d -> arr(d, "/spaces/1/features").removeAll(),
                        "$.students[2].accommodations.quietSpace", "'s-cy'", "quiet"),

                // admin-required requests against the student's accommodations: both paths named
                mistake("admin-required off-site modality for a student who stays on site",
                        d -> adminRequired(d, 1).put("modality", "off-site"),
                        "$.requests[1]", "'s-cy'", "off site", "'off-site'",
                        "$.students[2].accommodations.noOffSite"),
                mistake("admin-required activity held only off site for a student who stays on site", d -> {
                    obj(d, "/students/0/accommodations").put("noOffSite", true);
                    obj(d, "/activities/0").putArray("spaces").add("garden");
                    adminRequired(d, 2).put("studentId", "s-ana");
                }, "$.requests[2]", "'s-ana'", "'garden'", "$.students[0].accommodations.noOffSite"),
                mistake("admin-required pin to an adult who leads only off site, for a student who stays on site",
                        d -> {
                            obj(d, "/staff/1").putArray("modalities").add("off-site");
                            adminRequired(d, 0).put("studentId", "s-cy").put("staffId", "a-lee");
                        }, "$.requests[0]", "'s-cy'", "'a-lee'", "$.students[2].accommodations.noOffSite"),
                mistake("admin-required online practice for a student allowed none", d -> {
                    obj(d, "/students/2/accommodations").put("maxOnlineBlocks", 0);
                    adminRequired(d, 1).put("modality", "online-practice");
                }, "$.requests[1]", "'s-cy'", "$.students[2].accommodations.maxOnlineBlocks is 0"),
                mistake("admin-required online practice in more blocks than allowed", d -> {
                    obj(d, "/students/2/accommodations").remove("oneToOneMinutes");
                    adminRequired(d, 0).put("studentId", "s-cy").put("blockId", "b2").put("modality",
                            "online-practice").remove("staffId");
                    adminRequired(d, 1).put("blockId", "b1").put("modality", "online-practice");
                }, "$.requests[1]", "'s-cy'", "2nd", "$.students[2].accommodations.maxOnlineBlocks allows 1"),
                mistake("admin-required activity held only in rooms that are not quiet, for a student who needs quiet",
                        d -> {
                            obj(d, "/students/0/accommodations").put("quietSpace", true);
                            obj(d, "/activities/1").putArray("spaces").add("room-12").add("commons");
                            adminRequired(d, 2).put("studentId", "s-ana").put("focus", "chess");
                        }, "$.requests[2]", "'s-ana'", "room-12, commons", "$.students[0].accommodations.quietSpace"),
                mistake("admin-required supervision leaves too few blocks for the staff-led minimum", d -> {
                    obj(d, "/students/0/accommodations").put("minStaffLedBlocks", 4);
                    adminRequired(d, 0).put("modality", "independent-practice").remove("staffId");
                }, "$.requests[0]", "'s-ana'", "'b1'", "leaves 3", "$.students[0].accommodations.minStaffLedBlocks"),
                mistake("admin-required small group leaves too few minutes for 1:1", d -> {
                    obj(d, "/students/2/accommodations").put("oneToOneMinutes", 110);
                    adminRequired(d, 0).put("studentId", "s-cy").put("modality", "small-group");
                }, "$.requests[0]", "'s-cy'", "leaves 65 minutes", "$.students[2].accommodations.oneToOneMinutes"),
                mistake("two students kept apart pinned to one adult's group", d -> {
                    obj(d, "/students/0").putArray("keepApart").add("s-cy");
                    adminRequired(d, 0);
                    adminRequired(d, 1).put("blockId", "b1").put("staffId", "t-ortiz").remove("modality");
                }, "$.requests[1]", "'s-ana'", "'s-cy'", "$.requests[0]", "$.students[0].keepApart"),
                mistake("two admin-required requests for one student-block name different adults", d -> {
                    adminRequired(d, 0);
                    adminRequired(d, 2).put("studentId", "s-ana").put("blockId", "b1").put("staffId", "tu-kim")
                            .remove("focus");
                }, "$.requests[2]", "'s-ana'", "t-ortiz, tu-kim", "$.requests[0]"));
    }

    /** Request {@code i} of the valid day made admin-required. */
    private static ObjectNode adminRequired(ObjectNode day, int i) {
        return obj(day, "/requests/" + i).put("priority", "admin-required");
    }

    @Test
    void anAdminRequiredRequestForABlockTheStudentIsNotInIsSetAsideNotAnError() {
        ObjectNode day = valid();
        adminRequired(day, 1).put("blockId", "act").put("modality", "off-site"); // s-cy is not in school then

        assertThat(errorsOf(day)).isEmpty();
    }

    @Test
    void anAdminRequiredActivityWithAnOnSitePlaceTooIsNoContradiction() {
        ObjectNode day = valid();
        obj(day, "/students/0/accommodations").put("noOffSite", true).put("quietSpace", true);
        obj(day, "/activities/0").putArray("spaces").add("garden").add("quiet-room");
        adminRequired(day, 2).put("studentId", "s-ana");

        assertThat(errorsOf(day)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneMistake")
    void oneMistakeIsReportedAtItsPath(String mistake, Consumer<ObjectNode> change, String path, List<String> says) {
        ObjectNode day = valid();
        change.accept(day);

        List<InputError> errors = errorsOf(day);

        assertThat(errors).as("errors for: " + mistake).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo(path);
        if (!says.isEmpty()) {
            assertThat(errors.get(0).message()).contains(says);
        }
    }

    @Test
    void aDayWithoutBlocksIsAnError() {
        ObjectNode day = valid();
        day.putArray("blocks");

        // every reference to a block is now unknown as well; the point is that the missing blocks are said
        assertThat(errorsOf(day)).extracting(InputError::path).contains("$.blocks");
    }

    @Test
    void cyclicPrerequisitesAreNamedAsACycle() {
        ObjectNode day = valid();
        arr(day, "/prerequisites").add(json("{'prerequisite':'nf-3','skill':'nf-1'}"));

        List<InputError> errors = errorsOf(day);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$.prerequisites[3]");
        assertThat(errors.get(0).message()).containsAnyOf("nf-1 -> nf-2 -> nf-3 -> nf-1",
                "nf-2 -> nf-3 -> nf-1 -> nf-2", "nf-3 -> nf-1 -> nf-2 -> nf-3");
    }

    @Test
    void aTwoSkillCycleIsNamed() {
        ObjectNode day = valid();
        arr(day, "/prerequisites").add(json("{'prerequisite':'oa-2','skill':'oa-1'}"));

        List<InputError> errors = errorsOf(day);

        assertThat(errors).extracting(InputError::path).containsExactly("$.prerequisites[3]");
        assertThat(errors.get(0).message()).containsAnyOf("oa-1 -> oa-2 -> oa-1", "oa-2 -> oa-1 -> oa-2");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Coverage: a block nobody can be with the students in
    // ---------------------------------------------------------------------------------------------------------------

    /** Adds block b5 after lunch and leaves every adult's day ending before it; the catch-all covers b1 and b2. */
    private static ObjectNode dayWithUnstaffedAfternoon() {
        ObjectNode day = valid();
        arr(day, "/blocks").add(json("{'id':'b5','start':'13:00','end':'13:45','order':5,'doubleWithNext':false}"));
        obj(day, "/staff/0").putArray("availableBlocks").add("b1").add("b2").add("adv").add("act");
        return day;
    }

    @Test
    void aBlockWithoutStaffOrCatchAllWhileStudentsArePresentIsAnError() {
        List<InputError> errors = errorsOf(dayWithUnstaffedAfternoon());

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path()).isEqualTo("$.blocks[4]");
        assertThat(errors.get(0).message()).contains("'b5'");
    }

    @Test
    void aCatchAllCoveringTheBlockIsEnough() {
        ObjectNode day = dayWithUnstaffedAfternoon();
        arr(day, "/school/catchAll/0/blocks").add("b5");

        assertThat(errorsOf(day)).isEmpty();
    }

    @Test
    void aCatchAllForAllBlocksIsEnough() {
        ObjectNode day = dayWithUnstaffedAfternoon();
        obj(day, "/school/catchAll/0").remove("blocks");

        assertThat(errorsOf(day)).isEmpty();
    }

    @Test
    void aBlockWithoutStaffIsFineWhenNoStudentIsPresent() {
        ObjectNode day = dayWithUnstaffedAfternoon();
        // s-ana leaves before b5, s-ben has a commitment in it; s-cy is not present in it; s-dee is absent.
        obj(day, "/students/0").putArray("presentBlocks").add("b1").add("b2").add("adv").add("act");
        arr(day, "/students/1/commitments").add(json("{'blockId':'b5','description':'Dentist'}"));

        assertThat(errorsOf(day)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Accommodations: only students who are there are held to them
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void staffLedMinimumEqualToTheBlocksPresentIsPossible() {
        ObjectNode day = valid();
        obj(day, "/students/2/accommodations").put("minStaffLedBlocks", 3);
        obj(day, "/students/1").putObject("accommodations").put("minStaffLedBlocks", 3)
                .put("noOffSite", false).put("quietSpace", false);

        assertThat(errorsOf(day)).isEmpty();
    }

    @Test
    void anAbsentStudentsAccommodationsAreNotChecked() {
        ObjectNode day = valid();
        obj(day, "/students/3").putObject("accommodations").put("minStaffLedBlocks", 9).put("oneToOneMinutes", 900)
                .put("noOffSite", false).put("quietSpace", true);
        arr(day, "/spaces/1/features").removeAll();
        obj(day, "/students/2/accommodations").put("quietSpace", false);

        assertThat(errorsOf(day)).isEmpty();
    }

    private static void nobodyLeadsOneToOne(ObjectNode day) {
        obj(day, "/staff/0").putArray("modalities").add("small-group").add("seminar").add("collaborative-project");
        obj(day, "/staff/2").putArray("modalities").add("peer-tutoring").add("online-practice");
        // the valid day's r2 asks for one-to-one: keep the request, which is about a modality that exists
    }

    @Test
    void anAideListingOneToOneCountsAsLeadingIt() {
        ObjectNode day = valid();
        nobodyLeadsOneToOne(day);
        arr(day, "/staff/1/modalities").add("one-to-one");

        assertThat(errorsOf(day)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Every error, not just the first
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void severalMistakesAreAllReported() {
        ObjectNode day = valid();
        day.put("version", 7);
        arr(day, "/students").add(json("{'id':'s-dee','grade':3,'absent':true}"));
        obj(day, "/students/2").put("advisorId", "t-nobody");
        obj(day, "/spaces/0").put("capacity", 0);
        obj(day, "/blocks/1").put("end", "09:00");
        obj(day, "/students/0/mastery").put("nf-2", 2.0);
        arr(day, "/prerequisites").add(json("{'prerequisite':'nf-3','skill':'nf-1'}"));
        obj(day, "/requests/1").put("studentId", "s-zed");
        arr(day, "/spaces/1/features").removeAll();

        List<InputError> errors = errorsOf(day);

        assertThat(errors).extracting(InputError::path).containsExactlyInAnyOrder(
                "$.version",
                "$.students[4].id",
                "$.students[2].advisorId",
                "$.spaces[0].capacity",
                "$.blocks[1].end",
                "$.students[0].mastery[\"nf-2\"]",
                "$.prerequisites[3]",
                "$.requests[1].studentId",
                "$.students[2].accommodations.quietSpace");
    }

    @Test
    void theExceptionMessageListsEveryErrorWithItsPath() {
        ObjectNode day = valid();
        obj(day, "/spaces/0").put("capacity", 0);
        obj(day, "/students/2").put("advisorId", "t-nobody");

        try {
            DayProblemReader.parse(DayJson.text(day).getBytes(java.nio.charset.StandardCharsets.UTF_8), "monday.json");
            throw new AssertionError("expected the input to be rejected");
        } catch (InvalidInputException e) {
            assertThat(e.source()).isEqualTo("monday.json");
            assertThat(e.getMessage()).startsWith("monday.json: 2 errors")
                    .contains("$.spaces[0].capacity: ").contains("$.students[2].advisorId: ");
        }
    }

    private static Arguments mistake(String name, Consumer<ObjectNode> change, String path, String... says) {
        return Arguments.of(name, change, path, List.of(says));
    }
}
