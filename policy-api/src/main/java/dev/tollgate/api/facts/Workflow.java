package dev.tollgate.api.facts;

import java.util.List;

/** A GitHub Actions workflow file (filled by the workflows policy's extractor). */
public record Workflow(String file, String name, List<String> triggers, List<String> schedules, Location origin) {
    public Workflow {
        triggers = List.copyOf(triggers);
        schedules = List.copyOf(schedules);
    }
}
