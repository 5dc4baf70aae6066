package dev.tollgate.api.facts;

/**
 * One {@code updates:} entry of {@code .github/dependabot.yml}.
 *
 * @param file      the dependabot file, relative to the repository root ({@code .github/dependabot.yml})
 * @param ecosystem {@code package-ecosystem} as written ({@code cargo}, {@code github-actions}, ...)
 * @param directory {@code directory} as written ({@code /})
 * @param interval  {@code schedule.interval} ({@code daily}, {@code weekly}, ...); "" when absent
 * @param origin    where the entry starts
 */
public record DependabotUpdate(String file, String ecosystem, String directory, String interval, Location origin) {
}
