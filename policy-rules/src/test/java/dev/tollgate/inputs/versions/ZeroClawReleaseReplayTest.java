package dev.tollgate.inputs.versions;

import dev.tollgate.plans.ReleasePlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Tollgate;
import dev.tollgate.fixtures.Corpus;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ZeroClaw's release after v0.8.4, replayed: a repository whose first commit is ZeroClaw head's
 * manifests and Cargo.lock (tagged v0.8.4, as ZeroClaw tags its workspace), then the 256 first-parent
 * commits that came after v0.8.4 (a56c345) on master, oldest first, with their messages, each
 * touching the same paths (synthetic contents). Expected values were read off the corpus by hand
 * (a short Python count over zeroclaw-history.jsonl and the member list of head/Cargo.toml).
 */
class ZeroClawReleaseReplayTest {
    static final String V084 = "a56c345d51dd8ab562e9351e0d4ab83f6a741db9";

    @Test
    void planAfterV084(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        Path head = Corpus.file("zeroclaw/head");
        List<JsonNode> since = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Corpus.file("zeroclaw/zeroclaw-history.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            if (n.get("commit").asText().equals(V084)) break;
            since.add(n);
        }
        assertEquals(256, since.size());
        Collections.reverse(since);

        Path repo = dir.resolve("zeroclaw");
        try (Stream<Path> files = Files.walk(head)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = repo.resolve(head.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("master").call()) {
            PersonIdent who = new PersonIdent("Replay", "replay@example.com");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("chore: release v0.8.4").setAuthor(who).setCommitter(who).setSign(false).call();
            git.tag().setName("v0.8.4").setAnnotated(false).call();
            // The replayed commits are written straight into the object database (no work tree, no
            // index file): thousands of porcelain `add` calls would take minutes. The work tree keeps
            // head's manifests, which is what plan release reads.
            Repository r = git.getRepository();
            DirCache index = DirCache.newInCore();
            DirCacheBuilder start = index.builder();
            try (ObjectReader reader = r.newObjectReader()) {
                start.addTree(new byte[0], 0, reader, r.parseCommit(r.resolve("HEAD")).getTree());
            }
            start.finish();
            ObjectId parent = r.resolve("HEAD");
            int n = 0;
            try (ObjectInserter ins = ((ObjectDirectory) r.getObjectDatabase()).newPackInserter()) { // one pack, not 10,000 loose objects
                for (JsonNode c : since) {
                    DirCacheEditor edit = index.editor();
                    for (JsonNode p : c.get("files")) {
                        String path = p.asText();
                        ObjectId blob = ins.insert(Constants.OBJ_BLOB, ("replay " + n + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
                        edit.add(new DirCacheEditor.PathEdit(path) {
                            @Override
                            public void apply(DirCacheEntry e) {
                                e.setFileMode(FileMode.REGULAR_FILE);
                                e.setObjectId(blob);
                            }
                        });
                    }
                    edit.finish();
                    OffsetDateTime when = OffsetDateTime.parse(c.get("date").asText());
                    PersonIdent at = new PersonIdent(who, when.toInstant(), when.getOffset());
                    CommitBuilder cb = new CommitBuilder();
                    cb.setTreeId(index.writeTree(ins));
                    cb.setParentId(parent);
                    cb.setAuthor(at);
                    cb.setCommitter(at);
                    cb.setMessage(c.get("message").asText());
                    parent = ins.insert(cb);
                    n++;
                }
                ins.flush();
            }
            RefUpdate u = r.updateRef("refs/heads/master");
            u.setNewObjectId(parent);
            u.forceUpdate();
        }

        long t1 = System.nanoTime();
        ReleaseFacts.Input in = ReleaseFacts.load(repo, null);
        long t2 = System.nanoTime();
        ReleasePlan plan = ReleasePlan.of(in, Tollgate.engine(EngineOptions.bundled()).derive(in.facts(), Set.of("versions")));

        System.out.printf("replay: build %.1f s, facts %.1f s, rules %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        // 29 members: 25 share the workspace version 0.8.4; the four plugin test fixtures are 0.0.0 alone.
        assertEquals(29, in.crates().size());
        Map<String, String> next = new TreeMap<>();
        Map<String, Integer> commits = new TreeMap<>();
        for (ReleasePlan.CratePlan p : plan.crates()) {
            next.put(p.name(), p.bump() + " " + p.current() + " -> " + p.next());
            if (!p.commits().isEmpty()) commits.put(p.name(), p.commits().size());
        }
        // No breaking commit since v0.8.4 (no `!`, no BREAKING CHANGE footer): feat in 0.x is a patch.
        for (String c : List.of("zeroclaw", "zeroclaw-api", "zeroclaw-runtime", "zeroclaw-spawn", "zeroclaw-eval", "zeroclaw-sop-graph")) {
            assertEquals("patch 0.8.4 -> 0.8.5", next.get(c), c);
        }
        assertEquals("patch 0.0.0 -> 0.0.1", next.get("zeroclaw-tool-plugin-fixture"));
        assertEquals(29, next.size(), "every crate is released: 21 workspace crates and the 4 fixtures were touched, 4 share the version");
        // Commits per crate (innermost member owning a changed path; the root package owns src/, tests/, benches/,
        // examples/, build.rs and Cargo.toml only).
        assertEquals(Map.ofEntries(
                Map.entry("xtask", 13), Map.entry("zeroclaw", 33), Map.entry("zeroclaw-api", 20),
                Map.entry("zeroclaw-channel-plugin-fixture", 2), Map.entry("zeroclaw-channels", 48),
                Map.entry("zeroclaw-commands", 1), Map.entry("zeroclaw-config", 39), Map.entry("zeroclaw-desktop", 1),
                Map.entry("zeroclaw-gateway", 16), Map.entry("zeroclaw-hardware", 7), Map.entry("zeroclaw-infra", 6),
                Map.entry("zeroclaw-log", 4), Map.entry("zeroclaw-log-attribution-macro-consumer", 1),
                Map.entry("zeroclaw-log-attribution-macro-support", 1), Map.entry("zeroclaw-macros", 2),
                Map.entry("zeroclaw-memory", 3), Map.entry("zeroclaw-plugins", 8), Map.entry("zeroclaw-providers", 24),
                Map.entry("zeroclaw-runtime", 75), Map.entry("zeroclaw-tool-call-parser", 6),
                Map.entry("zeroclaw-tool-plugin-fixture", 1), Map.entry("zeroclaw-tool-secret-plugin-fixture", 1),
                Map.entry("zeroclaw-tool-timeout-fixture", 1), Map.entry("zeroclaw-tools", 18), Map.entry("zerocode", 19)), commits);
        // Dependencies first: zeroclaw-api before zeroclaw-runtime before the root package.
        List<String> order = plan.publishOrder();
        assertEquals(true, order.indexOf("zeroclaw-api") < order.indexOf("zeroclaw-runtime"), order.toString());
        assertEquals(true, order.indexOf("zeroclaw-runtime") < order.indexOf("zeroclaw"), order.toString());
    }
}
