package org.regroup.rest.errors;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.domain.InputError;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): a title, the status, a detail naming what
 * is wrong and where, and for invalid input every error with its JSON path.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<InputError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem titled(String title) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Problem withErrors(List<InputError> errors) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(TYPE).entity(this).build();
    }
}
