package dev.tollgate.inputs.affected;

import dev.tollgate.plans.AffectedPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.api.facts.Location;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.git.ChangedFiles;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the 300 most recent first-parent commits of zeroclaw-history.jsonl (2026-07-30 to
 * 2026-08-22) into a JGit repository built in a temporary directory: the first commit holds ZeroClaw
 * head's manifests and lockfile (also the working tree, from which the workspace is read), and each
 * replayed commit writes synthetic content to exactly the paths the real commit changed (Cargo.lock
 * keeps head's text plus a comment, so it parses and resolves the same). For every commit, the
 * changed files JGit reports must be the commit's own list, and the affected set is computed with
 * --base PARENT --head COMMIT.
 *
 * <p>Expected sets for the hand-checked commits come from reading the 29 member manifests at head
 * (every [dependencies], [dev-dependencies], [build-dependencies] and target table), not from Tollgate.
 */
class ZeroClawHistoryReplayTest {
    static final int REPLAYED = 300;
    static final Map<String, AffectedPlan> PLANS = new HashMap<>();
    static final Map<String, List<String>> FILES = new HashMap<>();
    static final List<String> TAGS = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void replay() throws Exception {
        Path head = Corpus.file("zeroclaw/head");
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(Corpus.file("zeroclaw/zeroclaw-history.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && rows.size() < REPLAYED) rows.add(json.readTree(line));
        }
        Collections.reverse(rows); // oldest first

        // The working tree: head's manifests and lockfile.
        TreeMap<String, byte[]> initial = new TreeMap<>();
        try (Stream<Path> files = Files.walk(head)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("Cargo.toml")
                    || p.getFileName().toString().equals("Cargo.lock")).toList()) {
                String rel = head.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                initial.put(rel, bytes);
                Path to = dir.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.write(to, bytes);
            }
        }
        String lock = new String(initial.get("Cargo.lock"), StandardCharsets.UTF_8);

        Map<String, String> shaOf = new HashMap<>(); // real commit -> replayed commit
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call();
             ObjectInserter ins = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            TreeMap<String, ObjectId> tree = new TreeMap<>();
            for (Map.Entry<String, byte[]> e : initial.entrySet()) tree.put(e.getKey(), ins.insert(Constants.OBJ_BLOB, e.getValue()));
            ObjectId parent = commit(ins, tree, null, "chore: ZeroClaw head manifests", 0);
            String parentReal = null;
            int n = 0;
            for (JsonNode row : rows) {
                n++;
                List<String> paths = new ArrayList<>();
                for (JsonNode p : row.get("files")) paths.add(p.asText());
                for (String p : paths) {
                    // A path that replaces a directory, or lies under a former file, takes its place.
                    tree.keySet().removeIf(k -> k.startsWith(p + "/") || p.startsWith(k + "/"));
                    String content = p.equals("Cargo.lock") ? lock + "\n# replayed " + n + "\n"
                            : "synthetic " + row.get("commit").asText() + " " + p + "\n";
                    tree.put(p, ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
                }
                parent = commit(ins, tree, parent, row.get("message").asText(), n);
                shaOf.put(row.get("commit").asText(), parent.name());
                FILES.put(row.get("commit").asText(), List.copyOf(new TreeSet<>(paths)));
            }
            RefUpdate u = repo.updateRef("refs/heads/master");
            u.setNewObjectId(parent);
            u.forceUpdate();
            // The release tags of zeroclaw-tags.tsv whose commits were replayed (v0.8.4 only: 2026-08-03).
            for (String line : Files.readAllLines(Corpus.file("zeroclaw/zeroclaw-tags.tsv"), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                String replayed = shaOf.get(f[1]);
                if (replayed == null) continue;
                TAGS.add(f[0]);
                RefUpdate t = repo.updateRef("refs/tags/" + f[0]);
                t.setNewObjectId(ObjectId.fromString(replayed));
                t.forceUpdate();
            }
        }

        long t0 = System.nanoTime();
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        long t1 = System.nanoTime();
        long tLoad = 0, tDerive = 0, tDiff = 0;
        CargoWorkspace ws = WorkspaceLoader.load(dir, null);
        try (ChangedFiles git = ChangedFiles.open(dir)) {
            for (JsonNode row : rows) {
                String real = row.get("commit").asText();
                String sha = shaOf.get(real);
                long a = System.nanoTime();
                List<String> changed = git.between(sha + "^", sha);
                long b = System.nanoTime();
                assertEquals(FILES.get(real), changed, "JGit's changed files for " + real);
                AffectedInputs.Result in = AffectedInputs.load(new AffectedInputs.Request(dir,
                        changed.stream().map(f -> new ChangedFile(f, Location.NONE)).toList(), sha + "^", sha), ws);
                long c = System.nanoTime();
                PLANS.put(real.substring(0, 10), AffectedPlan.of(engine.derive(in.facts(), Set.of("affected"))));
                long d = System.nanoTime();
                tDiff += b - a; tLoad += c - b; tDerive += d - c;
            }
        }
        System.out.printf("engine %d ms, diff %d ms, load %d ms, derive %d ms%n", (t1 - t0) / 1000000, tDiff / 1000000, tLoad / 1000000, tDerive / 1000000);
    }

    static ObjectId commit(ObjectInserter ins, TreeMap<String, ObjectId> tree, ObjectId parent, String message, int n) throws Exception {
        DirCache dc = DirCache.newInCore();
        DirCacheBuilder b = dc.builder();
        for (Map.Entry<String, ObjectId> e : tree.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(e.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(e.getValue());
            b.add(entry);
        }
        b.finish();
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(dc.writeTree(ins));
        if (parent != null) c.setParentId(parent);
        PersonIdent who = new PersonIdent("replay", "replay@example.invalid", Instant.ofEpochSecond(1_780_000_000L + n), java.time.ZoneOffset.UTC);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message);
        ObjectId id = ins.insert(c);
        ins.flush();
        return id;
    }

    static AffectedPlan plan(String shortSha) {
        AffectedPlan p = PLANS.get(shortSha);
        if (p == null) throw new AssertionError("commit " + shortSha + " was not replayed");
        return p;
    }

    @Test
    void theLastReleaseIsTheNearestTagAndSinceThenEverythingChanged() {
        assertEquals(List.of("v0.8.4"), TAGS);
        try (ChangedFiles git = ChangedFiles.open(dir)) {
            assertEquals("v0.8.4", git.nearestTag(null));
            List<String> since = git.between("v0.8.4", null);
            // 49fdb0fe3c (after v0.8.4) changed the root Cargo.toml, so the release since v0.8.4 rebuilds everything.
            assertTrue(since.contains("Cargo.toml"));
            assertTrue(since.contains("crates/zeroclaw-tool-call-parser/src/lib.rs"));
        }
    }

    @Test
    void everyReplayedCommitHasAPlan() {
        assertEquals(REPLAYED, PLANS.size());
    }

    @Test
    void theParserFixCommitAffectsTheParserAndItsDependents() {
        // c84adf4680 fix(tool-call-parser): only crates/zeroclaw-tool-call-parser/src/lib.rs.
        AffectedPlan p = plan("c84adf4680");
        assertFalse(p.all());
        assertEquals(List.of("fill-translations", "xtask", "zeroclaw", "zeroclaw-channels", "zeroclaw-eval",
                "zeroclaw-gateway", "zeroclaw-runtime", "zeroclaw-tool-call-parser"), p.affected());
    }

    @Test
    void documentationAndCiOnlyCommitsAffectNothing() {
        for (String c : List.of("b1a6dda155", "9f99ced396", "768cdc32c7", "2427a7d6d1", "3adee9afc9")) {
            AffectedPlan p = plan(c);
            assertFalse(p.all(), c);
            assertEquals(List.of(), p.affected(), c);
        }
    }

    @Test
    void aLockfileThatResolvesTheSameAffectsNothing() {
        // fec6b73de9 changed only Cargo.lock; the replay keeps head's resolution (plus a comment).
        AffectedPlan p = plan("fec6b73de9");
        assertFalse(p.all(), p.allReasons().toString());
        assertEquals(List.of(), p.affected());
    }

    @Test
    void workspaceManifestToolchainConfigAndStrayFilesAffectEverything() {
        // 49fdb0fe3c: root Cargo.toml; 4a6dab5800: .cargo/config.toml; cba94ec4c4: Dockerfiles (in no crate);
        // ea76e143ed: crates/robot-kit/src/speak.rs, a crate that is no member at head (in no crate).
        for (String c : List.of("49fdb0fe3c", "4a6dab5800", "cba94ec4c4", "ea76e143ed")) {
            AffectedPlan p = plan(c);
            assertTrue(p.all(), c);
            assertEquals(29, p.affected().size(), c);
        }
        assertTrue(plan("ea76e143ed").allReasons().get(0).contains("crates/robot-kit/src/speak.rs"));
    }

    @Test
    void rootPackageSourcesAffectOnlyTheRootPackage() {
        // 82942853d5: src/main.rs and tests/component/daemon_startup_feedback.rs; nothing depends on zeroclaw.
        assertEquals(List.of("zeroclaw"), plan("82942853d5").affected());
        assertEquals(List.of("zeroclaw"), plan("82942853d5").changed());
    }

    @Test
    void crateChangesAffectTheirReverseDependencies() {
        // 52745ff2a2 fix(hardware): zeroclaw-hardware is used by zeroclaw (optional), zeroclaw-gateway and xtask;
        // xtask by fill-translations.
        assertEquals(List.of("fill-translations", "xtask", "zeroclaw", "zeroclaw-gateway", "zeroclaw-hardware"),
                plan("52745ff2a2").affected());
        // 707e0870df fix(infra): crates/zeroclaw-infra/Cargo.toml and a source file: 14 members reach infra.
        assertEquals(List.of("fill-translations", "xtask", "zeroclaw", "zeroclaw-channels", "zeroclaw-config",
                "zeroclaw-eval", "zeroclaw-gateway", "zeroclaw-hardware", "zeroclaw-infra", "zeroclaw-memory",
                "zeroclaw-plugins", "zeroclaw-providers", "zeroclaw-runtime", "zeroclaw-tools"), plan("707e0870df").affected());
        // a9aa098740 fix(zerocode): apps/zerocode/src/chat.rs; zerocode is used by xtask.
        assertEquals(List.of("fill-translations", "xtask", "zerocode"), plan("a9aa098740").affected());
        // 124b90bb98 fix(desktop): apps/tauri is zeroclaw-desktop, on which nothing depends.
        assertEquals(List.of("zeroclaw-desktop"), plan("124b90bb98").affected());
        // 0ed4759fe3: .cargo/audit.toml, Cargo.lock (same resolution), crates/zeroclaw-plugins/Cargo.toml, deny.toml.
        AffectedPlan plugins = plan("0ed4759fe3");
        assertFalse(plugins.all());
        assertEquals(List.of("zeroclaw-plugins"), plugins.changed());
        assertEquals(List.of("fill-translations", "xtask", "zeroclaw", "zeroclaw-channels", "zeroclaw-eval",
                "zeroclaw-gateway", "zeroclaw-plugins", "zeroclaw-runtime"), plugins.affected());
    }

    @Test
    void invariantsHoldOnEveryReplayedCommit() {
        int all = 0;
        int none = 0;
        for (Map.Entry<String, List<String>> e : FILES.entrySet()) {
            AffectedPlan p = plan(e.getKey().substring(0, 10));
            List<String> files = e.getValue();
            if (files.contains("Cargo.toml")) assertTrue(p.all(), e.getKey());
            boolean docsOnly = files.stream().allMatch(f -> f.startsWith("docs/") || f.startsWith(".github/")
                    || f.endsWith(".md") && !f.contains("/"));
            if (docsOnly) assertEquals(List.of(), p.affected(), e.getKey());
            assertTrue(p.affected().containsAll(p.changed()), e.getKey());
            if (p.all()) all++;
            if (p.affected().isEmpty()) none++;
        }
        // Recorded for docs/policies/affected.md; bounds rather than exact counts keep the test honest about what it checks.
        System.out.println("replayed " + FILES.size() + " commits: " + all + " affect everything, " + none + " affect nothing");
        assertTrue(all > 0 && none > 0 && all + none < FILES.size());
    }
}
