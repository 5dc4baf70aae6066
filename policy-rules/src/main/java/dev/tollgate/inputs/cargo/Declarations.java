package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DeclaredDependency;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceDependency;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link DeclaredDependency} and {@link WorkspaceDependency} facts, the same way for the manifest
 * reading ({@link WorkspaceLoader}) and the metadata reading ({@link MetadataReader}).
 */
final class Declarations {
    private Declarations() {
    }

    /** A member's declaration before the workspace's feature closure is known. */
    record Pending(WorkspaceMember member, String name, String packageName, DepKind kind, String req, String path,
                   String git, boolean workspace, boolean optional, String target, String packageId, Location origin) {
    }

    /** A manifest declaration (with the workspace entry applied when inherited) of the member in {@code memberDir}. */
    static Pending fromManifest(WorkspaceMember member, String memberDir, Manifest.Dependency d, String packageId) {
        String path = "";
        if (!d.path().isEmpty()) {
            path = MemberGlobs.normalize(d.workspace() || memberDir.isEmpty() ? d.path() : memberDir + "/" + d.path());
            if (path.isEmpty()) path = "."; // the workspace root's own package
        }
        return new Pending(member, d.name(), d.packageName(), d.kind(), d.version().isEmpty() ? null : d.version(), path,
                d.git(), d.workspace(), d.optional(), d.target(), packageId, d.origin());
    }

    /** The facts, once {@code enabled} (member id to the optional names the default closure enables) is known. */
    static List<DeclaredDependency> facts(List<Pending> pending, Map<String, Set<String>> enabled) {
        List<DeclaredDependency> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            boolean on = !p.optional() || enabled.getOrDefault(p.member().id(), Set.of()).contains(p.name());
            List<String> gates = p.optional() ? InclusionGraph.gateFeatures(p.member(), p.name()) : List.of();
            out.add(new DeclaredDependency(p.member().id(), p.name(), p.packageName(), p.kind(), p.req(), p.path(), p.git(),
                    p.workspace(), p.optional(), p.target(), on, on, gates, p.packageId(), p.origin()));
        }
        return out;
    }

    /** The {@code [workspace.dependencies]} entries, each with the locked packages it can resolve to. */
    static List<WorkspaceDependency> workspaceEntries(Manifest.Workspace ws, List<LockedPackage> packages) {
        if (ws == null) return List.of();
        // By name first: a workspace declares a hundred entries or more, the lockfile a thousand packages.
        Map<String, List<LockedPackage>> byName = new HashMap<>();
        for (LockedPackage p : packages) byName.computeIfAbsent(p.name(), k -> new ArrayList<>(2)).add(p);
        List<WorkspaceDependency> out = new ArrayList<>();
        for (Manifest.Dependency d : ws.dependencies()) {
            List<String> ids = new ArrayList<>();
            for (LockedPackage p : byName.getOrDefault(d.packageName(), List.of())) {
                if (resolvesTo(d.path(), d.git(), d.version(), p)) ids.add(p.id());
            }
            out.add(new WorkspaceDependency(d.name(), d.packageName(), d.version(), d.path(), d.git(), ids, d.origin()));
        }
        return out;
    }

    /**
     * Whether a declaration with this path, git URL and requirement can resolve to {@code p}, by kind of
     * source, then by requirement: cargo-deny's matching of a workspace entry to a crate.
     */
    static boolean resolvesTo(String path, String git, String req, LockedPackage p) {
        if (!path.isEmpty()) return p.source().raw() == null;
        if (!git.isEmpty()) return p.source().isGit() && p.source().key().equals(SourceParser.key(git));
        if (!p.source().isRegistry()) return false;
        return req == null || req.isBlank() || VersionReq.matches(req, p.version());
    }
}
