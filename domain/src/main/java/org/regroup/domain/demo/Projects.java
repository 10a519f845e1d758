package org.regroup.domain.demo;

import java.util.ArrayList;
import java.util.List;

import org.regroup.domain.Activity;
import org.regroup.domain.ActivityKind;
import org.regroup.domain.catalog.ModalityCatalog;

/** Interest-based projects for the activities block, tagged with the interests students list. */
public final class Projects {

    public static final List<String> INTERESTS = List.of("robotics", "art", "garden", "music", "sports", "coding", "writing",
            "science", "drama", "chess");

    private static final List<String> COLLABORATIVE = List.of(ModalityCatalog.COLLABORATIVE_PROJECT);
    private static final List<String> WITH_SEMINAR = List.of(ModalityCatalog.COLLABORATIVE_PROJECT,
            ModalityCatalog.SEMINAR);

    private static final List<Activity> CATALOG = List.of(
            project("robot-line-follower", "Build a line-following robot", List.of("robotics", "coding", "science"),
                    COLLABORATIVE),
            project("tessellation-mural", "Tessellation mural", List.of("art"), COLLABORATIVE),
            project("garden-plots", "Plan the garden plots", List.of("garden", "science"), COLLABORATIVE),
            project("rhythm-fractions", "Rhythm and fractions band", List.of("music"), COLLABORATIVE),
            project("sports-stats", "Sports statistics league", List.of("sports", "writing"), WITH_SEMINAR),
            project("quiz-app", "Code a quiz app", List.of("coding"), COLLABORATIVE),
            project("data-zine", "Data stories zine", List.of("writing", "art"), WITH_SEMINAR),
            project("stage-in-scale", "Stage design in scale", List.of("drama", "art"), COLLABORATIVE),
            project("chess-strategy", "Chess strategy circle", List.of("chess"), WITH_SEMINAR),
            project("weather-station", "School weather station", List.of("science", "coding"), COLLABORATIVE));

    private Projects() {
    }

    /**
     * The first {@code count} projects; with off-site spaces the garden project may also go to the community
     * garden, and a museum visit is added (it only runs off-site).
     */
    public static List<Activity> activities(int count, boolean offSite) {
        List<Activity> chosen = new ArrayList<>();
        for (Activity a : CATALOG.subList(0, Math.min(count, CATALOG.size()))) {
            if (offSite && a.id().equals("garden-plots")) {
                // also off site (at the garden, typically; any off-site space qualifies)
                a = new Activity(a.id(), a.name(), ActivityKind.PROJECT, a.tags(),
                        List.of(ModalityCatalog.COLLABORATIVE_PROJECT, ModalityCatalog.OFF_SITE), List.of(),
                        List.of());
            }
            chosen.add(a);
        }
        if (offSite) {
            chosen.add(new Activity("museum-measurement", "Measurement hunt at the science museum",
                    ActivityKind.PROJECT, List.of("science"), List.of(ModalityCatalog.OFF_SITE), List.of(),
                    List.of("MUSEUM")));
        }
        return chosen;
    }

    private static Activity project(String id, String name, List<String> tags, List<String> modalities) {
        return new Activity(id, name, ActivityKind.PROJECT, tags, modalities, List.of(), List.of());
    }
}
