package dev.tollgate.inputs.affected;

import dev.tollgate.plans.AffectedPlan;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.git.ChangedFiles;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small workspace of our own in a JGit repository: a (uses itoa), b (uses a), c (uses b), and a
 * dev-dependency of a on c (a cycle Cargo allows). Lockfile changes, path rules, bad refs, bad lists
 * and a real cycle.
 */
class AffectedGitTest {
    static PolicyEngine engine;

    @TempDir
    Path repo;

    @BeforeAll
    static void engine() {
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    static final String ROOT = """
            [workspace]
            members = ["crates/*"]
            resolver = "2"
            """;

    static String manifest(String name, String deps, String devDeps) {
        return "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n" + deps
                + "\n[dev-dependencies]\n" + devDeps;
    }

    static String lock(String itoa, String aDeps, String bDeps) {
        return """
                version = 3

                [[package]]
                name = "a"
                version = "0.1.0"
                dependencies = [
                %s
                ]

                [[package]]
                name = "b"
                version = "0.1.0"
                dependencies = [
                %s
                ]

                [[package]]
                name = "c"
                version = "0.1.0"
                dependencies = [
                 "b",
                ]

                [[package]]
                name = "itoa"
                version = "%s"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                """.formatted(aDeps, bDeps, itoa);
    }

    void write(String path, String text) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setSign(false).call().name();
    }

    Git workspace() throws Exception {
        Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write("Cargo.toml", ROOT);
        write("crates/a/Cargo.toml", manifest("a", "itoa = \"1\"\n", "c = { path = \"../c\" }\n"));
        write("crates/b/Cargo.toml", manifest("b", "a = { path = \"../a\" }\n", ""));
        write("crates/c/Cargo.toml", manifest("c", "b = { path = \"../b\" }\n", ""));
        for (String c : List.of("a", "b", "c")) write("crates/" + c + "/src/lib.rs", "// " + c + "\n");
        write("Cargo.lock", lock("1.0.0", " \"c\",\n \"itoa\",", " \"a\","));
        write("README.md", "demo\n");
        commit(git, "chore: workspace");
        return git;
    }

    AffectedPlan plan(String base, String head) {
        AffectedInputs.Result r = AffectedInputs.load(new AffectedInputs.Request(repo, null, base, head));
        return AffectedPlan.of(engine.derive(r.facts(), Set.of("affected")));
    }

    @Test
    void aSourceChangeReachesDependentsThroughNormalAndDevEdges() throws Exception {
        try (Git git = workspace()) {
            String base = git.getRepository().resolve("HEAD").name();
            write("crates/c/src/lib.rs", "// c changed\n");
            commit(git, "fix(c): change c");
            // c is used by nobody through normal edges, but a dev-depends on c, and b depends on a.
            AffectedPlan p = plan(base, null);
            assertEquals(List.of("c"), p.changed());
            assertEquals(List.of("a", "b", "c"), p.affected());
            assertEquals("depends on c (dev-dependency)", p.reasons().get("a"));
        }
    }

    @Test
    void aLockfileChangeCountsOnlyWhenAMemberResolvesDifferently() throws Exception {
        try (Git git = workspace()) {
            String base = git.getRepository().resolve("HEAD").name();
            write("Cargo.lock", lock("1.0.0", " \"c\",\n \"itoa\",", " \"a\",") + "\n# a comment\n");
            String comment = commit(git, "chore: touch the lockfile");
            AffectedPlan same = plan(base, comment);
            assertFalse(same.all());
            assertEquals(List.of(), same.affected());

            write("Cargo.lock", lock("1.0.1", " \"c\",\n \"itoa\",", " \"a\","));
            String bump = commit(git, "fix(deps): bump itoa");
            AffectedPlan changed = plan(comment, bump);
            assertTrue(changed.all());
            // a, b and c all reach itoa; the reason names the first.
            assertEquals(List.of("Cargo.lock changed what a resolves to (+itoa@1.0.1 registry+https://github.com/rust-lang/crates.io-index; "
                    + "-itoa@1.0.0 registry+https://github.com/rust-lang/crates.io-index)"), changed.allReasons());
            // Working tree as the head (no --head): the same answer.
            assertTrue(plan(comment, null).all());
        }
    }

    @Test
    void renamesAreADeleteAndAnAdd() throws Exception {
        try (Git git = workspace()) {
            String base = git.getRepository().resolve("HEAD").name();
            Files.move(repo.resolve("crates/a/src/lib.rs"), repo.resolve("crates/b/src/moved.rs"));
            String head = commit(git, "refactor: move");
            try (ChangedFiles cf = ChangedFiles.open(repo)) {
                assertEquals(List.of("crates/a/src/lib.rs", "crates/b/src/moved.rs"), cf.between(base, head));
            }
            assertEquals(List.of("a", "b"), plan(base, head).changed());
        }
    }

    @Test
    void pathRulesFromTollgateToml() throws Exception {
        try (Git git = workspace()) {
            write("tollgate.toml", """
                    [affected]
                    [[affected.rules]]
                    globs = ["assets/**"]
                    mark-changed = ["b"]

                    [[affected.rules]]
                    globs = ["scripts/*.sh"]
                    mark-changed = []

                    [[affected.rules]]
                    globs = ["crates/a/benches-data/**"]
                    mark-changed = ["c", "nope"]
                    post-rule = "fallthrough"
                    """);
            // the rules are the base's (PR mode): they are committed before the change they judge
            String base = commit(git, "chore: path rules");
            write("assets/logo.svg", "<svg/>");
            write("scripts/run.sh", "echo");
            write("crates/a/benches-data/x.json", "{}");
            String head = commit(git, "chore: assets");
            AffectedInputs.Result r = AffectedInputs.load(new AffectedInputs.Request(repo, null, base, head));
            var d = engine.derive(r.facts(), Set.of("affected"));
            AffectedPlan p = AffectedPlan.of(d);
            // assets → b; scripts → nothing; benches-data → c, then (fallthrough) its owner a.
            assertFalse(p.all(), p.allReasons().toString());
            assertEquals(List.of("a", "b", "c"), p.changed());
            assertEquals(1, d.verdict().findings().size(), d.verdict().findings().toString());
            assertEquals("unknown-crate", d.verdict().findings().get(0).code());
            assertEquals("tollgate.toml@" + base, d.verdict().findings().get(0).location().file());
        }
    }

    /** A change cannot narrow what it affects by editing the path rules that judge it: with --base they are the base's. */
    @Test
    void aChangeCannotRewriteThePathRulesThatJudgeIt() throws Exception {
        try (Git git = workspace()) {
            String base = git.getRepository().resolve("HEAD").name();
            write("crates/a/src/lib.rs", "pub fn changed() {}\n");
            write("tollgate.toml", "[[affected.rules]]\nglobs = [\"crates/**\"]\nmark-changed = []\n");
            String head = commit(git, "feat: a, and nothing is affected");
            AffectedPlan p = AffectedPlan.of(engine.derive(
                    AffectedInputs.load(new AffectedInputs.Request(repo, null, base, head)).facts(), Set.of("affected")));
            assertTrue(p.changed().contains("a"), p.changed().toString());
        }
    }

    @Test
    void badRulesInTollgateTomlAreInputErrors() throws Exception {
        try (Git ignored = workspace()) {
            write("tollgate.toml", "[[affected.rules]]\nglobs = [\"x/**\"]\npost-rule = \"sometimes\"\n");
            InputException e = assertThrows(InputException.class, () -> AffectedInputs.load(
                    new AffectedInputs.Request(repo, ChangedFileList.parse("x/y", "list"), null, null)));
            assertEquals("tollgate.toml:3:1: post-rule `sometimes`: use skip, skip-rules, fallthrough", e.getMessage());
            write("tollgate.toml", "[[affected.rules]]\nglobs = [\"../x/**\"]\n");
            e = assertThrows(InputException.class, () -> AffectedInputs.load(
                    new AffectedInputs.Request(repo, ChangedFileList.parse("x/y", "list"), null, null)));
            assertTrue(e.getMessage().startsWith("tollgate.toml:2:1: glob `../x/**` must be relative"), e.getMessage());
        }
    }

    @Test
    void anUnknownRefIsAnInputErrorNamingTheOption() throws Exception {
        try (Git ignored = workspace()) {
            InputException e = assertThrows(InputException.class, () -> plan("no-such-branch", null));
            assertEquals(repo + ": --base `no-such-branch`: no such commit, branch or tag in this repository"
                    + " (in CI, a base branch is usually `origin/no-such-branch`)", e.getMessage());
            e = assertThrows(InputException.class, () -> plan("HEAD", "v9.9.9"));
            assertEquals(repo + ": --head `v9.9.9`: no such commit, branch or tag in this repository", e.getMessage());
        }
    }

    @Test
    void aShallowCloneSaysHowToFetchTheHistory() throws Exception {
        try (Git git = workspace()) {
            String first = git.getRepository().resolve("HEAD").name();
            Files.writeString(repo.resolve(".git/shallow"), first + "\n");
            InputException e = assertThrows(InputException.class, () -> plan("origin/main", null));
            assertTrue(e.getMessage().contains("shallow clone") && e.getMessage().contains("fetch-depth: 0"), e.getMessage());
        }
    }

    @Test
    void notAGitRepository() throws Exception {
        write("Cargo.toml", ROOT);
        InputException e = assertThrows(InputException.class, () -> plan("main", null));
        assertTrue(e.getMessage().contains("not a git repository"), e.getMessage());
    }

    @Test
    void aCycleOfNormalDependenciesIsAnInputError() throws Exception {
        try (Git ignored = workspace()) {
            write("crates/a/Cargo.toml", manifest("a", "itoa = \"1\"\nc = { path = \"../c\" }\n", ""));
            InputException e = assertThrows(InputException.class, () -> AffectedInputs.load(
                    new AffectedInputs.Request(repo, ChangedFileList.parse("crates/a/src/lib.rs", "list"), null, null)));
            assertTrue(e.getMessage().contains("dependency cycle between workspace members: a → c → b → a"), e.getMessage());
            assertTrue(e.getMessage().startsWith("crates/a/Cargo.toml:"), e.getMessage());
        }
    }

    @Test
    void changedFileListsRejectPathsOutsideTheRepository() {
        InputException abs = assertThrows(InputException.class, () -> ChangedFileList.parse("src/a.rs\n/etc/passwd\n", "changed.txt"));
        assertEquals("changed.txt:2:1: changed path `/etc/passwd` is absolute; list paths relative to the repository root"
                + " (as `git diff --name-only` prints them)", abs.getMessage());
        InputException dots = assertThrows(InputException.class, () -> ChangedFileList.parse("crates/../../x.rs", "changed.txt"));
        assertEquals("changed.txt:1:1: changed path `crates/../../x.rs` contains `..`; list paths inside the repository,"
                + " relative to its root", dots.getMessage());
        assertThrows(InputException.class, () -> ChangedFileList.parse("C:\\src\\a.rs", "l"));
        assertThrows(InputException.class, () -> ChangedFileList.parse("src\\a.rs", "l"));
        assertThrows(InputException.class, () -> ChangedFileList.parse("a\0b", "l"));
        List<ChangedFile> ok = ChangedFileList.parse("./src/a.rs\r\n\nsrc//b.rs\nsrc/./c.rs\nsrc/a.rs\n", "l");
        assertEquals(List.of("src/a.rs", "src/b.rs", "src/c.rs"), ok.stream().map(ChangedFile::path).toList());
        assertEquals(3, ok.get(1).origin().line());
    }
}
