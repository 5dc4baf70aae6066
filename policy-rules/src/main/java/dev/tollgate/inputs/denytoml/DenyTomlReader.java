package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.cargo.SourceParser;
import dev.tollgate.inputs.cargo.TargetTriples;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cargo-deny configuration (v2 schema) into a {@link DenyConfig}.
 *
 * <p>The reader is strict where Tollgate evaluates ({@code [sources]}, {@code [graph]}): a value it
 * cannot honour fails the run with an {@link InputException} at the value, because guessing would make
 * the gate disagree with cargo-deny. Everywhere else it is lenient: a key the v2 schema does not know
 * becomes a {@link ConfigIssue} for rules to report, and the rest of the file is kept as parsed TOML.
 *
 * <p>Two ways to the same tree. tomlj places every key and element exactly, but its first parse in a
 * cold process costs about 90 ms of ANTLR warm-up, a fifth of the budget for a whole {@code check}.
 * So the file is first read by {@link FastReading}: values from jackson-dataformat-toml (already
 * loaded by the lockfile reader), positions from {@link PositionScan}, used only when the scan's tree
 * has exactly jackson's shape. Malformed TOML, and any layout the scan does not follow, go to
 * {@link Tomlj}, which also words and places the syntax errors. Tests check that both readings agree.
 */
public final class DenyTomlReader {
    /** {@code allow-org} keys and the host each one approves organizations on. */
    private static final Map<String, String> ORG_HOSTS = orderedOrgHosts();

    private static final Map<String, GitSpec> GIT_SPECS =
            Map.of("any", GitSpec.ANY, "branch", GitSpec.BRANCH, "tag", GitSpec.TAG, "rev", GitSpec.REV);

    private DenyTomlReader() {
    }

    /**
     * Reads {@code file}, naming it {@code displayPath} in every location and message.
     *
     * @throws InputException when the file is missing or unreadable, is not valid TOML, or holds a value
     *                        of the wrong type for a setting Tollgate evaluates
     */
    public static DenyConfig read(Path file, String displayPath) {
        return parse(InputFiles.readText(file, displayPath, InputFiles.Kind.CONFIG), displayPath);
    }

    /** Reads a file the user named ({@code --config}): taken as given, wherever a link in its path points. */
    public static DenyConfig readGiven(Path file, String displayPath) {
        return parse(InputFiles.readGiven(file, displayPath, InputFiles.Kind.CONFIG), displayPath);
    }

    /**
     * Reads deny.toml content that did not come from a file of its own (from a git object, say), under
     * the same rules as {@link #read}.
     */
    public static DenyConfig parse(String text, String displayPath) {
        DenyConfig fast = parseFast(text, displayPath);
        return fast != null ? fast : parseExact(text, displayPath);
    }

    /**
     * Any TOML text as a {@link DenyTable} with key positions (the same fast-then-exact reading as
     * deny.toml), for Tollgate's other TOML inputs such as {@code tollgate.toml}.
     *
     * @throws InputException when the text is not valid TOML, at the offending line and column
     */
    public static DenyTable parseTable(String text, String displayPath) {
        DenyTable fast = FastReading.read(text, displayPath);
        return fast != null ? fast : Tomlj.read(text, displayPath);
    }

    /** The jackson + scan reading, or null when it cannot vouch for the file. */
    static DenyConfig parseFast(String text, String displayPath) {
        DenyTable toml = FastReading.read(text, displayPath);
        return toml == null ? null : config(toml, displayPath);
    }

    /** The tomlj reading: exact positions, exact syntax errors. */
    static DenyConfig parseExact(String text, String displayPath) {
        return config(Tomlj.read(text, displayPath), displayPath);
    }

    private static DenyConfig config(DenyTable toml, String displayPath) {
        List<ConfigIssue> issues = KeyChecker.check(toml);

        Section sources = Section.top(toml, "sources");
        List<AllowedSource> allowed = new ArrayList<>();
        allowed.addAll(registries(sources, displayPath));
        allowed.addAll(urls(sources, "allow-git", AllowKind.GIT));
        allowed.addAll(orgs(sources.sub("allow-org")));

        return new DenyConfig(displayPath, sourcesConfig(sources, displayPath), allowed, privates(sources),
                graph(Section.top(toml, "graph"), displayPath), issues, toml);
    }

    private static SourcesConfig sourcesConfig(Section s, String displayPath) {
        if (!s.present()) return SourcesConfig.defaults(displayPath);
        SourcesConfig d = SourcesConfig.defaults(displayPath);
        GitSpec spec = s.word("required-git-spec", GIT_SPECS, List.of("any", "branch", "tag", "rev")).orElse(null);
        return new SourcesConfig(
                s.level("unknown-registry", d.unknownRegistry()),
                s.level("unknown-git", d.unknownGit()),
                s.level("unused-allowed-source", d.unusedAllowedSource()),
                spec,
                s.at("unknown-registry"), s.at("unknown-git"), s.at("required-git-spec"), s.at());
    }

    /**
     * {@code allow-registry}: cargo-deny allows crates.io when the key is absent, but an explicit empty
     * list allows no registry at all, so absence and emptiness must stay distinct.
     */
    private static List<AllowedSource> registries(Section s, String displayPath) {
        if (!s.has("allow-registry")) return List.of(DenyConfig.implicitCratesIo(displayPath));
        return urls(s, "allow-registry", AllowKind.REGISTRY);
    }

    private static List<AllowedSource> urls(Section s, String key, AllowKind kind) {
        List<AllowedSource> out = new ArrayList<>();
        for (Section.Item item : s.strings(key, "a URL string").orElse(List.of())) {
            String url = checkedUrl(s, key, out.size(), item);
            out.add(new AllowedSource(kind, item.value(), SourceParser.key(item.value()), SourceParser.host(url), "",
                    false, item.at()));
        }
        return out;
    }

    private static List<PrivateSource> privates(Section s) {
        List<PrivateSource> out = new ArrayList<>();
        for (Section.Item item : s.strings("private", "a URL string").orElse(List.of())) {
            String url = checkedUrl(s, "private", out.size(), item);
            out.add(new PrivateSource(item.value(), SourceParser.key(item.value()), SourceParser.host(url), item.at()));
        }
        return out;
    }

    /**
     * cargo-deny parses every allow-list entry as a URL (after dropping a {@code sparse+}-style prefix)
     * and refuses the file when one is not; an entry that can never match would otherwise sit there
     * silently allowing nothing.
     *
     * @return the URL without its prefix
     */
    private static String checkedUrl(Section s, String key, int index, Section.Item item) {
        String url = item.value().trim();
        int scheme = url.indexOf("://");
        int plus = scheme < 0 ? -1 : url.lastIndexOf('+', scheme);
        if (plus >= 0) url = url.substring(plus + 1);
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null && !uri.getHost().isEmpty()) return url;
        } catch (URISyntaxException e) {
            // reported below with the entry's position
        }
        throw s.wrong(key + "[" + index + "]", item.at(), "a URL such as \"https://host/path\"", item.value());
    }

    private static List<AllowedSource> orgs(Section orgs) {
        List<AllowedSource> out = new ArrayList<>();
        ORG_HOSTS.forEach((key, host) -> {
            for (Section.Item item : orgs.strings(key, "an organization name").orElse(List.of())) {
                out.add(new AllowedSource(AllowKind.ORG, item.value(), "", host,
                        item.value().trim().toLowerCase(Locale.ROOT), false, item.at()));
            }
        });
        return out;
    }

    /**
     * {@code [graph]}. A target is a triple or a {@code { triple, features }} table; the triple must be one
     * Tollgate knows the cfg values of ({@link TargetTriples}), the features are the target features that
     * {@code cfg(target_feature = "...")} sees for it.
     */
    private static GraphConfig graph(Section g, String displayPath) {
        if (!g.present()) return GraphConfig.defaults(displayPath);
        List<String> targets = new ArrayList<>();
        Map<String, List<String>> targetFeatures = new LinkedHashMap<>();
        DenyArray array = g.array("targets", "a list of target triples").orElse(null);
        for (int i = 0; array != null && i < array.size(); i++) {
            Object t = array.get(i);
            Object triple = t instanceof DenyTable table ? table.get(List.of("triple")) : t;
            if (!(triple instanceof String s)) {
                throw g.wrong("targets[" + i + "]", array.at(i),
                        "a target triple or a { triple = \"...\" } table", t);
            }
            Location where = t instanceof DenyTable table ? table.at("triple") : array.at(i);
            if (TargetTriples.lookup(s).isEmpty()) {
                throw new InputException(displayPath, where.line(), where.column(), "[graph] targets[" + i + "]: unknown target "
                        + InputFiles.quote(s) + ": Tollgate evaluates cfg() only for the triples it knows ("
                        + String.join(", ", TargetTriples.known()) + ")");
            }
            targets.add(s);
            if (t instanceof DenyTable table && table.get(List.of("features")) != null) {
                Object f = table.get(List.of("features"));
                List<String> features = new ArrayList<>();
                if (!(f instanceof DenyArray fa)) {
                    throw g.wrong("targets[" + i + "].features", table.at("features"), "a list of target feature names", f);
                }
                for (int k = 0; k < fa.size(); k++) {
                    if (!(fa.get(k) instanceof String name)) {
                        throw g.wrong("targets[" + i + "].features[" + k + "]", fa.at(k), "a target feature name", fa.get(k));
                    }
                    features.add(name);
                }
                targetFeatures.put(s, features);
            }
        }
        return new GraphConfig(targets,
                values(g.strings("exclude", "a package spec string")),
                g.bool("all-features", false),
                g.bool("no-default-features", false),
                values(g.strings("features", "a feature name string")),
                g.bool("exclude-dev", false),
                g.bool("exclude-unpublished", false),
                g.at(), targetFeatures);
    }

    private static List<String> values(Optional<List<Section.Item>> items) {
        return items.orElse(List.of()).stream().map(Section.Item::value).toList();
    }

    private static Map<String, String> orderedOrgHosts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("github", "github.com");
        m.put("gitlab", "gitlab.com");
        m.put("bitbucket", "bitbucket.org");
        return Collections.unmodifiableMap(m);
    }
}
