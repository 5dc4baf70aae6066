package dev.tollgate.rules;

import dev.tollgate.api.facts.DeclaredDependency;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.InclusionPaths;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.PackageId;
import dev.tollgate.api.facts.WorkspaceDependency;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Wording and small value helpers for {@code rules/bans.drl}: the rules decide, these only name things
 * (the crate name of a package id, the versions of a duplicate with their inclusion paths).
 */
public final class BansText {
    private BansText() {
    }

    /** The crate name of a package id ({@code name@version}, possibly with {@code " (source)"}): {@link PackageId#nameOf}. */
    public static String nameOf(String id) {
        return PackageId.nameOf(id);
    }

    /** The distinct crate names of some package ids, sorted. */
    public static List<String> names(Collection<?> ids) {
        TreeSet<String> names = new TreeSet<>();
        for (Object id : ids) names.add(nameOf(String.valueOf(id)));
        return List.copyOf(names);
    }

    /** Whether one of some package ids is a version of the crate {@code name}. */
    public static boolean hasName(Collection<?> ids, String name) {
        for (Object id : ids) if (nameOf(String.valueOf(id)).equals(name)) return true;
        return false;
    }

    /** The names in {@code names} that are not in {@code allowed}, sorted. */
    public static List<String> without(List<String> names, List<String> allowed) {
        java.util.Set<String> ok = new java.util.HashSet<>(allowed);
        return names.stream().filter(n -> !ok.contains(n)).sorted().toList();
    }

    /** {@code ids} in the order of {@code order} (the ascending versions of a {@code PackageVersions}). */
    public static List<String> inOrder(Collection<?> ids, List<String> order) {
        List<String> out = new ArrayList<>();
        for (String id : order) if (ids.contains(id)) out.add(id);
        return out;
    }

    /** The versions of some package ids, in the given order. */
    public static List<String> versions(List<String> ids, Collection<?> packages) {
        Map<String, String> v = new LinkedHashMap<>();
        for (Object o : packages) if (o instanceof LockedPackage p) v.put(p.id(), p.version());
        return ids.stream().map(id -> v.getOrDefault(id, id)).toList();
    }

    /** The locked package with this id among {@code packages}, or null. */
    public static LockedPackage find(String id, Collection<?> packages) {
        for (Object o : packages) if (o instanceof LockedPackage p && p.id().equals(id)) return p;
        return null;
    }

    /** How one package is reached, for a message: a workspace member, or its inclusion's description. */
    public static String reach(String id, Collection<?> inclusions) {
        for (Object o : inclusions) if (o instanceof Inclusion i && i.packageId().equals(id)) return i.describe();
        return "a workspace member";
    }

    /** The inclusion paths of each id (a member's path is itself), as {@code id -> [path, ...]}, paths joined by " -> ". */
    public static Map<String, List<String>> paths(List<String> ids, Collection<?> pathFacts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String id : ids) {
            List<String> joined = new ArrayList<>();
            for (Object o : pathFacts) {
                if (o instanceof InclusionPaths p && p.packageId().equals(id)) {
                    for (List<String> path : p.paths()) joined.add(String.join(" -> ", path));
                }
            }
            if (joined.isEmpty()) joined.add(id);
            out.put(id, joined);
        }
        return out;
    }

    /**
     * The body of a duplicate finding: each version with how it is reached and its shortest path, and
     * how many other paths there are.
     */
    public static String duplicate(String name, List<String> ids, Collection<?> packages, Collection<?> pathFacts) {
        StringBuilder s = new StringBuilder();
        s.append(ids.size()).append(" versions of ").append(name).append(" are in the graph: ");
        List<String> versions = versions(ids, packages);
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) s.append("; ");
            String id = ids.get(i);
            s.append(versions.get(i)).append(" (");
            List<String> first = null;
            int more = 0;
            int shown = 0;
            Inclusion inc = null;
            for (Object o : pathFacts) {
                if (o instanceof InclusionPaths p && p.packageId().equals(id)) {
                    shown = p.paths().size();
                    more = p.more();
                    if (!p.paths().isEmpty()) first = p.paths().get(0);
                    inc = p.inclusion();
                }
            }
            if (inc == null) s.append("a workspace member");
            else if (first == null || !inc.viaDefaults()) s.append(inc.describe());
            else {
                s.append(String.join(" -> ", first));
                if (inc.isDevOnlyByDefault()) s.append(", dev-dependency only");
            }
            int others = Math.max(0, shown - 1) + more;
            if (others > 0) s.append("; ").append(others).append(others == 1 ? " other path" : " other paths");
            s.append(')');
        }
        return s.toString();
    }

    /**
     * Whether one of {@code gates} ({@code member/feature}) names a feature that {@code [graph] features}
     * lists (as {@code feature} or {@code member/feature}).
     */
    public static boolean gatedBy(List<String> gates, List<String> features) {
        if (features.isEmpty()) return false;
        for (String g : gates) {
            int slash = g.indexOf('/');
            if (features.contains(g) || features.contains(g.substring(slash + 1))) return true;
        }
        return false;
    }

    /** The crate name of the member with package id {@code id}, or the name part of the id. */
    public static String memberName(String id, Collection<?> members) {
        for (Object o : members) {
            if (o instanceof WorkspaceMember m && m.id().equals(id)) return m.name();
        }
        return nameOf(id);
    }

    /**
     * The declarations of one crate, for a workspace-duplicate message: each as {@code member (kind)
     * at FILE:LINE}, with {@code workspace = true} where it is, in file and line order.
     */
    public static String declarations(DeclaredDependency self, Collection<?> all, Collection<?> members) {
        List<DeclaredDependency> sorted = new ArrayList<>();
        for (Object o : all) if (o instanceof DeclaredDependency d) sorted.add(d);
        sorted.sort(java.util.Comparator.comparing((DeclaredDependency d) -> String.valueOf(d.origin().file()))
                .thenComparingInt(d -> d.origin().line()));
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (DeclaredDependency d : sorted) {
            if (shown++ == 5) {
                parts.add((sorted.size() - 5) + " more");
                break;
            }
            String kind = d.kind() == dev.tollgate.api.facts.DepKind.NORMAL ? "" : " " + d.kind().word();
            parts.add(memberName(d.member(), members) + kind + (d.workspace() ? " (workspace = true)" : "")
                    + (d.origin().isKnown() ? " at " + d.origin() : ""));
        }
        return String.join(", ", parts);
    }

    /** The {@code [workspace.dependencies]} entry that resolves to {@code packageId}, as {@code name at FILE:LINE}; "" when none. */
    public static String workspaceEntry(String packageId, Collection<?> entries) {
        for (Object o : entries) {
            if (o instanceof WorkspaceDependency e && e.packageIds().contains(packageId)) {
                return "[workspace.dependencies] declares " + e.name() + (e.origin().isKnown() ? " at " + e.origin() : "");
            }
        }
        return "";
    }

    /** A version with a pre-release part ({@code 1.0.0-alpha.1}; build metadata after {@code +} is not one). */
    public static boolean isPrerelease(String version) {
        if (version == null) return false;
        int plus = version.indexOf('+');
        return (plus < 0 ? version : version.substring(0, plus)).indexOf('-') >= 0;
    }
}
