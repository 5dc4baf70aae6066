package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.RepoPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a Cargo workspace from its manifests and lockfile: members, packages, edges, inclusions.
 *
 * <p>Members are found as Cargo finds them: each {@code workspace.members} entry (globs expanded by
 * {@link MemberGlobs}), then the root package, each followed depth-first by its path dependencies
 * that lie inside the workspace; a path under a {@code workspace.exclude} entry is skipped unless it
 * also lies under a {@code members} entry taken literally (Cargo's rule, under which {@code "."} in
 * {@code members} makes {@code exclude} moot). A glob match without a {@code Cargo.toml} is skipped
 * (Cargo would refuse to load such a workspace, so the lockfile could not describe it).
 *
 * <p>Edges out of a member come from its manifest, one per declaration, matched to the member's
 * locked dependencies by package name. Where the member locks two versions of that name, the
 * declaration's path, git URL or version requirement picks one; if none of them decides (say two
 * registry versions both match {@code *}), an edge goes to each candidate, so that no dependency is
 * lost. Locked dependencies of a member that no declaration matched (a {@code [patch]} that renamed
 * a package, say) keep an undeclared lockfile edge. Edges below members come from the lockfile.
 */
public final class WorkspaceLoader {
    private WorkspaceLoader() {
    }

    /**
     * Loads the workspace whose root manifest is {@code repoRoot/Cargo.toml}.
     *
     * @param lockfile the lockfile to read; null for {@code repoRoot/Cargo.lock}
     * @throws InputException for an unreadable manifest or lockfile, a member missing from the lockfile,
     *                        or a {@code workspace = true} dependency the workspace does not declare
     */
    public static CargoWorkspace load(Path repoRoot, Path lockfile) {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path lockPath = lockfile == null ? root.resolve("Cargo.lock") : lockfile.toAbsolutePath().normalize();
        return new Loader(root).load(lockPath);
    }

    private static final class Loader {
        private final Path root;
        private final Manifest rootManifest;
        private final Manifest.Workspace ws;
        private final Map<String, Manifest> manifests = new LinkedHashMap<>();

        Loader(Path root) {
            this.root = root;
            this.rootManifest = ManifestReader.read(root.resolve("Cargo.toml"), "Cargo.toml");
            this.ws = rootManifest.workspace();
            if (ws == null && rootManifest.isVirtual()) {
                throw InputException.at("Cargo.toml", "neither [package] nor [workspace]: not a Cargo workspace root");
            }
        }

        CargoWorkspace load(Path lockPath) {
            String lockDisplay = RepoPaths.display(root, lockPath);
            // The lockfile is the largest input and needs nothing from the manifests: parse it
            // while the member manifests are found and read.
            Background<CargoLock> reading = Background.start("lockfile", () -> CargoLockReader.read(lockPath, lockDisplay));
            findMembers();
            CargoLock lock = reading.get();

            Map<String, List<LockedPackage>> byName = new HashMap<>();
            Map<String, LockedPackage> byId = new HashMap<>();
            for (LockedPackage p : lock.packages()) {
                byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
                byId.put(p.id(), p);
            }

            List<WorkspaceMember> members = new ArrayList<>();
            List<DependencyEdge> edges = new ArrayList<>();
            List<InclusionGraph.FeatureRequest> requests = new ArrayList<>();
            List<Declarations.Pending> declared = new ArrayList<>();
            Set<String> memberIds = new HashSet<>();
            for (Map.Entry<String, Manifest> entry : manifests.entrySet()) {
                Manifest m = entry.getValue();
                if (m.isVirtual()) continue;
                WorkspaceMember member = member(entry.getKey(), m, byName, lockDisplay);
                members.add(member);
                memberIds.add(member.id());
                memberEdges(member, m, byId.get(member.id()), byId, lockDisplay, edges, requests, declared);
            }
            List<LockedPackage> packages = new ArrayList<>(lock.packages().size());
            for (LockedPackage p : lock.packages()) {
                if (memberIds.contains(p.id())) {
                    packages.add(new LockedPackage(p.id(), p.name(), p.version(), p.source(), p.checksum(), true,
                            p.dependencies(), p.origin()));
                } else {
                    packages.add(p);
                    for (String dep : p.dependencies()) {
                        edges.add(new DependencyEdge(p.id(), dep, byId.get(dep).name(), DepKind.NORMAL, false, "",
                                false, p.origin()));
                    }
                }
            }
            InclusionGraph.Result graph = InclusionGraph.compute(members, packages, edges, requests, GraphOptions.DEFAULT);
            return new CargoWorkspace(members, packages, edges, graph.inclusions(), lockDisplay, Map.of(),
                    Declarations.facts(declared, graph.enabledOptional()),
                    Declarations.workspaceEntries(ws, packages), requests, graph.memberFeatures(), Map.of(), Map.of());
        }

        private void findMembers() {
            if (ws == null) {
                manifests.put("", rootManifest);
                return;
            }
            for (String entry : ws.members()) {
                List<String> dirs;
                if (MemberGlobs.isGlob(entry)) {
                    try {
                        dirs = MemberGlobs.expand(root, entry);
                    } catch (IOException e) {
                        throw new InputException("Cargo.toml", ws.origin().line(), ws.origin().column(),
                                "cannot expand workspace member " + InputFiles.quote(entry) + ": " + e.getMessage(), e);
                    }
                    dirs = dirs.stream().filter(d -> InputFiles.present(root.resolve(d).resolve("Cargo.toml"))).toList();
                } else {
                    dirs = List.of(MemberGlobs.normalize(entry));
                }
                for (String dir : dirs) addMember(dir, false, entry);
            }
            if (!rootManifest.isVirtual()) addMember("", false, ".");
        }

        private void addMember(String dir, boolean pathDependency, String why) {
            if (manifests.containsKey(dir)) return;
            if (pathDependency && (dir.equals("..") || dir.startsWith("../"))) return; // outside the workspace
            if (excluded(dir)) return;
            Manifest m;
            if (dir.isEmpty()) {
                m = rootManifest;
            } else {
                Path file = root.resolve(dir).resolve("Cargo.toml");
                if (!InputFiles.present(file)) {
                    throw new InputException("Cargo.toml", ws.origin().line(), ws.origin().column(),
                            (pathDependency ? "path dependency " : "workspace member ") + InputFiles.quote(why)
                                    + " has no Cargo.toml at " + dir + "/Cargo.toml");
                }
                m = ManifestReader.read(file, dir + "/Cargo.toml");
            }
            manifests.put(dir, m);
            for (Manifest.Dependency d : m.dependencies()) {
                String path = d.path();
                String base = dir;
                if (d.workspace()) {
                    Manifest.Dependency shared = ws.dependency(d.name());
                    if (shared == null) continue; // reported when the member's edges are built
                    path = shared.path();
                    base = "";
                }
                if (path.isEmpty()) continue;
                if (isAbsolute(path)) {
                    // As written, never glued under the member: inside the repository it is a member's
                    // directory; outside it is outside the workspace, as ../ is.
                    Path abs = Path.of(path).normalize();
                    Path top = root.toAbsolutePath().normalize();
                    if (abs.startsWith(top)) addMember(MemberGlobs.normalize(top.relativize(abs).toString()), true, path);
                    continue;
                }
                addMember(MemberGlobs.normalize(base.isEmpty() ? path : base + "/" + path), true, path);
            }
        }

        /** An absolute path as a manifest writes it: {@code /x}, {@code \\x} or {@code C:\\x} / {@code C:/x}. */
        private static boolean isAbsolute(String path) {
            return path.startsWith("/") || path.startsWith("\\")
                    || (path.length() > 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                    && (path.charAt(2) == '/' || path.charAt(2) == '\\'));
        }

        /** Cargo's {@code is_excluded}: under an exclude entry and not under a literal members entry. */
        private boolean excluded(String dir) {
            boolean excluded = ws.exclude().stream().anyMatch(ex -> under(dir, MemberGlobs.normalize(ex)));
            boolean explicit = ws.members().stream().anyMatch(mem -> under(dir, MemberGlobs.normalize(mem)));
            return excluded && !explicit;
        }

        private static boolean under(String dir, String prefix) {
            return prefix.isEmpty() || dir.equals(prefix) || dir.startsWith(prefix + "/");
        }

        private WorkspaceMember member(String dir, Manifest m, Map<String, List<LockedPackage>> byName, String lockDisplay) {
            Manifest.Package p = m.pkg();
            String version = p.version();
            if (p.versionInherited()) {
                if (ws == null || ws.packageVersion().isEmpty()) {
                    throw new InputException(m.displayPath(), p.origin().line(), p.origin().column(),
                            "version.workspace = true but the workspace root sets no workspace.package.version");
                }
                version = ws.packageVersion();
            }
            boolean publish = p.publishInherited() ? ws != null && ws.packagePublish() : p.publish();
            String rustVersion = p.rustVersion();
            if (p.rustVersionInherited()) {
                if (ws == null || ws.packageRustVersion().isEmpty()) {
                    throw new InputException(m.displayPath(), p.origin().line(), p.origin().column(),
                            "rust-version.workspace = true but the workspace root sets no workspace.package.rust-version");
                }
                rustVersion = ws.packageRustVersion();
            }
            LockedPackage locked = null;
            for (LockedPackage candidate : byName.getOrDefault(p.name(), List.of())) {
                if (candidate.version().equals(version) && candidate.source().raw() == null) {
                    locked = candidate;
                    break;
                }
            }
            if (locked == null) {
                throw new InputException(m.displayPath(), p.origin().line(), p.origin().column(),
                        "workspace member " + p.name() + " " + version + " has no entry in " + lockDisplay
                                + " (is the lockfile out of date?)");
            }
            return new WorkspaceMember(locked.id(), p.name(), version, m.displayPath(), dir, p.versionInherited(),
                    publish, p.features(), p.origin(), rustVersion);
        }

        private void memberEdges(WorkspaceMember member, Manifest m, LockedPackage locked, Map<String, LockedPackage> byId,
                                 String lockDisplay, List<DependencyEdge> edges,
                                 List<InclusionGraph.FeatureRequest> requests, List<Declarations.Pending> declarations) {
            Map<String, List<LockedPackage>> lockedDeps = new HashMap<>();
            for (String id : locked.dependencies()) {
                LockedPackage dep = byId.get(id);
                lockedDeps.computeIfAbsent(dep.name(), k -> new ArrayList<>()).add(dep);
            }
            Set<String> matched = new HashSet<>();
            for (Manifest.Dependency declared : m.dependencies()) {
                Manifest.Dependency d = declared;
                if (declared.workspace()) {
                    Manifest.Dependency shared = ws == null ? null : ws.dependency(declared.name());
                    if (shared == null) {
                        throw new InputException(m.displayPath(), declared.origin().line(), declared.origin().column(),
                                "dependency " + declared.name() + " has workspace = true but [workspace.dependencies] has no "
                                        + declared.name());
                    }
                    d = declared.inherit(shared);
                }
                List<LockedPackage> candidates = lockedDeps.getOrDefault(d.packageName(), List.of());
                if (candidates.isEmpty()) {
                    throw new InputException(m.displayPath(), d.origin().line(), d.origin().column(),
                            "dependency " + d.name() + " of " + member.name() + " is not among its dependencies in "
                                    + lockDisplay + " (is the lockfile out of date?)");
                }
                List<LockedPackage> chosen = choose(candidates, d);
                declarations.add(Declarations.fromManifest(member, member.dir(), d, chosen.get(0).id()));
                for (LockedPackage target : chosen) {
                    edges.add(new DependencyEdge(member.id(), target.id(), d.name(), d.kind(), d.optional(), d.target(),
                            true, d.origin()));
                    matched.add(target.id());
                }
                requests.add(new InclusionGraph.FeatureRequest(member.id(), d.name(), d.features(), d.usesDefaultFeatures()));
            }
            for (String id : locked.dependencies()) {
                if (!matched.contains(id)) {
                    edges.add(new DependencyEdge(member.id(), id, byId.get(id).name(), DepKind.NORMAL, false, "", false,
                            locked.origin()));
                }
            }
        }

        /**
         * The locked packages a declaration means among same-named candidates: by kind of source
         * first (path, git URL, registry), then by version requirement. A filter that would leave
         * nothing is skipped (a {@code [patch]} may have replaced the declared source).
         */
        private static List<LockedPackage> choose(List<LockedPackage> candidates, Manifest.Dependency d) {
            if (candidates.size() == 1) return candidates;
            List<LockedPackage> chosen = candidates;
            List<LockedPackage> bySource;
            if (!d.path().isEmpty()) {
                bySource = candidates.stream().filter(c -> c.source().raw() == null).toList();
            } else if (!d.git().isEmpty()) {
                String key = SourceParser.key(d.git());
                bySource = candidates.stream().filter(c -> c.source().isGit() && c.source().key().equals(key)).toList();
            } else {
                bySource = candidates.stream().filter(c -> c.source().isRegistry()).toList();
            }
            if (!bySource.isEmpty()) chosen = bySource;
            if (!d.version().isEmpty()) {
                List<LockedPackage> byVersion = chosen.stream().filter(c -> VersionReq.matches(d.version(), c.version())).toList();
                if (!byVersion.isEmpty()) chosen = byVersion;
            }
            return chosen;
        }
    }
}
