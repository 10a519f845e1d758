package org.regroup.rest.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.regroup.rest.auth.Access;
import org.regroup.rest.auth.Rule;
import org.regroup.rest.errors.ApiException;

/** The bundled demo days ({@code datasets/*.json}), to try the API with. */
@jakarta.ws.rs.Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public final class DatasetResource {

    public record DatasetView(String name, long bytes, String href) {
    }

    @Inject
    ServerLimits limits;

    @GET
    @Access(Rule.SIGNED_IN)
    @Operation(summary = "The bundled demo days")
    public List<DatasetView> list() throws IOException {
        Path dir = limits.datasetsDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted()
                    .map(f -> new DatasetView(name(f), size(f), "/api/datasets/" + name(f)))
                    .toList();
        }
    }

    /** The day problem itself, ready to POST to {@code /api/plans}. */
    @GET
    @Access(Rule.SIGNED_IN)
    @jakarta.ws.rs.Path("{name}")
    @Operation(summary = "One demo day, ready to submit to /api/plans")
    public Response get(@PathParam("name") String name) {
        return Response.ok(file(name).toFile(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Who and what the demo day names, with its modalities as planned (the defaults with the day's over them). */
    @GET
    @Access(Rule.SIGNED_IN)
    @jakarta.ws.rs.Path("{name}/directory")
    @Operation(summary = "Who and what one demo day names, modalities included (the what-if form's choices)")
    public DayDirectory directory(@PathParam("name") String name) {
        return DayDirectory.of(org.regroup.domain.io.DayProblemReader.read(file(name)));
    }

    private Path file(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw ApiException.notFound("no dataset '" + name + "'");
        }
        Path file = limits.datasetsDir() == null ? null : limits.datasetsDir().resolve(name + ".json");
        if (file == null || !Files.isRegularFile(file)) {
            throw ApiException.notFound("no dataset '" + name + "'");
        }
        return file;
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".json".length());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
