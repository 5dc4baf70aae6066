package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding API and the command line take one path ({@code CheckRun}): a program that uses only
 * policy-api types ({@link EmbeddedCheck}) gets, for the same options, the findings {@code tollgate check}
 * reports; and the API's contract (unknown policies, empty sets, nulls) holds for every method.
 */
class ApiParityTest {
    /** The CLI's JSON as {@link EmbeddedCheck#lines} prints a verdict. */
    static List<String> lines(JsonNode json) {
        List<String> out = new ArrayList<>();
        Set<String> policies = new TreeSet<>();
        for (JsonNode p : json.get("policies")) policies.add(p.asText());
        out.add(json.get("verdict").asText() + " " + policies);
        for (JsonNode f : json.get("findings")) {
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> k = f.get("data").fieldNames(); k.hasNext(); ) keys.add(k.next());
            out.add(f.get("policy").asText() + " " + f.get("code").asText() + " " + f.get("severity").asText() + " "
                    + (f.get("file").isNull() ? "null" : f.get("file").asText()) + ":" + (f.get("line").isNull() ? 0 : f.get("line").asInt())
                    + ":" + (f.get("column").isNull() ? 0 : f.get("column").asInt()) + " "
                    + (f.get("subject").isNull() ? "null" : f.get("subject").asText()) + " new="
                    + (f.get("new").isNull() ? "null" : f.get("new").asText()) + " data=" + keys + " " + f.get("message").asText());
        }
        return out;
    }

    /** Runs the same options through the CLI (JSON) and the API program, and requires the same lines. */
    static List<String> same(String... options) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(List.of(options));
        args.addAll(List.of("--format", "json"));
        Run cli = Run.of(args.toArray(String[]::new));
        assertTrue(cli.code() == 0 || cli.code() == 1, cli.toString());
        List<String> api = EmbeddedCheck.lines(EmbeddedCheck.check(options));
        assertEquals(lines(cli.json()), api);
        return api;
    }

    @Test
    void theEmbeddingProgramUsesOnlyPolicyApiTypes() throws Exception {
        Path source = Corpus.projectRoot().resolve("policy-runner/src/test/java/dev/tollgate/runner/EmbeddedCheck.java");
        for (String line : Files.readAllLines(source)) {
            if (line.startsWith("import ")) {
                assertTrue(line.startsWith("import dev.tollgate.api.") || line.startsWith("import java."), line);
            }
        }
    }

    @Test
    void zeroClawHeadGivesTheCommandLinesFindings(@TempDir Path cache) {
        List<String> lines = same("--repo", Corpus.file("zeroclaw/head").toString(), "--policies", "sources,bans,advisories,workflows",
                "--advisory-db", Corpus.file("advisory-db").toString(), "--offline", "--cache-dir", cache.toString());
        assertEquals("fail [advisories, bans, sources, workflows]", lines.get(0));
        // every one of the four policies has findings on ZeroClaw's head (read off the corpus tests)
        for (String p : List.of("sources", "bans", "advisories", "workflows")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(p + " ")), p + ": " + lines);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("advisories advisory-ignored ") && l.contains("rustls-pemfile@2.2.0")), lines.toString());
    }

    @Test
    void everyPolicyWithoutNamesSkipsTheAbsentOnesAlike(@TempDir Path cache) {
        // no range or title: the commits policy does not run, without a note, for both
        Path demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        List<String> lines = same("--repo", demo.toString(), "--metadata", demo.resolve("cargo-metadata.json").toString(), "--offline",
                "--cache-dir", cache.toString());
        assertTrue(lines.get(0).contains("sources") && !lines.get(0).contains("commits"), lines.get(0));
    }

    private static void commit(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.add().addFilepattern(".").setUpdate(true).call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    @Test
    void theCommitsPolicyWithABaseRef(@TempDir Path repo) throws Exception {
        AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), "");
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            commit(g, "feat: the base");
            Files.writeString(repo.resolve("NOTES.md"), "one\n");
            commit(g, "Added some notes");
            Files.writeString(repo.resolve("NOTES.md"), "two\n");
            commit(g, "fix(notes): a second line");
        }
        List<String> lines = same("--repo", repo.toString(), "--base", "HEAD~2", "--policies", "commits");
        assertEquals("fail [commits]", lines.get(0));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("commits commit-not-conventional ")).count(), lines.toString());

        // the same through CheckRequest directly, with a head and a PR title
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        Verdict v = engine.check(CheckRequest.of(repo).withBase("HEAD~2").withHead("HEAD~1").withPrTitle("Fix things")
                .withPolicies(Set.of("commits")));
        assertEquals(Set.of("commits"), v.policies());
        assertEquals(2, v.findings().stream().filter(f -> f.code().equals("commit-not-conventional")).count(), v.findings().toString());
        // a base that does not resolve is an input error, never "nothing is new"
        assertThrows(dev.tollgate.api.InputError.class, () -> engine.check(CheckRequest.of(repo).withBase("no-such-ref")));
    }

    private static final String DENY = """
            [advisories]
            ignore = []

            [bans]
            deny = [{ crate = "evil", reason = "exfiltrates" }]
            """;

    @Test
    void prModeReadsThePolicyFromTheBaseThroughTheApiToo(@TempDir Path repo) throws Exception {
        AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), DENY);
        Files.writeString(repo.resolve("tollgate.toml"), "[advisories]\ndb = \"advisory-db\"\n");
        AdvisoriesCheckTest.advisory(repo.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 2.0.0\"");
        Files.createDirectories(repo.resolve("policy"));
        Files.writeString(repo.resolve("policy/no-beta.drl"), """
                package tollgate.custom;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                rule "no-beta"
                    @code("no-beta") @severity("error") @doc("beta is not wanted here.")
                when $p : LockedPackage( name == "beta" )
                then insert(Finding.of("custom", "no-beta", Severity.ERROR, "no beta").at($p.origin()).about($p.spec()));
                end
                """);
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            commit(g, "feat: the base");
            // the change adds evil and beta, drops the ban, and deletes the base's rule
            AdvisoriesCheckTest.workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"evil", "1.0.0"},
                    new String[] {"beta", "1.4.0"}), List.of(), DENY.replace("deny = [{ crate = \"evil\", reason = \"exfiltrates\" }]\n", ""));
            Files.delete(repo.resolve("policy/no-beta.drl"));
            commit(g, "feat: evil and beta");
        }
        String[] options = {"--repo", repo.toString(), "--base", "HEAD~1", "--rules", repo.resolve("policy").toString(), "--offline",
                "--policies", "sources,bans,advisories,commits,custom"};
        List<String> lines = same(options);
        assertEquals("fail [advisories, bans, commits, custom, sources]", lines.get(0));
        for (String code : List.of("banned", "vulnerability", "no-beta", "policy-weakened")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(" " + code + " ")), code + ": " + String.join("\n", lines));
        }
        List<String> head = new ArrayList<>(List.of(options));
        head.addAll(List.of("--policy-from", "head"));
        head.set(head.indexOf("sources,bans,advisories,commits,custom"), "sources,bans,advisories,commits");
        List<String> fromHead = same(head.toArray(String[]::new));
        assertTrue(fromHead.stream().noneMatch(l -> l.startsWith("bans banned ")), "the head's deny.toml has no ban: " + fromHead);
    }

    @Test
    void anUnknownPolicyIsIllegalEverywhere() {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        Path demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        List<Object> facts = List.of(new RunContext(Set.of("source"), "Cargo.lock", "deny.toml"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.evaluate(facts, Set.of("source")));
        assertTrue(e.getMessage().startsWith("unknown policy `source`; known: sources, "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engine.derive(facts, Set.of("source")));
        assertThrows(IllegalArgumentException.class, () -> engine.check(CheckRequest.of(demo).withPolicies(Set.of("source"))));
        // in PR mode too, where custom ids are known only once the base's rules are read
        assertThrows(IllegalArgumentException.class,
                () -> engine.check(CheckRequest.of(demo).withBase("HEAD").withPolicies(Set.of("source"))));
        // plans are no policies of check
        assertThrows(IllegalArgumentException.class, () -> engine.check(CheckRequest.of(demo).withPolicies(Set.of("affected"))));
    }

    @Test
    void aCacheInsideTheRepositoryIsRefusedAsOnTheCommandLine(@TempDir Path repo) throws Exception {
        AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), "");
        Run cli = Run.of("check", "--repo", repo.toString(), "--cache-dir", repo.resolve("cache").toString());
        assertEquals(2, cli.code(), cli.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tollgate.engine(EngineOptions.bundled())
                .check(CheckRequest.of(repo).withCacheDir(repo.resolve("cache"))));
        assertTrue(e.getMessage().contains("inside the repository under review"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tollgate.engine(EngineOptions.bundled().withCacheDir(repo.resolve(".cache")))
                .check(CheckRequest.of(repo)));
    }

    @Test
    void anEmptySetRunsNoPolicyEverywhere() {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        Path demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        Verdict none = engine.check(CheckRequest.of(demo).withMetadata(demo.resolve("cargo-metadata.json")).withPolicies(Set.of()));
        assertEquals(Set.of(), none.policies());
        assertTrue(none.findings().stream().allMatch(f -> f.policy().equals("config")), none.findings().toString());
        Verdict all = engine.check(CheckRequest.of(demo).withMetadata(demo.resolve("cargo-metadata.json")));
        assertTrue(all.policies().containsAll(Set.of("sources", "bans", "licenses")), all.policies().toString());
        Verdict evaluated = engine.evaluate(List.of(new RunContext(Set.of(), "Cargo.lock", "deny.toml")), Set.of());
        assertEquals(Set.of(), evaluated.policies());
    }

    @Test
    void aNullArgumentNamesItsParameter() {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        CheckRequest r = CheckRequest.of(Path.of("."));
        assertEquals("request", assertThrows(NullPointerException.class, () -> engine.check(null)).getMessage());
        assertEquals("facts", assertThrows(NullPointerException.class, () -> engine.evaluate(null, Set.of())).getMessage());
        assertEquals("policies", assertThrows(NullPointerException.class, () -> engine.evaluate(List.of(), null)).getMessage());
        assertEquals("selected", assertThrows(NullPointerException.class, () -> engine.derive(List.of(), null)).getMessage());
        assertEquals("code", assertThrows(NullPointerException.class, () -> engine.code(null)).getMessage());
        assertEquals("options", assertThrows(NullPointerException.class, () -> Tollgate.engine(null)).getMessage());
        assertEquals("repository", assertThrows(NullPointerException.class, () -> CheckRequest.of(null)).getMessage());
        assertEquals("ids", assertThrows(NullPointerException.class, () -> r.withPolicies(null)).getMessage());
        assertEquals("pathOrUrl", assertThrows(NullPointerException.class, () -> r.withAdvisoryDb(null)).getMessage());
        assertEquals("ref", assertThrows(NullPointerException.class, () -> r.withBase(null)).getMessage());
        assertEquals("ref", assertThrows(NullPointerException.class, () -> r.withHead(null)).getMessage());
        assertEquals("from", assertThrows(NullPointerException.class, () -> r.withPolicyFrom(null)).getMessage());
        assertEquals("title", assertThrows(NullPointerException.class, () -> r.withPrTitle(null)).getMessage());
        assertEquals("dir", assertThrows(NullPointerException.class, () -> r.withCacheDir(null)).getMessage());
        assertEquals("file", assertThrows(NullPointerException.class, () -> r.withConfig(null)).getMessage());
        assertEquals("file", assertThrows(NullPointerException.class, () -> r.withMetadata(null)).getMessage());
        assertEquals("listener", assertThrows(NullPointerException.class, () -> r.withProgress(null)).getMessage());
    }

    @Test
    void progressReachesTheCallersListener(@TempDir Path cache) {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        Path demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        List<String> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        engine.check(CheckRequest.of(demo).withPolicies(Set.of("sources")).withProgress(phases::add));
        assertTrue(phases.contains("inputs read"), phases.toString());
        assertTrue(phases.stream().anyMatch(p -> p.startsWith("rules evaluated (")), phases.toString());
    }
}
