package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config arrays of 100,000 entries through the CLI, in process: each ends with a verdict, and entries
 * that repeat one problem thousands of times give one finding with their count (rules/config.drl's
 * repeats), while a few stay one finding per entry at its own line. The time limit is a hang guard;
 * the measured numbers are bench/repeats.sh's (docs/performance.md).
 */
class LargeConfigArraysTest {
    static final Path DEMO = Corpus.fixture("demo");
    static final Path DB = Corpus.fixture("advisory-db");
    static final int N = 100_000;
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** A copy of the demo workspace whose deny.toml is {@code deny} (its tollgate.toml naming the demo db). */
    static Path workspace(Path tmp, String deny) throws IOException {
        Path ws = tmp.resolve("ws");
        try (Stream<Path> all = Files.walk(DEMO)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = ws.resolve(DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.writeString(ws.resolve("deny.toml"), deny);
        Files.writeString(ws.resolve("tollgate.toml"), "[advisories]\ndb = \"" + DB.toString().replace("\\", "/") + "\"\n");
        return ws;
    }

    /** {@code head}, then one array entry per line from {@code format} (with %1$d the index), then {@code tail}. */
    static String array(String head, String format, int n, String tail) {
        StringBuilder b = new StringBuilder(head.length() + n * (format.length() + 8));
        b.append(head);
        for (int i = 0; i < n; i++) b.append(String.format(format, i)).append(",\n");
        return b.append(tail).toString();
    }

    static Run check(Path ws, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", ws.toString(),
                "--metadata", ws.resolve("cargo-metadata.json").toString()));
        args.addAll(List.of(more));
        return assertTimeoutPreemptively(HANG_GUARD, () -> Run.of(args.toArray(String[]::new)));
    }

    static List<JsonNode> findings(Run r, String code) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) if (f.get("code").asText().equals(code)) out.add(f);
        return out;
    }

    /** The 1-based line of the first line of {@code text} that contains {@code what}. */
    static int lineOf(String text, String what) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(what)) return i + 1;
        throw new AssertionError(what + " not in the text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[sources]\\nallow-git = [\\n|\"https://github.com/unused/repo-%1$d\"|unused-allowed-source|allow-git entries",
        "[sources]\\nallow-registry = [\"https://github.com/rust-lang/crates.io-index\",\\n|\"https://example.com/index-%1$d\"|unused-allowed-source|allow-registry entries",
        "[sources.allow-org]\\ngithub = [\\n|\"org-%1$d\"|unused-allowed-source|allow-org entries for github.com",
        "[licenses]\\nallow = [\"MIT\", \"Apache-2.0\", \"Unicode-3.0\",\\n|\"LicenseRef-unused-%1$d\"|unused-allowed-license|allow entries",
        "[licenses]\\nallow = [\"MIT\", \"Apache-2.0\", \"Unicode-3.0\"]\\nexceptions = [\\n|{ crate = \"nocrate-%1$d\", allow = [\"MIT\"] }|unused-license-exception|license exceptions",
        "[bans]\\nskip = [\\n|\"nocrate-%1$d@1.0.0\"|unmatched-skip|bans.skip entries",
        "[bans]\\nskip-tree = [\\n|\"nocrate-%1$d\"|unmatched-skip-root|bans.skip-tree entries",
        "[bans]\\nallow = [\\n|\"nocrate-%1$d\"|unmatched-allow|bans.allow entries",
        "[advisories]\\nignore = [\\n|{ id = \"RUSTSEC-2000-%1$06d\", reason = \"r\" }|unknown-advisory|ignore entries name advisories",
    })
    void aHundredThousandUnusedEntriesAreOneFindingWithTheirCount(String head, String entry, String code, String phrase,
                                                                  @TempDir Path tmp) throws IOException {
        String deny = array(head.replace("\\n", "\n"), entry, N, "]\n");
        Path ws = workspace(tmp, deny);
        Path text = tmp.resolve("report.txt");
        Run r = check(ws, "--format", "json", "--output", "text=" + text);
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        assertEquals("", r.err());
        List<JsonNode> fs = findings(r, code);
        assertEquals(1, fs.size(), code + ": " + fs.size() + " findings");
        JsonNode f = fs.get(0);
        String first = String.format(entry, 0);
        assertEquals("deny.toml", f.get("file").asText());
        assertEquals(lineOf(deny, first), f.get("line").asInt(), "at the first entry");
        assertTrue(f.get("message").asText().startsWith(N + " " + phrase), f.get("message").asText());
        JsonNode data = f.get("data");
        assertEquals(N, data.get("count").asInt());
        assertEquals(20, data.get("entries").size());
        assertEquals(20, data.get("lines").size());
        assertEquals(N - 20, data.get("more").asInt(), "the rest are counted, not dropped");
        assertEquals(lineOf(deny, String.format(entry, 19)), data.get("lines").get(19).asInt());
        // the text report is as short: the whole demo's findings plus one line for the 100,000
        String report = Files.readString(text);
        assertTrue(report.length() < 20_000, "text report of " + report.length() + " characters");
        assertTrue(report.contains(N + " " + phrase), report);
    }

    @Test
    void tenUnusedEntriesAreTenFindingsEachAtItsLineAndElevenAreOne(@TempDir Path tmp) throws IOException {
        String ten = array("[sources]\nallow-git = [\n", "\"https://github.com/unused/repo-%1$d\"", 10, "]\n");
        Run r = check(workspace(tmp.resolve("10"), ten), "--format", "json");
        List<JsonNode> fs = findings(r, "unused-allowed-source");
        assertEquals(10, fs.size(), r.out());
        assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "https://github.com/unused/repo-" + i).sorted().toList(),
                fs.stream().map(f -> f.get("subject").asText()).sorted().toList(), "one finding per entry");
        for (JsonNode f : fs) {
            String s = f.get("subject").asText();
            assertEquals(lineOf(ten, "\"" + s + "\""), f.get("line").asInt(), s);
            assertTrue(f.get("message").asText().startsWith("the allow-git entry " + s), f.get("message").asText());
        }
        String eleven = array("[sources]\nallow-git = [\n", "\"https://github.com/unused/repo-%1$d\"", 11, "]\n");
        List<JsonNode> one = findings(check(workspace(tmp.resolve("11"), eleven), "--format", "json"), "unused-allowed-source");
        assertEquals(1, one.size());
        assertEquals(11, one.get(0).get("data").get("count").asInt());
        assertEquals(11, one.get(0).get("data").get("entries").size());
        assertEquals(0, one.get(0).get("data").get("more").asInt());
    }

    @Test
    void groupsAreKeptApartAndAUsedEntryIsNoneOfThem(@TempDir Path tmp) throws IOException {
        // 50 unused allow-git and 50 unused allow-registry entries: two findings, one per key; the
        // demo's used crates.io entry is in neither.
        String deny = "[sources]\n"
                + array("allow-git = [\n", "\"https://github.com/unused/repo-%1$d\"", 50, "]\n")
                + array("allow-registry = [\"https://github.com/rust-lang/crates.io-index\",\n", "\"https://example.com/index-%1$d\"", 50, "]\n");
        List<JsonNode> fs = findings(check(workspace(tmp, deny), "--format", "json"), "unused-allowed-source");
        assertEquals(2, fs.size(), fs.toString());
        for (JsonNode f : fs) {
            assertEquals(50, f.get("data").get("count").asInt(), f.toString());
            for (JsonNode e : f.get("data").get("entries")) assertFalse(e.asText().contains("crates.io-index"), f.toString());
        }
    }

    @Test
    void oneEntryRepeatedAHundredThousandTimesIsCountedEveryTime(@TempDir Path tmp) throws IOException {
        String deny = array("[sources]\nallow-git = [\n", "\"https://github.com/unused/same\"", N, "]\n");
        Run r = check(workspace(tmp, deny), "--format", "json");
        List<JsonNode> fs = findings(r, "unused-allowed-source");
        assertEquals(1, fs.size());
        assertEquals(N, fs.get(0).get("data").get("count").asInt());
        assertEquals(3, fs.get(0).get("line").asInt());
    }

    @Test
    void longValuesAreElidedInTheSummaryAndTheReport(@TempDir Path tmp) throws IOException {
        String deny = array("[sources]\nallow-git = [\n", "\"https://github.com/unused/" + "x".repeat(20_000) + "-%1$d\"", 100, "]\n");
        Path ws = workspace(tmp, deny);
        Path text = tmp.resolve("report.txt");
        Run r = check(ws, "--format", "json", "--output", "text=" + text);
        assertEquals(1, r.code(), r.err());
        JsonNode f = findings(r, "unused-allowed-source").get(0);
        assertTrue(f.get("subject").asText().length() < 300, "the summary's subject is elided too");
        assertEquals(100, f.get("data").get("count").asInt());
        for (JsonNode e : f.get("data").get("entries")) assertTrue(e.asText().length() < 300, e.asText().length() + " characters");
        assertTrue(f.get("message").asText().length() < 1_000, f.get("message").asText().length() + " characters");
        String report = Files.readString(text);
        assertTrue(report.length() < 20_000, "text report of " + report.length() + " characters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[release.artifacts.cli]\\ncrates = [\\n|\"demo-cli-%1$d\"",
        "[commits]\\nextra-types = [\\n|\"type%1$d\"",
    })
    void aTollgateTomlArrayOfAHundredThousandEntriesEndsWithAVerdict(String head, String entry, @TempDir Path tmp) throws IOException {
        Path ws = workspace(tmp, "[graph]\nall-features = false\n");
        Files.writeString(ws.resolve("tollgate.toml"), "[advisories]\ndb = \"" + DB.toString().replace("\\", "/") + "\"\n"
                + array(head.replace("\\n", "\n"), entry, N, "]\n"));
        Run r = check(ws, "--format", "json");
        assertTrue(r.code() <= 2, r.toString());
        assertTrue(r.err().lines().count() <= 1, r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.out().length() < 1_000_000, r.out().length() + " characters of JSON");
    }

    @Test
    void aFeaturesEntryOfAHundredThousandUnknownFeaturesIsOneFinding(@TempDir Path tmp) throws IOException {
        String deny = array("[bans]\nfeatures = [{ crate = \"demo-plugins\", allow = [\"default\", \"widgets\",\n", "\"nofeature-%1$d\"", N, "] }]\n");
        Path text = tmp.resolve("report.txt");
        Run r = check(workspace(tmp, deny), "--format", "json", "--output", "text=" + text);
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        List<JsonNode> fs = findings(r, "unknown-feature");
        assertEquals(1, fs.size(), fs.toString().length() + " characters");
        JsonNode data = fs.get(0).get("data");
        assertEquals(N, data.get("count").asInt());
        assertEquals("nofeature-0", data.get("entries").get(0).asText(), "the features are listed, not the crate 20 times");
        assertTrue(fs.get(0).get("message").asText().startsWith(N + " features named by the bans.features entry"), fs.get(0).get("message").asText());
        assertTrue(Files.readString(text).length() < 20_000);
    }

    @Test
    void anAdvisoryWithFiftyThousandPatchedVersionsQuotesThreeInItsMessage(@TempDir Path tmp) throws IOException {
        // as many as fit in an advisory's 1 MiB limit; the demo's tiny-yaml@0.8.1 stays affected
        Path db = tmp.resolve("db");
        try (Stream<Path> all = Files.walk(DB)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = db.resolve(DB.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path adv = db.resolve("crates/tiny-yaml/RUSTSEC-2099-0001.md");
        String text = Files.readString(adv);
        String patched = array("patched = [\n", "\">= 1.%1$d.0\"", 50_000, "]");
        String unaffected = array("unaffected = [\n", "\"= 0.0.%1$d\"", 10_000, "]");
        text = text.replace("patched = [\">= 0.8.3\"]", patched).replace("unaffected = [\"< 0.6.0\"]", unaffected);
        assertTrue(text.length() < 1 << 20, text.length() + " bytes");
        Files.writeString(adv, text);
        Path ws = workspace(tmp, "[graph]\nall-features = false\n");
        Files.writeString(ws.resolve("tollgate.toml"), "[advisories]\ndb = \"" + db.toString().replace("\\", "/") + "\"\n");
        Run r = check(ws, "--format", "json", "--policies", "advisories");
        assertEquals(1, r.code(), r.err());
        JsonNode vuln = findings(r, "vulnerability").stream()
                .filter(f -> f.get("subject").asText().equals("tiny-yaml@0.8.1")).findFirst().orElseThrow();
        String message = vuln.get("message").asText();
        assertTrue(message.length() < 1_000, () -> message.length() + " characters: " + message.substring(0, 300));
        assertTrue(message.contains("1.0.0 or 1.1.0 or 1.2.0 (and 49997 more)"), message);
        assertEquals(50_000, vuln.get("data").get("patched").size(), "the data keeps every patched range");
    }

}
