package org.regroup.domain.demo;

import java.util.List;

/** Synthetic display names: a first name and a last initial, never a real person's record. */
final class Names {

    static final List<String> FIRST = List.of("Ava", "Ben", "Chloe", "Diego", "Ella", "Finn", "Grace", "Hugo",
            "Isla", "Jae", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma",
            "Vik", "Wren", "Yara", "Zane", "Amara", "Leo", "Mei", "Noah", "Sofia");
    private static final String INITIALS = "ABCDEFGHJKLMNOPRSTVWY";

    private Names() {
    }

    static String next(Draw draw) {
        return draw.oneOf(FIRST) + " " + INITIALS.charAt(draw.between(0, INITIALS.length() - 1)) + ".";
    }
}
