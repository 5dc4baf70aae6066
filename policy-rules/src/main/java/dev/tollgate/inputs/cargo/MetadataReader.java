package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.io.InputFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code cargo metadata --format-version 1} output into the same facts as
 * {@link WorkspaceLoader}, for projects that hand Tollgate a metadata dump instead of (or besides)
 * their manifests.
 *
 * <p>What metadata knows differs from what a lockfile knows. Its resolve graph was computed for
 * the features it was run with (default ones unless told otherwise) and, without
 * {@code --filter-platform}, for all targets; every edge carries its kinds and target cfgs, so all
 * edges are {@code declared}. A lockfile instead holds the graph with every feature of every member
 * enabled. Optional flags come from the depending package's {@code dependencies}, matched by
 * package name, rename, kind and target.
 *
 * <p>Package ids of both formats are understood: {@code "name version (source)"} (Cargo before 1.77)
 * and package-id specs ({@code registry+URL#name@version}, {@code path+file:///dir#version} with the
 * name taken from the directory). Facts use ids of the form {@code name@version} as everywhere else,
 * taken from each package's own name and version.
 */
public final class MetadataReader {
    /** Objects and arrays inside each other; cargo metadata nests about ten deep. */
    static final int MAX_DEPTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private MetadataReader() {
    }

    /**
     * Reads a metadata dump; a lockfile, when given, supplies each package's {@code [[package]]} line
     * and checksum, and is named by its file name beside {@code displayPath}.
     *
     * @param displayPath how findings and errors name the metadata file
     * @param lockfileOrNull the matching {@code Cargo.lock}, or null
     */
    public static CargoWorkspace read(Path metadataJson, String displayPath, Path lockfileOrNull) {
        String lockDisplay = "";
        if (lockfileOrNull != null) {
            int slash = displayPath.lastIndexOf('/');
            lockDisplay = (slash < 0 ? "" : displayPath.substring(0, slash + 1)) + lockfileOrNull.getFileName();
        }
        return read(metadataJson, displayPath, lockfileOrNull, lockDisplay);
    }

    /** As {@link #read(Path, String, Path)}, naming the lockfile {@code lockDisplay}. */
    public static CargoWorkspace read(Path metadataJson, String displayPath, Path lockfileOrNull, String lockDisplay) {
        InputFiles.Utf8 text = InputFiles.readGivenUtf8(metadataJson, displayPath, InputFiles.Kind.METADATA);
        CargoLock lock = lockfileOrNull == null ? null : CargoLockReader.read(lockfileOrNull, lockDisplay);
        return parse(text, displayPath, lock, null);
    }

    /**
     * As {@link #read(Path, String, Path)}, for a dump of the workspace at {@code repoRoot}: where a member's
     * manifest (and the root {@code Cargo.toml}) is there, each dependency declaration takes its line and its
     * {@code workspace = true} from it, and the root's {@code [workspace.dependencies]} entries are read.
     */
    public static CargoWorkspace readBeside(Path repoRoot, Path metadataJson, String displayPath, Path lockfileOrNull) {
        String lockDisplay = "";
        if (lockfileOrNull != null) {
            int slash = displayPath.lastIndexOf('/');
            lockDisplay = (slash < 0 ? "" : displayPath.substring(0, slash + 1)) + lockfileOrNull.getFileName();
        }
        InputFiles.Utf8 text = InputFiles.readGivenUtf8(metadataJson, displayPath, InputFiles.Kind.METADATA);
        CargoLock lock = lockfileOrNull == null ? null : CargoLockReader.read(lockfileOrNull, lockDisplay);
        return parse(text, displayPath, lock, repoRoot);
    }

    /** Reads metadata text; {@code lock} may be null. */
    public static CargoWorkspace parse(String text, String displayPath, CargoLock lock) {
        return parse(text, displayPath, lock, null);
    }

    /** Reads metadata text; {@code lock} and {@code repoRoot} (where the manifests are) may be null. */
    public static CargoWorkspace parse(String text, String displayPath, CargoLock lock, Path repoRoot) {
        return parse(new Text(text, null), displayPath, lock, repoRoot);
    }

    /** Reads metadata as UTF-8 bytes (a file): jackson's byte parser, and no String of the whole dump. */
    static CargoWorkspace parse(InputFiles.Utf8 bytes, String displayPath, CargoLock lock, Path repoRoot) {
        return parse(new Text(null, bytes), displayPath, lock, repoRoot);
    }

    /** The dump as a String (tests, callers with text) or as the file's bytes. */
    private record Text(String string, InputFiles.Utf8 utf8) {
        com.fasterxml.jackson.core.JsonParser parser() throws java.io.IOException {
            if (string != null) return JSON.createParser(string);
            byte[] b = utf8.bytes();
            // jackson guesses UTF-16 or UTF-32 from NUL bytes at the start: such a file is read as text
            for (int i = utf8.offset(); i < Math.min(b.length, utf8.offset() + 4); i++) {
                if (b[i] == 0) return JSON.createParser(text());
            }
            return JSON.createParser(b, utf8.offset(), b.length - utf8.offset());
        }

        String text() {
            return string != null ? string : utf8.text();
        }
    }

    private static CargoWorkspace parse(Text text, String displayPath, CargoLock lock, Path repoRoot) {
        JsonNode root;
        try {
            root = readPruned(text);
        } catch (java.io.IOException e) {
            if (text.utf8 == null) throw error(text, displayPath, e);
            // the byte parser counts columns in bytes: the text parser reports the error as it always has
            return parse(new Text(text.text(), null), displayPath, lock, repoRoot);
        }
        return new Reader(displayPath, lock, repoRoot).read(root);
    }

    private static InputException error(Text text, String displayPath, java.io.IOException failure) {
        try {
            throw failure;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // Jackson's refusal carries no position: the nesting scan finds the bracket.
            dev.tollgate.inputs.io.TomlNesting.check(text.text(), displayPath, 1, MAX_DEPTH, "arrays and objects");
            throw new InputException(displayPath, 0, 0, "malformed JSON: " + InputException.parserMessage(e), e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(displayPath, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "malformed JSON: " + InputException.parserMessage(e), e);
        } catch (java.io.IOException e) {
            throw new InputException(displayPath, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The keys of a {@code packages[]} entry that {@link Reader} reads; the others are skipped while parsing. */
    private static final Set<String> PACKAGE_KEYS = Set.of("id", "name", "version", "source", "license", "license_file",
            "manifest_path", "publish", "rust_version", "features", "dependencies", "targets");

    /**
     * The document as a tree without what the reader never looks at: a {@code cargo metadata} dump of a
     * large workspace is hundreds of megabytes, and its whole tree several times that. The parser streams
     * through the text; each {@code packages[]} entry keeps only {@link #PACKAGE_KEYS} (the others are
     * still parsed, so malformed JSON anywhere is reported where it is, as {@code readTree} would), and
     * equal strings share one instance (a dump repeats each source URL and id many times). Duplicate keys:
     * the last wins, as with {@code readTree}.
     */
    private static JsonNode readPruned(Text text) throws java.io.IOException {
        Interning nodes = new Interning();
        com.fasterxml.jackson.databind.ObjectReader reader = JSON.reader().with(nodes);
        try (com.fasterxml.jackson.core.JsonParser p = text.parser()) {
            JsonToken t = p.nextToken();
            if (t == null) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            if (t != JsonToken.START_OBJECT) return reader.readTree(p);
            com.fasterxml.jackson.databind.node.ObjectNode root = nodes.objectNode();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                if (key.equals("packages") && t == JsonToken.START_ARRAY) {
                    com.fasterxml.jackson.databind.node.ArrayNode packages = nodes.arrayNode();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            packages.add((JsonNode) reader.readTree(p));
                            continue;
                        }
                        com.fasterxml.jackson.databind.node.ObjectNode pkg = nodes.objectNode();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            if (PACKAGE_KEYS.contains(k)) pkg.set(nodes.intern(k), (JsonNode) reader.readTree(p));
                            else p.skipChildren();
                        }
                        packages.add(pkg);
                    }
                    root.set(key, packages);
                } else {
                    root.set(key, (JsonNode) reader.readTree(p));
                }
            }
            if (t != JsonToken.END_OBJECT) reader.readTree(p); // not reached: the parser throws on a bad token first
            return root;
        }
    }

    /** Text nodes whose equal strings share one instance, for the length of one read. */
    private static final class Interning extends com.fasterxml.jackson.databind.node.JsonNodeFactory {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String s) {
            String had = seen.putIfAbsent(s, s);
            return had == null ? s : had;
        }

        @Override
        public com.fasterxml.jackson.databind.node.TextNode textNode(String text) {
            return super.textNode(text == null || text.length() > 256 ? text : intern(text));
        }
    }

    /**
     * Name, version and source of a package id in either format; the source is null for path
     * packages. Used for ids that the {@code packages} array does not describe.
     */
    static String[] parseId(String id) {
        int space = id.indexOf(' ');
        if (space > 0 && id.endsWith(")")) {
            int open = id.indexOf(" (", space + 1);
            String name = id.substring(0, space);
            String version = id.substring(space + 1, open < 0 ? id.length() : open);
            String source = open < 0 ? null : id.substring(open + 2, id.length() - 1);
            return new String[] {name, version, source == null || source.startsWith("path+") ? null : source};
        }
        int hash = id.lastIndexOf('#');
        String url = hash < 0 ? id : id.substring(0, hash);
        String fragment = hash < 0 ? "" : id.substring(hash + 1);
        String name;
        String version;
        int at = fragment.indexOf('@');
        if (at >= 0) {
            name = fragment.substring(0, at);
            version = fragment.substring(at + 1);
        } else {
            // The name is left out when it is the last segment of the URL's path.
            version = fragment;
            String path = url;
            int q = path.indexOf('?');
            if (q >= 0) path = path.substring(0, q);
            while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith(".git")) name = name.substring(0, name.length() - 4);
        }
        return new String[] {name, version, url.startsWith("path+") ? null : url};
    }

    /** One {@code packages[].dependencies[]} entry. */
    private record Declaration(String name, String rename, DepKind kind, String target, boolean optional,
                               List<String> features, boolean defaultFeatures, String req, String path, String source) {
        String declaredName() {
            return rename == null ? name : rename;
        }
    }

    private static final class Reader {
        private final String file;
        private final CargoLock lock;
        private final Path repoRoot;
        private final Map<Declaration, String> resolved = new java.util.IdentityHashMap<>();

        Reader(String file, CargoLock lock, Path repoRoot) {
            this.file = file;
            this.lock = lock;
            this.repoRoot = repoRoot;
        }

        CargoWorkspace read(JsonNode root) {
            if (root == null || !root.isObject()) throw InputException.at(file, "not a cargo metadata object");
            JsonNode packagesNode = array(root, "packages");
            String workspaceRoot = text(root, "workspace_root");

            List<JsonNode> pkgs = new ArrayList<>();
            packagesNode.forEach(pkgs::add);
            List<String> names = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (JsonNode p : pkgs) {
                String id = text(p, "id");
                String name = text(p, "name");
                String version = text(p, "version");
                if (id == null || name == null || version == null) {
                    throw InputException.at(file, "a package without id, name or version");
                }
                names.add(name);
                versions.add(version);
                sources.add(text(p, "source"));
            }
            // Ids of packages the packages array does not hold (resolve may name them) are parsed.
            Map<String, String> idOf = new HashMap<>();
            List<String> ids = PackageIds.assign(names, versions, sources);
            for (int i = 0; i < pkgs.size(); i++) idOf.put(text(pkgs.get(i), "id"), ids.get(i));

            Set<String> memberMetaIds = new LinkedHashSet<>();
            for (JsonNode m : array(root, "workspace_members")) memberMetaIds.add(m.asText());

            Map<String, LockedPackage> lockByKey = new HashMap<>();
            if (lock != null) {
                for (LockedPackage p : lock.packages()) lockByKey.put(lockKey(p.name(), p.version(), p.source().raw()), p);
            }

            JsonNode resolve = root.get("resolve");
            Map<String, JsonNode> nodes = new HashMap<>();
            if (resolve != null && !resolve.isNull()) {
                for (JsonNode n : array(resolve, "nodes")) nodes.put(text(n, "id"), n);
            }

            List<LockedPackage> packages = new ArrayList<>();
            List<WorkspaceMember> members = new ArrayList<>();
            Map<String, List<Declaration>> declarations = new HashMap<>();
            Map<String, PackageMeta> meta = new HashMap<>();
            Map<String, LockedPackage> byMetaId = new HashMap<>();
            Map<String, WorkspaceMember> memberByMetaId = new LinkedHashMap<>();
            for (int i = 0; i < pkgs.size(); i++) {
                JsonNode p = pkgs.get(i);
                String metaId = text(p, "id");
                String id = ids.get(i);
                boolean member = memberMetaIds.contains(metaId);
                LockedPackage locked = lockByKey.get(lockKey(names.get(i), versions.get(i), sources.get(i)));
                Location origin = locked != null ? locked.origin() : Location.file(file);
                List<String> deps = new ArrayList<>();
                JsonNode node = nodes.get(metaId);
                if (node != null) {
                    for (String depMetaId : dependencyIds(node)) {
                        String depId = idOf.computeIfAbsent(depMetaId, MetadataReader::specOf);
                        if (!deps.contains(depId)) deps.add(depId);
                    }
                }
                LockedPackage pkg = new LockedPackage(id, names.get(i), versions.get(i), source(sources.get(i), id),
                        locked == null ? "" : locked.checksum(), member, deps, origin);
                packages.add(pkg);
                meta.put(id, packageMeta(p, node));
                byMetaId.put(metaId, pkg);
                declarations.put(metaId, declarations(p));
                if (member) {
                    WorkspaceMember wm = member(p, id, workspaceRoot);
                    members.add(wm);
                    memberByMetaId.put(metaId, wm);
                }
            }

            List<DependencyEdge> edges = new ArrayList<>();
            for (JsonNode p : pkgs) {
                String metaId = text(p, "id");
                JsonNode node = nodes.get(metaId);
                if (node != null) edges(node, byMetaId.get(metaId), byMetaId, idOf, declarations.get(metaId), edges);
            }

            List<InclusionGraph.FeatureRequest> requests = new ArrayList<>();
            for (String metaId : memberMetaIds) {
                LockedPackage m = byMetaId.get(metaId);
                if (m == null) continue;
                for (Declaration d : declarations.getOrDefault(metaId, List.of())) {
                    requests.add(new InclusionGraph.FeatureRequest(m.id(), d.declaredName(), d.features, d.defaultFeatures));
                }
            }
            List<Declarations.Pending> pending = new ArrayList<>();
            for (String metaId : memberMetaIds) {
                WorkspaceMember wm = memberByMetaId.get(metaId);
                if (wm == null) continue;
                List<Declarations.Pending> own = new ArrayList<>();
                for (Declaration d : declarations.getOrDefault(metaId, List.of())) {
                    own.add(pending(wm, d, workspaceRoot, packages, meta));
                }
                pending.addAll(withManifest(wm, own));
            }
            Manifest rootManifest = manifest("Cargo.toml");
            // Features: what cargo resolved for each package, and each package's own [features] table.
            Map<String, List<String>> resolvedFeatures = new HashMap<>();
            Map<String, Map<String, List<String>>> declared = new HashMap<>();
            for (int i = 0; i < pkgs.size(); i++) {
                String metaId = text(pkgs.get(i), "id");
                declared.put(ids.get(i), featureTable(pkgs.get(i)));
                JsonNode node = nodes.get(metaId);
                JsonNode f = node == null ? null : node.get("features");
                if (f != null && f.isArray()) {
                    List<String> on = new ArrayList<>();
                    f.forEach(x -> on.add(x.asText()));
                    on.sort(null);
                    resolvedFeatures.put(ids.get(i), on);
                }
            }
            InclusionGraph.Result graph = InclusionGraph.compute(members, packages, edges, requests, GraphOptions.DEFAULT);
            return new CargoWorkspace(members, packages, edges, graph.inclusions(),
                    lock == null ? "" : lock.displayPath(), meta,
                    Declarations.facts(pending, graph.enabledOptional()),
                    rootManifest == null ? List.of() : Declarations.workspaceEntries(rootManifest.workspace(), packages),
                    requests, graph.memberFeatures(), resolvedFeatures, declared);
        }

        /**
         * One declaration as a fact: metadata's {@code req} is Cargo's normalized text, and its {@code *} for
         * a path or git dependency is how metadata says "no version". The package is the resolved one, or
         * (for a dependency the resolve left out, an optional one not enabled) the first package of that
         * name the declaration can resolve to.
         */
        private Declarations.Pending pending(WorkspaceMember wm, Declaration d, String workspaceRoot, List<LockedPackage> packages,
                                             Map<String, PackageMeta> meta) {
            String git = "";
            if (d.source != null && d.source.startsWith("git+")) {
                git = d.source.substring(4);
                int cut = git.length();
                for (char c : new char[] {'?', '#'}) {
                    int i = git.indexOf(c);
                    if (i >= 0 && i < cut) cut = i;
                }
                git = git.substring(0, cut);
            }
            // A registry or git dependency always has a source; none means a path dependency (Cargo before
            // 1.51 printed no `path` for it).
            boolean isPath = d.path != null || d.source == null;
            String req = d.req;
            if ((isPath || !git.isEmpty()) && req != null && req.trim().equals("*")) req = null;
            String id = resolved.get(d);
            if (id == null) {
                for (LockedPackage p : packages) {
                    if (p.name().equals(d.name) && Declarations.resolvesTo(isPath ? "." : "", git, req, p)) {
                        id = p.id();
                        break;
                    }
                }
            }
            String path = "";
            if (isPath) {
                String abs = d.path;
                if (abs == null && id != null && meta.containsKey(id)) {
                    abs = orEmpty(meta.get(id).manifestPath()).replace('\\', '/');
                    if (abs.endsWith("/Cargo.toml")) abs = abs.substring(0, abs.length() - "/Cargo.toml".length());
                }
                if (abs != null && !abs.isEmpty()) path = relative(abs, workspaceRoot);
            }
            return new Declarations.Pending(wm, d.declaredName(), d.name, d.kind, req, path, git, false, d.optional,
                    d.target, id, Location.file(wm.manifestPath()));
        }

        /** {@code abs} relative to the workspace root when under it ("." for the root itself), else as given. */
        private static String relative(String abs, String workspaceRoot) {
            String a = abs.replace('\\', '/');
            String prefix = workspaceRoot == null ? null : workspaceRoot.replace('\\', '/');
            if (prefix == null) return MemberGlobs.normalize(a);
            if (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);
            if (a.equals(prefix)) return ".";
            return a.startsWith(prefix + "/") ? MemberGlobs.normalize(a.substring(prefix.length() + 1)) : a;
        }

        /**
         * The member's declarations with the line and {@code workspace = true} of its manifest, when the
         * manifest is beside the dump: matched by declared name, kind and target (target relaxed, as
         * metadata prints a {@code cfg} in its own spelling).
         */
        private List<Declarations.Pending> withManifest(WorkspaceMember wm, List<Declarations.Pending> own) {
            Manifest m = manifest(wm.manifestPath());
            if (m == null) return own;
            List<Declarations.Pending> out = new ArrayList<>(own.size());
            for (Declarations.Pending p : own) {
                Manifest.Dependency match = null;
                for (Manifest.Dependency d : m.dependencies()) {
                    if (!d.name().equals(p.name()) || d.kind() != p.kind()) continue;
                    if (d.target().equals(p.target())) {
                        match = d;
                        break;
                    }
                    if (match == null) match = d;
                }
                out.add(match == null ? p : new Declarations.Pending(p.member(), p.name(), p.packageName(), p.kind(), p.req(),
                        p.path(), p.git(), match.workspace(), p.optional(), p.target(), p.packageId(), match.origin()));
            }
            return out;
        }

        /** The manifest at {@code rel} under the repository root, or null when there is none (or no root). */
        private Manifest manifest(String rel) {
            if (repoRoot == null || rel.isEmpty() || rel.startsWith("/")) return null;
            Path f = repoRoot.resolve(rel);
            if (!java.nio.file.Files.isRegularFile(f)) return null;
            return ManifestReader.read(f, rel);
        }

        private static Map<String, List<String>> featureTable(JsonNode p) {
            Map<String, List<String>> features = new LinkedHashMap<>();
            JsonNode f = p.get("features");
            if (f != null && f.isObject()) {
                for (Map.Entry<String, JsonNode> e : f.properties()) {
                    List<String> items = new ArrayList<>();
                    e.getValue().forEach(x -> items.add(x.asText()));
                    features.put(e.getKey(), items);
                }
            }
            return features;
        }

        private void edges(JsonNode node, LockedPackage from, Map<String, LockedPackage> byMetaId, Map<String, String> idOf,
                           List<Declaration> decls, List<DependencyEdge> out) {
            JsonNode deps = node.get("deps");
            if (deps == null || !deps.isArray()) {
                // Cargo before 1.41 gave only the ids: kinds and optionality are unknown.
                for (String depMetaId : dependencyIds(node)) {
                    LockedPackage to = byMetaId.get(depMetaId);
                    String toId = to != null ? to.id() : idOf.computeIfAbsent(depMetaId, MetadataReader::specOf);
                    String name = to != null ? to.name() : parseId(depMetaId)[0];
                    out.add(new DependencyEdge(from.id(), toId, name, DepKind.NORMAL, false, "", false, from.origin()));
                }
                return;
            }
            for (JsonNode dep : deps) {
                String depMetaId = text(dep, "pkg");
                if (depMetaId == null) throw InputException.at(file, "a resolve dependency of " + from.id() + " without pkg");
                LockedPackage to = byMetaId.get(depMetaId);
                String toId = to != null ? to.id() : idOf.computeIfAbsent(depMetaId, MetadataReader::specOf);
                String toName = to != null ? to.name() : parseId(depMetaId)[0];
                String externName = text(dep, "name");
                JsonNode kinds = dep.get("dep_kinds");
                List<JsonNode> kindList = new ArrayList<>();
                if (kinds != null && kinds.isArray() && !kinds.isEmpty()) kinds.forEach(kindList::add);
                else kindList.add(null);
                for (JsonNode k : kindList) {
                    DepKind kind = kind(k == null ? null : text(k, "kind"));
                    String target = k == null ? "" : orEmpty(text(k, "target"));
                    Declaration d = match(decls, toName, externName, kind, target);
                    if (d != null) resolved.putIfAbsent(d, toId);
                    out.add(new DependencyEdge(from.id(), toId, d == null ? toName : d.declaredName(), kind,
                            d != null && d.optional, target, true, from.origin()));
                }
            }
        }

        /**
         * The declaration a resolved dependency comes from: same package name, kind and target, and
         * (when renamed) the rename, which {@code resolve} gives as the extern crate name with
         * {@code -} turned into {@code _}. Kind and target are relaxed when nothing matches them.
         */
        private static Declaration match(List<Declaration> decls, String packageName, String externName, DepKind kind,
                                         String target) {
            Declaration loose = null;
            for (Declaration d : decls) {
                if (!d.name.equals(packageName)) continue;
                if (d.rename != null && externName != null && !d.rename.replace('-', '_').equals(externName)) continue;
                if (d.kind == kind && d.target.equals(target)) return d;
                if (loose == null) loose = d;
            }
            return loose;
        }

        private List<Declaration> declarations(JsonNode p) {
            JsonNode deps = p.get("dependencies");
            if (deps == null || !deps.isArray()) return List.of();
            List<Declaration> out = new ArrayList<>();
            for (JsonNode d : deps) {
                List<String> features = new ArrayList<>();
                JsonNode f = d.get("features");
                if (f != null && f.isArray()) f.forEach(x -> features.add(x.asText()));
                JsonNode defaults = d.get("uses_default_features");
                out.add(new Declaration(orEmpty(text(d, "name")), text(d, "rename"), kind(text(d, "kind")),
                        orEmpty(text(d, "target")), d.path("optional").asBoolean(false), features,
                        defaults == null || defaults.asBoolean(true), text(d, "req"), text(d, "path"), text(d, "source")));
            }
            return out;
        }

        private WorkspaceMember member(JsonNode p, String id, String workspaceRoot) {
            String manifest = orEmpty(text(p, "manifest_path")).replace('\\', '/');
            String rootPrefix = workspaceRoot == null ? null : workspaceRoot.replace('\\', '/');
            if (rootPrefix != null && !rootPrefix.endsWith("/")) rootPrefix += "/";
            String rel = rootPrefix != null && manifest.startsWith(rootPrefix) ? manifest.substring(rootPrefix.length()) : manifest;
            String dir = rel.endsWith("Cargo.toml") ? rel.substring(0, rel.length() - "Cargo.toml".length()) : rel;
            if (dir.endsWith("/")) dir = dir.substring(0, dir.length() - 1);
            Map<String, List<String>> features = featureTable(p);
            JsonNode publish = p.get("publish");
            boolean publishable = publish == null || publish.isNull() || !publish.isArray() || !publish.isEmpty();
            JsonNode rust = p.get("rust_version");
            return new WorkspaceMember(id, text(p, "name"), text(p, "version"), rel, dir, false, publishable, features,
                    Location.file(rel), rust == null || rust.isNull() ? "" : rust.asText());
        }

        private static PackageMeta packageMeta(JsonNode p, JsonNode node) {
            JsonNode publish = p.get("publish");
            List<String> registries = null;
            if (publish != null && publish.isArray()) {
                registries = new ArrayList<>();
                for (JsonNode r : publish) registries.add(r.asText());
            } else if (publish != null && publish.isBoolean() && !publish.asBoolean()) {
                registries = List.of();
            }
            String buildScript = null;
            boolean procMacro = false;
            JsonNode targets = p.get("targets");
            if (targets != null && targets.isArray()) {
                for (JsonNode t : targets) {
                    JsonNode kinds = t.get("kind");
                    if (kinds == null || !kinds.isArray()) continue;
                    for (JsonNode k : kinds) {
                        if (k.asText().equals("custom-build") && buildScript == null) buildScript = orEmpty(text(t, "src_path"));
                        if (k.asText().equals("proc-macro")) procMacro = true;
                    }
                }
            }
            List<String> features = new ArrayList<>();
            JsonNode enabled = node == null ? null : node.get("features");
            if (enabled != null && enabled.isArray()) enabled.forEach(f -> features.add(f.asText()));
            return new PackageMeta(text(p, "license"), text(p, "license_file"), orEmpty(text(p, "manifest_path")), registries,
                    buildScript, procMacro, features);
        }

        private Source source(String raw, String id) {
            try {
                return SourceParser.parse(raw);
            } catch (IllegalArgumentException e) {
                throw InputException.at(file, "unknown source kind " + InputFiles.quote(raw) + " of package " + id);
            }
        }

        private JsonNode array(JsonNode parent, String key) {
            JsonNode v = parent.get(key);
            if (v == null || !v.isArray()) throw InputException.at(file, "`" + key + "` is missing or not an array");
            return v;
        }

        private static String text(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static List<String> dependencyIds(JsonNode node) {
            Set<String> out = new LinkedHashSet<>();
            JsonNode deps = node.get("deps");
            if (deps != null && deps.isArray()) {
                for (JsonNode d : deps) {
                    if (d.hasNonNull("pkg")) out.add(d.get("pkg").asText());
                }
            } else {
                JsonNode ids = node.get("dependencies");
                if (ids != null && ids.isArray()) ids.forEach(x -> out.add(x.asText()));
            }
            return new ArrayList<>(out);
        }

        private static DepKind kind(String word) {
            if (word == null) return DepKind.NORMAL;
            return switch (word) {
                case "dev" -> DepKind.DEV;
                case "build" -> DepKind.BUILD;
                default -> DepKind.NORMAL;
            };
        }

        private static String lockKey(String name, String version, String source) {
            return name + ' ' + version + ' ' + (source == null ? "" : source);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    /** {@code name@version} of a package id that the packages array does not describe. */
    private static String specOf(String metaId) {
        String[] p = parseId(metaId);
        return p[0] + "@" + p[1];
    }
}
