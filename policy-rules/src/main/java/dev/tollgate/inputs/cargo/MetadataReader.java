package dev.tollgate.inputs.cargo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.InputException;
import dev.tollgate.inputs.RepoPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code cargo metadata --format-version 1} JSON (Jackson): the same facts as
 * {@link WorkspaceLoader}, with dependency kinds, targets and optionality known for every edge,
 * not only for members'. When the matching Cargo.lock is given, packages point at its lines.
 */
public final class MetadataReader {
    private MetadataReader() {
    }

    public static CargoWorkspace read(Path json, String displayPath, Path lockfileOrNull) {
        String text = InputFiles.readText(json, displayPath);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(displayPath, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("packages").isArray()) {
            throw new InputException(displayPath, 1, 1, "not `cargo metadata --format-version 1` output: no \"packages\" array");
        }
        Path workspaceRoot = root.hasNonNull("workspace_root") ? Path.of(root.get("workspace_root").asText()) : null;

        Map<String, Location> lockLines = new HashMap<>();
        String lockDisplay = "";
        if (lockfileOrNull != null) {
            Path repo = lockfileOrNull.toAbsolutePath().getParent();
            CargoLock lock = CargoLockReader.read(lockfileOrNull, RepoPaths.display(repo, lockfileOrNull));
            lockDisplay = lock.displayPath();
            for (LockedPackage p : lock.packages()) lockLines.put(p.name() + "@" + p.version() + "|" + p.source(), p.origin());
        }

        JsonNode pkgs = root.get("packages");
        List<String> names = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (JsonNode p : pkgs) {
            names.add(text(p, "name", displayPath));
            versions.add(text(p, "version", displayPath));
            sources.add(p.hasNonNull("source") ? p.get("source").asText() : null);
        }
        List<String> ids = PackageIds.assign(names, versions, sources);
        Map<String, String> idOf = new HashMap<>();       // cargo's package id -> ours
        Map<String, JsonNode> nodeOf = new HashMap<>();
        for (int i = 0; i < pkgs.size(); i++) {
            idOf.put(pkgs.get(i).path("id").asText(), ids.get(i));
            nodeOf.put(ids.get(i), pkgs.get(i));
        }
        Set<String> memberCargoIds = new HashSet<>();
        for (JsonNode m : root.path("workspace_members")) memberCargoIds.add(m.asText());

        Map<String, List<String>> resolved = new LinkedHashMap<>();
        Map<String, List<JsonNode>> resolvedDeps = new HashMap<>();
        JsonNode nodes = root.path("resolve").path("nodes");
        for (JsonNode n : nodes) {
            String from = idOf.get(n.path("id").asText());
            if (from == null) continue;
            List<String> tos = new ArrayList<>();
            List<JsonNode> deps = new ArrayList<>();
            if (n.has("deps")) {
                for (JsonNode d : n.get("deps")) {
                    String to = idOf.get(d.path("pkg").asText());
                    if (to != null) {
                        tos.add(to);
                        deps.add(d);
                    }
                }
            } else {
                for (JsonNode d : n.path("dependencies")) {
                    String to = idOf.get(d.asText());
                    if (to != null) tos.add(to);
                }
            }
            resolved.put(from, tos);
            resolvedDeps.put(from, deps);
        }

        List<LockedPackage> packages = new ArrayList<>();
        List<WorkspaceMember> members = new ArrayList<>();
        Map<String, List<Manifest.Dependency>> declared = new HashMap<>();
        for (int i = 0; i < pkgs.size(); i++) {
            JsonNode p = pkgs.get(i);
            String id = ids.get(i);
            boolean member = memberCargoIds.contains(p.path("id").asText());
            String source = sources.get(i);
            Location origin = lockLines.getOrDefault(names.get(i) + "@" + versions.get(i) + "|" + SourceParser.parse(source),
                    Location.file(displayPath));
            packages.add(new LockedPackage(id, names.get(i), versions.get(i), SourceParser.parse(source),
                    "", member, resolved.getOrDefault(id, List.of()), origin));
            List<Manifest.Dependency> deps = new ArrayList<>();
            for (JsonNode d : p.path("dependencies")) {
                String name = d.path("name").asText();
                String rename = d.hasNonNull("rename") ? d.get("rename").asText() : name;
                List<String> features = new ArrayList<>();
                d.path("features").forEach(f -> features.add(f.asText()));
                deps.add(new Manifest.Dependency(rename, name, kind(d.path("kind")), d.path("optional").asBoolean(false),
                        d.hasNonNull("target") ? d.get("target").asText() : "", false, null, null,
                        d.path("req").asText(null), features, d.path("uses_default_features").asBoolean(true), 0));
            }
            declared.put(id, deps);
            if (member) {
                String manifest = p.path("manifest_path").asText("");
                String manifestDisplay = workspaceRoot != null && !manifest.isEmpty()
                        ? RepoPaths.display(workspaceRoot, Path.of(manifest)) : manifest;
                String dir = manifestDisplay.contains("/") ? manifestDisplay.substring(0, manifestDisplay.lastIndexOf('/')) : "";
                Map<String, List<String>> features = new LinkedHashMap<>();
                p.path("features").fields().forEachRemaining(f -> {
                    List<String> list = new ArrayList<>();
                    f.getValue().forEach(x -> list.add(x.asText()));
                    features.put(f.getKey(), list);
                });
                boolean publish = !(p.path("publish").isArray() && p.path("publish").isEmpty());
                members.add(new WorkspaceMember(id, names.get(i), versions.get(i), manifestDisplay, dir, false, publish,
                        features, Location.file(manifestDisplay)));
            }
        }

        List<DependencyEdge> edges = new ArrayList<>();
        for (LockedPackage p : packages) {
            List<JsonNode> deps = resolvedDeps.getOrDefault(p.id(), List.of());
            if (deps.isEmpty()) {
                for (String to : p.dependencies()) edges.add(new DependencyEdge(p.id(), to, nodeOf.get(to).path("name").asText(),
                        DepKind.NORMAL, false, "", false, p.origin()));
                continue;
            }
            for (JsonNode d : deps) {
                String to = idOf.get(d.path("pkg").asText());
                String toName = nodeOf.get(to).path("name").asText();
                JsonNode kinds = d.path("dep_kinds");
                if (!kinds.isArray() || kinds.isEmpty()) {
                    edges.add(new DependencyEdge(p.id(), to, toName, DepKind.NORMAL, false, "", false, p.origin()));
                    continue;
                }
                for (JsonNode k : kinds) {
                    DepKind kind = kind(k.path("kind"));
                    String target = k.hasNonNull("target") ? k.get("target").asText() : "";
                    Manifest.Dependency decl = null;
                    for (Manifest.Dependency x : declared.get(p.id())) {
                        if (x.packageName().equals(toName) && x.kind() == kind && x.target().equals(target)) {
                            decl = x;
                            break;
                        }
                    }
                    edges.add(new DependencyEdge(p.id(), to, decl == null ? toName : decl.name(), kind,
                            decl != null && decl.optional(), target, true, p.origin()));
                }
            }
        }
        return new CargoWorkspace(members, packages, edges, InclusionGraph.compute(members, packages, edges, declared),
                lockDisplay.isEmpty() ? displayPath : lockDisplay);
    }

    private static DepKind kind(JsonNode k) {
        if (k == null || k.isNull() || k.isMissingNode()) return DepKind.NORMAL;
        return switch (k.asText()) {
            case "dev" -> DepKind.DEV;
            case "build" -> DepKind.BUILD;
            default -> DepKind.NORMAL;
        };
    }

    private static String text(JsonNode p, String field, String file) {
        JsonNode v = p.get(field);
        if (v == null || !v.isTextual()) throw new InputException(file, 0, 0, "a package has no \"" + field + "\" string");
        return v.asText();
    }
}
