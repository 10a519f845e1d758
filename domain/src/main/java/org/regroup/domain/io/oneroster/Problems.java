package org.regroup.domain.io.oneroster;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.io.oneroster.ImportProblem.Severity;

/** The problems found while reading and mapping an export, every one of them (not just the first). */
public final class Problems {

    /** Enough to fix an export by; past this, more of the same would only bury the first ones. */
    static final int MAX = 500;

    private final List<ImportProblem> all = new ArrayList<>();
    private int errors;
    private int dropped;

    public void error(String file, Long line, String column, String sourcedId, String message) {
        errors++;
        add(new ImportProblem(Severity.ERROR, file, line, column, sourcedId, message));
    }

    public void warning(String file, Long line, String column, String sourcedId, String message) {
        add(new ImportProblem(Severity.WARNING, file, line, column, sourcedId, message));
    }

    private void add(ImportProblem p) {
        if (all.size() < MAX) {
            all.add(p);
        } else {
            dropped++;
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public List<ImportProblem> errors() {
        List<ImportProblem> list = new ArrayList<>(all.stream().filter(p -> p.severity() == Severity.ERROR).toList());
        if (dropped > 0 && errors > list.size()) {
            list.add(new ImportProblem(Severity.ERROR, null, null, null, null, (errors - list.size())
                    + " more problems not listed"));
        }
        return list;
    }

    public List<ImportProblem> warnings() {
        return all.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
