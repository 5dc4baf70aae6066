package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gate integrity (issue 14), tried as an attacker would from inside a pull request: a base commit
 * that passes, one PR commit on top that tries to weaken the gate, and the action's command
 * ({@code check --base BASE --rules DIR-in-the-repo}). Each attempt must end with exit 1 or 2, and
 * every policy change must reach the reviewer at the head file's line.
 */
class PrModeGateTest {
    private static final String DENY = """
            [advisories]
            ignore = []

            [bans]
            multiple-versions = "warn"
            deny = [{ crate = "evil", reason = "exfiltrates" }]

            [sources]
            unknown-registry = "deny"
            unknown-git = "deny"
            """;
    private static final String SETTINGS = """
            [advisories]
            db = "advisory-db"
            """;
    private static final String POLICIES = "sources,bans,advisories,commits";

    /** The base: a clean workspace (alpha only), its policy, an advisory database in the repository about beta. */
    private static Git base(Path repo) throws Exception {
        AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), DENY);
        Files.writeString(repo.resolve("tollgate.toml"), SETTINGS);
        AdvisoriesCheckTest.advisory(repo.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 2.0.0\"");
        Files.createDirectories(repo.resolve("policy"));
        Files.writeString(repo.resolve("policy/README.md"), "Our own rules go here.\n");
        Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call();
        commit(g, "feat: the base");
        return g;
    }

    /** The same workspace with one more direct dependency. */
    private static void addDependency(Path repo, String name, String version, String deny) throws IOException {
        AdvisoriesCheckTest.workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {name, version}), List.of(), deny);
    }

    private static void commit(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.add().addFilepattern(".").setUpdate(true).call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    /**
     * The action's command on the PR commit; unless the change adds rules (which would then run) or
     * {@code --policy-from} is given, also with {@code --policy-from head}, which must show the same
     * policy changes (code, subject and FILE:LINE).
     */
    private static Run check(Path repo, String... more) {
        Run base = run(repo, more);
        if (!List.of(more).contains("--policy-from") && !List.of(more).contains("--no-head-run")) {
            List<String> withHead = new ArrayList<>(List.of(more));
            withHead.addAll(List.of("--policy-from", "head"));
            Run head = run(repo, withHead.toArray(String[]::new));
            if (base.code() != 2) assertEquals(policyChanges(base), policyChanges(head), "--policy-from head shows the same changes\n" + head);
        }
        return base;
    }

    /** {@code more} may name its own {@code --policies}, or {@code --all-policies} for none (the action's default). */
    private static Run run(Path repo, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString(), "--base", "HEAD~1",
                "--rules", repo.resolve("policy").toString(), "--offline"));
        if (!List.of(more).contains("--format")) args.addAll(List.of("--format", "json"));
        if (!List.of(more).contains("--policies") && !List.of(more).contains("--all-policies")) args.addAll(List.of("--policies", POLICIES));
        for (String m : more) if (!m.equals("--no-head-run") && !m.equals("--all-policies")) args.add(m);
        return Run.of(args.toArray(String[]::new));
    }

    /** The pr-mode findings and ignore-added, without their severity (the [pr] level is the applied policy's). */
    private static List<String> policyChanges(Run r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            if (!f.get("policy").asText().equals("pr-mode") && !f.get("code").asText().equals("ignore-added")) continue;
            out.add(f.get("code").asText() + " " + f.get("subject").asText() + " " + f.get("file").asText() + ":" + f.get("line").asInt());
        }
        return out.stream().sorted().toList();
    }

    /** code, subject, severity and FILE:LINE of every finding, sorted. */
    private static List<String> findings(Run r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("code").asText() + " " + f.get("subject").asText() + " " + f.get("severity").asText()
                    + " " + f.get("file").asText() + ":" + f.get("line").asInt());
        }
        return out.stream().sorted().toList();
    }

    private static void assertHas(Run r, String finding) {
        assertTrue(findings(r).contains(finding), "expected `" + finding + "` in\n" + String.join("\n", findings(r)) + "\n" + r);
    }

    @Test
    void theBaseAloneAndAnUntouchedPolicyPass(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("README.md"), "docs only\n");
            commit(g, "docs: a readme");
            Run r = check(repo);
            assertEquals(0, r.code(), r.toString());
            assertEquals(List.of(), findings(r), "no policy change, no finding");
        }
    }

    @Test
    void removingADenyEntryDoesNotUnbanTheCrate(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            addDependency(repo, "evil", "1.0.0", DENY.replace("deny = [{ crate = \"evil\", reason = \"exfiltrates\" }]\n", ""));
            commit(g, "feat: add evil");
            Run r = check(repo);
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "banned evil@1.0.0 error Cargo.lock:16");
            // the head's deny.toml no longer has the array: the change is shown at the [bans] table
            assertHas(r, "policy-weakened bans.deny warning deny.toml:4");
            JsonNode change = r.json().get("findings").findParents("code").stream()
                    .filter(f -> f.get("code").asText().equals("policy-weakened")).findFirst().orElseThrow();
            assertEquals("{ crate = \"evil\", reason = \"exfiltrates\" }", change.get("data").get("base").asText());
            assertTrue(change.get("new").asBoolean());
        }
    }

    @Test
    void allowingAGitSourceOrLoweringItsLevelDoesNotApproveIt(@TempDir Path tmp) throws Exception {
        for (String loosened : List.of(
                DENY.replace("unknown-git = \"deny\"", "unknown-git = \"deny\"\nallow-git = [\"https://example.org/x\"]"),
                DENY.replace("unknown-git = \"deny\"", "unknown-git = \"allow\""),
                "[sources]\nunknown-git = \"allow\"\n")) {
            Path repo = Files.createTempDirectory(tmp, "repo");
            try (Git g = base(repo)) {
                addDependency(repo, "gitdep", "0.1.0", loosened);
                Path lock = repo.resolve("Cargo.lock");
                Files.writeString(lock, Files.readString(lock).replace(
                        "name = \"gitdep\"\nversion = \"0.1.0\"\nsource = \"" + AdvisoriesCheckTest.CRATES_IO + "\"",
                        "name = \"gitdep\"\nversion = \"0.1.0\"\nsource = \"git+https://example.org/x#0123456789abcdef0123456789abcdef01234567\""));
                commit(g, "feat: a git dependency");
                Run r = check(repo);
                assertEquals(1, r.code(), r.toString());
                assertHas(r, "unknown-git gitdep@0.1.0 error Cargo.lock:16");
                assertTrue(findings(r).stream().anyMatch(f -> f.startsWith("policy-weakened sources.")), r.toString());
            }
        }
    }

    @Test
    void addingAnIgnoreDoesNotSilenceANewVulnerability(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            addDependency(repo, "beta", "1.4.0", DENY.replace("ignore = []",
                    "ignore = [{ id = \"RUSTSEC-2030-0002\", reason = \"trust me\", tracking = \"#1\", expires = \"2999-01-01\" }]"));
            commit(g, "feat: beta");
            Run r = check(repo);
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "vulnerability beta@1.4.0 error Cargo.lock:16");
            assertHas(r, "ignore-added RUSTSEC-2030-0002 warning deny.toml:2");
            // the change's own policy: the ignore applies, and the reviewer still sees it
            Run head = check(repo, "--policy-from", "head");
            assertEquals(0, head.code(), head.toString());
            assertHas(head, "ignore-added RUSTSEC-2030-0002 warning deny.toml:2");
            assertHas(head, "advisory-ignored beta@1.4.0 note Cargo.lock:16");
        }
    }

    @Test
    void theAdvisoryDatabaseInTheRepositoryIsTheBases(@TempDir Path tmp) throws Exception {
        // 1. the change edits the advisory's patched range; 2. it deletes tollgate.toml (the db setting)
        for (int variant = 1; variant <= 2; variant++) {
            Path repo = Files.createTempDirectory(tmp, "repo");
            try (Git g = base(repo)) {
                addDependency(repo, "beta", "1.4.0", DENY);
                if (variant == 1) {
                    AdvisoriesCheckTest.advisory(repo.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 1.0.0\"");
                } else {
                    Files.delete(repo.resolve("tollgate.toml"));
                }
                commit(g, "feat: beta");
                // (variant 2 under --policy-from head is below: advisories named there would fetch RustSec's db)
                Run r = check(repo, variant == 2 ? "--no-head-run" : "--offline");
                assertEquals(1, r.code(), "variant " + variant + ": " + r);
                assertHas(r, "vulnerability beta@1.4.0 error Cargo.lock:16");
                if (variant == 1) {
                    assertHas(r, "policy-changed advisory-db warning advisory-db:0");
                    assertTrue(r.out().contains("advisory-db/crates/beta/RUSTSEC-2030-0002.md"), r.out());
                } else {
                    assertHas(r, "policy-weakened tollgate.toml warning tollgate.toml:0");
                    // under the change's own policy the database setting is gone: an error, not a skip
                    Run head = check(repo, "--policy-from", "head", "--all-policies");
                    assertEquals(1, head.code(), head.toString());
                    assertHas(head, "policy-input-missing null error tollgate.toml:0");
                }
            }
        }
    }

    @Test
    void rulesFromThePullRequestNeverRun(@TempDir Path tmp) throws Exception {
        String erase = """
                package tollgate.custom;
                import dev.tollgate.api.findings.*;
                rule "erase" salience -1000
                when $f : Finding() then delete($f); end
                """;
        String exit = """
                package tollgate.custom;
                rule "leave" when then System.exit(0); end
                """;
        String emptyAdvisories = "package tollgate.other;\n";
        for (String[] rules : List.of(new String[] {"erase.drl", erase}, new String[] {"exit.drl", exit},
                new String[] {"advisories.drl", emptyAdvisories})) {
            Path repo = Files.createTempDirectory(tmp, "repo");
            try (Git g = base(repo)) {
                addDependency(repo, "beta", "1.4.0", DENY);
                Files.writeString(repo.resolve("policy").resolve(rules[0]), rules[1]);
                commit(g, "feat: beta");
                // (not with --policy-from head: that would run the change's rules, which is the point of the base's)
                Run r = check(repo, "--no-head-run");
                assertEquals(1, r.code(), rules[0] + ": " + r);
                assertHas(r, "vulnerability beta@1.4.0 error Cargo.lock:16");
                assertHas(r, "policy-changed policy/" + rules[0] + " warning policy/" + rules[0] + ":1");
            }
        }
    }

    @Test
    void rulesTheBaseHasStillRunAndTheirRemovalIsShown(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        String ours = """
                package tollgate.custom;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                rule "no-beta"
                    @code("no-beta") @severity("error") @doc("beta is not wanted here.")
                when $p : LockedPackage( name == "beta" )
                then insert(Finding.of("custom", "no-beta", Severity.ERROR, "no beta").at($p.origin()).about($p.spec()));
                end
                """;
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("policy/no-beta.drl"), ours);
            commit(g, "feat: our rule");
            Files.delete(repo.resolve("policy/no-beta.drl"));
            AdvisoriesCheckTest.workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "3.0.0"}), List.of(), DENY);
            commit(g, "feat: beta 3, and our rule goes");
            // the base's rules define the policy `custom`, though the change deletes the file
            Run r = check(repo, "--policies", POLICIES + ",custom", "--no-head-run");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "no-beta beta@3.0.0 error Cargo.lock:16");
            assertHas(r, "policy-weakened policy/no-beta.drl warning policy:0");
        }
    }

    @Test
    void aVanishingLockfileFailsInsteadOfSkipping(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.delete(repo.resolve("Cargo.lock"));
            commit(g, "chore: no lockfile");
            // the action's default: no --policies
            Run r = Run.of("check", "--repo", repo.toString(), "--base", "HEAD~1", "--format", "json");
            assertEquals(1, r.code(), r.toString());
            List<String> missing = new ArrayList<>();
            for (JsonNode f : r.json().get("findings")) {
                if (f.get("code").asText().equals("policy-input-missing")) missing.add(f.get("policy").asText() + " " + f.get("severity").asText());
            }
            assertEquals(List.of("advisories error", "bans error", "licenses error", "sources error"), missing.stream().sorted().toList(), r.out());
            for (JsonNode f : r.json().get("findings")) {
                assertFalse(f.get("code").asText().equals("policy-skipped") && !f.get("policy").asText().equals("workflows"), r.out());
            }
        }
    }

    @Test
    void aLockfileThatIsNotAFileIsAnInputError(@TempDir Path tmp) throws Exception {
        for (String kind : List.of("dev-null", "directory", "fifo")) {
            Path repo = Files.createTempDirectory(tmp, "repo");
            try (Git g = base(repo)) {
                Path lock = repo.resolve("Cargo.lock");
                Files.delete(lock);
                switch (kind) {
                    case "dev-null" -> Files.createSymbolicLink(lock, Path.of("/dev/null"));
                    case "directory" -> Files.createDirectory(lock);
                    default -> assertEquals(0, new ProcessBuilder("mkfifo", lock.toString()).start().waitFor());
                }
                Run r = Run.of("check", "--repo", repo.toString(), "--base", "HEAD", "--format", "json");
                assertEquals(2, r.code(), kind + ": " + r);
                assertTrue(r.err().startsWith("tollgate: Cargo.lock: is ") || r.err().startsWith("tollgate: Cargo.lock: resolves to /dev/null"), kind + ": " + r.err());
                // outside PR mode too
                Run plain = Run.of("check", "--repo", repo.toString());
                assertEquals(2, plain.code(), kind + ": " + plain);
            }
        }
    }

    @Test
    void aWorkspaceWithoutALockfileFailsOutsidePrMode(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), DENY);
        Files.delete(repo.resolve("Cargo.lock"));
        Run r = Run.of("check", "--repo", repo.toString(), "--format", "json", "--policies", "sources");
        assertEquals(1, r.code(), r.toString());
        assertHas(r, "policy-input-missing null error Cargo.toml:0");
        // a repository with no Cargo workspace at all still skips the Cargo policies with a note (with a title to
        // lint: with nothing at all to check, the check is an input error)
        Path java = Files.createDirectories(tmp.resolve("java"));
        Files.writeString(java.resolve("pom.xml"), "<project/>\n");
        Run skipped = Run.of("check", "--repo", java.toString(), "--pr-title", "feat: java", "--format", "json");
        assertEquals(0, skipped.code(), skipped.toString());
        assertTrue(skipped.out().contains("policy-skipped"), skipped.out());
    }

    @Test
    void commitAndWorkflowSettingsAreTheBases(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("tollgate.toml"), SETTINGS + "\n[commits]\nmerge-pattern = '.*'\n");
            commit(g, "whatever I like");
            Run r = check(repo);
            assertEquals(1, r.code(), r.toString());
            assertTrue(findings(r).stream().anyMatch(f -> f.startsWith("commit-not-conventional ")), r.toString());
            assertHas(r, "policy-changed commits.merge-pattern warning tollgate.toml:5");
        }
    }

    @Test
    void policyChangesFailWhenTheBaseSaysSo(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("tollgate.toml"), SETTINGS + "\n[pr]\npolicy-changes = \"deny\"\n");
            commit(g, "ci: policy changes need their own review");
            Files.writeString(repo.resolve("deny.toml"), DENY.replace("multiple-versions = \"warn\"", "multiple-versions = \"allow\""));
            // and a PR cannot lower that setting in the same change
            Files.writeString(repo.resolve("tollgate.toml"), SETTINGS + "\n[pr]\npolicy-changes = \"warn\"\n");
            commit(g, "chore: allow duplicates");
            Run r = check(repo);
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "policy-weakened bans.multiple-versions error deny.toml:5");
            assertHas(r, "policy-weakened pr.policy-changes error tollgate.toml:5");
        }
    }

    @Test
    void aTighteningIsANoteAndPassesAndPolicyFromHeadShowsTheSameChanges(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("deny.toml"), DENY.replace("multiple-versions = \"warn\"", "multiple-versions = \"deny\"")
                    .replace("deny = [{ crate = \"evil\", reason = \"exfiltrates\" }]", "deny = [{ crate = \"evil\", reason = \"exfiltrates\" }, \"worse\"]"));
            commit(g, "chore: stricter");
            Run r = check(repo);
            assertEquals(0, r.code(), r.toString());
            assertEquals(List.of("policy-tightened bans.deny note deny.toml:6", "policy-tightened bans.multiple-versions note deny.toml:5"),
                    findings(r));
            Run head = check(repo, "--policy-from", "head");
            assertEquals(0, head.code(), head.toString());
            assertEquals(findings(r), findings(head));
        }
    }

    @Test
    void refsResolveAsGitResolvesThem(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            for (String ref : List.of("HEAD@{upstream}", "@{u}", "main@{push}", "HEAD@{yesterday}", "nosuchbranch", "-rf", "HEAD:Cargo.toml")) {
                Run r = Run.of("check", "--repo", repo.toString(), "--base", ref, "--policies", "sources");
                assertEquals(2, r.code(), ref + ": " + r);
                assertEquals(1, r.err().lines().count(), ref + ": one line\n" + r.err());
                assertTrue(r.err().contains("--base `" + ref + "`"), ref + ": " + r.err());
            }
            Run same = Run.of("check", "--repo", repo.toString(), "--base", "HEAD", "--format", "json", "--policies", "sources");
            assertEquals(0, same.code(), same.toString());
            assertTrue(findings(same).stream().anyMatch(f -> f.startsWith("base-is-head HEAD warning")), same.toString());
            Run at = Run.of("check", "--repo", repo.toString(), "--base", "main@{0}", "--format", "json", "--policies", "sources");
            assertEquals(0, at.code(), at.toString());
        }
    }

    @Test
    void replacingDenyTomlWithAMinimalOneShowsEveryLoosening(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            addDependency(repo, "evil", "1.0.0", "[graph]\nall-features = false\n");
            commit(g, "chore: simpler deny.toml");
            Run r = check(repo);
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "banned evil@1.0.0 error Cargo.lock:16");
            assertHas(r, "policy-weakened bans.deny warning deny.toml:0");
            assertTrue(findings(r).stream().anyMatch(f -> f.startsWith("policy-weakened sources.unknown-git ")), r.toString());
            assertTrue(findings(r).stream().anyMatch(f -> f.startsWith("policy-changed graph.all-features ")), r.toString());
        }
    }

    @Test
    void turningAWorkflowsCodeOffDoesNotHideIt(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.createDirectories(repo.resolve(".github/workflows"));
            Files.writeString(repo.resolve(".github/workflows/ci.yml"), """
                    name: ci
                    on: pull_request
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                    """);
            Files.writeString(repo.resolve("tollgate.toml"), SETTINGS + "\n[workflows.levels]\nunpinned-action = \"off\"\n");
            commit(g, "ci: a workflow");
            Run r = check(repo, "--policies", "workflows");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "unpinned-action actions/checkout@v4 error .github/workflows/ci.yml:7");
            assertHas(r, "policy-weakened workflows.levels.unpinned-action warning tollgate.toml:5");
        }
    }

    /** Attack: the change moves every loaded workflow into a sub-folder: a note and a pass, where deleting the folder fails. */
    @Test
    void movingEveryWorkflowIntoASubFolderFailsLikeRemovingThem(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.createDirectories(repo.resolve(".github/workflows"));
            Files.writeString(repo.resolve(".github/workflows/ci.yml"), """
                    name: ci
                    on: pull_request
                    jobs:
                      build:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
                    """);
            commit(g, "ci: a workflow");
            Files.createDirectories(repo.resolve(".github/workflows/old"));
            Files.move(repo.resolve(".github/workflows/ci.yml"), repo.resolve(".github/workflows/old/ci.yml"));
            commit(g, "ci: park the workflow");
            Run r = check(repo, "--policies", "workflows");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "policy-input-missing null error .github/workflows:0");
        }
    }

    @Test
    void textMarkdownAndSarifNameEachPolicyChangeAtItsLine(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            Files.writeString(repo.resolve("deny.toml"), DENY.replace("multiple-versions = \"warn\"", "multiple-versions = \"allow\""));
            commit(g, "chore: allow duplicates");
            Path sarif = tmp.resolve("out.sarif");
            Path md = tmp.resolve("out.md");
            Run r = run(repo, "--format", "text", "--output", "sarif=" + sarif, "--output", "markdown=" + md);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("warning deny.toml:5:1 policy-weakened bans.multiple-versions\n"), r.out());
            assertTrue(r.out().contains("deny.toml bans.multiple-versions: `\"warn\"` becomes `\"allow\"`: this loosens the gate"), r.out());
            assertTrue(Files.readString(md).contains("| warning | `policy-weakened` | `deny.toml:5:1` | `bans.multiple-versions` | new |"),
                    Files.readString(md));
            JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.toFile()).get("runs").get(0).get("results").get(0);
            assertEquals("policy-weakened", result.get("ruleId").asText());
            JsonNode loc = result.get("locations").get(0).get("physicalLocation");
            assertEquals("deny.toml", loc.get("artifactLocation").get("uri").asText());
            assertEquals(5, loc.get("region").get("startLine").asInt());
        }
    }

    /** A FIFO committed as a rules file cannot hang the gate: nothing reads the change's rules directory but the comparison. */
    @Test
    void aFifoInTheRulesDirectoryOfTheChangeEndsWithExitTwo(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = base(repo)) {
            addDependency(repo, "beta", "1.4.0", DENY);
            commit(g, "feat: beta");
            assertEquals(0, new ProcessBuilder("mkfifo", repo.resolve("policy/stall.drl").toString()).start().waitFor());
            Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> check(repo, "--no-head-run"));
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().contains("policy/stall.drl"), r.err());
        }
    }
}
