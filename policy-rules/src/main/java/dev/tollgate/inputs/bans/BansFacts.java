package dev.tollgate.inputs.bans;

import dev.tollgate.inputs.denytoml.CrateSpecs;
import dev.tollgate.api.facts.CrateList;
import dev.tollgate.api.facts.CrateMatch;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.DirectDependents;
import dev.tollgate.api.facts.EnabledFeatures;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.InclusionPaths;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.PackageVersions;
import dev.tollgate.api.facts.SkipTreeMember;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.VersionReq;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts the bans rules match on, beyond the shared Cargo facts: the {@code [bans]} settings and
 * entries, which locked packages each entry's spec matches, the trees of {@code skip-tree} roots, the
 * crate names locked in more than one version, several inclusion paths for each of those versions, and
 * the direct dependents of each package a {@code deny} entry matches.
 *
 * <p>Complexity, with V packages, E edges and S spec entries: grouping by name is one pass, O(V) (plus
 * sorting each group's few versions); spec matching looks up the entry's name, O(S · k) for k versions
 * of a name; each skip-tree root costs one breadth-first search bounded by its depth, O(V + E) at worst;
 * inclusion paths are built only for the versions of duplicated names, from their direct dependents'
 * own shortest paths, O(D · d · L) for D such versions, d dependents each and paths of length L; the
 * direct dependents of the packages {@code deny} entries match come from the same edges-by-target map
 * (one pass over the edges, O(E), made only when an entry matches or a name is duplicated).
 */
public final class BansFacts {
    /** At most this many inclusion paths per version. */
    public static final int MAX_PATHS = 3;

    private BansFacts() {
    }

    public static List<Object> build(BansReader.Bans bans, CargoWorkspace ws) {
        List<Object> facts = new ArrayList<>();
        facts.add(bans.config());
        if (bans.workspaceDeps() != null) facts.add(bans.workspaceDeps());
        facts.addAll(bans.entries());
        facts.addAll(bans.features());
        if (!bans.features().isEmpty() || bans.config().workspaceDefaultFeatures() != Level.ALLOW
                || bans.config().externalDefaultFeatures() != Level.ALLOW) {
            enabledFeatures(ws, facts);
        }
        if (bans.build() != null) facts.addAll(BuildFacts.build(bans.build(), ws)); // [bans.build]

        Map<String, List<LockedPackage>> byName = new LinkedHashMap<>();
        Map<String, LockedPackage> byId = new HashMap<>();
        for (LockedPackage p : ws.packages()) {
            byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
            byId.put(p.id(), p);
        }

        List<CrateSpecEntry> entries = bans.entries();
        Set<String> denied = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            CrateSpecEntry e = entries.get(i);
            CrateSpecs.Spec spec = bans.specs().get(i);
            for (LockedPackage p : byName.getOrDefault(e.name(), List.of())) {
                if (!spec.matches(p.name(), p.version())) continue;
                facts.add(new CrateMatch(e.list(), e.index(), p.id()));
                if (e.list() == CrateList.SKIP_TREE) skipTree(e, p, byId, facts);
                if (e.list() == CrateList.DENY) denied.add(p.id());
            }
        }
        // the edges into each package, made once when deny entries match or names are duplicated
        Map<String, List<DependencyEdge>> dependents = denied.isEmpty() ? null : dependents(ws);
        if (!denied.isEmpty()) facts.addAll(directDependents(denied, dependents));

        Map<String, Inclusion> inclusions = new HashMap<>();
        for (Inclusion inc : ws.inclusions()) inclusions.put(inc.packageId(), inc);
        for (Map.Entry<String, List<LockedPackage>> group : byName.entrySet()) {
            if (group.getValue().size() < 2) continue;
            List<LockedPackage> sorted = new ArrayList<>(group.getValue());
            sorted.sort(Comparator.<LockedPackage, String>comparing(LockedPackage::version, VersionReq::compareVersions)
                    .thenComparing(LockedPackage::id));
            facts.add(new PackageVersions(group.getKey(), sorted.stream().map(LockedPackage::id).toList()));
            if (dependents == null) dependents = dependents(ws);
            for (LockedPackage p : sorted) {
                if (p.member()) continue;
                InclusionPaths paths = paths(p.id(), inclusions, dependents, byId);
                if (paths != null) facts.add(paths);
            }
        }
        return facts;
    }

    /**
     * One {@link EnabledFeatures} per package: from {@code cargo metadata} when given (exact for all), else
     * the members' feature closure (exact) and "unknown" for every other package.
     */
    private static void enabledFeatures(CargoWorkspace ws, List<Object> facts) {
        Map<String, WorkspaceMember> members = new HashMap<>();
        for (WorkspaceMember m : ws.members()) members.put(m.id(), m);
        for (LockedPackage p : ws.packages()) {
            List<String> resolved = ws.resolvedFeatures().get(p.id());
            WorkspaceMember m = members.get(p.id());
            if (resolved != null) {
                facts.add(new EnabledFeatures(p.id(), p.name(), p.member(), true, resolved,
                        ws.declaredFeatures().getOrDefault(p.id(), Map.of())));
            } else if (m != null) {
                Map<String, List<String>> declared = new LinkedHashMap<>(m.features());
                Set<String> depSyntax = new java.util.HashSet<>();
                for (List<String> items : m.features().values()) {
                    for (String item : items) if (item.startsWith("dep:")) depSyntax.add(item.substring(4));
                }
                for (DependencyEdge e : ws.edges()) {
                    if (e.from().equals(p.id()) && e.optional() && !depSyntax.contains(e.name())) {
                        declared.putIfAbsent(e.name(), List.of("dep:" + e.name()));
                    }
                }
                List<String> on = new ArrayList<>(new java.util.TreeSet<>(ws.memberFeatures().getOrDefault(p.id(), Set.of())));
                facts.add(new EnabledFeatures(p.id(), p.name(), true, true, on, declared));
            } else {
                facts.add(new EnabledFeatures(p.id(), p.name(), p.member(), false, List.of(), Map.of()));
            }
        }
    }

    /**
     * One {@link DirectDependents} per package in {@code ids} (in that order), with the {@code from} of every
     * edge into it: what the {@code banned}, {@code allowed-by-wrapper} and {@code unused-wrapper} rules need,
     * without putting every edge of the graph into the session for them.
     */
    static List<DirectDependents> directDependents(Set<String> ids, Map<String, List<DependencyEdge>> dependents) {
        List<DirectDependents> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            // DirectDependents sorts its ids and drops repeats (two edges from one package: normal and build)
            out.add(new DirectDependents(id, dependents.getOrDefault(id, List.of()).stream().map(DependencyEdge::from).toList()));
        }
        return out;
    }

    private static Map<String, List<DependencyEdge>> dependents(CargoWorkspace ws) {
        Map<String, List<DependencyEdge>> in = new HashMap<>();
        for (DependencyEdge e : ws.edges()) in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        return in;
    }

    /** The root (depth 0) and every package its locked dependencies reach within the entry's depth. */
    private static void skipTree(CrateSpecEntry e, LockedPackage root, Map<String, LockedPackage> byId, List<Object> facts) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        depth.put(root.id(), 0);
        queue.add(root.id());
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int d = depth.get(id);
            if (e.depth() >= 0 && d >= e.depth()) continue;
            LockedPackage p = byId.get(id);
            if (p == null) continue;
            for (String dep : p.dependencies()) {
                if (depth.putIfAbsent(dep, d + 1) == null) queue.add(dep);
            }
        }
        depth.forEach((id, d) -> facts.add(new SkipTreeMember(e.index(), root.id(), id, d)));
    }

    /**
     * Up to {@link #MAX_PATHS} paths to {@code id}, shortest first: its own shortest path, then one through
     * each other direct dependent (that dependent's shortest path, then this package). A package reached
     * with the default features only takes paths through dependents reached the same way.
     */
    static InclusionPaths paths(String id, Map<String, Inclusion> inclusions, Map<String, List<DependencyEdge>> dependents,
                                Map<String, LockedPackage> byId) {
        Inclusion own = inclusions.get(id);
        if (own == null) return null;
        String name = byId.get(id).name();
        if (!own.reachable()) return new InclusionPaths(id, name, List.of(), 0, own);
        Set<List<String>> candidates = new LinkedHashSet<>();
        candidates.add(own.path());
        Set<String> seenFrom = new LinkedHashSet<>();
        if (own.path().size() >= 2) seenFrom.add(own.path().get(own.path().size() - 2));
        for (DependencyEdge e : dependents.getOrDefault(id, List.of())) {
            if (!seenFrom.add(e.from())) continue;
            LockedPackage from = byId.get(e.from());
            if (from == null) continue;
            List<String> base;
            if (from.member()) {
                if (own.viaDefaults() && e.optional()) continue;
                base = List.of(from.id());
            } else {
                Inclusion inc = inclusions.get(from.id());
                if (inc == null || !inc.reachable() || (own.viaDefaults() && !inc.viaDefaults())) continue;
                if (inc.path().contains(id)) continue; // a cycle back through this package
                base = inc.path();
            }
            List<String> path = new ArrayList<>(base);
            path.add(id);
            candidates.add(path);
        }
        List<List<String>> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(p -> String.join(" ", p)));
        int keep = Math.min(MAX_PATHS, sorted.size());
        return new InclusionPaths(id, name, sorted.subList(0, keep), sorted.size() - keep, own);
    }
}
