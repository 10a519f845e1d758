package org.regroup.rest.errors;

import jakarta.ws.rs.core.Response;

/** A request the API refuses, with the status and the sentence to tell the caller. */
public class ApiException extends RuntimeException {

    private final Response.StatusType status;

    public ApiException(Response.StatusType status, String detail) {
        super(detail);
        this.status = status;
    }

    public Response.StatusType status() {
        return status;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Response.Status.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Response.Status.CONFLICT, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Response.Status.BAD_REQUEST, detail);
    }
}
