package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bypasses of PR mode found by attacking it from inside a pull request (the reproducers are shell
 * scripts, /tmp/attacks/NN-*.sh in the attack session). Each test builds a base commit and one PR
 * commit on top, runs {@code check --base HEAD~1}, and asserts what SHOULD happen: each one fails
 * until the bypass it names is fixed.
 */
class PrModeAttackTest {
    private static final String PR_DENY = "[pr]\npolicy-changes = \"deny\"\n";
    private static final String ERASE = """
            package tollgate.custom;
            import dev.tollgate.api.findings.*;
            rule "erase" salience -1000
            when $f : Finding() then delete($f); end
            """;

    private static Git init(Path repo) throws Exception {
        return Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call();
    }

    private static void commit(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.add().addFilepattern(".").setUpdate(true).call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    private static void workspace(Path repo, String deny, String... deps) throws Exception {
        List<String[]> direct = new ArrayList<>();
        for (String d : deps) direct.add(d.split("@"));
        AdvisoriesCheckTest.workspace(repo, direct, List.of(), deny);
    }

    private static Run check(Path repo, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString(), "--base", "HEAD~1", "--offline"));
        if (!List.of(more).contains("--format")) args.addAll(List.of("--format", "json"));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private static List<String> findings(Run r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("code").asText() + " " + f.get("subject").asText() + " " + f.get("severity").asText());
        }
        return out.stream().sorted().toList();
    }

    private static void assertHas(Run r, String finding) {
        assertTrue(findings(r).contains(finding), "expected `" + finding + "` in\n" + String.join("\n", findings(r)) + "\n" + r);
    }

    // --- PolicyDiff: changes it does not see, or ranks as stricter ------------------------------------

    /**
     * 01-render-truncation.sh. PolicyDiff.equalValues compares two tables (or arrays) by
     * {@code render()}, which cuts a value longer than 160 characters in the middle: a change in the
     * middle of any ordinary [bans] section is not seen at all.
     */
    @Test
    void aChangeInTheMiddleOfALongSectionIsShown(@TempDir Path tmp) throws Exception {
        String deny = """
                [bans]
                multiple-versions = "warn"
                deny = [
                  { crate = "openssl", reason = "we use rustls" },
                  { crate = "evil", reason = "exfiltrates" },
                  { crate = "git2", reason = "use gix" },
                  { crate = "chrono", reason = "use time" },
                ]
                """;
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, deny, "alpha@1.2.3");
            Files.writeString(repo.resolve("tollgate.toml"), PR_DENY);
            commit(g, "feat: base");
            Files.writeString(repo.resolve("deny.toml"), deny.replace("  { crate = \"evil\", reason = \"exfiltrates\" },\n", ""));
            commit(g, "chore: tidy deny.toml");
            Run r = check(repo, "--policies", "bans");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "policy-weakened bans.deny error");
        }
    }

    /**
     * 07-render-collision.sh. render() writes keys raw, so a head table with one quoted key
     * {@code deny = ["evil"], multiple-versions} renders exactly like the base's two keys, and
     * equalValues calls the tables equal.
     */
    @Test
    void aQuotedKeyThatRendersLikeTheBasesKeysIsNotTheSameTable(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[bans]\ndeny = [\"evil\"]\nmultiple-versions = \"deny\"\n", "alpha@1.2.3");
            Files.writeString(repo.resolve("tollgate.toml"), PR_DENY);
            commit(g, "feat: base");
            Files.writeString(repo.resolve("deny.toml"), "[bans]\n\"deny = [\\\"evil\\\"], multiple-versions\" = \"deny\"\n");
            commit(g, "chore: tidy");
            Run r = check(repo, "--policies", "bans");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "policy-weakened bans.deny error");
            assertHas(r, "policy-weakened bans.multiple-versions error");
        }
    }

    /**
     * 10-allowlist-emptied.sh. [bans] allow is an allowlist only while it has entries: emptying it (or
     * deleting it) lets every crate in, yet PolicyDiff ranks "an entry removed from an allowing array"
     * as policy-tightened, a note that passes even under [pr] policy-changes = "deny".
     */
    @Test
    void emptyingTheBansAllowlistWeakensTheGate(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[bans]\nallow = [{ crate = \"alpha\", reason = \"vetted\" }]\n", "alpha@1.2.3");
            Files.writeString(repo.resolve("tollgate.toml"), PR_DENY);
            commit(g, "feat: base");
            Files.writeString(repo.resolve("deny.toml"), "[bans]\nallow = []\n");
            commit(g, "chore: tidy");
            Run r = check(repo, "--policies", "bans");
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "policy-weakened bans.allow error");
            assertFalse(findings(r).contains("policy-tightened bans.allow note"), r.toString());
        }
    }

    /**
     * 12-ignore-added-unseen.sh. PolicyDiff leaves added [advisories] ignore entries to the advisories
     * policy's ignore-added; when that policy does not run (not in --policies, or skipped for want of a
     * database), nobody reports the added ignore.
     */
    @Test
    void anAddedIgnoreIsShownWhenTheAdvisoriesPolicyDoesNotRun(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[advisories]\nignore = []\n\n[bans]\n", "alpha@1.2.3");
            Files.writeString(repo.resolve("tollgate.toml"), PR_DENY);
            commit(g, "feat: base");
            Files.writeString(repo.resolve("deny.toml"),
                    "[advisories]\nignore = [{ id = \"RUSTSEC-2023-0071\", reason = \"trust me\" }]\n\n[bans]\n");
            commit(g, "chore: triage");
            Run r = check(repo, "--policies", "bans,sources");
            assertEquals(1, r.code(), r.toString());
            assertTrue(findings(r).stream().anyMatch(f -> f.contains("advisories.ignore") || f.startsWith("ignore-added ")), r.toString());
        }
    }

    // --- policy inputs read from the working tree ----------------------------------------------------

    /**
     * 04-monorepo-outside-repo.sh. --repo names the Rust workspace inside a larger git repository. The
     * rules, deny.toml and advisory database that live in the git work tree but outside --repo are
     * taken as the CI owner's and read from the working tree, which the pull request controls.
     */
    @Test
    void policyInputsInTheGitWorkTreeOutsideRepoAreTheBases(@TempDir Path tmp) throws Exception {
        Path top = tmp.resolve("mono");
        Path repo = top.resolve("rust");
        String deny = "[bans]\ndeny = [{ crate = \"evil\", reason = \"x\" }]\n";
        try (Git g = init(top)) {
            workspace(repo, deny, "alpha@1.2.3");
            Files.writeString(repo.resolve("tollgate.toml"), "[advisories]\ndb = \"../advisory-db\"\n");
            Files.writeString(top.resolve("deny.toml"), deny);
            Files.createDirectories(top.resolve("policy"));
            Files.writeString(top.resolve("policy/README.md"), "Our rules.\n");
            AdvisoriesCheckTest.advisory(top.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 2.0.0\"");
            commit(g, "feat: base");
            workspace(repo, deny, "alpha@1.2.3", "evil@1.0.0", "beta@1.4.0");
            Files.writeString(top.resolve("deny.toml"), "[bans]\n");
            Files.writeString(top.resolve("policy/erase.drl"), ERASE);
            AdvisoriesCheckTest.advisory(top.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 1.0.0\"");
            commit(g, "feat: evil and beta");

            Run rules = check(repo, "--policies", "bans", "--rules", top.resolve("policy").toString());
            assertEquals(1, rules.code(), "the change's erase.drl ran\n" + rules);
            Run config = check(repo, "--policies", "bans", "--config", top.resolve("deny.toml").toString());
            assertEquals(1, config.code(), "the change's ../deny.toml applied\n" + config);
            Run db = check(repo, "--policies", "advisories");
            assertEquals(1, db.code(), "the change's ../advisory-db applied\n" + db);
        }
    }

    /**
     * 06-repo-via-symlink.sh. BasePolicy.inside (and CheckCommand.anyInside) compare paths lexically:
     * --repo given through a symbolic link and --rules by its real path (or the other way round) are
     * "outside the repository", so the pull request's rules run.
     */
    @Test
    void rulesInsideTheRepositoryNamedThroughASymlinkAreTheBases(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path link = Files.createSymbolicLink(tmp.resolve("ws"), repo.getFileName());
        String deny = "[bans]\ndeny = [{ crate = \"evil\", reason = \"x\" }]\n";
        try (Git g = init(repo)) {
            workspace(repo, deny, "alpha@1.2.3");
            Files.createDirectories(repo.resolve("policy"));
            Files.writeString(repo.resolve("policy/README.md"), "Our rules.\n");
            commit(g, "feat: base");
            workspace(repo, deny, "alpha@1.2.3", "evil@1.0.0");
            Files.writeString(repo.resolve("policy/erase.drl"), ERASE);
            commit(g, "feat: evil");
            Run viaLink = Run.of("check", "--repo", link.toString(), "--base", "HEAD~1", "--offline", "--format", "json",
                    "--policies", "bans", "--rules", repo.resolve("policy").toString());
            assertEquals(1, viaLink.code(), viaLink.toString());
            Run rulesViaLink = Run.of("check", "--repo", repo.toString(), "--base", "HEAD~1", "--offline", "--format", "json",
                    "--policies", "bans", "--rules", link.resolve("policy").toString());
            assertEquals(1, rulesViaLink.code(), rulesViaLink.toString());
        }
    }

    /**
     * 14-advisory-db-option-inside.sh. --advisory-db DIR inside the repository (the action's own
     * {@code args} example is {@code --offline --advisory-db path}) is read from the working tree,
     * unlike --rules and --config inside the repository and tollgate.toml's [advisories] db.
     */
    @Test
    void anAdvisoryDbOptionInsideTheRepositoryIsTheBases(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[bans]\n", "alpha@1.2.3");
            AdvisoriesCheckTest.advisory(repo.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 2.0.0\"");
            commit(g, "feat: base");
            workspace(repo, "[bans]\n", "alpha@1.2.3", "beta@1.4.0");
            AdvisoriesCheckTest.advisory(repo.resolve("advisory-db"), "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 1.0.0\"");
            commit(g, "feat: beta");
            Run r = check(repo, "--policies", "advisories", "--advisory-db", repo.resolve("advisory-db").toString());
            assertEquals(1, r.code(), r.toString());
            assertHas(r, "vulnerability beta@1.4.0 error");
        }
    }

    // --- code from the pull request runs ------------------------------------------------------------

    /** These tests need real cargo: under CI=true its absence fails them; elsewhere they are aborted. */
    private static void requireCargo() {
        if (cargoOnPath()) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) org.junit.jupiter.api.Assertions.fail("cargo is not on PATH; CI must have it");
        assumeTrue(false, "needs cargo on PATH");
    }

    private static boolean cargoOnPath() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(dir, "cargo"))) return true;
        return false;
    }

    /**
     * 02-cargo-config-exec.sh. The licenses policy runs {@code cargo metadata} in the working tree, and
     * cargo obeys the change's own .cargo/config.toml: {@code build.rustc-wrapper} runs a program the
     * pull request commits (PR mode claims .cargo/config.toml is the base's).
     */
    @Test
    void cargoMetadataNeverRunsAProgramFromTheChangesCargoConfig(@TempDir Path tmp) throws Exception {
        requireCargo();
        Path repo = tmp.resolve("repo");
        Path marker = tmp.resolve("pwned");
        try (Git g = init(repo)) {
            workspace(repo, "[licenses]\nallow = [\"MIT\"]\n");
            Files.writeString(repo.resolve("src/main.rs"), "fn main() {}\n");
            commit(g, "feat: base");
            Files.createDirectories(repo.resolve(".cargo"));
            Files.createDirectories(repo.resolve("tools"));
            Files.writeString(repo.resolve(".cargo/config.toml"), "[build]\nrustc-wrapper = \"tools/w.sh\"\n");
            Path w = repo.resolve("tools/w.sh");
            Files.writeString(w, "#!/bin/sh\necho ran >> '" + marker + "'\nshift\nexec rustc \"$@\"\n");
            Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
            commit(g, "build: a faster rustc");
            Run r = check(repo, "--policies", "licenses");
            assertFalse(Files.exists(marker), "the change's rustc-wrapper ran during the check\n" + r);
            assertFalse(r.out().contains("licenses-unavailable"), "cargo metadata ran, from the base's policy copy\n" + r);
        }
    }

    /**
     * 03-rust-toolchain-exec.sh. {@code cargo} on PATH is rustup's proxy, which obeys the working tree's
     * rust-toolchain.toml: {@code [toolchain] path} makes it run a "cargo" the pull request commits,
     * which then writes the licenses policy's input (here: GPL-3.0 becomes MIT, and the gate passes).
     */
    @Test
    void cargoMetadataNeverRunsTheChangesOwnToolchain(@TempDir Path tmp) throws Exception {
        requireCargo();
        Path repo = tmp.resolve("repo");
        Path marker = tmp.resolve("pwned");
        try (Git g = init(repo)) {
            workspace(repo, "[licenses]\nallow = [\"MIT\"]\n");
            Files.writeString(repo.resolve("Cargo.toml"), Files.readString(repo.resolve("Cargo.toml"))
                    .replace("edition = \"2021\"\n", "edition = \"2021\"\nlicense = \"GPL-3.0\"\n"));
            Files.writeString(repo.resolve("src/main.rs"), "fn main() {}\n");
            commit(g, "feat: base");
            Files.createDirectories(repo.resolve("tc/bin"));
            Files.writeString(repo.resolve("rust-toolchain.toml"), "[toolchain]\npath = \"" + repo.resolve("tc") + "\"\n");
            for (String exe : List.of("cargo", "rustc")) {
                Path p = repo.resolve("tc/bin/" + exe);
                Files.writeString(p, "#!/bin/sh\necho ran >> '" + marker + "'\n"
                        + "RUSTUP_TOOLCHAIN=stable " + exe + " \"$@\" | sed 's/\"GPL-3.0\"/\"MIT\"/g'\n");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            commit(g, "build: pin our toolchain");
            Run r = check(repo, "--policies", "licenses");
            assertFalse(Files.exists(marker), "the change's cargo ran during the check\n" + r);
            assertNotEquals(0, r.code(), "GPL-3.0 is not allowed by the base\n" + r);
            // and cargo really ran (the base's toolchain): the verdict is about the license, not an unavailable policy
            assertTrue(r.out().contains("GPL-3.0") && !r.out().contains("licenses-unavailable"), r.toString());
        }
    }

    // --- refs and output ------------------------------------------------------------------------------

    /**
     * 13-tag-named-like-base.sh. The action passes --base origin/BRANCH; a tag named origin/main (which
     * any collaborator who may push tags can create; checkout with fetch-depth 0 fetches every tag)
     * outranks refs/remotes/origin/main. The tag names the PR's own commit, so its policy applies and
     * nothing is new. An ambiguous ref should be an input error.
     */
    @Test
    void aTagNamedLikeTheBaseBranchDoesNotBecomeTheBase(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[bans]\ndeny = [{ crate = \"evil\", reason = \"x\" }]\n", "alpha@1.2.3");
            commit(g, "feat: base");
            org.eclipse.jgit.lib.RefUpdate u = g.getRepository().getRefDatabase().newUpdate("refs/remotes/origin/main", false);
            u.setNewObjectId(g.getRepository().resolve("HEAD"));
            u.update();
            workspace(repo, "[bans]\n", "alpha@1.2.3", "evil@1.0.0");
            commit(g, "feat: evil");
            g.tag().setName("origin/main").setAnnotated(false).call();
            Run r = Run.of("check", "--repo", repo.toString(), "--base", "origin/main", "--offline", "--format", "json",
                    "--policies", "bans");
            assertNotEquals(0, r.code(), r.toString());
        }
    }

    /**
     * 08-output-injection.sh. PolicyChange keys and values come from the head's deny.toml raw: in the
     * text report a quoted key with a newline puts {@code ::error ...} / {@code ::stop-commands::} at
     * the start of a log line (a workflow command in GitHub Actions), and ESC sequences reach the
     * terminal and, in the github format, the annotations.
     */
    @Test
    void policyChangeKeysCannotForgeWorkflowCommandsOrSteerTheTerminal(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        try (Git g = init(repo)) {
            workspace(repo, "[bans]\nmultiple-versions = \"warn\"\n", "alpha@1.2.3");
            commit(g, "feat: base");
            Files.writeString(repo.resolve("deny.toml"), "[bans]\nmultiple-versions = \"warn\"\n"
                    + "\"a\\n::error file=x::forged\\n\\u001b[2J\" = \"v\\n::stop-commands::tok\"\n");
            commit(g, "chore");
            for (String format : List.of("text", "github")) {
                Run r = check(repo, "--policies", "bans", "--format", format);
                assertEquals(0, r.code(), r.toString());
                assertFalse(r.out().contains("\u001b"), format + ": a raw ESC reaches the log\n" + r);
                for (String line : r.out().split("\n")) {
                    assertFalse(line.startsWith("::error file=x") || line.startsWith("::stop-commands"),
                            format + ": a forged workflow command: " + line);
                }
            }
        }
    }
}
