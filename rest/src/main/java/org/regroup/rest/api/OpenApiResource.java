package org.regroup.rest.api;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;

/**
 * The API described as an OpenAPI 3 document, generated once from the resources registered with the server by
 * swagger-core's {@link Reader}. (swagger-core's own {@code OpenApiResource} needs the Servlet API, which this
 * Grizzly server does not have.)
 */
@Path("/api/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class OpenApiResource {

    @Context
    Application application;

    private volatile String document;

    @GET
    @Access(Rule.PUBLIC)
    @Operation(summary = "This API as an OpenAPI 3 document")
    public String openApi() throws JsonProcessingException {
        String json = document;
        if (json == null) {
            synchronized (this) {
                json = document;
                if (json == null) {
                    json = io.swagger.v3.core.util.Json.mapper().writeValueAsString(describe(application));
                    document = json;
                }
            }
        }
        return json;
    }

    /** Reads every resource class of the application (sub-resources through their locators). */
    static OpenAPI describe(Application application) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Class<?> c : application.getClasses()) {
            if (c.isAnnotationPresent(Path.class)) {
                resources.add(c);
            }
        }
        String version = OpenApiResource.class.getPackage().getImplementationVersion();
        OpenAPI base = new OpenAPI().info(new Info()
                .title("Regroup API")
                .version(version == null ? "dev" : version)
                .description("Plans a personalized-learning school day. Day problems and plans are the documented "
                        + "formats of docs/format.md; the API is described in docs/api.md. Errors are RFC 9457 "
                        + "problem details (application/problem+json).")
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(false)
                .readAllResources(true).sortOutput(false));
        OpenAPI read = reader.read(resources);
        // how to sign in (docs/api.md): an API token, or the browser session's cookie (changes also send X-CSRF-Token)
        read.components(read.getComponents() == null ? new io.swagger.v3.oas.models.Components()
                : read.getComponents());
        read.getComponents().addSecuritySchemes("token", new io.swagger.v3.oas.models.security.SecurityScheme()
                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token (POST /api/tokens, ./regroup users token)"));
        read.getComponents().addSecuritySchemes("session", new io.swagger.v3.oas.models.security.SecurityScheme()
                .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                .in(io.swagger.v3.oas.models.security.SecurityScheme.In.COOKIE).name("regroup_session")
                .description("The browser session of POST /api/session; changes also send X-CSRF-Token"));
        read.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("token"));
        read.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("session"));
        return read;
    }
}
