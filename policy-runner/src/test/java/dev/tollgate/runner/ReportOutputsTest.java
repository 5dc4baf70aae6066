package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.report.Reports;
import dev.tollgate.report.SarifSchema;
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

/** {@code --format} and repeatable {@code --output FORMAT=FILE} on the demo workspace, through the CLI. */
class ReportOutputsTest {
    static final String DEMO = CheckCommandTest.DEMO.toString();

    @Test
    void oneRunWritesSeveralReportsEachAsItsOwnRunWould(@TempDir Path tmp) throws IOException {
        Path sarif = tmp.resolve("tollgate.sarif");
        Path md = tmp.resolve("summary.md");
        Path junit = tmp.resolve("junit.xml");
        Path json = tmp.resolve("report.json");
        Run all = Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "github", "--output", "sarif=" + sarif,
                "--output", "markdown=" + md, "--output", "junit=" + junit, "--output", "json=" + json);
        assertEquals(1, all.code(), all.toString());
        assertEquals("", all.err());
        assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "github").out(), all.out());
        assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "sarif").out(), Files.readString(sarif));
        assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "markdown").out(), Files.readString(md));
        assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "junit").out(), Files.readString(junit));
        assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "json").out(), Files.readString(json));
    }

    @Test
    void plainOutputFileStillTakesTheFormatReport(@TempDir Path tmp) throws IOException {
        Path text = tmp.resolve("report.txt");
        Path sarif = tmp.resolve("r.sarif");
        Run r = Run.of("check", "--repo", DEMO, "--policies", "sources", "--output", text.toString(), "--output", "sarif=" + sarif);
        assertEquals(1, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(Files.readString(text).endsWith("fail: 3 errors, 2 warnings, 0 notes (policies: sources)\n"));
        SarifSchema.assertValid(Files.readString(sarif));
    }

    @Test
    void aReportInADirectoryThatDoesNotExistIsOneLineSayingWhyAndExitTwo(@TempDir Path tmp) {
        Path report = tmp.resolve("no-such-dir").resolve("r.sarif");
        Run r = Run.of("check", "--repo", DEMO, "--policies", "sources", "--output", "sarif=" + report);
        assertEquals(2, r.code(), r.toString());
        assertEquals("tollgate: " + report + ": cannot write the report: no such file or directory\n", r.err());
    }

    @Test
    void sarifOfTheDemoValidatesAndPointsIntoTheRepository() throws IOException {
        Run r = Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "sarif");
        assertEquals(1, r.code(), r.toString());
        SarifSchema.assertValid(r.out());
        JsonNode run = new ObjectMapper().readTree(r.out()).get("runs").get(0);
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
            rules.add(rule.get("id").asText());
            assertTrue(rule.get("helpUri").asText().startsWith(Reports.DOCS_URL), rule.toString());
            assertFalse(rule.get("shortDescription").get("text").asText().isBlank(), rule.toString());
        }
        // sources.drl declares these four (read off rules/sources.drl).
        assertTrue(rules.containsAll(List.of("unknown-registry", "unknown-git", "git-source-underspecified", "unused-allowed-source")), rules.toString());
        assertTrue(rules.contains("unknown-config-key"), rules.toString());
        List<String> located = new ArrayList<>();
        for (JsonNode res : run.get("results")) {
            JsonNode pl = res.get("locations").get(0).get("physicalLocation");
            located.add(res.get("ruleId").asText() + " " + pl.get("artifactLocation").get("uri").asText() + ":" + pl.get("region").get("startLine").asInt());
            assertEquals("%SRCROOT%", pl.get("artifactLocation").get("uriBaseId").asText());
        }
        // The same five findings CheckCommandTest reads off the demo's Cargo.lock and deny.toml.
        assertEquals(List.of(
                "unknown-config-key deny.toml:27",
                "unknown-git Cargo.lock:37",
                "unknown-git Cargo.lock:45",
                "unknown-registry Cargo.lock:55",
                "unused-allowed-source deny.toml:26"), located.stream().sorted().toList());
    }

    @Test
    void githubAnnotatesTheDemoFiles() {
        Run r = Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "github");
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(6, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("::error file=Cargo.lock,line=37,col=1,title=tollgate sources/unknown-git fancy-widgets@0.4.2::"
                + "fancy-widgets@0.4.2 comes from the git repository https://github.com/unvetted-org/fancy-widgets"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("::warning file=deny.toml,line=27,col=1,title=tollgate sources/unknown-config-key sources.allow-gits::")), r.out());
        assertEquals("fail: 3 errors, 2 warnings, 0 notes (policies: sources)", lines.get(5));
    }

    @Test
    void markdownOfTheDemoStartsWithTheVerdictAndASummaryRow() {
        Run r = Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "markdown");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().startsWith("## ❌ Tollgate: fail\n\n**fail**: 3 errors, 2 warnings, 0 notes (policies: sources)\n"), r.out());
        assertTrue(r.out().contains("\n| sources | 3 | 2 | 0 | 0 | 0 | 5 |\n"), r.out());
    }

    @Test
    void everyFormatIsByteIdenticalAcrossRuns() {
        for (String f : Reports.FORMATS) {
            assertEquals(Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", f).out(), Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", f).out(), f);
        }
    }

    @Test
    void badReportOptionsAreUsageErrors(@TempDir Path tmp) {
        Run unknown = Run.of("check", "--repo", DEMO, "--policies", "sources", "--format", "xml");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("tollgate: unknown format `xml`; use text, json, sarif, github, markdown, junit\n"), unknown.err());

        Run twice = Run.of("check", "--repo", DEMO, "--policies", "sources", "--output", tmp.resolve("a").toString(), "--output", tmp.resolve("b").toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("--output FILE is given twice"), twice.err());

        Run same = Run.of("check", "--repo", DEMO, "--policies", "sources", "--output", "sarif=" + tmp.resolve("x"), "--output", "junit=" + tmp.resolve("x"));
        assertEquals(2, same.code());
        assertTrue(same.err().contains("two reports would be written to"), same.err());

        Run empty = Run.of("check", "--repo", DEMO, "--policies", "sources", "--output", "sarif=");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("--output sarif= names no file"), empty.err());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written after a usage error");
    }
}
