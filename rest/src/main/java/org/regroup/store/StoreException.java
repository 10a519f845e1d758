package org.regroup.store;

import java.sql.SQLException;

/** A database failure: the caller answers 503 and nothing was committed. */
public final class StoreException extends RuntimeException {

    StoreException(String message, SQLException cause) {
        super(message, cause);
    }
}
