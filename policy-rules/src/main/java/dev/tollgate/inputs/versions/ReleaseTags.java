package dev.tollgate.inputs.versions;

import dev.tollgate.api.facts.IgnoredTag;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.inputs.cargo.VersionReq;
import dev.tollgate.inputs.cargo.VersionReq.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release tags: {@code NAME-vX.Y.Z} for a crate released alone, {@code vX.Y.Z} for a workspace
 * released as one version ({@code [release] tag-patterns}, tried in order; the first pattern that
 * names any release of a crate gives its baseline, the highest version among them).
 */
public final class ReleaseTags {
    public static final List<String> DEFAULT_PATTERNS = List.of("{name}-v{version}", "v{version}");

    private ReleaseTags() {
    }

    /** A release tag, its version, and whether its pattern names the crate ({@code {name}}). */
    public record Release(Tag tag, Version version, boolean perCrate) {
    }

    /** The regular expression of a pattern for one crate; group 1 is the version. */
    static Pattern compile(String pattern, String crate) {
        StringBuilder re = new StringBuilder("^");
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("{name}", i)) {
                re.append(Pattern.quote(crate));
                i += 6;
            } else if (pattern.startsWith("{version}", i)) {
                re.append("([0-9].*)");
                i += 9;
            } else {
                int next = pattern.indexOf('{', i + 1);
                if (next < 0) next = pattern.length();
                re.append(Pattern.quote(pattern.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(re.append('$').toString());
    }

    /**
     * The baseline of {@code crate}: the highest release among the tags of the first pattern that
     * matches any, considering only tags {@code usable} accepts (reachable from the head).
     * Tags that match a pattern with a version that is not semver go to {@code ignored}.
     */
    public static Optional<Release> baseline(String crate, List<Tag> tags, List<String> patterns,
                                             Predicate<Tag> usable, List<IgnoredTag> ignored) {
        for (String pattern : patterns) {
            Pattern re = compile(pattern, crate);
            Release best = null;
            for (Tag t : tags) {
                Matcher m = re.matcher(t.name());
                if (!m.matches()) continue;
                Version v = Version.tryParse(m.group(1));
                if (v == null) {
                    IgnoredTag it = new IgnoredTag(t.name(), m.group(1));
                    if (!ignored.contains(it)) ignored.add(it);
                    continue;
                }
                if (!usable.test(t)) continue;
                if (best == null || higher(v, best.version())) best = new Release(t, v, pattern.contains("{name}"));
            }
            if (best != null) return Optional.of(best);
        }
        return Optional.empty();
    }

    // SemVer precedence ignores build metadata; between two tags that differ only there (v1.0.0+a and
    // v1.0.0+b) the order of the semver crate decides, as in release-plz: no metadata first, then the
    // metadata's identifiers compared like a pre-release's.
    private static boolean higher(Version a, Version b) {
        int c = a.compareTo(b);
        if (c != 0) return c > 0;
        if (a.build().isEmpty() || b.build().isEmpty()) return b.build().isEmpty() && !a.build().isEmpty();
        return VersionReq.comparePre(a.build(), b.build()) > 0;
    }

    /** Every valid pattern has {@code {version}} once; returns what is wrong, or null. */
    static String check(String pattern) {
        int first = pattern.indexOf("{version}");
        if (first < 0) return "has no {version}";
        if (pattern.indexOf("{version}", first + 1) >= 0) return "has {version} twice";
        List<String> unknown = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]*)}").matcher(pattern);
        while (m.find()) if (!m.group(1).equals("name") && !m.group(1).equals("version")) unknown.add(m.group());
        return unknown.isEmpty() ? null : "has unknown placeholders " + unknown + " (use {name} and {version})";
    }
}
