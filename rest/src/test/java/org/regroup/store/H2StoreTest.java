package org.regroup.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The store on embedded H2 in a file (the default). */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.h2(dir);
    }
}
