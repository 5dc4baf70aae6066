package dev.tollgate.inputs.versions;

import dev.tollgate.inputs.git.GitHistory;
import dev.tollgate.inputs.commits.ConventionalCommits;
import dev.tollgate.api.facts.Commit;
import dev.tollgate.api.facts.CommitTouch;
import dev.tollgate.api.facts.ConventionalCommit;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.IgnoredTag;
import dev.tollgate.api.facts.ReleaseCrate;
import dev.tollgate.api.facts.ReleaseDep;
import dev.tollgate.api.facts.ReleaseSettings;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.VersionReq.Version;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts of a release plan: each workspace crate (publish = false ones too: they are versioned and tagged) with its baseline (the last release
 * tag), the commits since that baseline that touch the crate, the dependencies between crates, and
 * the {@code [release]} settings. The version rules ({@code rules/versions.drl}) decide the rest.
 *
 * <pre>
 * [release]
 * tag-patterns = ["{name}-v{version}", "v{version}"]   # tried in order
 * features-always-increment-minor = false
 * </pre>
 */
public final class ReleaseFacts {
    /** The paths the root package owns (beside member directories, the rest of the repository is not the crate). */
    static final List<String> ROOT_PACKAGE_PATHS = List.of("src/", "benches/", "examples/", "tests/", "build.rs", "Cargo.toml");

    private ReleaseFacts() {
    }

    /**
     * Everything read, for the rules and for printing the plan.
     *
     * @param facts    the facts to evaluate
     * @param crates   the crates by name, in manifest order
     * @param commits  per crate, the commits since its baseline that touch it, newest first
     * @param parsed   every commit read, parsed, by full id
     * @param deps     crate → the workspace crates it depends on (normal and build)
     * @param headDate the head commit's date (the changelog's release date)
     * @param unpublished crates with {@code publish = false}: versioned and tagged, never published
     */
    public record Input(List<Object> facts, Map<String, ReleaseCrate> crates, Map<String, List<Commit>> commits,
                        Map<String, ConventionalCommit> parsed, Map<String, Set<String>> deps, String headDate,
                        Set<String> unpublished) {
    }

    public static Input load(Path repo, String head) {
        Path lock = repo.resolve("Cargo.lock");
        if (!Files.isRegularFile(lock)) throw InputException.at(lock.toString(), "file not found (plan release reads the workspace's Cargo.lock and manifests)");
        CargoWorkspace ws = WorkspaceLoader.load(repo, lock);
        TollgateToml toml = TollgateToml.read(repo);
        List<String> patterns = ReleaseTags.DEFAULT_PATTERNS;
        boolean featuresMinor = false;
        DenyTable release = toml.section("release");
        if (release != null) {
            DenyArray p = release.getArray("tag-patterns");
            if (p != null) {
                List<String> list = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    Object v = p.get(i);
                    String why = v instanceof String s ? ReleaseTags.check(s) : "is not a string";
                    if (why != null) {
                        var at = p.at(i);
                        throw new InputException(toml.displayPath(), at.line(), at.column(), "`release.tag-patterns`: " + v + " " + why);
                    }
                    list.add((String) v);
                }
                patterns = List.copyOf(list);
            }
            Boolean f = release.getBoolean("features-always-increment-minor");
            featuresMinor = f != null && f;
        }

        List<Object> facts = new ArrayList<>();
        facts.add(new ReleaseSettings(featuresMinor));
        Map<String, ReleaseCrate> crates = new LinkedHashMap<>();
        Map<String, String> nameOfId = new HashMap<>();
        for (WorkspaceMember m : ws.members()) nameOfId.put(m.id(), m.name());

        try (GitHistory git = GitHistory.open(repo)) {
            String headId = git.resolve(head == null ? "HEAD" : head, "--head").name();
            List<Tag> tags = git.tags();
            List<IgnoredTag> ignored = new ArrayList<>();
            Map<String, Boolean> reachable = new HashMap<>();
            Map<String, String> baselineOf = new HashMap<>();
            Set<String> unpublished = new java.util.TreeSet<>();
            for (WorkspaceMember m : ws.members()) {
                if (!m.publish()) unpublished.add(m.name());
                Optional<ReleaseTags.Release> base = ReleaseTags.baseline(m.name(), tags, patterns,
                        t -> reachable.computeIfAbsent(t.target(), id -> git.isAncestor(id, headId)), ignored);
                // A workspace-wide tag (`v{version}`) is the version of the crates that inherit the
                // workspace's; a crate versioned alone keeps its manifest's version, from that baseline.
                String current = base.filter(b -> b.perCrate() || m.versionInherited())
                        .map(b -> b.version().toString()).orElse(m.version());
                Version v = Version.tryParse(current);
                if (v == null) {
                    throw new InputException(m.manifestPath(), m.origin().line(), m.origin().column(),
                            "the version `" + current + "` of " + m.name() + " is not semver (MAJOR.MINOR.PATCH[-PRE])");
                }
                crates.put(m.name(), new ReleaseCrate(m.name(), m.dir(), current, v.major(), v.minor(), v.pre(),
                        m.versionInherited(), base.map(b -> b.tag().name()).orElse(""), m.origin()));
                base.ifPresent(b -> baselineOf.put(m.name(), b.tag().target()));
            }
            facts.addAll(crates.values());
            facts.addAll(ignored);

            // Commits since each distinct baseline, read once per baseline.
            Map<String, List<Commit>> byBaseline = new HashMap<>();
            Map<String, ConventionalCommit> parsed = new HashMap<>();
            Map<String, List<Commit>> perCrate = new LinkedHashMap<>();
            for (ReleaseCrate c : crates.values()) perCrate.put(c.name(), new ArrayList<>());
            List<ReleaseCrate> owners = new ArrayList<>(crates.values());
            owners.sort((a, b) -> Integer.compare(b.dir().length(), a.dir().length())); // innermost first
            Set<String> touched = new LinkedHashSet<>();
            for (Map.Entry<String, String> e : new TreeMap<>(baselineOf).entrySet()) {
                List<Commit> range = byBaseline.computeIfAbsent(e.getValue(), base -> git.commits(base, headId, false, true));
                for (Commit c : range) {
                    parsed.computeIfAbsent(c.sha(), s -> ConventionalCommits.parse(c));
                    for (String path : c.changedPaths()) {
                        String owner = owner(path, owners);
                        if (e.getKey().equals(owner) && touched.add(owner + " " + c.sha())) {
                            perCrate.get(owner).add(c);
                            facts.add(new CommitTouch(owner, c.sha()));
                        }
                    }
                }
            }
            facts.addAll(parsed.values());

            Map<String, Set<String>> deps = new TreeMap<>();
            for (DependencyEdge edge : ws.edges()) {
                if (!edge.declared() || edge.kind() == DepKind.DEV) continue;
                String from = nameOfId.get(edge.from());
                String to = nameOfId.get(edge.to());
                if (from == null || to == null || from.equals(to) || !crates.containsKey(from) || !crates.containsKey(to)) continue;
                if (deps.computeIfAbsent(from, k -> new java.util.TreeSet<>()).add(to)) facts.add(new ReleaseDep(from, to));
            }
            String headDate = git.date(headId);
            return new Input(facts, crates, perCrate, parsed, deps, headDate, unpublished);
        }
    }

    /** The innermost crate whose directory holds {@code path}; the root package owns only its own files. */
    static String owner(String path, List<ReleaseCrate> innermostFirst) {
        for (ReleaseCrate c : innermostFirst) {
            if (c.dir().isEmpty()) {
                for (String p : ROOT_PACKAGE_PATHS) if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) return c.name();
            } else if (path.startsWith(c.dir() + "/")) {
                return c.name();
            }
        }
        return null;
    }
}
