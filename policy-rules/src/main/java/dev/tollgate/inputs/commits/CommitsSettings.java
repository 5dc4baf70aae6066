package dev.tollgate.inputs.commits;

import dev.tollgate.api.facts.CommitsConfig;
import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code [commits]} of tollgate.toml:
 * <pre>
 * [commits]
 * extra-types = ["build", "ci", "refactor", "revert", "style", "test"]  # added to feat fix chore docs perf security
 * header-max-length = 100
 * merge-pattern = '^Merge (pull request|branch) .*'    # exempt headers (Java regex, searched)
 * revert-pattern = '^Revert ".*"'
 * first-parent = false                                 # lint only the mainline of a merge-based history
 * </pre>
 */
public record CommitsSettings(CommitsConfig config, boolean firstParent, List<ConfigIssue> issues) {
    public static final List<String> KEYS = List.of("extra-types", "header-max-length", "merge-pattern", "revert-pattern", "first-parent");

    public CommitsSettings {
        issues = List.copyOf(issues);
    }

    public static CommitsSettings defaults() {
        return new CommitsSettings(CommitsConfig.defaults(), false, List.of());
    }

    public static CommitsSettings read(TollgateToml toml) {
        DenyTable t = toml.section("commits");
        if (t == null) return defaults();
        List<String> types = new ArrayList<>(CommitsConfig.RFC_TYPES);
        java.util.Set<String> known = new java.util.HashSet<>(types); // a list of 100,000 stays linear
        DenyArray extra = t.getArray("extra-types");
        if (extra == null) {
            types.addAll(CommitsConfig.DEFAULT_EXTRA_TYPES);
        } else {
            for (int i = 0; i < extra.size(); i++) {
                Object v = extra.get(i);
                Location at = extra.at(i);
                if (!(v instanceof String s) || s.isBlank() || !s.equals(s.toLowerCase(Locale.ROOT)) || !s.matches("[a-z][a-z0-9_-]*")) {
                    throw new InputException(toml.displayPath(), at.line(), at.column(),
                            "`commits.extra-types`: each type is a lowercase word (like \"build\"), found " + v);
                }
                if (known.add(s)) types.add(s);
            }
        }
        int max = CommitsConfig.DEFAULT_HEADER_MAX_LENGTH;
        Long len = t.getLong("header-max-length");
        if (len != null) {
            if (len < 10 || len > 10_000) {
                Location at = t.at("header-max-length");
                throw new InputException(toml.displayPath(), at.line(), at.column(),
                        "`commits.header-max-length` must be between 10 and 10000, found " + len);
            }
            max = len.intValue();
        }
        Pattern merge = pattern(toml, t, "merge-pattern", CommitsConfig.DEFAULT_MERGE);
        Pattern revert = pattern(toml, t, "revert-pattern", CommitsConfig.DEFAULT_REVERT);
        Boolean firstParent = t.getBoolean("first-parent");
        CommitsConfig config = new CommitsConfig(types, max, merge, revert, toml.locationOf("commits", "extra-types"));
        return new CommitsSettings(config, firstParent != null && firstParent, toml.unknownKeys("commits", KEYS, "commits"));
    }

    private static Pattern pattern(TollgateToml toml, DenyTable t, String key, String dflt) {
        String s = t.getString(key);
        if (s == null) return Pattern.compile(dflt);
        if (s.isEmpty()) return null;
        try {
            return Pattern.compile(s);
        } catch (PatternSyntaxException e) {
            Location at = t.at(key);
            throw new InputException(toml.displayPath(), at.line(), at.column(),
                    "`commits." + key + "` is not a valid regular expression: " + e.getDescription());
        }
    }
}
