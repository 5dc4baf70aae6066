package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives one {@link Inclusion} per non-member package: how the workspace reaches it.
 *
 * <p>The model is cargo-deny's default graph as far as a lockfile and manifests can tell it: every
 * member is built with its default features, all targets, all dependency kinds. Out of a member, an
 * optional dependency counts only when the <em>default feature closure</em> enables it; below
 * non-members every locked dependency counts, because the lockfile does not say which were optional.
 * The closure is taken over the whole workspace at once, since features unify across members:
 * it starts from each member's {@code default}, follows features that list other features of the same
 * member, {@code dep:X}, {@code X/feat} (enables X and forwards {@code feat} when X is a member),
 * {@code X?/feat} (forwards only once something else enables X), the implicit feature of an optional
 * dependency written without {@code dep:}, and the {@code features = [...]} that a member's
 * dependency declaration asks of another member.
 *
 * <p>For a package reached only outside that closure, {@code featureGates} names the member features
 * that directly enable an optional dependency through which it is reached without crossing another
 * gated edge: the features whose list holds {@code dep:X}, {@code X} or {@code X/feat}, plus the
 * implicit feature {@code X} where one exists. {@code X?/feat} is not a gate: it never enables X.
 * Features that merely lead to a gate (the root crate's {@code whatsapp-web} forwarding to a member's
 * {@code whatsapp-web}) are left out, so that each gate names where the dependency is declared.
 *
 * <p>{@code kinds} are the kinds of the edges by which paths leave the workspace (member to non-member)
 * on the way to the package, over all paths, optional or not: an intermediate member is itself built,
 * so the kind of a member-to-member edge does not decide whether the package ships.
 *
 * <p>Complexity: with V packages and E edges, building the graph ranks the ids once, O(V log V), and
 * sorts each node's few out-edges by rank (insertion sort, O(d²) for out-degree d; d is a handful
 * in Cargo graphs); the feature closure is linear in the size of the
 * members' {@code [features]} tables plus E; reachability, defaults, paths and kinds are five
 * breadth-first searches, O(V + E) each (three more give the kinds through the default graph only); gates add one O(V + E) search per distinct target of a gated
 * optional member edge (k of them), O(k (V + E)) in all, and in practice far less: those searches never
 * enter a package that the defaults reach. Paths are shortest (BFS) and deterministic:
 * sources and neighbours are visited in id order, so ties go to the smallest id first.
 */
public final class InclusionGraph {
    /**
     * What a member's dependency declaration asks of its target, which matters when the target is
     * another member: {@code features = [...]} and whether default features stay on.
     *
     * @param from the member's package id
     * @param name the declared name (the edge's {@link DependencyEdge#name()})
     */
    public record FeatureRequest(String from, String name, List<String> features, boolean defaultFeatures) {
        public FeatureRequest {
            features = List.copyOf(features);
        }
    }

    private final List<LockedPackage> packages;
    private final List<DependencyEdge> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, WorkspaceMember> members = new HashMap<>();
    private final boolean[] isMember;
    private final int[][] out;
    private final int[] from;
    private final int[] to;
    private final Map<String, List<Integer>> edgesByDeclaration = new HashMap<>();
    private final Map<String, List<FeatureRequest>> requests = new HashMap<>();
    private final Map<String, Set<String>> optionalNames = new HashMap<>();
    private final GraphOptions options;
    /** Per edge: whether [graph] targets keep it. */
    private final boolean[] kept;

    /**
     * The inclusions, and for each member id the features it ends up with (the feature closure under the
     * options, {@code default} only when the member declares it; every feature with all-features), and the
     * declared names of the optional dependencies that closure enables.
     */
    public record Result(List<Inclusion> inclusions, Map<String, Set<String>> memberFeatures,
                         Map<String, Set<String>> enabledOptional) {
    }

    private InclusionGraph(List<WorkspaceMember> memberList, List<LockedPackage> packages,
                           List<DependencyEdge> edges, List<FeatureRequest> requestList, GraphOptions options) {
        this.packages = packages;
        this.edges = edges;
        this.options = options;
        this.kept = new boolean[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            DependencyEdge edge = edges.get(e);
            try {
                kept[e] = options.keeps(edge.target());
            } catch (IllegalArgumentException ex) {
                throw new InputException(edge.origin().file(), edge.origin().line(), edge.origin().column(),
                        "dependency " + edge.name() + " of " + edge.from() + ": " + ex.getMessage());
            }
        }
        for (int i = 0; i < packages.size(); i++) index.put(packages.get(i).id(), i);
        isMember = new boolean[packages.size()];
        for (WorkspaceMember m : memberList) {
            Integer i = index.get(m.id());
            if (i == null) continue;
            isMember[i] = true;
            members.put(m.id(), m);
        }
        from = new int[edges.size()];
        to = new int[edges.size()];
        int[] degree = new int[packages.size()];
        for (int e = 0; e < edges.size(); e++) {
            DependencyEdge edge = edges.get(e);
            Integer f = index.get(edge.from());
            Integer t = index.get(edge.to());
            from[e] = f == null ? -1 : f;
            to[e] = t == null ? -1 : t;
            if (f == null || t == null) continue;
            degree[f]++;
            if (isMember[f] && kept[e]) {
                edgesByDeclaration.computeIfAbsent(key(edge.from(), edge.name()), k -> new ArrayList<>()).add(e);
            }
            if (isMember[f]) {
                if (edge.optional()) optionalNames.computeIfAbsent(edge.from(), k -> new HashSet<>()).add(edge.name());
            }
        }
        // Adjacency in target-id order (then kind), for deterministic searches. Ranks by id let the
        // per-node sort compare ints; lists are short, so insertion sort.
        String[] ids = new String[packages.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = packages.get(i).id();
        String[] sorted = ids.clone();
        Arrays.sort(sorted);
        int[] rank = new int[ids.length];
        for (int i = 0; i < ids.length; i++) rank[i] = Arrays.binarySearch(sorted, ids[i]);
        out = new int[packages.size()][];
        for (int i = 0; i < out.length; i++) out[i] = new int[degree[i]];
        int[] fill = new int[packages.size()];
        for (int e = 0; e < edges.size(); e++) {
            if (from[e] >= 0 && to[e] >= 0) out[from[e]][fill[from[e]]++] = e;
        }
        for (int[] list : out) {
            for (int a = 1; a < list.length; a++) {
                int e = list[a];
                int b = a - 1;
                while (b >= 0 && compare(list[b], e, rank) > 0) {
                    list[b + 1] = list[b];
                    b--;
                }
                list[b + 1] = e;
            }
        }
        for (FeatureRequest r : requestList) {
            requests.computeIfAbsent(key(r.from(), r.name()), k -> new ArrayList<>()).add(r);
        }
    }

    private int compare(int e1, int e2, int[] rank) {
        int c = Integer.compare(rank[to[e1]], rank[to[e2]]);
        return c != 0 ? c : edges.get(e1).kind().compareTo(edges.get(e2).kind());
    }

    /**
     * Computes the inclusions of all non-member packages, in {@code packages} order.
     *
     * @param members  the workspace members (their ids must be package ids)
     * @param packages every locked package; those whose id is a member's are the members
     * @param edges    dependency edges between package ids (edges naming unknown ids are ignored)
     * @param requests feature requests of member dependency declarations (may be empty)
     */
    public static List<Inclusion> compute(List<WorkspaceMember> members, List<LockedPackage> packages,
                                          List<DependencyEdge> edges, List<FeatureRequest> requests) {
        return compute(members, packages, edges, requests, GraphOptions.DEFAULT).inclusions();
    }

    /**
     * As {@link #compute(List, List, List, List)}, for the features and targets {@code options} ask for:
     * {@code viaDefaults} means reached from the members' start features over the dependencies of the
     * listed targets; {@code reachable} and {@code kinds} still cover every feature and target.
     *
     * @throws InputException when targets are listed and a member's dependency has a malformed cfg
     */
    public static Result compute(List<WorkspaceMember> members, List<LockedPackage> packages,
                                 List<DependencyEdge> edges, List<FeatureRequest> requests, GraphOptions options) {
        return new InclusionGraph(members, packages, edges, requests, options).compute();
    }

    private Result compute() {
        FeatureClosure closure = new FeatureClosure(false);
        Map<String, Set<String>> enabledOptional = closure.run();
        boolean[] always = new boolean[edges.size()];
        boolean[] onTargets = new boolean[edges.size()];
        boolean[] byDefault = new boolean[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            if (from[e] < 0 || to[e] < 0) continue;
            DependencyEdge edge = edges.get(e);
            always[e] = true;
            onTargets[e] = kept[e];
            byDefault[e] = kept[e] && (!isMember[from[e]] || !edge.optional()
                    || enabledOptional.getOrDefault(edge.from(), Set.of()).contains(edge.name()));
        }
        int[] memberNodes = memberNodes();
        int[] reach = bfs(memberNodes, always, true, null);
        int[] targeted = bfs(memberNodes, onTargets, true, null);
        int[] defaults = bfs(memberNodes, byDefault, true, null);

        List<EnumSet<DepKind>> kinds = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) kinds.add(EnumSet.noneOf(DepKind.class));
        boolean[] direct = new boolean[packages.size()];
        for (DepKind kind : DepKind.values()) {
            LinkedHashSet<Integer> starts = new LinkedHashSet<>();
            for (int e = 0; e < edges.size(); e++) {
                if (from[e] >= 0 && to[e] >= 0 && isMember[from[e]] && !isMember[to[e]] && edges.get(e).kind() == kind) {
                    starts.add(to[e]);
                    direct[to[e]] = true;
                }
            }
            int[] seen = bfs(starts.stream().mapToInt(Integer::intValue).toArray(), always, false, null);
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] >= 0) kinds.get(i).add(kind);
            }
        }

        List<EnumSet<DepKind>> defaultKinds = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) defaultKinds.add(EnumSet.noneOf(DepKind.class));
        for (DepKind kind : DepKind.values()) {
            LinkedHashSet<Integer> starts = new LinkedHashSet<>();
            for (int e = 0; e < edges.size(); e++) {
                if (from[e] >= 0 && to[e] >= 0 && byDefault[e] && isMember[from[e]] && !isMember[to[e]]
                        && edges.get(e).kind() == kind) {
                    starts.add(to[e]);
                }
            }
            int[] seen = bfs(starts.stream().mapToInt(Integer::intValue).toArray(), byDefault, false, null);
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] >= 0) defaultKinds.get(i).add(kind);
            }
        }

        List<TreeSet<String>> gates = gates(byDefault, defaults);
        List<Inclusion> result = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            if (isMember[i]) continue;
            boolean reachable = reach[i] >= 0;
            boolean viaDefaults = defaults[i] >= 0;
            List<String> path = viaDefaults ? path(defaults, i) : reachable ? path(reach, i) : List.of();
            List<String> featureGates = viaDefaults || gates.get(i) == null ? List.of() : List.copyOf(gates.get(i));
            result.add(new Inclusion(packages.get(i).id(), reachable, viaDefaults, featureGates, kinds.get(i),
                    direct[i], path, viaDefaults ? defaultKinds.get(i) : EnumSet.noneOf(DepKind.class),
                    reachable && targeted[i] < 0, options.noDefaultFeatures()));
        }
        Map<String, Set<String>> memberFeatures = options.allFeatures() ? new FeatureClosure(true).enabledFeatures()
                : closure.enabledFeatures();
        return new Result(result, memberFeatures, enabledOptional);
    }

    /** A member's feature names: its {@code [features]} keys and the implicit feature of each optional
     * dependency that no feature names as {@code dep:X}. */
    Set<String> declaredFeatures(WorkspaceMember m) {
        Set<String> out = new java.util.LinkedHashSet<>(m.features().keySet());
        Set<String> depSyntax = new HashSet<>();
        for (List<String> items : m.features().values()) {
            for (String item : items) if (item.startsWith("dep:")) depSyntax.add(item.substring(4));
        }
        for (String dep : new TreeSet<>(optionalNames.getOrDefault(m.id(), Set.of()))) {
            if (!depSyntax.contains(dep)) out.add(dep);
        }
        return out;
    }

    /** For each package outside the default graph, the gate features of the gated edges leading to it. */
    private List<TreeSet<String>> gates(boolean[] byDefault, int[] defaults) {
        List<TreeSet<String>> gates = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) gates.add(null);
        // Whatever a default-reached package leads to is default-reached too (edges below members are
        // never gated), so these searches stay inside the part of the graph outside the defaults.
        boolean[] inDefaults = new boolean[packages.size()];
        for (int i = 0; i < inDefaults.length; i++) inDefaults[i] = defaults[i] >= 0;
        Map<Integer, int[]> reachedFrom = new HashMap<>();
        for (int e = 0; e < edges.size(); e++) {
            if (from[e] < 0 || to[e] < 0 || byDefault[e] || !kept[e] || !isMember[from[e]] || isMember[to[e]]) continue;
            if (inDefaults[to[e]]) continue;
            DependencyEdge edge = edges.get(e);
            List<String> labels = gateFeatures(members.get(edge.from()), edge.name());
            int start = to[e];
            int[] reached = reachedFrom.computeIfAbsent(start, s -> bfs(new int[] {s}, byDefault, false, inDefaults));
            for (int i = 0; i < reached.length; i++) {
                if (reached[i] < 0 || defaults[i] >= 0 || isMember[i]) continue;
                if (gates.get(i) == null) gates.set(i, new TreeSet<>());
                gates.get(i).addAll(labels);
            }
        }
        return gates;
    }

    /** The features of {@code m} that directly enable its optional dependency declared as {@code dep}. */
    static List<String> gateFeatures(WorkspaceMember m, String dep) {
        TreeSet<String> labels = new TreeSet<>();
        boolean depSyntax = false;
        boolean implicit = !m.features().containsKey(dep);
        for (Map.Entry<String, List<String>> f : m.features().entrySet()) {
            for (String item : f.getValue()) {
                if (item.equals("dep:" + dep)) {
                    depSyntax = true;
                    labels.add(m.name() + "/" + f.getKey());
                } else if ((implicit && item.equals(dep)) || item.startsWith(dep + "/")) {
                    labels.add(m.name() + "/" + f.getKey());
                }
            }
        }
        // Without any dep:X, Cargo gives the optional dependency a feature of its own name.
        if (implicit && !depSyntax) labels.add(m.name() + "/" + dep);
        return List.copyOf(labels);
    }

    private int[] memberNodes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            if (isMember[i]) ids.add(packages.get(i).id());
        }
        ids.sort(null);
        int[] nodes = new int[ids.size()];
        for (int k = 0; k < nodes.length; k++) nodes[k] = index.get(ids.get(k));
        return nodes;
    }

    /**
     * Breadth-first search from {@code sources} over the allowed edges. Returns for each node its BFS
     * parent (a source is its own parent), -1 when not reached. With {@code throughMembers} false, the
     * search does not continue out of member nodes (other than the sources). Nodes marked in
     * {@code skip} (may be null) are neither entered nor passed through.
     */
    private int[] bfs(int[] sources, boolean[] allowed, boolean throughMembers, boolean[] skip) {
        int[] parent = new int[packages.size()];
        Arrays.fill(parent, -1);
        int[] queue = new int[packages.size()];
        int head = 0;
        int tail = 0;
        for (int s : sources) {
            if (parent[s] >= 0) continue;
            parent[s] = s;
            queue[tail++] = s;
        }
        while (head < tail) {
            int n = queue[head++];
            if (!throughMembers && isMember[n] && parent[n] != n) continue;
            for (int e : out[n]) {
                int t = to[e];
                if (!allowed[e] || parent[t] >= 0 || (skip != null && skip[t])) continue;
                parent[t] = n;
                queue[tail++] = t;
            }
        }
        return parent;
    }

    private List<String> path(int[] parent, int node) {
        ArrayDeque<String> path = new ArrayDeque<>();
        int n = node;
        while (true) {
            path.addFirst(packages.get(n).id());
            if (parent[n] == n) break;
            n = parent[n];
        }
        return List.copyOf(path);
    }

    private static String key(String memberId, String name) {
        return memberId + '\u0000' + name;
    }

    /** The default feature closure of the workspace: which optional dependencies each member enables. */
    private final class FeatureClosure {
        private final Map<String, Set<String>> features = new HashMap<>();
        private final Map<String, Set<String>> deps = new HashMap<>();
        private final Map<String, List<String>> weak = new HashMap<>();
        private final ArrayDeque<String[]> work = new ArrayDeque<>();
        private final boolean everything;

        /** @param everything start every member from all its features (all-features) */
        FeatureClosure(boolean everything) {
            this.everything = everything;
        }

        /** Each member's enabled features that it declares (so {@code default} only when it has one). */
        Map<String, Set<String>> enabledFeatures() {
            if (features.isEmpty() && !members.isEmpty()) run();
            Map<String, Set<String>> out = new HashMap<>();
            for (WorkspaceMember m : members.values()) {
                Set<String> declared = declaredFeatures(m);
                Set<String> on = new TreeSet<>();
                for (String f : features.getOrDefault(m.id(), Set.of())) if (declared.contains(f)) on.add(f);
                out.put(m.id(), on);
            }
            return out;
        }

        Map<String, Set<String>> run() {
            for (WorkspaceMember m : members.values()) {
                Set<String> declared = declaredFeatures(m);
                List<String> start = everything ? List.copyOf(declared) : options.start(m, declared);
                for (String f : start) work.add(new String[] {m.id(), f});
            }
            for (int e = 0; e < edges.size(); e++) {
                if (from[e] >= 0 && to[e] >= 0 && kept[e] && isMember[from[e]] && !edges.get(e).optional()) {
                    applyRequests(edges.get(e).from(), edges.get(e).name());
                }
            }
            while (!work.isEmpty()) {
                String[] next = work.poll();
                activate(next[0], next[1]);
            }
            return deps;
        }

        private void activate(String member, String feature) {
            if (!features.computeIfAbsent(member, k -> new HashSet<>()).add(feature)) return;
            List<String> items = members.get(member).features().get(feature);
            if (items == null) {
                enableDep(member, feature); // the implicit feature of an optional dependency, if it is one
                return;
            }
            for (String item : items) {
                int slash = item.indexOf('/');
                if (item.startsWith("dep:")) {
                    enableDep(member, item.substring(4));
                } else if (slash > 0) {
                    String dep = item.substring(0, slash);
                    String feat = item.substring(slash + 1);
                    if (!dep.endsWith("?")) {
                        enableDep(member, dep);
                        forward(member, dep, feat);
                    } else {
                        dep = dep.substring(0, dep.length() - 1);
                        if (isOn(member, dep)) {
                            forward(member, dep, feat);
                        } else {
                            weak.computeIfAbsent(key(member, dep), k -> new ArrayList<>()).add(feat);
                        }
                    }
                } else {
                    work.add(new String[] {member, item});
                }
            }
        }

        private boolean isOn(String member, String dep) {
            boolean optional = optionalNames.getOrDefault(member, Set.of()).contains(dep);
            return !optional || deps.getOrDefault(member, Set.of()).contains(dep);
        }

        private void enableDep(String member, String dep) {
            if (!optionalNames.getOrDefault(member, Set.of()).contains(dep)) return;
            if (!deps.computeIfAbsent(member, k -> new HashSet<>()).add(dep)) return;
            applyRequests(member, dep);
            List<String> pending = weak.remove(key(member, dep));
            if (pending != null) {
                for (String feat : pending) forward(member, dep, feat);
            }
        }

        /** {@code dep/feat}: when {@code dep} is a member, its feature {@code feat} is enabled. */
        private void forward(String member, String dep, String feat) {
            for (int e : edgesByDeclaration.getOrDefault(key(member, dep), List.of())) {
                if (isMember[to[e]]) work.add(new String[] {edges.get(e).to(), feat});
            }
        }

        private void applyRequests(String member, String dep) {
            for (int e : edgesByDeclaration.getOrDefault(key(member, dep), List.of())) {
                if (!isMember[to[e]]) continue;
                for (FeatureRequest r : requests.getOrDefault(key(member, dep), List.of())) {
                    for (String f : r.features()) work.add(new String[] {edges.get(e).to(), f});
                    if (r.defaultFeatures()) work.add(new String[] {edges.get(e).to(), "default"});
                }
            }
        }
    }
}
