package dev.tollgate.inputs.tollgate;

import dev.tollgate.api.EngineLimits;
import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyTable;

import java.time.Duration;
import java.util.List;

/**
 * {@code [engine]} of tollgate.toml: the budgets of one evaluation ({@link EngineLimits}).
 *
 * <pre>
 * [engine]
 * max-firings = 2000000     # rule firings; default 100,000 + 200 per fact
 * timeout-seconds = 60      # wall clock; default 60
 * max-facts = 1000000       # objects in working memory; default 200,000 + 20 per fact
 * </pre>
 */
public record EngineSettings(EngineLimits limits, List<ConfigIssue> issues) {
    static final List<String> KEYS = List.of("max-facts", "max-firings", "timeout-seconds");

    public EngineSettings {
        issues = List.copyOf(issues);
    }

    public static EngineSettings read(TollgateToml toml) {
        DenyTable t = toml.section("engine");
        if (t == null) return new EngineSettings(EngineLimits.DEFAULTS, List.of());
        long firings = number(toml, t, "max-firings", 1_000, 1_000_000_000L, 0);
        long seconds = number(toml, t, "timeout-seconds", 1, 3_600, EngineLimits.DEFAULT_TIMEOUT.toSeconds());
        long facts = number(toml, t, "max-facts", 1_000, 100_000_000L, 0);
        return new EngineSettings(new EngineLimits(firings, Duration.ofSeconds(seconds), facts),
                toml.unknownKeys("engine", KEYS, "config"));
    }

    private static long number(TollgateToml toml, DenyTable t, String key, long min, long max, long dflt) {
        Long v = t.getLong(key);
        if (v == null) return dflt;
        if (v < min || v > max) {
            Location at = t.at(key);
            throw new InputException(toml.displayPath(), at.line(), at.column(),
                    "`engine." + key + "` must be a whole number from " + min + " to " + max + ", found " + v);
        }
        return v;
    }
}
