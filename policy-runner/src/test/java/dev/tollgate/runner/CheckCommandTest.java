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

/** End to end through the CLI, in process: the demo workspace, and every kind of bad input. */
class CheckCommandTest {
    static final Path DEMO = Corpus.fixture("demo");
    /** The demo's hand-written `cargo metadata --all-features` (cargo cannot resolve the demo offline). */
    static final String DEMO_META = DEMO.resolve("cargo-metadata.json").toString();

    @Test
    void demoShowsItsSourcesFindingsAsJson() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--format", "json");
        assertEquals(1, r.code(), r.toString());
        JsonNode j = r.json();
        assertEquals("tollgate", j.get("tool").asText());
        assertEquals("fail", j.get("verdict").asText());
        List<String> seen = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            seen.add(f.get("code").asText() + " " + f.get("subject").asText() + " " + f.get("file").asText() + ":" + f.get("line").asInt());
            for (String key : List.of("policy", "code", "severity", "message", "file", "line", "column", "subject", "new", "data")) {
                assertTrue(f.has(key), "finding has key " + key + ": " + f);
            }
        }
        // Lines read off test-fixtures/demo/Cargo.lock ([[package]] lines), deny.toml and .github/workflows/ci.yml.
        // tiny-yaml (Cargo.lock:160) is affected by the demo db's RUSTSEC-2099-0001; its RUSTSEC-2099-0002 is ignored.
        assertEquals(List.of(
                "advisory-ignored tiny-yaml@0.8.1 Cargo.lock:160",
                "copyleft-needs-decision GPL-3.0-or-later deny.toml:12",
                "duplicate thiserror Cargo.lock:114",
                "duplicate thiserror-impl Cargo.lock:132",
                "gate-incomplete-needs .github/workflows/ci.yml#deny .github/workflows/ci.yml:31",
                "pin-without-version-comment dtolnay/rust-toolchain@4305c38b25d97ef35a8ad1f985ccf2d2242004f2 .github/workflows/ci.yml:13",
                "unknown-config-key sources.allow-gits deny.toml:27",
                "unknown-git fancy-widgets-macros@0.4.2 Cargo.lock:45",
                "unknown-git fancy-widgets@0.4.2 Cargo.lock:37",
                "unknown-registry internal-metrics@1.2.0 Cargo.lock:55",
                "unpinned-action actions/checkout@v4 .github/workflows/ci.yml:12",
                "unused-allowed-source https://github.com/acme/approved-tool deny.toml:26",
                "vulnerability tiny-yaml@0.8.1 Cargo.lock:160"), seen.stream().sorted().toList());
        JsonNode vuln = find(j, "vulnerability", "tiny-yaml@0.8.1");
        assertEquals("update", vuln.get("data").get("response").asText());
        assertTrue(vuln.get("data").get("fixCompatible").asBoolean());
        assertTrue(vuln.get("data").get("direct").asBoolean());
        assertEquals("RUSTSEC-2099-0001", vuln.get("data").get("advisory").asText());
        JsonNode git = find(j, "unknown-git", "fancy-widgets@0.4.2");
        assertEquals("error", git.get("severity").asText());
        assertTrue(git.get("message").asText().contains("reached only through the optional feature `widgets` of demo-plugins"),
                git.get("message").asText());
        assertFalse(git.get("data").get("viaDefaults").asBoolean());
        assertTrue(git.get("new").isNull());
        // thiserror 1.0.69 is locked for internal-metrics, 2.0.12 for demo-core ([bans] multiple-versions = "warn").
        JsonNode dup = find(j, "duplicate", "thiserror");
        assertEquals("warning", dup.get("severity").asText());
        assertEquals("bans", dup.get("policy").asText());
        assertEquals("[\"1.0.69\",\"2.0.12\"]", dup.get("data").get("versions").toString());
        assertTrue(dup.get("message").asText().contains(
                "1.0.69 (demo-plugins@0.3.1 -> internal-metrics@1.2.0 -> thiserror@1.0.69); 2.0.12 (demo-core@0.3.1 -> thiserror@2.0.12)"),
                dup.get("message").asText());
    }

    @Test
    void textReportGroupsByPolicyAndEndsWithTheVerdict() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().startsWith("advisories\n"), r.out());
        assertTrue(r.out().contains("\nbans\n"), r.out());
        assertTrue(r.out().contains("\nlicenses\n"), r.out());
        assertTrue(r.out().contains("\nsources\n"), r.out());
        assertTrue(r.out().contains("\nworkflows\n"), r.out());
        assertTrue(r.out().contains("  error   Cargo.lock:37:1 unknown-git fancy-widgets@0.4.2\n"), r.out());
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("fail: 7 errors, 5 warnings, 1 note (policies: advisories, bans, licenses, sources, workflows)", last);
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() {
        assertEquals(Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--format", "json").out(),
                Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--format", "json").out());
    }

    @Test
    void outputGoesToAFileWhenAsked(@TempDir Path tmp) throws IOException {
        Path report = tmp.resolve("report.json");
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--format", "json", "--output", report.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(Files.readString(report).contains("\"verdict\" : \"fail\""));
    }

    @Test
    void missingRepositoryIsAnInputError() {
        Run r = Run.of("check", "--repo", "/nonexistent/tollgate-repo");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: /nonexistent/tollgate-repo: repository directory not found\n", r.err());
    }

    @Test
    void aFileGivenAsRepositoryIsAnInputError(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("Cargo.lock"), "version = 4\n");
        Run r = Run.of("check", "--repo", file.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: " + file + ": not a directory (--repo takes the repository root)\n", r.err());
    }

    @Test
    void malformedLockfileNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path repo = copyDemo(tmp);
        Files.writeString(repo.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"a\nversion = \"1.0.0\"\n");
        Run r = Run.of("check", "--repo", repo.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().matches("tollgate: Cargo\\.lock:4:\\d+: .+\\n"), r.err());
    }

    @Test
    void malformedDenyTomlNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path repo = copyDemo(tmp);
        Files.writeString(repo.resolve("deny.toml"), "[sources]\nunknown-git = \"deny\"\nallow-git = [\n");
        Run r = Run.of("check", "--repo", repo.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().matches("tollgate: deny\\.toml:\\d+:\\d+: .+\\n"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void wrongLevelWordInDenyTomlIsAnInputError(@TempDir Path tmp) throws IOException {
        Path repo = copyDemo(tmp);
        Files.writeString(repo.resolve("deny.toml"), "[sources]\nunknown-git = \"forbid\"\n");
        Run r = Run.of("check", "--repo", repo.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: deny.toml:2:"), r.err());
    }

    @Test
    void badBansBuildValueIsAnInputErrorWithoutStackTrace(@TempDir Path tmp) throws IOException {
        Path repo = copyDemo(tmp);
        Files.writeString(repo.resolve("deny.toml"), "[bans.build]\n[[bans.build.bypass]]\ncrate = \"x\"\nbuild-script = \"abc\"\n");
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "bans");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: deny.toml:4:1: [bans] build.bypass[0].build-script: expected a SHA-256 checksum"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void malformedManifestNamesItsFile(@TempDir Path tmp) throws IOException {
        Path repo = copyDemo(tmp);
        Files.writeString(repo.resolve("crates/demo-core/Cargo.toml"), "[package]\nname = \"demo-core\"\nversion = \n");
        Run r = Run.of("check", "--repo", repo.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: crates/demo-core/Cargo.toml:3:"), r.err());
    }

    @Test
    void malformedMetadataNamesFileAndPosition(@TempDir Path tmp) throws IOException {
        Path meta = tmp.resolve("metadata.json");
        Files.writeString(meta, "{\"packages\": [ {\"name\": \"x\", }\n");
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", meta.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: " + meta + ":1:"), r.err());
    }

    @Test
    void missingConfigFileIsAnInputError() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--config", "/nonexistent/deny.toml");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: /nonexistent/deny.toml: file not found\n", r.err());
    }

    @Test
    void unknownPolicyIsAUsageError() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--policies", "sources,licences");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: unknown policy `licences`"), r.err());
    }

    @Test
    void optionWithoutItsValueIsAUsageError() {
        Run r = Run.of("check", "--repo");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: option `--repo` needs a value (DIR)\nTry 'tollgate check --help'.\n", r.err());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = Run.of("check", "--repo", DEMO.toString(), "--format", "yaml");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: unknown format `yaml`; use text, json, sarif, github, markdown, junit\n"), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"check", "--help"}, new String[]{"explain", "--help"},
                new String[]{"help", "check"})) {
            Run r = Run.of(args);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("Usage: tollgate"), r.out());
        }
        Run none = Run.of();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("tollgate: a command is required"), none.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = Run.of("check", "--frobnicate");
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: unknown option `--frobnicate`\nTry 'tollgate check --help'.\n", r.err());
    }

    @Test
    void repositoryWithoutLockfileSkipsSourcesWithANoteUnlessNamed(@TempDir Path tmp) {
        // nothing at all to check (issue 17): an input error, never a pass that checked nothing
        Run empty = Run.of("check", "--repo", tmp.toString(), "--format", "json");
        assertEquals(2, empty.code(), empty.toString());
        assertTrue(empty.err().startsWith("tollgate: " + tmp + ": nothing to check: no policy has its inputs here"), empty.err());

        // a PR title to lint: the commits policy runs, and the others are skipped with a note
        Run r = Run.of("check", "--repo", tmp.toString(), "--pr-title", "feat: a title", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        // One note per policy whose inputs are absent (the Cargo policies and workflows), in policy order.
        List<String> skipped = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            assertEquals("policy-skipped", f.get("code").asText());
            assertEquals("note", f.get("severity").asText());
            skipped.add(f.get("policy").asText());
        }
        assertEquals(List.of("advisories", "bans", "licenses", "sources", "workflows"), skipped);

        Run named = Run.of("check", "--repo", tmp.toString(), "--policies", "sources");
        assertEquals(2, named.code(), named.toString());
        assertTrue(named.err().contains("Cargo.lock: file not found (the sources policy needs a Cargo.lock"), named.err());
    }

    /** Attack: .github a symlink to a folder of workflows was "no .github/", a note and a pass. */
    @Test
    void aSymlinkedGithubFolderFailsInsteadOfSkipping(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("gh/workflows"));
        Files.writeString(tmp.resolve("gh/workflows/ci.yml"), "on: pull_request\njobs:\n  b:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - uses: actions/checkout@v4\n");
        Files.createSymbolicLink(tmp.resolve(".github"), Path.of("gh"));
        Run r = Run.of("check", "--repo", tmp.toString(), "--format", "json");
        assertEquals(1, r.code(), r.toString());
        assertEquals("error", find(r.json(), "policy-input-missing", null, "workflows").get("severity").asText(), r.out());
    }

    @Test
    void customRulesWithACompileErrorGiveFileLineColumn(@TempDir Path tmp) throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("extra.drl"), """
                package acme.extra;
                import dev.tollgate.api.facts.*;
                rule "x"
                when
                    LockedPackage( nmae == "a" )
                then
                end
                """);
        Run r = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", rules.toString(), "--cache-dir", tmp.resolve("cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: " + rules.resolve("extra.drl") + ":5:"), r.err());
    }

    @Test
    void explainPrintsTheDeclaredDoc() {
        Run r = Run.of("explain", "unknown-git");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("unknown-git (policy sources, default severity warning)\n  A locked package comes from a git repository"), r.out());
        Run bad = Run.of("explain", "unknown-gti");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean `unknown-git`?"), bad.err());
    }

    @Test
    void versionNamesToolAndDrools() {
        Run r = Run.of("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("tollgate ") && r.out().contains("Drools 10."), r.out());
    }

    private static JsonNode find(JsonNode report, String code, String subject, String policy) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code) && f.get("policy").asText().equals(policy)) return f;
        }
        throw new AssertionError("no " + code + " of " + policy + " in " + report);
    }

    private static JsonNode find(JsonNode report, String code, String subject) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code) && f.get("subject").asText().equals(subject)) return f;
        }
        throw new AssertionError("no " + code + " " + subject + " in " + report);
    }

    static Path copyDemo(Path into) throws IOException {
        Path target = into.resolve("demo");
        try (Stream<Path> walk = Files.walk(DEMO)) {
            for (Path p : walk.toList()) {
                Path t = target.resolve(DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }
}
