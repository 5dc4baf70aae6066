package dev.tollgate.inputs.git;

import dev.tollgate.api.facts.Commit;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHistoryTest {
    static final PersonIdent WHO = new PersonIdent("Dev", "dev@example.com", Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.ofHours(2));

    static RevCommit commit(Git git, Path dir, String message, String... writes) throws Exception {
        for (int i = 0; i < writes.length; i += 2) {
            Path f = dir.resolve(writes[i]);
            if (writes[i + 1] == null) {
                Files.delete(f);
                git.rm().addFilepattern(writes[i]).call();
            } else {
                Files.createDirectories(f.getParent());
                Files.writeString(f, writes[i + 1]);
                git.add().addFilepattern(writes[i]).call();
            }
        }
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    @Test
    void rangeTagsFilesAndRenames(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit first = commit(git, dir, "chore: start", "a/one.txt", "1", "b.txt", "b");
            git.tag().setName("v0.1.0").setObjectId(first).setAnnotated(false).call();
            RevCommit second = commit(git, dir, "feat(a): two\n\nbody", "a/two.txt", "2");
            git.tag().setName("v0.2.0").setMessage("release").setTagger(WHO).setObjectId(second).call();
            Files.move(dir.resolve("a/one.txt"), dir.resolve("a/uno.txt"));
            git.add().addFilepattern("a/uno.txt").call();
            git.rm().addFilepattern("a/one.txt").call();
            RevCommit third = commit(git, dir, "refactor: rename");

            try (GitHistory h = GitHistory.open(dir)) {
                List<Commit> all = h.commits(null, null, false, true);
                assertEquals(3, all.size());
                assertEquals(third.getName(), all.get(0).sha());
                assertEquals(List.of("a/one.txt", "a/uno.txt"), all.get(0).changedPaths(), "a rename is a delete and an add");
                assertEquals(List.of("a/one.txt", "b.txt"), all.get(2).changedPaths(), "a root commit changes everything it has");
                assertEquals("feat(a): two\n\nbody", all.get(1).message());
                assertEquals(List.of(first.getName()), all.get(1).parents());
                assertEquals("2026-01-02T05:04:05+02:00", all.get(1).date());

                List<Commit> range = h.commits("v0.1.0", "HEAD", false, false);
                assertEquals(2, range.size());
                assertEquals(List.of(), range.get(0).changedPaths(), "no paths unless asked");

                assertEquals(List.of(new Tag("v0.1.0", first.getName(), "2026-01-02T05:04:05+02:00"),
                        new Tag("v0.2.0", second.getName(), "2026-01-02T05:04:05+02:00")), h.tags());
                assertEquals("1", new String(h.readFile("v0.1.0", "a/one.txt").orElseThrow(), StandardCharsets.UTF_8));
                assertTrue(h.readFile("HEAD", "a/one.txt").isEmpty());
                assertTrue(h.readFile("HEAD", "a").isEmpty(), "a directory is not a file");
            }
        }
    }

    @Test
    void firstParentFollowsTheMainline(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit base = commit(git, dir, "chore: base", "x", "0");
            git.branchCreate().setName("topic").call();
            git.checkout().setName("topic").call();
            commit(git, dir, "wip on topic", "y", "1");
            git.checkout().setName("main").call();
            commit(git, dir, "fix: on main", "z", "2");
            git.merge().include(git.getRepository().resolve("topic")).setMessage("Merge branch 'topic'").setCommit(true).call();
            try (GitHistory h = GitHistory.open(dir)) {
                assertEquals(3, h.commits(base.getName(), null, false, false).size());
                List<Commit> fp = h.commits(base.getName(), null, true, true);
                assertEquals(2, fp.size());
                assertTrue(fp.get(0).isMerge());
                assertEquals(List.of("y"), fp.get(0).changedPaths(), "a merge's paths are against its first parent");
            }
        }
    }

    @Test
    void badRefsAndNonRepositories(@TempDir Path dir) throws Exception {
        InputException notRepo = assertThrows(InputException.class, () -> GitHistory.open(dir));
        assertTrue(notRepo.getMessage().contains("not a git repository"), notRepo.getMessage());
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "chore: one", "f", "1");
            try (GitHistory h = GitHistory.open(dir)) {
                InputException e = assertThrows(InputException.class, () -> h.commits("main~5", null, false, false));
                assertEquals(dir + ": --base `main~5`: no such commit, branch or tag in this repository", e.getMessage());
                InputException e2 = assertThrows(InputException.class, () -> h.commits("develop", null, false, false));
                assertTrue(e2.getMessage().endsWith("(in CI, a base branch is usually `origin/develop`)"), e2.getMessage());
                assertThrows(InputException.class, () -> h.commits(null, "no..such", false, false));
            }
        }
    }

    @Test
    void shallowClonesAreNamedWithTheFix(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "chore: one", "f", "1");
            RevCommit two = commit(git, dir, "fix: two", "f", "2");
            commit(git, dir, "fix: three", "f", "3");
            // What `git clone --depth 2` leaves: the boundary commit listed in .git/shallow.
            Files.writeString(dir.resolve(".git/shallow"), two.getName() + "\n");
            try (GitHistory h = GitHistory.open(dir)) {
                assertTrue(h.isShallow());
                InputException all = assertThrows(InputException.class, () -> h.commits(null, null, false, false));
                assertTrue(all.getMessage().contains("shallow clone") && all.getMessage().contains("fetch-depth: 0"), all.getMessage());
                assertEquals(1, h.commits(two.getName(), null, false, false).size(), "a range inside the fetched history is fine");
                InputException bad = assertThrows(InputException.class, () -> h.commits("origin/main", null, false, false));
                assertTrue(bad.getMessage().contains("fetch-depth: 0"), bad.getMessage());
            }
        }
    }

    @Test
    void rawMessagesNulNonUtf8Crlf(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            RevCommit base = commit(git, dir, "chore: one", "f", "1");
            ObjectId tree = base.getTree().getId();
            ObjectId parent = base.getId();
            byte[][] messages = {
                    "fix: nul\u0000byte".getBytes(StandardCharsets.UTF_8),
                    {'f', 'i', 'x', ':', ' ', (byte) 0xff, (byte) 0xfe},
                    "fix: crlf\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8),
            };
            try (ObjectInserter ins = git.getRepository().newObjectInserter()) {
                for (byte[] m : messages) {
                    CommitBuilder cb = new CommitBuilder();
                    cb.setTreeId(tree);
                    cb.setParentId(parent);
                    cb.setAuthor(WHO);
                    cb.setCommitter(WHO);
                    byte[] raw = cb.build();
                    // CommitBuilder ends the headers with a blank line; the raw message bytes follow
                    byte[] full = new byte[raw.length + m.length];
                    System.arraycopy(raw, 0, full, 0, raw.length);
                    System.arraycopy(m, 0, full, raw.length, m.length);
                    parent = ins.insert(Constants.OBJ_COMMIT, full);
                }
                ins.flush();
            }
            RefUpdate u = git.getRepository().updateRef("refs/heads/main");
            u.setNewObjectId(parent);
            u.forceUpdate();
            try (GitHistory h = GitHistory.open(dir)) {
                List<Commit> cs = h.commits(base.getName(), null, false, false);
                assertEquals(3, cs.size());
                assertEquals("", cs.get(0).messageProblem());
                assertEquals("fix: crlf", cs.get(0).header());
                assertEquals("encoding", cs.get(1).messageProblem());
                assertEquals("nul", cs.get(2).messageProblem());
                assertEquals("fix: nul\uFFFDbyte", cs.get(2).message());
            }
        }
    }
}
