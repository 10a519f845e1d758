package org.regroup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regroup.domain.io.Json;

/** {@code regroup what-if}: the comparison printed and written, and bad scenarios refused before any solving. */
class WhatIfCommandTest {

    @TempDir
    Path dir;

    private Path scenario(String variants, String fewest) throws IOException {
        Cli.writeSmall(dir);
        return Cli.write(dir, "what-if.json", """
                {"format": "regroup/scenario", "version": 1, "id": "t", "name": "Small day <options>",
                 "base": "small.json", "timeLimit": "1s", "variants": [%s]%s}
                """.formatted(variants, fewest == null ? "" : ", \"fewest\": " + fewest));
    }

    @Test
    void comparesTheVariantsPrintsTheTableAndWritesTheReportAndItsData() throws IOException {
        Path file = scenario("""
                {"name": "no tutor", "changes": [{"type": "remove-staff", "staffId": "TU01"}]},
                {"name": "no library", "changes": [{"type": "close-space", "spaceId": "LIB01"}]}
                """, "{\"role\": \"aide\"}");

        Cli.Run run = Cli.run("what-if", file.toString(), "--cores", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("base", "no tutor", "no library", "goal-skill share", "staff cost per day",
                "Fewest aides");
        Path report = dir.resolve("what-if.report.html");
        Path data = dir.resolve("what-if.report.json");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("<svg", "no tutor",
                "Small day &lt;options&gt;").doesNotContain("<options>", "<script");
        JsonNode json = Json.mapper().readTree(data.toFile());
        assertThat(json.get("base").get("name").asText()).isEqualTo("base");
        assertThat(json.get("variants")).hasSize(2);
        assertThat(json.get("variants").get(0).get("versusBase").has("adultLoads")).isTrue();
        assertThat(json.get("fewest").get("role").asText()).isEqualTo("aide");
        // Student names are in the day; the report shows students by id only, adults by name and id (a student who
        // shares an adult's name, as two of the small day's do, cannot be told apart by text, so is not checked).
        java.util.Set<String> adults = new java.util.HashSet<>();
        Cli.small().staff().forEach(st -> adults.add(st.name()));
        Cli.small().students().stream().filter(s -> s.name() != null && !adults.contains(s.name()))
                .forEach(s -> assertThat(run.out() + run.err()).doesNotContain(s.name()));
    }

    @Test
    void aChangeNamingAnUnknownAdultIsExit2NamingTheVariantAndNothingIsWritten() throws IOException {
        Path file = scenario("""
                {"name": "ghost", "changes": [{"type": "remove-staff", "staffId": "NOBODY"}]}
                """, null);
        List<Path> before = Cli.filesIn(dir);

        Cli.Run run = Cli.run("what-if", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("$.variants[0].changes[0].staffId", "ghost", "NOBODY")
                .doesNotContain("Exception", "\tat ");
        assertThat(Cli.filesIn(dir)).isEqualTo(before);
    }

    @Test
    void aVariantWhoseDayIsInvalidIsExit2NamingTheVariant() throws IOException {
        Path file = scenario("""
                {"name": "tiny room", "changes": [{"type": "change-space", "spaceId": "LIB01", "capacity": 0}]}
                """, null);

        Cli.Run run = Cli.run("what-if", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("tiny room");
    }
}
