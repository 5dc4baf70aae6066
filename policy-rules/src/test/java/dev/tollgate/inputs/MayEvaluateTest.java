package dev.tollgate.inputs;

import dev.tollgate.api.Policies;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.advisories.AdvisoryDbFetcher;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RepositoryFacts#mayEvaluate}: check builds only these policies' rules, so every policy
 * {@link RepositoryFacts#load} evaluates must be among them (else its rules would be built a second
 * time), and the ones that cannot run are left out (else nothing is saved).
 */
class MayEvaluateTest {
    static final Path DEMO = Corpus.projectRoot().resolve("test-fixtures/demo");
    static final Path ADVISORY_DB = Corpus.projectRoot().resolve("test-fixtures/advisory-db");
    static final Set<String> ALL = Set.copyOf(Policies.ALL);

    /** A copy of the demo workspace, in git, with or without its lockfile, .github and an advisory database. */
    static Path workspace(Path dir, boolean lockfile, boolean github, boolean advisoryDb) throws Exception {
        try (Stream<Path> files = Files.walk(DEMO)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(DEMO.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        // the demo's own tollgate.toml points at ../advisory-db, which a copy does not have
        Files.delete(dir.resolve("tollgate.toml"));
        if (advisoryDb) {
            Files.writeString(dir.resolve("tollgate.toml"), "[advisories]\ndb = \"" + ADVISORY_DB.toString().replace("\\", "/") + "\"\n");
        }
        if (!lockfile) Files.delete(dir.resolve("Cargo.lock"));
        if (!github) {
            try (Stream<Path> files = Files.walk(dir.resolve(".github"))) {
                for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(f);
            }
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feat: the demo").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        return dir;
    }

    static RepositoryFacts.Request request(Path repo, Path cache, Set<String> named, String base, String prTitle) {
        boolean hasLock = Files.isRegularFile(repo.resolve("Cargo.lock"));
        return new RepositoryFacts.Request(repo, null, hasLock ? repo.resolve("cargo-metadata.json") : null,
                named.isEmpty() ? ALL : named, named,
                new RepositoryFacts.GitRange(base, null, prTitle, false),
                new RepositoryFacts.AdvisoryDbSource(null, true, cache));
    }

    @Test
    void everyPolicyThatLoadEvaluatesIsAmongThoseMayEvaluateKeeps(@TempDir Path tmp) throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("empty-cache"));
        List<String> checked = new ArrayList<>();
        int n = 0;
        for (boolean lockfile : new boolean[] {true, false}) {
            for (boolean github : new boolean[] {true, false}) {
                for (boolean db : new boolean[] {true, false}) {
                    Path repo = workspace(Files.createDirectories(tmp.resolve("ws" + n++)), lockfile, github, db);
                    for (String[] git : new String[][] {{null, null}, {null, "feat: a title"}, {"HEAD", null}}) {
                        RepositoryFacts.Request r = request(repo, cache, Set.of(), git[0], git[1]);
                        Set<String> kept = RepositoryFacts.mayEvaluate(r);
                        Set<String> evaluated = RepositoryFacts.load(r).evaluated();
                        String what = "lockfile=" + lockfile + " github=" + github + " db=" + db + " base=" + git[0] + " title=" + git[1];
                        assertTrue(kept.containsAll(evaluated), what + ": kept " + kept + ", evaluated " + evaluated);
                        checked.add(what + " -> " + evaluated);
                    }
                }
            }
        }
        assertEquals(24, checked.size());
        // the matrix reaches every policy at least once, and skips each at least once
        for (String p : Policies.ALL) {
            assertTrue(checked.stream().anyMatch(c -> c.substring(c.indexOf("->")).contains(p)), p + " never evaluated: " + checked);
        }
    }

    @Test
    void leavesOutWhatCannotRun(@TempDir Path tmp) throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("empty-cache"));
        Path full = workspace(Files.createDirectories(tmp.resolve("full")), true, true, false);
        // a plain check: no range or title to lint, no advisory database configured or cached
        assertEquals(Set.of("sources", "licenses", "bans", "workflows"),
                RepositoryFacts.mayEvaluate(request(full, cache, Set.of(), null, null)));
        assertTrue(RepositoryFacts.mayEvaluate(request(full, cache, Set.of(), null, "fix: x")).contains(Policies.COMMITS));
        // PR mode may read the database setting from the base commit: kept
        assertTrue(RepositoryFacts.mayEvaluate(request(full, cache, Set.of(), "HEAD", null)).containsAll(Set.of("commits", "advisories")));

        Path bare = workspace(Files.createDirectories(tmp.resolve("bare")), false, false, false);
        assertEquals(Set.of(), RepositoryFacts.mayEvaluate(request(bare, cache, Set.of(), null, null)));
        // named policies are always built: their absent inputs are errors that load reports
        assertEquals(Set.of("sources", "workflows"), RepositoryFacts.mayEvaluate(request(bare, cache, Set.of("sources", "workflows"), null, null)));
    }

    @Test
    void keepsAdvisoriesWhenADatabaseMayBeConfiguredOrCached(@TempDir Path tmp) throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("empty-cache"));
        Path repo = workspace(Files.createDirectories(tmp.resolve("ws")), true, false, false);
        assertFalse(RepositoryFacts.mayEvaluate(request(repo, cache, Set.of(), null, null)).contains(Policies.ADVISORIES));

        Files.writeString(repo.resolve("deny.toml"), Files.readString(repo.resolve("deny.toml"))
                + "\n[advisories.extra]\n# db-urls = [\"https://example.com/db\"]\n");
        assertTrue(RepositoryFacts.mayEvaluate(request(repo, cache, Set.of(), null, null)).contains(Policies.ADVISORIES),
                "a mention of db-urls, even in a comment, keeps it (a text search, not a parse)");
        Files.copy(DEMO.resolve("deny.toml"), repo.resolve("deny.toml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Files.createDirectories(AdvisoryDbFetcher.cachePath(cache, AdvisoryDbFetcher.DEFAULT_URL).resolve(".git"));
        assertTrue(RepositoryFacts.mayEvaluate(request(repo, cache, Set.of(), null, null)).contains(Policies.ADVISORIES),
                "RustSec's database cached");

        Path other = Files.createDirectories(tmp.resolve("other-cache"));
        RepositoryFacts.Request given = new RepositoryFacts.Request(repo, null, repo.resolve("cargo-metadata.json"), ALL, Set.of(),
                RepositoryFacts.GitRange.NONE, new RepositoryFacts.AdvisoryDbSource(ADVISORY_DB.toString(), true, other));
        assertTrue(RepositoryFacts.mayEvaluate(given).contains(Policies.ADVISORIES), "--advisory-db");
        assertTrue(RepositoryFacts.load(given).evaluated().contains(Policies.ADVISORIES));
    }
}
