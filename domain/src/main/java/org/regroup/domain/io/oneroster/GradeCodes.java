package org.regroup.domain.io.oneroster;

import java.util.Locale;
import java.util.Set;

/**
 * OneRoster's grade codes (CEDS): {@code KG} is kindergarten (0), {@code 01}…{@code 13} are grades 1 to 13 ("1" and
 * "K" are read too: real exports write them). Pre-kindergarten and the like are known but not planned.
 */
public final class GradeCodes {

    /** Codes OneRoster allows that are no K-12 grade a day is planned for. */
    static final Set<String> NOT_PLANNED = Set.of("IT", "PR", "PK", "TK", "PS", "UG", "OTHER");

    /** What a code is: a grade, a known code that is not planned, or not a grade at all. */
    public record Grade(Integer level, boolean notPlanned) {
        public boolean valid() {
            return level != null || notPlanned;
        }
    }

    private GradeCodes() {
    }

    public static Grade parse(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.equals("KG") || c.equals("K")) {
            return new Grade(0, false);
        }
        if (NOT_PLANNED.contains(c)) {
            return new Grade(null, true);
        }
        if (c.matches("\\d{1,2}")) {
            int n = Integer.parseInt(c);
            if (n >= 1 && n <= 13) {
                return new Grade(n, false);
            }
        }
        return new Grade(null, false);
    }
}
