package dev.tollgate.api.facts;

/** One {@code updates:} entry of {@code .github/dependabot.yml}. */
public record DependabotUpdate(String file, String ecosystem, String directory, String interval, Location origin) {
}
