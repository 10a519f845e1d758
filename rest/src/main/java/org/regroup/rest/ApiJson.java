package org.regroup.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.regroup.domain.io.Json;

/** The API speaks the documented formats through the project's one ObjectMapper, compact (no indentation). */
@Provider
public final class ApiJson implements ContextResolver<ObjectMapper> {

    /**
     * Also for bodies the resources write themselves (cached renderings). Reads as {@link Json#input()} does: a
     * {@code null} entry in a list of a request body is an error at its index.
     */
    public static final ObjectMapper MAPPER = Json.input().copy().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return MAPPER;
    }
}
