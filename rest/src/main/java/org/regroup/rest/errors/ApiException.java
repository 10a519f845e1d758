package org.regroup.rest.errors;

import jakarta.ws.rs.core.Response;

/** A request the API refuses, with the status and the sentence to tell the caller. */
public class ApiException extends RuntimeException {

    private final Response.StatusType status;
    private final boolean aboutTheBody;

    public ApiException(Response.StatusType status, String detail) {
        this(status, detail, false);
    }

    private ApiException(Response.StatusType status, String detail, boolean aboutTheBody) {
        super(detail);
        this.status = status;
        this.aboutTheBody = aboutTheBody;
    }

    public Response.StatusType status() {
        return status;
    }

    /** Whether the request body is what is wrong: then the title names what it was meant to be. */
    public boolean aboutTheBody() {
        return aboutTheBody;
    }

    /**
     * 422, for a body that reads but asks for what cannot be. Jakarta REST's {@code Response.Status} has no 422:
     * {@code Response.Status.fromStatusCode(422)} is null, and an exception carrying it failed its mapper (a 500).
     */
    public static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    public static ApiException unprocessable(String detail) {
        return new ApiException(UNPROCESSABLE, detail);
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

    /** A body that reads but lacks what the endpoint needs (an override without a session…): 400 "Invalid …". */
    public static ApiException invalidBody(String detail) {
        return new ApiException(Response.Status.BAD_REQUEST, detail, true);
    }
}
