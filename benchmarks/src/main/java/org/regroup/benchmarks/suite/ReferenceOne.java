package org.regroup.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Path;

import org.regroup.domain.io.Json;

/**
 * One reference scored in a JVM of its own (a large day needs the heap a run has). Usage:
 * {@code ReferenceOne DATASET REFERENCE_DIR OUT.json}.
 */
public final class ReferenceOne {

    private ReferenceOne() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ReferenceOne DATASET REFERENCE_DIR OUT.json");
            System.exit(2);
        }
        Json.writeAtomically(Path.of(args[2]), References.score(args[0], Path.of(args[1])));
    }
}
