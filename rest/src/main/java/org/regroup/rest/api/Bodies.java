package org.regroup.rest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.Response;
import org.regroup.rest.errors.ApiException;

/** Reads a request body, refusing (413) one larger than the server allows without reading it all into memory. */
final class Bodies {

    private Bodies() {
    }

    static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than the "
                        + size(maxBytes) + " this server accepts");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** "20 MiB", "1 KiB", "300 bytes": the limit as an administrator set it. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
