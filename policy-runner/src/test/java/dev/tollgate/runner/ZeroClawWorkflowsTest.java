package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflows policy on ZeroClaw's real .github, before the CI RFC (pre-rationalise) and after its
 * Phase 1 (head). Every expected line was read off the workflow files, not off Tollgate's output.
 */
class ZeroClawWorkflowsTest {
    static final String W = ".github/workflows/";

    static JsonNode check(String state) {
        Run r = Run.of("check", "--repo", Corpus.file("zeroclaw/" + state).toString(), "--policies", "workflows", "--format", "json");
        assertEquals(1, r.code(), r.err());
        return r.json().get("findings");
    }

    static List<String> codes(JsonNode findings, String... codes) {
        List<String> want = List.of(codes);
        List<String> out = new ArrayList<>();
        for (JsonNode f : findings) {
            if (want.contains(f.get("code").asText())) {
                out.add(f.get("code").asText() + " " + f.get("file").asText() + (f.get("line").isNull() ? "" : ":" + f.get("line").asInt()));
            }
        }
        return out.stream().sorted().toList();
    }

    static List<String> sorted(String... s) {
        return List.of(s).stream().sorted().toList();
    }

    @Test
    void preRationaliseShowsWhatTheRfcDescribes() {
        JsonNode f = check("pre-rationalise");
        // Two PR workflows doing the same work, each with its own gate; clippy without --workspace in
        // checks-on-pr.yml:38 (ci-run.yml:43 has it); checks-on-pr's gate (needs at 154) leaves out its
        // second gate job `security-gate`; test (40) and build (68) start without waiting for lint, and
        // ci-run's bench-compile (45) too; `cargo audit` gates at 126; the strict-delta lint job installs
        // clippy and runs a script (80); no schedule anywhere; two workflows create GitHub releases
        // (release-beta-on-push.yml:430 and release-stable-manual.yml:458) and their build jobs (198, 185)
        // have no attestation.
        assertEquals(sorted(
                "duplicate-pr-pipeline " + W + "ci-run.yml:4",
                "clippy-not-workspace " + W + "checks-on-pr.yml:38",
                "gate-incomplete-needs " + W + "checks-on-pr.yml:154",
                "stage-not-gated " + W + "checks-on-pr.yml:40",
                "stage-not-gated " + W + "checks-on-pr.yml:68",
                "stage-not-gated " + W + "ci-run.yml:45",
                "cargo-audit-gate " + W + "checks-on-pr.yml:126",
                "clippy-not-verified " + W + "ci-run.yml:80",
                "no-daily-advisory-scan .github/workflows",
                "redundant-release-workflows " + W + "release-stable-manual.yml:1",
                "release-build-without-provenance " + W + "release-beta-on-push.yml:198",
                "release-build-without-provenance " + W + "release-stable-manual.yml:185"),
                codes(f, "duplicate-pr-pipeline", "clippy-not-workspace", "clippy-not-all-targets", "clippy-warnings-not-denied",
                        "gate-missing", "gate-incomplete-needs", "gate-not-always", "stage-not-gated", "cargo-audit-gate",
                        "clippy-not-verified", "no-cargo-deny", "no-daily-advisory-scan", "no-dependabot-actions",
                        "redundant-release-workflows", "release-build-without-provenance", "invalid-reusable-workflow-location",
                        "invalid-workflow"));
        // The 22 tag-pinned refs (`@v4`, `@v8`) in the release, publishing and manual workflows.
        assertEquals(sorted(
                "unpinned-action " + W + "cross-platform-build-manual.yml:19", "unpinned-action " + W + "cross-platform-build-manual.yml:20",
                "unpinned-action " + W + "cross-platform-build-manual.yml:27", "unpinned-action " + W + "cross-platform-build-manual.yml:65",
                "unpinned-action " + W + "pre-release-validate.yml:27", "unpinned-action " + W + "pub-aur.yml:45",
                "unpinned-action " + W + "pub-homebrew-core.yml:51", "unpinned-action " + W + "pub-scoop.yml:46",
                "unpinned-action " + W + "release-beta-on-push.yml:184", "unpinned-action " + W + "release-beta-on-push.yml:185",
                "unpinned-action " + W + "release-beta-on-push.yml:192", "unpinned-action " + W + "release-beta-on-push.yml:251",
                "unpinned-action " + W + "release-beta-on-push.yml:323", "unpinned-action " + W + "release-stable-manual.yml:84",
                "unpinned-action " + W + "release-stable-manual.yml:85", "unpinned-action " + W + "release-stable-manual.yml:92",
                "unpinned-action " + W + "release-stable-manual.yml:251", "unpinned-action " + W + "release-stable-manual.yml:335",
                "unpinned-action " + W + "sync-marketplace-templates.yml:35", "unpinned-action " + W + "sync-marketplace-templates.yml:145",
                "unpinned-action " + W + "sync-marketplace-templates.yml:298", "unpinned-action " + W + "tweet-release.yml:187"),
                codes(f, "unpinned-action", "pin-without-version-comment", "docker-image-unpinned"));
        for (JsonNode n : f) {
            if (n.get("code").asText().equals("unpinned-action") && n.get("line").asInt() == 19) {
                assertEquals("actions/checkout", n.get("data").get("action").asText());
                assertEquals("v4", n.get("data").get("ref").asText());
            }
            if (n.get("code").asText().equals("duplicate-pr-pipeline")) {
                String m = n.get("message").asText();
                assertTrue(m.contains("checks-on-pr.yml") && m.contains("ci-run.yml") && m.contains("cargo clippy")
                        && m.contains("cargo nextest"), m);
            }
        }
        // dtolnay/rust-toolchain@631a55b… is commented `# stable`: first in each of five files.
        assertEquals(sorted(
                "non-semver-version-comment " + W + "checks-on-pr.yml:25", "non-semver-version-comment " + W + "ci-run.yml:27",
                "non-semver-version-comment " + W + "cross-platform-build-manual.yml:58",
                "non-semver-version-comment " + W + "release-beta-on-push.yml:242",
                "non-semver-version-comment " + W + "release-stable-manual.yml:242"), warnings(f, "non-semver-version-comment"));
    }

    static List<String> warnings(JsonNode findings, String code) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : findings) {
            if (n.get("code").asText().equals(code) && n.get("severity").asText().equals("warning")) {
                out.add(code + " " + n.get("file").asText() + ":" + n.get("line").asInt());
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void headStillBreaksThePolicies() {
        JsonNode f = check("head");
        // Every remote ref is SHA-pinned with a comment now, but the comments lie: `# stable` names
        // 631a55b… in eight files and 67ef31d… in release-stable-manual.yml (88), and
        // docker/build-push-action `# v6.18.0` is 263435… in docker-image-pr.yml:152 but 1dc738… in
        // docker-publish.yml:90.
        assertEquals(sorted(
                "inconsistent-pin " + W + "ci.yml:207", "inconsistent-pin " + W + "cross-platform-build-manual.yml:44",
                "inconsistent-pin " + W + "cross-platform-clippy.yml:36", "inconsistent-pin " + W + "daily-audit.yml:27",
                "inconsistent-pin " + W + "desktop-check.yml:56", "inconsistent-pin " + W + "docs-deploy.yml:187",
                "inconsistent-pin " + W + "monthly-outdated.yml:34", "inconsistent-pin " + W + "release-stable-manual.yml:88",
                "inconsistent-pin " + W + "docker-image-pr.yml:152", "inconsistent-pin " + W + "docker-publish.yml:90"),
                codes(f, "inconsistent-pin", "inconsistent-pin-comment", "unpinned-action", "pin-without-version-comment"));
        // Several PR workflows remain beside ci.yml (its gate at 958 needs every job); clippy runs in
        // scripts/ci/run_clippy.sh (ci.yml:143, cross-platform-clippy.yml:52; ci.yml:139 runs its test);
        // desktop-check.yml:73 lints one package; ci.yml:731 still runs `cargo audit`; daily-audit.yml
        // runs `cargo deny check advisories` at 09:00 every day, so no-daily-advisory-scan is gone.
        assertEquals(sorted(
                "duplicate-pr-pipeline " + W + "ci.yml:4",
                "duplicate-pr-pipeline " + W + "desktop-check.yml:16",
                "duplicate-pr-pipeline " + W + "platform-tests.yml:4",
                "duplicate-pr-pipeline " + W + "platform-tests.yml:4",
                "gate-missing " + W + "ci-code-analysis.yml:34",
                "gate-missing " + W + "platform-tests.yml:23",
                "clippy-not-verified " + W + "ci.yml:139",
                "clippy-not-verified " + W + "ci.yml:143",
                "clippy-not-verified " + W + "cross-platform-clippy.yml:52",
                "clippy-not-workspace " + W + "desktop-check.yml:73",
                "cargo-audit-gate " + W + "ci.yml:731"),
                codes(f, "duplicate-pr-pipeline", "gate-missing", "gate-incomplete-needs", "gate-not-always", "clippy-not-verified",
                        "clippy-not-workspace", "clippy-not-all-targets", "clippy-warnings-not-denied", "cargo-audit-gate",
                        "no-cargo-deny", "no-daily-advisory-scan", "no-dependabot-actions", "release-build-without-provenance",
                        "redundant-release-workflows", "invalid-reusable-workflow-location", "invalid-workflow"));
    }

    static final String[] GATE_INTEGRITY = {"gate-job-continue-on-error", "gate-step-continue-on-error", "gate-step-masks-exit",
            "gate-if-never-after-failure", "gate-action-never-fails"};

    /**
     * Neither state neutralises its gate: head's ci.yml runs cargo under `set +e` twice (275, 509) but
     * reads `${PIPESTATUS[0]}` right after; every `|| true` follows grep, sort or find; the
     * continue-on-error jobs and steps are in workflows that are not pull-request pipelines with a gate
     * (release-stable-manual.yml, daily-audit.yml, platform-tests.yml, which has no gate at all, and
     * ci-code-analysis.yml, idem).
     */
    @Test
    void neitherStateNeutralisesItsGate() {
        for (String state : List.of("pre-rationalise", "head")) {
            assertEquals(List.of(), codes(check(state), GATE_INTEGRITY), state);
        }
    }

    @TempDir
    Path copy;

    /** head's real ci.yml, edited line for line (no line moves) the way a pull request could. */
    @Test
    void headsGateNeutralisedByAPullRequestIsCaughtAtEachLine() throws IOException {
        Path from = Corpus.file("zeroclaw/head/.github");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve(".github").resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path ci = copy.resolve(".github/workflows/ci.yml");
        List<String> lines = new ArrayList<>(Files.readAllLines(ci));
        edit(lines, 568, "      - name: Run tests", "      - continue-on-error: true");
        edit(lines, 569, "        run: cargo nextest run --locked --workspace --exclude zeroclaw-desktop",
                "        run: cargo nextest run --locked --workspace --exclude zeroclaw-desktop || true");
        edit(lines, 685, "    name: Security", "    continue-on-error: true");
        edit(lines, 706, "        run: cargo deny check", "        run: cargo deny check; true");
        edit(lines, 960, "    if: always()", "    if: ${{ always() && false }}");
        Files.write(ci, lines);
        Run r = Run.of("check", "--repo", copy.toString(), "--policies", "workflows", "--format", "json");
        assertEquals(1, r.code(), r.err());
        assertEquals(sorted(
                "gate-step-continue-on-error " + W + "ci.yml:568",
                "gate-step-masks-exit " + W + "ci.yml:569",
                "gate-job-continue-on-error " + W + "ci.yml:685",
                "gate-step-masks-exit " + W + "ci.yml:706",
                "gate-if-never-after-failure " + W + "ci.yml:960"), codes(r.json().get("findings"), GATE_INTEGRITY));
        assertFalse(r.out().contains("\"invalid-workflow\""), r.out());
    }

    static void edit(List<String> lines, int line, String from, String to) {
        assertEquals(from, lines.get(line - 1), "ci.yml:" + line);
        lines.set(line - 1, to);
    }
}
