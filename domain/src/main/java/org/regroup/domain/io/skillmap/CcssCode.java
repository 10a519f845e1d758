package org.regroup.domain.io.skillmap;

import java.util.ArrayList;
import java.util.List;

/**
 * A node code of Zimba's graph, e.g. {@code 3.NF.1}, {@code 0.CC.1||to 20} (a part of a standard),
 * {@code 0.G.1,2} or {@code 3.OA.1,2;4.OA.1,2} (grouped standards). Kindergarten is written {@code 0}.
 */
public record CcssCode(String code) {

    private static final String PART_MARK = "||";

    /** The code before any {@code ||part} note. */
    public String base() {
        int mark = code.indexOf(PART_MARK);
        return mark < 0 ? code : code.substring(0, mark);
    }

    /** The note after {@code ||}, e.g. "to 20"; null when the node is a whole standard. */
    public String part() {
        int mark = code.indexOf(PART_MARK);
        return mark < 0 ? null : code.substring(mark + PART_MARK.length());
    }

    /** The ;-separated groups, e.g. ["3.OA.1,2", "4.OA.1,2"]. */
    public List<String> groups() {
        return List.of(base().split(";"));
    }

    /** The highest grade the code mentions: a grouped node is only done when its last grade's part is. */
    public int grade() {
        return groups().stream().mapToInt(g -> Integer.parseInt(g.substring(0, g.indexOf('.')))).max().orElseThrow();
    }

    /** The domain of the first group, e.g. "NF". */
    public String domain() {
        return groups().get(0).split("\\.")[1];
    }

    /** The first standard named, without the grouping: "3.OA.1,2;4.OA.1,2" gives "3.OA.1"; "0.OA" stays. */
    public String firstStandard() {
        return groups().get(0).split(",")[0];
    }

    /** The code as people read it: K for kindergarten, the part in brackets, e.g. "K.CC.1 (to 20)". */
    public String display() {
        List<String> shown = new ArrayList<>();
        for (String group : groups()) {
            shown.add(group.startsWith("0.") ? "K" + group.substring(1) : group);
        }
        String joined = String.join(";", shown);
        return part() == null ? joined : joined + " (" + part() + ")";
    }
}
