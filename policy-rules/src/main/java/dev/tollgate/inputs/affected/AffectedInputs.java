package dev.tollgate.inputs.affected;

import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.LockfileChange;
import dev.tollgate.api.facts.MemberEdge;
import dev.tollgate.api.facts.PathRule;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.cargo.CargoLock;
import dev.tollgate.inputs.cargo.CargoLockReader;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.git.ChangedFiles;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The facts of the affected-crates plan: the changed files (from git or a list), the workspace
 * members and the dependencies between them, the path rules ({@code [affected]} of tollgate.toml,
 * then the defaults) and, when Cargo.lock changed, which members' resolved dependencies differ.
 * Nothing here decides what is affected: {@code rules/affected.drl} does.
 */
public final class AffectedInputs {
    /** The keys of {@code [affected]}. */
    public static final List<String> KEYS = List.of("rules", "defaults");
    static final List<String> RULE_KEYS = List.of("globs", "mark-changed", "post-rule");
    static final List<String> POSTS = List.of("skip", "skip-rules", "fallthrough");

    private AffectedInputs() {
    }

    /**
     * What to read.
     *
     * @param changedFiles the files changed, when given as a list (then base and head serve only to compare
     *                     the lockfiles, when given)
     * @param base         the base ref (the diff and the base lockfile), or null
     * @param head         the head ref, or null for HEAD
     */
    public record Request(java.nio.file.Path repo, List<ChangedFile> changedFiles, String base, String head,
                          List<PathRule> extraRules) {
        public Request(java.nio.file.Path repo, List<ChangedFile> changedFiles, String base, String head) {
            this(repo, changedFiles, base, head, List.of());
        }
    }

    /** The facts, and the workspace they were read from. */
    public record Result(List<Object> facts, CargoWorkspace workspace, List<ChangedFile> changed, TollgateToml settings) {
    }

    public static Result load(Request request) {
        return load(request, null);
    }

    /** tollgate.toml as the base commit has it (its defaults when it has none), named {@code tollgate.toml@BASE}. */
    static TollgateToml baseSettings(java.nio.file.Path repo, String base) {
        try (dev.tollgate.inputs.git.GitTree tree = dev.tollgate.inputs.git.GitTree.at(repo, base)) {
            String shown = TollgateToml.FILE + "@" + base;
            byte[] text = tree.bytes(tree.relative(repo) + TollgateToml.FILE, 8L << 20);
            return TollgateToml.parse(text == null ? "" : new String(text, java.nio.charset.StandardCharsets.UTF_8), shown);
        }
    }

    /** As {@link #load(Request)}, with the workspace already read (null: read it from the repository). */
    public static Result load(Request request, CargoWorkspace preloaded) {
        java.nio.file.Path repo = request.repo();
        // [affected] decides which crates a change is taken to affect, so which jobs run: in PR mode
        // (--base) it is the base's, like every policy setting (docs/policies/pr-mode.md)
        TollgateToml settings = request.base() != null && request.changedFiles() == null
                ? baseSettings(repo, request.base()) : TollgateToml.read(repo);
        List<ChangedFile> changed;
        ChangedFiles git = null;
        try {
            if (request.changedFiles() != null) {
                changed = request.changedFiles();
            } else {
                if (request.base() == null) throw InputException.at("--base", "give --base REF or --changed-files FILE");
                git = ChangedFiles.open(repo);
                changed = new ArrayList<>();
                for (String p : git.between(request.base(), request.head())) changed.add(new ChangedFile(p, Location.NONE));
            }
            CargoWorkspace ws = preloaded != null ? preloaded : WorkspaceLoader.load(repo, null);
            List<Object> facts = new ArrayList<>();
            facts.add(new RunContext(Set.of("affected"), ws.lockfileDisplay(), settings.displayPath()));
            facts.addAll(changed);
            facts.addAll(ws.members());
            List<MemberEdge> edges = memberEdges(ws);
            checkCycles(ws, edges);
            facts.addAll(edges);
            List<PathRule> rules = new ArrayList<>(pathRules(settings));
            facts.addAll(settings.unknownKeys("affected", KEYS, "affected"));
            facts.addAll(settings.unknownSections());
            DenyTable table = settings.section("affected");
            Boolean useDefaults = table == null ? null : table.getBoolean("defaults");
            rules.addAll(request.extraRules());
            if (useDefaults == null || useDefaults) rules.addAll(defaults(rules.size()));
            facts.addAll(rules);
            boolean lockChanged = changed.stream().anyMatch(f -> f.path().equals("Cargo.lock"));
            if (lockChanged && git == null && request.base() != null) git = ChangedFiles.open(repo);
            if (lockChanged) facts.addAll(lockfileChanges(ws, git, request, repo));
            return new Result(facts, ws, changed, settings);
        } finally {
            if (git != null) git.close();
        }
    }

    /** Dependencies between members, by name, of every kind. */
    static List<MemberEdge> memberEdges(CargoWorkspace ws) {
        Map<String, String> nameOf = new HashMap<>();
        for (WorkspaceMember m : ws.members()) nameOf.put(m.id(), m.name());
        Set<String> seen = new HashSet<>();
        List<MemberEdge> edges = new ArrayList<>();
        for (DependencyEdge e : ws.edges()) {
            String from = nameOf.get(e.from());
            String to = nameOf.get(e.to());
            if (from == null || to == null || from.equals(to)) continue;
            if (seen.add(from + "\0" + to + "\0" + e.kind())) edges.add(new MemberEdge(from, to, e.kind(), e.origin()));
        }
        return edges;
    }

    /**
     * Cargo refuses a cycle of normal and build dependencies between members (dev-dependencies may
     * form one); a manifest set with one is not a workspace Cargo could have locked.
     */
    static void checkCycles(CargoWorkspace ws, List<MemberEdge> edges) {
        Map<String, List<MemberEdge>> out = new TreeMap<>();
        for (MemberEdge e : edges) if (e.kind() != DepKind.DEV) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        Map<String, Integer> state = new HashMap<>();
        for (String start : out.keySet()) {
            if (state.containsKey(start)) continue;
            Deque<String> path = new ArrayDeque<>();
            List<MemberEdge> cycle = visit(start, out, state, path, new ArrayDeque<>());
            if (cycle != null) {
                StringBuilder s = new StringBuilder(cycle.get(0).from());
                for (MemberEdge e : cycle) s.append(" → ").append(e.to());
                Location at = cycle.get(0).origin();
                throw new InputException(at.file(), at.line(), at.column(), "dependency cycle between workspace members: " + s
                        + " (Cargo allows a cycle only through dev-dependencies)");
            }
        }
    }

    private static List<MemberEdge> visit(String node, Map<String, List<MemberEdge>> out, Map<String, Integer> state,
                                          Deque<String> path, Deque<MemberEdge> via) {
        state.put(node, 1);
        path.addLast(node);
        for (MemberEdge e : out.getOrDefault(node, List.of())) {
            Integer s = state.get(e.to());
            if (s != null && s == 1) {
                List<MemberEdge> cycle = new ArrayList<>();
                boolean in = false;
                for (MemberEdge v : via) {
                    if (v.from().equals(e.to())) in = true;
                    if (in) cycle.add(v);
                }
                cycle.add(e);
                return cycle;
            }
            if (s == null) {
                via.addLast(e);
                List<MemberEdge> c = visit(e.to(), out, state, path, via);
                if (c != null) return c;
                via.removeLast();
            }
        }
        path.removeLast();
        state.put(node, 2);
        return null;
    }

    /** {@code [[affected.rules]]}: globs, mark-changed ("all" or crate names), post-rule. */
    static List<PathRule> pathRules(TollgateToml settings) {
        DenyTable table = settings.section("affected");
        if (table == null) return List.of();
        DenyArray rules = table.getArray("rules");
        if (rules == null) return List.of();
        String file = settings.displayPath();
        List<PathRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Location at = rules.at(i);
            if (!(rules.get(i) instanceof DenyTable r)) {
                throw new InputException(file, at.line(), at.column(), "[[affected.rules]] entry " + (i + 1) + " must be a table");
            }
            for (String key : r.keySet()) {
                if (!RULE_KEYS.contains(key)) {
                    Location k = r.at(key);
                    throw new InputException(file, k.line(), k.column(), "unknown key `" + key + "` in [[affected.rules]]; known: "
                            + String.join(", ", RULE_KEYS));
                }
            }
            List<String> globs = r.strings("globs", file);
            if (globs.isEmpty()) throw new InputException(file, at.line(), at.column(), "[[affected.rules]] entry " + (i + 1) + " needs `globs`");
            for (String g : globs) {
                if (g.startsWith("/") || g.contains("..")) {
                    Location k = r.at("globs");
                    throw new InputException(file, k.line(), k.column(), "glob `" + g + "` must be relative to the repository root, without `..`");
                }
            }
            Object mark = r.get(List.of("mark-changed"));
            boolean all = false;
            List<String> crates = List.of();
            if ("all".equals(mark)) {
                all = true;
            } else if (mark != null) {
                crates = r.strings("mark-changed", file);
            }
            String post = r.getString("post-rule");
            if (post == null) post = "skip";
            if (!POSTS.contains(post)) {
                Location k = r.at("post-rule");
                throw new InputException(file, k.line(), k.column(), "post-rule `" + post + "`: use " + String.join(", ", POSTS));
            }
            out.add(new PathRule(i, globs, all, crates, post, file + " rule " + (i + 1), at));
        }
        return out;
    }

    /**
     * The built-in rules, tried after tollgate.toml's (unless {@code defaults = false}): files that
     * change everything, and files that change nothing.
     */
    static List<PathRule> defaults(int first) {
        int o = 1000 + first;
        return List.of(
                new PathRule(o, List.of("Cargo.toml"), true, List.of(), "skip", "the workspace manifest", Location.NONE),
                new PathRule(o + 1, List.of("rust-toolchain", "rust-toolchain.toml"), true, List.of(), "skip", "the toolchain", Location.NONE),
                new PathRule(o + 2, List.of(".cargo/config", ".cargo/config.toml"), true, List.of(), "skip", "Cargo's configuration", Location.NONE),
                new PathRule(o + 3, List.of("Cargo.lock"), false, List.of(), "skip",
                        "the lockfile: it counts only when it changes what a member resolves to", Location.NONE),
                new PathRule(o + 4, List.of("README*", "LICENSE*", "COPYING*", "NOTICE*", "CHANGELOG*", "CONTRIBUTING*",
                        "CODE_OF_CONDUCT*", "SECURITY*", "*.md", "docs/**", ".github/**", ".gitignore", ".gitattributes"),
                        false, List.of(), "skip", "documentation, licences and repository settings change no crate", Location.NONE),
                new PathRule(o + 5, List.of("deny.toml", ".cargo/audit.toml", "tollgate.toml"), false, List.of(), "skip",
                        "supply-chain policy files change no build", Location.NONE));
    }

    /**
     * Compares what each member resolves to (every locked package it reaches) in the base and
     * head lockfiles. Without a base ref or a base lockfile, one uncompared change.
     */
    static List<LockfileChange> lockfileChanges(CargoWorkspace ws, ChangedFiles git, Request request, java.nio.file.Path repo) {
        if (git == null || request.base() == null) {
            return List.of(new LockfileChange("", "a --changed-files list gives no base lockfile to compare with", false));
        }
        String baseText = git.fileAt(request.base(), "Cargo.lock");
        if (baseText == null) return List.of(new LockfileChange("", "the base has no Cargo.lock", false));
        String headText;
        String headDisplay;
        if (request.head() == null) {
            headText = dev.tollgate.inputs.io.InputFiles.readText(repo.resolve("Cargo.lock"), "Cargo.lock", dev.tollgate.inputs.io.InputFiles.Kind.LOCKFILE);
            headDisplay = "Cargo.lock";
        } else {
            headText = git.fileAt(request.head(), "Cargo.lock");
            if (headText == null) return List.of(new LockfileChange("", "the head has no Cargo.lock", false));
            headDisplay = "Cargo.lock (at " + request.head() + ")";
        }
        // Comments and blank lines resolve nothing: when only they differ, no member's dependencies changed.
        if (withoutComments(baseText).equals(withoutComments(headText))) return List.of();
        CargoLock base = CargoLockReader.parse(baseText, "Cargo.lock (at " + request.base() + ")");
        CargoLock head = CargoLockReader.parse(headText, headDisplay);
        List<LockfileChange> out = new ArrayList<>();
        for (WorkspaceMember m : ws.members()) {
            Set<String> before = reach(base, m.name());
            Set<String> after = reach(head, m.name());
            if (before == null || after == null || before.equals(after)) continue;
            Set<String> added = new TreeSet<>(after);
            added.removeAll(before);
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(after);
            String detail = (added.isEmpty() ? "" : "+" + String.join(", +", first(added)))
                    + (added.isEmpty() || removed.isEmpty() ? "" : "; ")
                    + (removed.isEmpty() ? "" : "-" + String.join(", -", first(removed)));
            out.add(new LockfileChange(m.name(), detail, true));
        }
        return out;
    }

    static String withoutComments(String lockText) {
        StringBuilder s = new StringBuilder(lockText.length());
        for (String line : lockText.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            s.append(t).append('\n');
        }
        return s.toString();
    }

    private static List<String> first(Set<String> s) {
        return s.stream().limit(3).toList();
    }

    /** Every package (name@version and source) the local package {@code name} reaches, or null when absent. */
    static Set<String> reach(CargoLock lock, String name) {
        Map<String, LockedPackage> byId = new LinkedHashMap<>();
        LockedPackage start = null;
        for (LockedPackage p : lock.packages()) {
            byId.put(p.id(), p);
            if (p.name().equals(name) && p.source().raw() == null) start = p;
        }
        if (start == null) return null;
        Set<String> seen = new HashSet<>();
        Set<String> out = new TreeSet<>();
        Deque<LockedPackage> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            LockedPackage p = todo.pop();
            for (String d : p.dependencies()) {
                if (!seen.add(d)) continue;
                LockedPackage dep = byId.get(d);
                if (dep == null) continue;
                out.add(dep.spec() + (dep.source().raw() == null ? "" : " " + dep.source().raw()));
                todo.push(dep);
            }
        }
        return out;
    }
}
