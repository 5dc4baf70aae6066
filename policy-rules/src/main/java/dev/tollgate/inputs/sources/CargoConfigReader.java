package dev.tollgate.inputs.sources;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourceReplacement;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.cargo.SourceParser;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.denytoml.DenyTomlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cargo's configuration as far as sources go: {@code [source.NAME]} replacement and
 * {@code [registries.NAME] index}, from the repository's {@code .cargo/config.toml} (or the legacy
 * {@code .cargo/config}, which cargo prefers when both exist) and {@code $CARGO_HOME/config.toml}.
 * The repository's file wins key by key (cargo reads the deeper directory's value first). Each
 * {@code replace-with} is followed to the end of its chain; a cycle, a name no table defines, or a
 * source that is several kinds at once is an input error at the {@code replace-with} line (exit 2), as
 * cargo refuses such a configuration too.
 */
public final class CargoConfigReader {
    /** cargo's name for the crates.io source. */
    public static final String CRATES_IO = "crates-io";
    private static final List<String> KINDS = List.of("registry", "local-registry", "directory", "git");

    private CargoConfigReader() {
    }

    /** One read configuration file: its display path and table. */
    private record File(String display, DenyTable table) {
    }

    /** A {@code [source.NAME]} or {@code [registries.NAME]} entry merged over the files. */
    private record Entry(String name, Map<String, Object> values, Map<String, Location> at) {
    }

    /**
     * The replacements in force for a repository (the policy root in PR mode: the base's files).
     *
     * @param root      the directory holding {@code .cargo/}
     * @param cargoHome {@code $CARGO_HOME} (null when unset); its {@code config.toml} is read when present
     */
    public static List<SourceReplacement> read(Path root, Path cargoHome) {
        List<File> files = new ArrayList<>();
        Path legacy = root.resolve(".cargo").resolve("config");
        Path toml = root.resolve(".cargo").resolve("config.toml");
        if (InputFiles.present(legacy)) {
            files.add(file(InputFiles.readText(legacy, ".cargo/config", InputFiles.Kind.CONFIG), ".cargo/config"));
        } else if (InputFiles.present(toml)) {
            files.add(file(InputFiles.readText(toml, ".cargo/config.toml", InputFiles.Kind.CONFIG), ".cargo/config.toml"));
        }
        if (cargoHome != null) {
            Path home = cargoHome.resolve("config.toml");
            if (InputFiles.present(home)) {
                files.add(file(InputFiles.readGiven(home, "$CARGO_HOME/config.toml", InputFiles.Kind.CONFIG),
                        "$CARGO_HOME/config.toml"));
            }
        }
        return replacements(files);
    }

    /** The replacements of configuration text (tests, or a file read elsewhere). */
    public static List<SourceReplacement> parse(String text, String display) {
        return replacements(List.of(file(text, display)));
    }

    private static File file(String text, String display) {
        return new File(display, DenyTomlReader.parseTable(text, display));
    }

    private static List<SourceReplacement> replacements(List<File> files) {
        Map<String, Entry> sources = merged(files, "source");
        Map<String, Entry> registries = merged(files, "registries");
        List<SourceReplacement> out = new ArrayList<>();
        for (Entry e : sources.values()) {
            if (!e.values().containsKey("replace-with")) continue;
            Location origin = e.at().get("replace-with");
            Set<String> seen = new LinkedHashSet<>();
            seen.add(e.name());
            Entry at = e;
            while (at.values().containsKey("replace-with")) {
                Location where = at.at().get("replace-with");
                String next = string(at, "replace-with");
                if (!seen.add(next)) {
                    throw error(where, "`replace-with` cycle: " + String.join(" -> ", seen) + " -> " + next);
                }
                Entry n = sources.get(next);
                if (n == null && registries.containsKey(next)) {
                    Entry r = registries.get(next);
                    Map<String, Object> v = new LinkedHashMap<>();
                    Map<String, Location> l = new LinkedHashMap<>();
                    if (r.values().containsKey("index")) {
                        v.put("registry", r.values().get("index"));
                        l.put("registry", r.at().get("index"));
                    }
                    n = new Entry(next, v, l);
                }
                if (n == null && CRATES_IO.equals(next)) n = new Entry(next, Map.of(), Map.of());
                if (n == null) {
                    throw error(where, "`replace-with` names `" + next
                            + "`, which neither a [source] nor a [registries] table defines");
                }
                at = n;
            }
            out.add(replacement(e, at, origin));
        }
        return out;
    }

    private static SourceReplacement replacement(Entry replaced, Entry end, Location origin) {
        String replacesKey = CRATES_IO.equals(replaced.name()) ? Source.CRATES_IO_KEY
                : replaced.values().containsKey("registry") ? SourceParser.key(string(replaced, "registry")) : "";
        String kind = null;
        for (String k : KINDS) {
            if (!end.values().containsKey(k)) continue;
            if (kind != null) {
                throw error(end.at().get(k), "source `" + end.name() + "` has both `" + kind + "` and `" + k + "`");
            }
            kind = k;
        }
        if (kind == null) {
            if (CRATES_IO.equals(end.name())) {
                return new SourceReplacement(replaced.name(), replacesKey, end.name(), SourceReplacement.Kind.SPARSE,
                        SourceParser.CRATES_IO_SPARSE, Source.CRATES_IO_KEY, "index.crates.io", "", origin);
            }
            throw error(origin, "`replace-with` leads to source `" + end.name()
                    + "`, which names no registry, local-registry, directory or git");
        }
        String url = string(end, kind);
        return switch (kind) {
            case "registry" -> {
                boolean sparse = url.startsWith("sparse+");
                String plain = sparse ? url.substring("sparse+".length()) : url;
                yield new SourceReplacement(replaced.name(), replacesKey, end.name(),
                        sparse ? SourceReplacement.Kind.SPARSE : SourceReplacement.Kind.REGISTRY, url,
                        SourceParser.key(url), SourceParser.host(plain), "", origin);
            }
            case "git" -> {
                String host = SourceParser.host(url);
                yield new SourceReplacement(replaced.name(), replacesKey, end.name(), SourceReplacement.Kind.GIT, url,
                        SourceParser.key(url), host, SourceParser.org(host, url), origin);
            }
            case "local-registry" -> new SourceReplacement(replaced.name(), replacesKey, end.name(),
                    SourceReplacement.Kind.LOCAL_REGISTRY, url, "", "", "", origin);
            default -> new SourceReplacement(replaced.name(), replacesKey, end.name(),
                    SourceReplacement.Kind.DIRECTORY, url, "", "", "", origin);
        };
    }

    /** The {@code [top.NAME]} tables of all files, merged key by key, the first file's value winning. */
    private static Map<String, Entry> merged(List<File> files, String top) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (File f : files) {
            DenyTable t = f.table().getTable(top);
            if (t == null) continue;
            for (String name : t.keySet()) {
                if (!(t.get(List.of(name)) instanceof DenyTable s)) {
                    throw error(t.at(name), "`" + top + "." + name + "`: expected a table");
                }
                Entry e = out.computeIfAbsent(name, n -> new Entry(n, new LinkedHashMap<>(), new LinkedHashMap<>()));
                for (String k : s.keySet()) {
                    if (e.values().containsKey(k)) continue;
                    Object v = s.get(List.of(k));
                    Location l = s.at(k);
                    if (List.of("replace-with", "registry", "local-registry", "directory", "git", "index").contains(k)
                            && !(v instanceof String)) {
                        throw error(l, "`" + top + "." + name + "." + k + "`: expected a string");
                    }
                    e.values().put(k, v);
                    e.at().put(k, l);
                }
            }
        }
        return out;
    }

    private static String string(Entry e, String key) {
        return (String) e.values().get(key);
    }

    private static InputException error(Location at, String problem) {
        return new InputException(at.file(), at.line(), at.column(), problem);
    }
}
