package org.regroup.rest.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How large a request body an endpoint takes. Every endpoint that takes a body has a limit ({@link BodyLimits}):
 * {@link BodyLimits#SMALL} unless it says otherwise here; {@link #SERVER} is the limit the administrator set for
 * whole days and schools ({@code serve --max-body}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

    /** The server's configured limit for whole days and schools. */
    long SERVER = -1;

    long bytes();
}
