package dev.tollgate.runner;

import dev.tollgate.api.CheckFacts;
import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.VerdictJson;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.eclipse.jgit.api.Git;
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
 * Issue 17's "done when", as an embedder writes it: policy-api types only (plus JGit to build a repository
 * and {@link Run}, the command line in this JVM, to compare with). On ZeroClaw's head (the corpus; CI=true
 * makes a missing corpus a failure) the API's verdict, written with the public JSON writer, is the command
 * line's {@code --format json} byte for byte; the extracted facts evaluate to the same verdict; the commits
 * policy runs with a base ref; an unknown policy is an IllegalArgumentException from every method.
 */
class EmbeddingApiTest {
    private static final PolicyEngine ENGINE = Tollgate.engine(EngineOptions.bundled());
    private static final Set<String> FOUR = Set.of("sources", "bans", "advisories", "workflows");

    @Test
    void theTestUsesOnlyPolicyApiTypes() throws Exception {
        Path source = Corpus.projectRoot().resolve("policy-runner/src/test/java/dev/tollgate/runner/EmbeddingApiTest.java");
        for (String line : Files.readAllLines(source)) {
            if (!line.startsWith("import ")) continue;
            assertTrue(line.startsWith("import dev.tollgate.api.") || line.startsWith("import java.") || line.startsWith("import org.junit.")
                    || line.startsWith("import static org.junit.") || line.equals("import dev.tollgate.fixtures.Corpus;")
                    || line.equals("import org.eclipse.jgit.api.Git;"), line);
        }
    }

    @Test
    void zeroClawHeadIsTheCommandLinesJsonByteForByteAndItsFactsGiveTheSameVerdict(@TempDir Path cache) {
        Path repo = Corpus.file("zeroclaw/head");
        Path db = Corpus.file("advisory-db");
        CheckRequest request = CheckRequest.of(repo).withAdvisoryDb(db.toString()).withOffline(true).withPolicies(FOUR)
                .withCacheDir(cache);
        Verdict verdict = ENGINE.check(request);

        Run cli = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--offline",
                "--policies", "sources,bans,advisories,workflows", "--cache-dir", cache.toString(), "--format", "json");
        assertEquals(1, cli.code(), cli.toString());
        assertEquals(cli.out(), VerdictJson.toJson(verdict), "the embedder's JSON is the command line's, byte for byte");
        assertTrue(cli.out().startsWith("{\n  \"tool\" : \"tollgate\",\n  \"version\" : \"" + Tollgate.version() + "\""), cli.out());

        assertEquals(Outcome.FAIL, verdict.outcome());
        assertEquals(FOUR, verdict.policies());
        for (String p : FOUR) assertTrue(verdict.findings().stream().anyMatch(f -> f.policy().equals(p)), p + ": " + verdict.findings());
        assertTrue(verdict.findings().stream().anyMatch(f -> f.code().equals("advisory-ignored") && "rustls-pemfile@2.2.0".equals(f.subject())),
                verdict.findings().toString());

        // the facts check reads, in the open: evaluated again, the same verdict, finding for finding
        CheckFacts facts = ENGINE.facts(request);
        assertEquals(FOUR, facts.policies());
        assertTrue(facts.all(LockedPackage.class).size() > 100, "ZeroClaw locks hundreds of packages");
        assertEquals(List.of(FOUR), facts.all(RunContext.class).stream().map(RunContext::policies).map(Set::copyOf).toList());
        Verdict again = ENGINE.evaluate(facts.facts(), facts.policies());
        assertEquals(verdict, again);
        assertEquals(VerdictJson.toJson(verdict), VerdictJson.toJson(again));

        // a policy left out of the facts' evaluation changes the verdict: the comparison above can fail
        Verdict fewer = ENGINE.evaluate(facts.facts(), Set.of("sources"));
        assertFalse(fewer.findings().stream().anyMatch(f -> f.policy().equals("bans")), fewer.findings().toString());

        // an unknown policy is an IllegalArgumentException from every method; a plan is no policy of evaluate
        CheckRequest typo = request.withPolicies(Set.of("sources", "advisory"));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.check(typo));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.facts(typo));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.evaluate(facts.facts(), Set.of("advisory")));
        assertThrows(IllegalArgumentException.class, () -> ENGINE.derive(facts.facts(), Set.of("advisory")));
        IllegalArgumentException plan = assertThrows(IllegalArgumentException.class, () -> ENGINE.evaluate(facts.facts(), Set.of("affected")));
        assertTrue(plan.getMessage().contains("is a plan") && plan.getMessage().contains("derive"), plan.getMessage());
    }

    private static void commit(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    @Test
    void theCommitsPolicyWithABaseRef(@TempDir Path repo) throws Exception {
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("README.md"), "zero\n");
            commit(g, "feat: the base");
            Files.writeString(repo.resolve("README.md"), "one\n");
            commit(g, "Updated the readme");
            Files.writeString(repo.resolve("README.md"), "two\n");
            commit(g, "docs(readme): a second line");
        }
        CheckRequest request = CheckRequest.of(repo).withBase("HEAD~2").withPolicies(Set.of("commits"));
        Verdict verdict = ENGINE.check(request);
        assertEquals(Set.of("commits"), verdict.policies());
        assertEquals(Outcome.FAIL, verdict.outcome());
        List<Finding> bad = verdict.findings().stream().filter(f -> f.code().equals("commit-not-conventional")).toList();
        assertEquals(1, bad.size(), verdict.findings().toString());
        assertTrue(bad.get(0).message().contains("Updated the readme"), bad.get(0).message());

        Run cli = Run.of("check", "--repo", repo.toString(), "--base", "HEAD~2", "--policies", "commits", "--format", "json");
        assertEquals(1, cli.code(), cli.toString());
        assertEquals(cli.out(), VerdictJson.toJson(verdict));

        CheckFacts facts = ENGINE.facts(request);
        assertEquals(verdict, ENGINE.evaluate(facts.facts(), facts.policies()));
        // a conventional range passes
        assertEquals(Outcome.PASS, ENGINE.check(CheckRequest.of(repo).withBase("HEAD~1").withPolicies(Set.of("commits"))).outcome());
    }

    @Test
    void anEmptyDirectoryIsAnInputErrorUnlessTheNamedPoliciesAreSatisfied(@TempDir Path empty) {
        dev.tollgate.api.InputError e = assertThrows(dev.tollgate.api.InputError.class, () -> ENGINE.check(CheckRequest.of(empty)));
        assertEquals(empty.toString(), e.file());
        assertTrue(e.problem().startsWith("nothing to check: no policy has its inputs here"), e.getMessage());
        assertThrows(dev.tollgate.api.InputError.class, () -> ENGINE.facts(CheckRequest.of(empty)));
        // a named policy whose inputs are absent says what it needs
        dev.tollgate.api.InputError named = assertThrows(dev.tollgate.api.InputError.class,
                () -> ENGINE.check(CheckRequest.of(empty).withPolicies(Set.of("workflows"))));
        assertTrue(named.getMessage().contains("the workflows policy reads .github/workflows/"), named.getMessage());
        // named policies that have their inputs: a verdict
        Verdict title = ENGINE.check(CheckRequest.of(empty).withPrTitle("feat: a title").withPolicies(Set.of("commits")));
        assertEquals(Outcome.PASS, title.outcome());
        assertEquals(Set.of("commits"), title.policies());
        // and so does the empty set, which names no policy (the configuration checks only), as in evaluate
        Verdict none = ENGINE.check(CheckRequest.of(empty).withPolicies(Set.of()));
        assertEquals(Set.of(), none.policies());
        assertEquals(none.outcome(), ENGINE.evaluate(ENGINE.facts(CheckRequest.of(empty).withPolicies(Set.of())).facts(), Set.of()).outcome());
    }
}
