package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out how each non-member package is reached from the workspace: the {@link Inclusion} facts.
 * This is fact derivation (a property of the graph the inputs describe), not a policy decision.
 *
 * <p>Features: every workspace member is built with its default features, as cargo-deny's default
 * graph does; a feature list entry {@code dep:D}, {@code D} (an optional dependency's implicit
 * feature) or {@code D/f} turns optional dependency D on, {@code D?/f} does not, and {@code M/f} or
 * a member dependency's {@code features = [...]} enable features of another member. Below members
 * the lockfile records neither optionality nor kinds, so those edges are unconditional.
 *
 * <p>Complexity: the feature fixpoint is linear in the size of the feature tables per pass (few
 * passes); reachability is a BFS, O(V + E), run once over the default graph, once over all edges,
 * once per dependency kind, and once per optional member dependency that the defaults leave off,
 * restricted to packages the defaults do not reach (each such BFS touches only those).
 */
final class InclusionGraph {
    private final Map<String, List<DependencyEdge>> out = new HashMap<>();
    private final Map<String, WorkspaceMember> members = new HashMap<>();
    private final Map<String, List<Manifest.Dependency>> declared;

    private InclusionGraph(List<WorkspaceMember> members, List<DependencyEdge> edges, Map<String, List<Manifest.Dependency>> declared) {
        for (WorkspaceMember m : members) this.members.put(m.id(), m);
        for (DependencyEdge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        for (List<DependencyEdge> list : out.values()) list.sort((a, b) -> a.to().compareTo(b.to()));
        this.declared = declared;
    }

    /**
     * @param declared each member's manifest dependencies by member id (for {@code features = [...]}
     *                 on member-to-member dependencies); may be empty
     */
    static List<Inclusion> compute(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                                   Map<String, List<Manifest.Dependency>> declared) {
        return new InclusionGraph(members, edges, declared).inclusions(packages);
    }

    private List<Inclusion> inclusions(List<LockedPackage> packages) {
        List<String> starts = members.keySet().stream().sorted().toList();
        Map<String, Set<String>> active = defaultActiveOptionalDeps();

        Map<String, String> parentAll = new HashMap<>();
        Set<String> all = bfs(starts, e -> true, parentAll, null);
        Set<String> viaDefaults = bfs(starts, e -> !e.optional() || active.getOrDefault(e.from(), Set.of()).contains(e.name()), null, null);

        Map<DepKind, Set<String>> byKind = new HashMap<>();
        for (DepKind k : DepKind.values()) {
            // First hop out of a member of kind k, then anything below; members are not re-entered.
            byKind.put(k, bfs(starts, e -> !members.containsKey(e.from()) || e.kind() == k, null, members.keySet()));
        }

        Set<String> direct = new HashSet<>();
        for (String m : starts) for (DependencyEdge e : out.getOrDefault(m, List.of())) direct.add(e.to());

        // Feature gates: for each optional member dependency the defaults leave off, what it pulls in
        // that the defaults do not reach, and the member features that turn it on.
        Map<String, Set<String>> gates = new HashMap<>();
        for (String m : starts) {
            for (DependencyEdge e : out.getOrDefault(m, List.of())) {
                if (!e.optional() || active.getOrDefault(m, Set.of()).contains(e.name())) continue;
                List<String> enabling = enablingFeatures(members.get(m), e.name());
                Set<String> pulled = bfs(List.of(e.to()), x -> !viaDefaults.contains(x.to()), null, members.keySet());
                pulled.add(e.to());
                for (String p : pulled) {
                    if (viaDefaults.contains(p)) continue;
                    gates.computeIfAbsent(p, k -> new TreeSet<>()).addAll(enabling);
                }
            }
        }

        List<Inclusion> result = new ArrayList<>();
        for (LockedPackage p : packages) {
            if (p.member()) continue;
            String id = p.id();
            Set<DepKind> kinds = EnumSet.noneOf(DepKind.class);
            for (DepKind k : DepKind.values()) if (byKind.get(k).contains(id)) kinds.add(k);
            boolean defaults = viaDefaults.contains(id);
            result.add(new Inclusion(id, all.contains(id), defaults,
                    defaults ? List.of() : List.copyOf(gates.getOrDefault(id, Set.of())),
                    kinds, direct.contains(id), path(parentAll, id, all.contains(id))));
        }
        return result;
    }

    /** The member features whose lists name the optional dependency {@code dep} so as to turn it on. */
    private static List<String> enablingFeatures(WorkspaceMember m, String dep) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> f : m.features().entrySet()) {
            for (String item : f.getValue()) {
                if (item.equals("dep:" + dep) || item.equals(dep) || item.startsWith(dep + "/")) {
                    out.add(m.name() + "/" + f.getKey());
                    break;
                }
            }
        }
        // An optional dependency that no feature names is turned on by its implicit feature of the same name.
        if (out.isEmpty()) out.add(m.name() + "/" + dep);
        return out;
    }

    /** Optional dependencies (by declared name) that default features turn on, per member id. */
    private Map<String, Set<String>> defaultActiveOptionalDeps() {
        Map<String, String> memberByName = new HashMap<>();
        for (WorkspaceMember m : members.values()) memberByName.put(m.name(), m.id());
        Map<String, Set<String>> enabled = new HashMap<>();
        Map<String, Set<String>> activeDeps = new HashMap<>();
        ArrayDeque<String[]> work = new ArrayDeque<>();
        for (WorkspaceMember m : members.values()) {
            if (m.features().containsKey("default")) work.add(new String[]{m.id(), "default"});
            // Non-optional member-to-member dependencies enable the features they list.
            for (Manifest.Dependency d : declared.getOrDefault(m.id(), List.of())) {
                String target = memberByName.get(d.packageName());
                if (target != null && !d.optional()) for (String f : d.features()) work.add(new String[]{target, f});
            }
        }
        while (!work.isEmpty()) {
            String[] item = work.poll();
            WorkspaceMember m = members.get(item[0]);
            if (m == null || !enabled.computeIfAbsent(m.id(), k -> new HashSet<>()).add(item[1])) continue;
            List<String> entries = m.features().get(item[1]);
            if (entries == null) {
                // Not a declared feature: the implicit feature of an optional dependency.
                activate(m, item[1], activeDeps, work, memberByName);
                continue;
            }
            for (String e : entries) {
                if (e.startsWith("dep:")) {
                    activate(m, e.substring(4), activeDeps, work, memberByName);
                } else if (e.contains("/")) {
                    int slash = e.indexOf('/');
                    boolean weak = e.charAt(slash - 1) == '?';
                    String dep = e.substring(0, weak ? slash - 1 : slash);
                    String feature = e.substring(slash + 1);
                    if (!weak) activate(m, dep, activeDeps, work, memberByName);
                    String target = memberByName.get(packageNameOf(m, dep));
                    if (target != null && (!weak || activeDeps.getOrDefault(m.id(), Set.of()).contains(dep) || !isOptional(m, dep))) {
                        work.add(new String[]{target, feature});
                    }
                } else if (m.features().containsKey(e)) {
                    work.add(new String[]{m.id(), e});
                } else {
                    activate(m, e, activeDeps, work, memberByName);
                }
            }
        }
        return activeDeps;
    }

    private void activate(WorkspaceMember m, String dep, Map<String, Set<String>> activeDeps, ArrayDeque<String[]> work,
                          Map<String, String> memberByName) {
        if (!activeDeps.computeIfAbsent(m.id(), k -> new HashSet<>()).add(dep)) return;
        for (Manifest.Dependency d : declared.getOrDefault(m.id(), List.of())) {
            if (!d.name().equals(dep)) continue;
            String target = memberByName.get(d.packageName());
            if (target != null) for (String f : d.features()) work.add(new String[]{target, f});
        }
    }

    private String packageNameOf(WorkspaceMember m, String dep) {
        for (Manifest.Dependency d : declared.getOrDefault(m.id(), List.of())) if (d.name().equals(dep)) return d.packageName();
        return dep;
    }

    private boolean isOptional(WorkspaceMember m, String dep) {
        for (DependencyEdge e : out.getOrDefault(m.id(), List.of())) if (e.name().equals(dep)) return e.optional();
        return false;
    }

    /**
     * Breadth-first search from {@code starts} over edges that {@code follow} accepts, recording
     * parents when asked; nodes in {@code stopAt} (other than starts) are reached but not expanded.
     */
    private Set<String> bfs(List<String> starts, java.util.function.Predicate<DependencyEdge> follow,
                            Map<String, String> parents, Set<String> stopAt) {
        Set<String> seen = new LinkedHashSet<>(starts);
        ArrayDeque<String> queue = new ArrayDeque<>(starts);
        Set<String> startSet = new HashSet<>(starts);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (stopAt != null && stopAt.contains(node) && !startSet.contains(node)) continue;
            for (DependencyEdge e : out.getOrDefault(node, List.of())) {
                if (!follow.test(e) || !seen.add(e.to())) continue;
                if (parents != null) parents.put(e.to(), node);
                queue.add(e.to());
            }
        }
        return seen;
    }

    private static List<String> path(Map<String, String> parents, String id, boolean reachable) {
        if (!reachable) return List.of();
        List<String> path = new ArrayList<>();
        for (String n = id; n != null; n = parents.get(n)) path.add(0, n);
        return path;
    }
}
