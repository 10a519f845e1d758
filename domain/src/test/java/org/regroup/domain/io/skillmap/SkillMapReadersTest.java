package org.regroup.domain.io.skillmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.regroup.domain.DayProblem;
import org.regroup.domain.Prerequisite;
import org.regroup.domain.Skill;
import org.regroup.domain.demo.CcssGraph;
import org.regroup.domain.io.DayProblemReader;
import org.regroup.domain.io.Json;
import org.regroup.domain.io.oneroster.ImportProblem;
import org.regroup.domain.io.oneroster.Problems;

/** The two skill map readers: a good file read whole, and each fault reported at its place with its ids. */
class SkillMapReadersTest {

    private static final Path SCIENCE = Path.of("..", "datasets", "skill-maps", "synthetic-science.json");
    private static final Path CCSS = Path.of("..", "datasets", "ccss-math-k8", "zimba_ccssm_k8_edges.csv");

    private static SkillMap ccss(String csv, Problems problems) {
        return CcssEdgesFile.read("edges.csv", csv.getBytes(StandardCharsets.UTF_8), "math", problems);
    }

    private static SkillMap kase(String json, Problems problems) {
        return CasePackage.read("case.json", json.getBytes(StandardCharsets.UTF_8), null, problems);
    }

    private static List<String> errors(Problems problems) {
        return problems.errors().stream().map(ImportProblem::toString).toList();
    }

    @Test
    void theBundledCcssFileReadsAsTheSkillsAndPrerequisitesOfTheBundledDays() throws IOException {
        Problems problems = new Problems();
        SkillMap map = CcssEdgesFile.read("zimba_ccssm_k8_edges.csv", Files.readAllBytes(CCSS), "math", problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.warnings()).isEmpty();
        // medium.json was written by the generator before the graph was read this way: the same skills, names and arrows
        DayProblem medium = DayProblemReader.read(Path.of("..", "datasets", "medium.json"));
        assertThat(map.skills().stream().map(SkillMap.Node::skill).toList()).isEqualTo(medium.skills());
        assertThat(map.prerequisites().stream().map(SkillMap.Arrow::prerequisite).toList())
                .isEqualTo(medium.prerequisites());
        assertThat(map.skills()).hasSize(283);
        assertThat(CcssGraph.load().skills()).isEqualTo(medium.skills());
    }

    @Test
    void aCcssCycleIsNamedWithItsIdsAtTheLineThatClosesIt() {
        Problems problems = new Problems();
        ccss("EdgeDesc,Begin,End,Note\r\nArrow,3.NF.1,3.NF.2,\r\nArrow,3.NF.2,3.NF.3,\r\nArrow,3.NF.3,3.NF.1,\r\n",
                problems);
        assertThat(errors(problems)).containsExactly("edges.csv:4:Begin (sourcedId 3.NF.1): prerequisites form a "
                + "cycle: 3.NF.1 -> 3.NF.2 -> 3.NF.3 -> 3.NF.1");
    }

    @Test
    void aCcssFileWithABadCodeAMissingColumnOrAnUnknownEdgeSaysWhere() {
        Problems bad = new Problems();
        ccss("EdgeDesc,Begin,End\nArrow,3.NF.1,Fractions\nLoop,3.NF.1,3.NF.2\n", bad);
        assertThat(errors(bad)).containsExactly(
                "edges.csv:2:End (sourcedId Fractions): 'Fractions' is not a code of the CCSS format: "
                        + "<grade>.<domain>.<number>, kindergarten 0 (3.NF.1, 0.CC.1||to 20, 0.G.1,2)",
                "edges.csv:3:EdgeDesc (sourcedId 3.NF.2): 'Loop' is neither Arrow nor Nondirectional link");
        Problems missing = new Problems();
        ccss("EdgeDesc,Begin\nArrow,3.NF.1\n", missing);
        assertThat(errors(missing)).containsExactly("edges.csv:1:End: the header has no End column, which this "
                + "file needs");
    }

    @Test
    void theSyntheticCasePackageGivesItsTwelveStandardsAndTheirArrows() throws IOException {
        Problems problems = new Problems();
        SkillMap map = CasePackage.read("synthetic-science.json", Files.readAllBytes(SCIENCE), null, problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.warnings()).isEmpty();
        assertThat(map.subject()).isEqualTo("science");
        assertThat(map.skills()).hasSize(12);
        assertThat(map.skills().get(0).skill()).isEqualTo(new Skill("SCI.LS.1", "Sort things into living and "
                + "non-living by whether they grow, take in food and move.", "science/SCI.LS", 0));
        assertThat(map.skills().get(0).column()).isEqualTo("$.CFItems[1]");
        assertThat(map.skills().stream().map(n -> n.skill().id())).doesNotContain("SCI.LS", "SCI.PS");
        assertThat(map.prerequisites()).hasSize(11);
        assertThat(map.prerequisites().get(0).prerequisite()).isEqualTo(new Prerequisite("SCI.LS.1", "SCI.LS.2"));
        // --strand wins over the document's subject
        assertThat(CasePackage.read("s.json", Files.readAllBytes(SCIENCE), "sci", new Problems()).skills().get(0)
                .skill().strand()).isEqualTo("sci/SCI.LS");
    }

    /** A small package: a document, items A (K) B (01) C (02) with the given codes, and the associations. */
    private static ObjectNode pack(String... precedes) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putObject("CFDocument").put("identifier", "doc").putArray("subject").add("English Language Arts");
        ArrayNode items = root.putArray("CFItems");
        String[][] defs = { { "a", "ELA.1", "KG" }, { "b", "ELA.2", "01" }, { "c", "ELA.3", "02" } };
        for (String[] d : defs) {
            ObjectNode item = items.addObject().put("identifier", d[0]).put("humanCodingScheme", d[1])
                    .put("fullStatement", "Statement " + d[1]);
            item.putArray("educationLevel").add(d[2]);
        }
        ArrayNode associations = root.putArray("CFAssociations");
        for (int i = 0; i + 1 < precedes.length; i += 2) {
            ObjectNode a = associations.addObject().put("associationType", "precedes");
            a.putObject("originNodeURI").put("identifier", precedes[i]);
            a.putObject("destinationNodeURI").put("identifier", precedes[i + 1]);
        }
        return root;
    }

    @Test
    void aCaseArrowToAnItemNotInThePackageIsADanglingReferenceAtItsPath() {
        Problems problems = new Problems();
        kase(pack("a", "b", "b", "zz-outside").toString(), problems);
        assertThat(errors(problems)).containsExactly("case.json:$.CFAssociations[1].destinationNodeURI.identifier "
                + "(sourcedId zz-outside): no item 'zz-outside' in the package (a dangling reference)");
    }

    @Test
    void aCaseCycleIsNamedWithTheSkillIds() {
        Problems problems = new Problems();
        SkillMap map = kase(pack("a", "b", "b", "c", "c", "a").toString(), problems);
        assertThat(map.subject()).isEqualTo("ela");
        assertThat(errors(problems)).containsExactly("case.json:$.CFAssociations[2] (sourcedId ELA.1): "
                + "prerequisites form a cycle: ELA.1 -> ELA.2 -> ELA.3 -> ELA.1");
    }

    @Test
    void aMissingRequiredFieldIsAnErrorAtItsPath() {
        ObjectNode root = pack();
        ((ObjectNode) root.get("CFItems").get(1)).remove("fullStatement");
        ((ObjectNode) root.get("CFDocument")).remove("subject");
        Problems problems = new Problems();
        kase(root.toString(), problems);
        assertThat(errors(problems)).containsExactly(
                "case.json:$.CFDocument.subject: no subject to make the skills' strand of: give the strand "
                        + "(--strand, ?strand=)",
                "case.json:$.CFItems[1].fullStatement (sourcedId ELA.2): missing: the item's fullStatement");
        Problems noItems = new Problems();
        kase("{\"CFDocument\": {\"subject\": [\"Science\"]}, \"CFAssociations\": []}", noItems);
        assertThat(errors(noItems)).containsExactly("case.json:$.CFItems: missing: the package's CFItems");
    }

    @Test
    void badJsonSaysWhereEitherItsLineOrThePathOfAWrongValue() {
        Problems syntax = new Problems();
        kase("{\"CFDocument\": {\n  \"identifier\": \"doc\",\n  \"subject\": [\"Science\"]\n", syntax);
        assertThat(syntax.errors()).hasSize(1);
        assertThat(syntax.errors().get(0).toString()).startsWith("case.json:4: not a JSON document: ");
        ObjectNode root = pack();
        ((ArrayNode) root.get("CFItems").get(2).get("educationLevel")).removeAll().add(3);
        ((ObjectNode) root.get("CFItems").get(0)).putArray("educationLevel").add("Grade 1");
        Problems wrong = new Problems();
        kase(root.toString(), wrong);
        assertThat(errors(wrong)).containsExactly(
                "case.json:$.CFItems[0].educationLevel[0] (sourcedId ELA.1): 'Grade 1' is not a grade: KG, 01 … 12",
                "case.json:$.CFItems[2].educationLevel[0] (sourcedId ELA.3): '3' is not a grade: KG, 01 … 12");
        Problems notObject = new Problems();
        kase("[1, 2]", notObject);
        assertThat(errors(notObject)).containsExactly("case.json:$: a CASE package is a JSON object with "
                + "CFDocument, CFItems and CFAssociations");
    }

    @Test
    void anIdentifierOrASkillIdTwiceIsAnErrorNamingBoth() {
        ObjectNode root = pack();
        ((ObjectNode) root.get("CFItems").get(2)).put("identifier", "a");
        Problems twice = new Problems();
        kase(root.toString(), twice);
        assertThat(errors(twice)).containsExactly("case.json:$.CFItems[2].identifier (sourcedId a): the identifier "
                + "'a' is also that of $.CFItems[0]");
        ObjectNode codes = pack();
        ((ObjectNode) codes.get("CFItems").get(2)).put("humanCodingScheme", "ELA.1");
        Problems sameCode = new Problems();
        kase(codes.toString(), sameCode);
        assertThat(errors(sameCode)).containsExactly("case.json:$.CFItems[2].humanCodingScheme (sourcedId ELA.1): "
                + "the skill id 'ELA.1' is also that of $.CFItems[0]");
    }

    @Test
    void headingsAreNotSkillsAndGiveTheirGradeAndDomainToTheirChildren() {
        ObjectNode root = pack("b", "c");
        ObjectNode heading = ((ArrayNode) root.get("CFItems")).addObject().put("identifier", "h")
                .put("humanCodingScheme", "ELA.RL").put("fullStatement", "Reading literature");
        heading.putArray("educationLevel").add("03");
        ((ObjectNode) root.get("CFItems").get(0)).remove("educationLevel");
        ArrayNode associations = (ArrayNode) root.get("CFAssociations");
        ObjectNode child = associations.addObject().put("associationType", "isChildOf");
        child.putObject("originNodeURI").put("identifier", "a");
        child.putObject("destinationNodeURI").put("identifier", "h");
        associations.addObject().put("associationType", "exactMatchOf").putObject("originNodeURI")
                .put("identifier", "a");
        Problems problems = new Problems();
        SkillMap map = kase(root.toString(), problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(map.skills().stream().map(SkillMap.Node::skill).toList()).containsExactly(
                new Skill("ELA.1", "Statement ELA.1", "ela/ELA.RL", 3), new Skill("ELA.2", "Statement ELA.2", "ela", 1),
                new Skill("ELA.3", "Statement ELA.3", "ela", 2));
        assertThat(problems.warnings()).extracting(ImportProblem::message).containsExactly("associations of types a "
                + "skill map does not use, ignored: exactMatchOf (1)");
    }
}
