package org.regroup.rest.api;

import java.nio.file.Path;

/**
 * What the HTTP layer enforces besides the plan service's bounds.
 *
 * @param maxBodyBytes request bodies above this are refused with 413
 * @param datasetsDir  where the demo days served by {@code /api/datasets} live (may not exist)
 */
public record ServerLimits(long maxBodyBytes, Path datasetsDir) {

    public static final long DEFAULT_MAX_BODY_BYTES = 20L * 1024 * 1024;
}
