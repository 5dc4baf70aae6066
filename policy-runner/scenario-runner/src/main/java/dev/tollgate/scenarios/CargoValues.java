package dev.tollgate.scenarios;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.inputs.cargo.SourceParser;

import java.util.Locale;
import java.util.Map;

/**
 * Scenario shorthand for the Cargo value types, parsed the way the extractors parse them (registered
 * in {@code META-INF/services/dev.tollgate.scenarios.ValueParser}).
 */
public final class CargoValues {
    private CargoValues() {
    }

    /** {@code source: git+https://github.com/org/repo?rev=abc#abc}, as Cargo.lock writes it; absent: crates.io. */
    public static final class SourceValue implements ValueParser {
        @Override
        public Class<?> type() {
            return Source.class;
        }

        @Override
        public Object parse(String text) {
            if (text.equals("local") || text.equals("path")) return Source.LOCAL;
            if (text.equals("crates.io")) return SourceParser.parse("registry+" + SourceParser.CRATES_IO_GIT);
            return SourceParser.parse(text);
        }

        @Override
        public Object defaultValue() {
            return SourceParser.parse("registry+" + SourceParser.CRATES_IO_GIT);
        }
    }

    /** {@code expression: MIT OR Apache-2.0}: a license expression, parsed as the licenses extractor parses it. */
    public static final class LicenseExpressionValue implements ValueParser {
        @Override
        public Class<?> type() {
            return dev.tollgate.api.facts.LicenseExpression.class;
        }

        @Override
        public Object parse(String text) {
            try {
                return dev.tollgate.inputs.licenses.SpdxParser.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a license expression: " + e.getMessage());
            }
        }
    }

    /** {@code allowed: [MIT, Apache-2.0]}: one license requirement, read as deny.toml's {@code allow} entries are. */
    public static final class LicenseReqValue implements ValueParser {
        @Override
        public Class<?> type() {
            return dev.tollgate.api.facts.LicenseReq.class;
        }

        @Override
        public Object parse(String text) {
            try {
                return dev.tollgate.inputs.licenses.SpdxParser.parseAllowed(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a license id: " + e.getMessage());
            }
        }
    }

    private static final Map<String, String> ORG_HOSTS = Map.of("github", "github.com", "gitlab", "gitlab.com", "bitbucket", "bitbucket.org");

    /**
     * An allow-list entry of deny.toml's {@code [sources]} in one line: {@code registry URL},
     * {@code git URL}, or {@code github ORG} / {@code gitlab ORG} / {@code bitbucket ORG}.
     */
    public static final class AllowedSourceValue implements ValueParser {
        @Override
        public Class<?> type() {
            return AllowedSource.class;
        }

        @Override
        public Object parse(String text) {
            String[] p = text.trim().split("\\s+");
            if (p.length != 2) throw new IllegalArgumentException("write `registry URL`, `git URL` or `github ORG`");
            String kind = p[0].toLowerCase(Locale.ROOT);
            String value = p[1];
            Location at = Location.file("deny.toml");
            switch (kind) {
                case "registry", "git" -> {
                    String url = value;
                    int scheme = url.indexOf("://");
                    int plus = scheme < 0 ? -1 : url.lastIndexOf('+', scheme);
                    if (plus >= 0) url = url.substring(plus + 1);
                    return new AllowedSource(kind.equals("git") ? AllowKind.GIT : AllowKind.REGISTRY, value,
                            SourceParser.key(value), SourceParser.host(url), "", false, at);
                }
                default -> {
                    String host = ORG_HOSTS.get(kind);
                    if (host == null) throw new IllegalArgumentException("the kind is registry, git, github, gitlab or bitbucket, not `" + p[0] + "`");
                    return new AllowedSource(AllowKind.ORG, value, "", host, value.toLowerCase(Locale.ROOT), false, at);
                }
            }
        }
    }
}
