package org.regroup.store;

/** The store on the PostgreSQL at 127.0.0.1:5432 (skipped with a message when it is not reachable, see TestDatabases). */
class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.postgres();
    }
}
