package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.InputException;
import dev.tollgate.inputs.RepoPaths;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a Cargo workspace without running Cargo: the root manifest's {@code [workspace]} (members
 * and excludes, with globs), every member manifest, and Cargo.lock. The lockfile gives packages,
 * sources and the resolved graph; member manifests add what the lockfile does not record for
 * members' own dependencies (kind, optional, target, the features that enable them).
 */
public final class WorkspaceLoader {
    private WorkspaceLoader() {
    }

    public static CargoWorkspace load(Path repoRoot, Path lockfile) {
        Path root = repoRoot.toAbsolutePath().normalize();
        Manifest rootManifest = ManifestReader.read(root.resolve("Cargo.toml"), "Cargo.toml");
        Manifest.WorkspaceSection ws = rootManifest.workspace();

        Map<String, Manifest> manifests = new LinkedHashMap<>(); // by member dir ("" = root)
        if (rootManifest.pkg() != null) manifests.put("", rootManifest);
        if (ws != null) {
            Set<String> excluded = new HashSet<>();
            for (String e : ws.exclude()) excluded.add(normalizeDir(e));
            for (String pattern : ws.members()) {
                for (String dir : expand(root, normalizeDir(pattern))) {
                    if (excluded.contains(dir) || manifests.containsKey(dir)) continue;
                    String display = dir.isEmpty() ? "Cargo.toml" : dir + "/Cargo.toml";
                    Path manifest = root.resolve(display);
                    if (!Files.isRegularFile(manifest)) {
                        throw new InputException("Cargo.toml", ws.line(), 1, "workspace member `" + dir + "` has no Cargo.toml");
                    }
                    Manifest m = dir.isEmpty() ? rootManifest : ManifestReader.read(manifest, display);
                    if (m.pkg() == null) throw new InputException(display, 1, 1, "workspace member manifest has no [package]");
                    manifests.put(dir, m);
                }
            }
        }

        CargoLock lock = CargoLockReader.read(lockfile, RepoPaths.display(root, lockfile));
        Map<String, LockedPackage> byId = new LinkedHashMap<>();
        Map<String, List<LockedPackage>> localByName = new HashMap<>();
        for (LockedPackage p : lock.packages()) {
            byId.put(p.id(), p);
            if (p.source().raw() == null) localByName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }

        String wsVersion = ws == null ? null : ws.packageVersion();
        List<WorkspaceMember> members = new ArrayList<>();
        Map<String, List<Manifest.Dependency>> declared = new HashMap<>();
        Set<String> memberIds = new HashSet<>();
        for (Map.Entry<String, Manifest> e : manifests.entrySet()) {
            Manifest m = e.getValue();
            Manifest.PackageSection p = m.pkg();
            String version = p.versionInherited() ? wsVersion : p.version();
            if (version == null) version = "0.0.0"; // Cargo's default when a package has no version
            if (p.versionInherited() && wsVersion == null) {
                throw new InputException(m.displayPath(), p.line(), 1,
                        "version.workspace = true, but the root Cargo.toml has no [workspace.package] version");
            }
            LockedPackage locked = findLocal(localByName, p.name(), version);
            if (locked == null) {
                throw new InputException(m.displayPath(), p.line(), 1, "workspace member " + p.name() + "@" + version
                        + " is not in " + lock.displayPath() + " (is the lockfile out of date? run `cargo update -w`)");
            }
            WorkspaceMember member = new WorkspaceMember(locked.id(), p.name(), version, m.displayPath(), e.getKey(),
                    p.versionInherited(), p.publish(), p.features(), Location.of(m.displayPath(), p.line(), 1));
            members.add(member);
            memberIds.add(locked.id());
            declared.put(locked.id(), resolveWorkspaceDeps(m.dependencies(), ws));
        }

        List<LockedPackage> packages = new ArrayList<>();
        for (LockedPackage p : lock.packages()) {
            packages.add(memberIds.contains(p.id())
                    ? new LockedPackage(p.id(), p.name(), p.version(), p.source(), p.checksum(), true, p.dependencies(), p.origin())
                    : p);
        }

        List<DependencyEdge> edges = new ArrayList<>();
        for (LockedPackage p : packages) {
            if (!p.member()) {
                for (String to : p.dependencies()) {
                    edges.add(new DependencyEdge(p.id(), to, byId.get(to).name(), DepKind.NORMAL, false, "", false, p.origin()));
                }
                continue;
            }
            WorkspaceMember member = members.stream().filter(x -> x.id().equals(p.id())).findFirst().orElseThrow();
            Set<String> matched = new HashSet<>();
            for (Manifest.Dependency d : declared.get(p.id())) {
                for (String to : p.dependencies()) {
                    if (!byId.get(to).name().equals(d.packageName())) continue;
                    matched.add(to);
                    edges.add(new DependencyEdge(p.id(), to, d.name(), d.kind(), d.optional(), d.target(), true,
                            Location.of(member.manifestPath(), d.line(), 1)));
                }
            }
            // Locked dependencies no declaration explains ([patch], [replace]): keep them, unconditional.
            for (String to : new TreeSet<>(p.dependencies())) {
                if (!matched.contains(to)) {
                    edges.add(new DependencyEdge(p.id(), to, byId.get(to).name(), DepKind.NORMAL, false, "", false, p.origin()));
                }
            }
        }
        return new CargoWorkspace(members, packages, edges,
                InclusionGraph.compute(members, packages, edges, declared), lock.displayPath());
    }

    /** Fills {@code workspace = true} dependencies from {@code [workspace.dependencies]} (optional and kind stay the member's). */
    private static List<Manifest.Dependency> resolveWorkspaceDeps(List<Manifest.Dependency> deps, Manifest.WorkspaceSection ws) {
        List<Manifest.Dependency> out = new ArrayList<>();
        for (Manifest.Dependency d : deps) {
            Manifest.Dependency base = d.workspace() && ws != null ? ws.dependencies().get(d.name()) : null;
            if (base == null) {
                out.add(d);
                continue;
            }
            List<String> features = new ArrayList<>(base.features());
            features.addAll(d.features());
            out.add(new Manifest.Dependency(d.name(), base.packageName(), d.kind(), d.optional(), d.target(), true,
                    base.path(), base.git(), base.version(), features, base.defaultFeatures(), d.line()));
        }
        return out;
    }

    private static LockedPackage findLocal(Map<String, List<LockedPackage>> localByName, String name, String version) {
        for (LockedPackage p : localByName.getOrDefault(name, List.of())) if (p.version().equals(version)) return p;
        return null;
    }

    private static String normalizeDir(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("./")) s = s.substring(2);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s.equals(".") ? "" : s;
    }

    /**
     * Expands a member pattern segment by segment, as Cargo's glob does: {@code *}, {@code ?} and
     * {@code [..]} match within one path segment; only directories with a Cargo.toml are members.
     */
    static List<String> expand(Path root, String pattern) {
        if (pattern.isEmpty()) return List.of("");
        List<String> current = List.of("");
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            List<String> next = new ArrayList<>();
            boolean glob = seg.contains("*") || seg.contains("?") || seg.contains("[");
            for (String base : current) {
                Path dir = base.isEmpty() ? root : root.resolve(base);
                if (!glob) {
                    next.add(base.isEmpty() ? seg : base + "/" + seg);
                    continue;
                }
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + seg);
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    List<String> names = new ArrayList<>();
                    for (Path entry : entries) {
                        if (Files.isDirectory(entry) && matcher.matches(entry.getFileName())) names.add(entry.getFileName().toString());
                    }
                    names.sort(null);
                    for (String n : names) next.add(base.isEmpty() ? n : base + "/" + n);
                } catch (IOException e) {
                    // A missing directory matches nothing, as in Cargo.
                }
            }
            current = next;
        }
        List<String> result = new ArrayList<>();
        boolean anyGlob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
        for (String c : current) {
            if (!anyGlob || Files.isRegularFile(root.resolve(c).resolve("Cargo.toml"))) result.add(c);
        }
        return result;
    }
}
