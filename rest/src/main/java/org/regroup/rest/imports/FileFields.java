package org.regroup.rest.imports;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.regroup.domain.DayProblem;
import org.regroup.domain.Staff;
import org.regroup.domain.Student;
import org.regroup.domain.io.oneroster.CsvTable;
import org.regroup.domain.io.oneroster.Problems;

/**
 * How the import files read one field of a record, in one place: every fault is reported at the record's line and the
 * field's column with the record's id, in the same words in every file.
 */
final class FileFields {

    private static final int MOST = 100_000;

    private FileFields() {
    }

    /** A value as an error message quotes it: at most 40 characters. */
    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * The record's id in {@code column}, or null (reported) when it is missing or on an earlier line too;
     * {@code noun} says what it is ({@code student}).
     */
    static String id(String file, CsvTable.Row row, String column, String noun, Map<String, Long> seen,
            Problems problems) {
        String id = row.get(column);
        if (id == null) {
            problems.error(file, row.line(), column, null, "missing: the " + noun + "'s id");
            return null;
        }
        Long first = seen.putIfAbsent(id, row.line());
        if (first != null) {
            problems.error(file, row.line(), column, id, noun + " '" + id + "' is also on line " + first);
            return null;
        }
        return id;
    }

    /** An optional whole number from {@code min} to 100,000; null when empty or bad (bad is reported). */
    static Integer count(String file, CsvTable.Row row, String column, String id, int min, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= MOST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, id, "'" + clip(text) + "' is not a whole number of at least " + min);
        return null;
    }

    /** An optional amount of at least 0 ({@code 310.50}); null when empty or bad (bad is reported). */
    static Double amount(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            double x = Double.parseDouble(text);
            if (x >= 0 && x <= 1e9) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, id, "'" + clip(text) + "' is not an amount of at least 0");
        return null;
    }

    /** A yes/no field: true/false, yes/no, 1/0, or empty (no). */
    static boolean yes(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1":
                return true;
            case "false", "no", "0":
                return false;
            default:
                problems.error(file, row.line(), column, id, "'" + clip(text) + "' is not true or false (yes/no, "
                        + "1/0)");
                return false;
        }
    }

    /** A grade as Regroup numbers them: K (or KG, 0) to 13; empty: null (any). */
    static Integer grade(String file, CsvTable.Row row, String column, String id, Problems problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("K") || text.equalsIgnoreCase("KG")) {
            return 0;
        }
        try {
            int g = Integer.parseInt(text);
            if (g >= 0 && g <= 13) {
                return g;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(file, row.line(), column, id, "'" + clip(text) + "' is not a grade (K, 0 to 13)");
        return null;
    }

    /** A grade in words: K, 1 … 13, or "any". */
    static String gradeWord(Integer g) {
        return g == null ? "any" : g == 0 ? "K" : g.toString();
    }

    /** A list separated by {@code ;} ({@code quiet;computers}), blanks and repeats dropped; empty when empty. */
    static List<String> list(CsvTable.Row row, String column) {
        String text = row.get(column);
        return text == null ? List.of() : Arrays.stream(text.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Each record whose id ({@code idOf}) is not among {@code known} is an error at its line. */
    static <T> void known(String file, List<SetupImport.Entry<T>> entries, Function<T, String> idOf, String column,
            Collection<String> known, String noun, Problems problems) {
        for (SetupImport.Entry<T> e : entries) {
            String id = idOf.apply(e.record());
            if (!known.contains(id)) {
                problems.error(file, e.line(), column, id, "no " + noun + " '" + id + "' in the school");
            }
        }
    }

    /** The ids of the school's students. */
    static Set<String> studentIds(DayProblem standing) {
        return standing.students().stream().map(Student::id).collect(Collectors.toSet());
    }

    /** The ids of the school's adults. */
    static Set<String> staffIds(DayProblem standing) {
        return standing.staff().stream().map(Staff::id).collect(Collectors.toSet());
    }

    /** {@code name a → b} into {@code fields} when the two differ. */
    static void change(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name + " " + (a == null ? "none" : a) + " → " + (b == null ? "none" : b));
        }
    }
}
