package dev.tollgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each report format on a hand-made verdict with the awkward cases: no location, a file outside the repo, escapes. */
class ReportFormatsTest {
    static final List<FindingCode> CODES = List.of(
            new FindingCode("git-source-underspecified", "sources", Severity.ERROR, "A git source names less than required.", "r1"),
            new FindingCode("policy-skipped", "config", Severity.NOTE, "A policy did not run.", "r2"),
            new FindingCode("unknown-config-key", "config", Severity.WARNING, "deny.toml has an unknown key.", "r3"),
            new FindingCode("unknown-git", "sources", Severity.ERROR, "A git source nobody approved.", "r4"),
            new FindingCode("unlicensed", "licenses", Severity.ERROR, "A crate without a license.", "r5"));
    static final Set<String> EVALUATED = Set.of("sources");

    @TempDir
    Path repo;
    Verdict verdict;
    ReportContext context;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(repo.resolve("Cargo.lock"), "# lock\n");
        Files.writeString(repo.resolve("deny.toml"), "[sources]\n");
        verdict = Verdict.of(List.of(
                Finding.of("sources", "unknown-git", Severity.ERROR, "a@1.0.0 comes from git: 100% unvetted,\r\nreally")
                        .at(Location.of("Cargo.lock", 36, 1)).about("a@1.0.0").with("source", "git+https://x/a").with("viaDefaults", false),
                Finding.of("sources", "unknown-git", Severity.ERROR, "b@2.0.0 comes from git")
                        .at(Location.of("Cargo.lock", 44, 1)).about("b@2.0.0").withNew(true),
                Finding.of("sources", "unknown-config-key", Severity.WARNING, "unknown key `allow-gits` in [sources]; did you mean `allow-git`?")
                        .at(Location.of("deny.toml", 1, 1)).about("sources.allow-gits").withNew(false),
                Finding.of("sources", "unknown-config-key", Severity.WARNING, "outside the repository")
                        .at(Location.of("/elsewhere/deny.toml", 3, 2)).about("sources.x"),
                Finding.of("sources", "git-source-underspecified", Severity.ERROR, "a path with a space that is not in the repo")
                        .at(Location.of("dir with space/Cargo.toml", 2, 5)).about("c@0.1.0"),
                Finding.of("licenses", "policy-skipped", Severity.NOTE, "licenses did not run: no Cargo.lock")));
        context = new ReportContext("9.9.9", CODES, repo, false);
    }

    String render(String format) throws IOException {
        StringWriter w = new StringWriter();
        Reports.create(format, context).write(verdict, EVALUATED, w);
        return w.toString();
    }

    @Test
    void sarifIsValidWithOneRulePerCodeAndResultsRelativeToTheRepo() throws Exception {
        String sarif = render("sarif");
        SarifSchema.assertValid(sarif);
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        List<String> ruleIds = new ArrayList<>();
        for (JsonNode r : run.get("tool").get("driver").get("rules")) ruleIds.add(r.get("id").asText());
        // sources' codes and the policy-less config codes; not licenses' (it did not run).
        assertEquals(List.of("git-source-underspecified", "policy-skipped", "unknown-config-key", "unknown-git"), ruleIds);
        JsonNode rule = run.get("tool").get("driver").get("rules").get(3);
        assertEquals("A git source nobody approved.", rule.get("shortDescription").get("text").asText());
        assertEquals(Reports.PROJECT_URL + "/blob/main/docs/policies/sources.md#unknown-git", rule.get("helpUri").asText());
        assertEquals("error", rule.get("defaultConfiguration").get("level").asText());

        JsonNode results = run.get("results");
        assertEquals(6, results.size());
        for (JsonNode r : results) assertEquals(r.get("ruleId").asText(), ruleIds.get(r.get("ruleIndex").asInt()));
        JsonNode first = find(results, "a@1.0.0");
        JsonNode loc = first.get("locations").get(0).get("physicalLocation");
        assertEquals("Cargo.lock", loc.get("artifactLocation").get("uri").asText());
        assertEquals("%SRCROOT%", loc.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(36, loc.get("region").get("startLine").asInt());
        assertEquals(1, loc.get("region").get("startColumn").asInt());
        assertEquals("git+https://x/a", first.get("properties").get("data").get("source").asText());
        assertEquals("dir%20with%20space/Cargo.toml",
                find(results, "c@0.1.0").get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
        JsonNode outside = find(results, "sources.x").get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals("file:///elsewhere/deny.toml", outside.get("uri").asText());
        assertFalse(outside.has("uriBaseId"));
        JsonNode skipped = results.get(0);
        assertEquals("policy-skipped", skipped.get("ruleId").asText());
        assertFalse(skipped.has("locations"), "no file, no location");
        assertEquals("note", skipped.get("level").asText());

        Set<String> prints = new HashSet<>();
        for (JsonNode r : results) prints.add(r.get("partialFingerprints").get(SarifReport.FINGERPRINT).asText());
        assertEquals(6, prints.size(), "every result has its own fingerprint");
    }

    @Test
    void theSchemaRejectsBrokenSarif() throws Exception {
        ObjectNode sarif = (ObjectNode) new ObjectMapper().readTree(render("sarif"));
        sarif.put("version", "2.0.0");
        assertFalse(SarifSchema.violations(sarif.toString()).isEmpty(), "a wrong version must not validate");
        ObjectNode noDriver = (ObjectNode) new ObjectMapper().readTree(render("sarif"));
        ((ObjectNode) noDriver.get("runs").get(0).get("tool")).remove("driver");
        assertFalse(SarifSchema.violations(noDriver.toString()).isEmpty(), "a tool without a driver must not validate");
    }

    @Test
    void fingerprintsIgnoreLinesAndTellDuplicatesApart() {
        Finding f = Finding.of("sources", "unknown-git", Severity.ERROR, "m").at(Location.of("Cargo.lock", 36, 1)).about("a@1");
        String here = SarifReport.fingerprint(f, "Cargo.lock", new HashMap<>());
        String moved = SarifReport.fingerprint(f.at(Location.of("Cargo.lock", 90, 1)), "Cargo.lock", new HashMap<>());
        assertEquals(here, moved, "a finding whose line moved is the same alert");
        assertEquals(32, here.length());
        assertTrue(here.matches("[0-9a-f]{32}"), here);
        Map<String, Integer> seen = new HashMap<>();
        String one = SarifReport.fingerprint(f, "Cargo.lock", seen);
        String two = SarifReport.fingerprint(f, "Cargo.lock", seen);
        assertEquals(here, one);
        assertNotEquals(one, two, "the second identical finding gets its own fingerprint");
        assertNotEquals(here, SarifReport.fingerprint(f.about("a@2"), "Cargo.lock", new HashMap<>()));
        // A known value, computed outside Java (SHA-256 of "sources\0unknown-git\0Cargo.lock\0a@1\0" + "1", first
        // 16 bytes): the fingerprint must not change between releases, or every code-scanning alert reopens.
        assertEquals("11bbc9cdb9959aaff47bdc978508d9e6", here);
    }

    @Test
    void githubEscapesDataAndProperties() {
        assertEquals("100%25 done%0D%0Anext: a, b", GithubReport.data("100% done\r\nnext: a, b"));
        assertEquals("100%25 done%0D%0Anext%3A a%2C b", GithubReport.property("100% done\r\nnext: a, b"));
    }

    @Test
    void githubAnnotatesOnlyFilesThatExist() throws IOException {
        List<String> lines = render("github").lines().toList();
        assertEquals(List.of(
                "::notice::note: tollgate licenses/policy-skipped: licenses did not run: no Cargo.lock",
                "::notice::warning: tollgate sources/unknown-config-key sources.x (/elsewhere/deny.toml:3:2): outside the repository",
                "::error file=Cargo.lock,line=36,col=1,title=tollgate sources/unknown-git a@1.0.0::a@1.0.0 comes from git: 100%25 unvetted,%0D%0Areally",
                "::error file=Cargo.lock,line=44,col=1,title=tollgate sources/unknown-git b@2.0.0::b@2.0.0 comes from git",
                "::warning file=deny.toml,line=1,col=1,title=tollgate sources/unknown-config-key sources.allow-gits::unknown key `allow-gits` in [sources]; did you mean `allow-git`?",
                "::notice::error: tollgate sources/git-source-underspecified c@0.1.0 (dir with space/Cargo.toml:2:5): a path with a space that is not in the repo",
                "fail: 3 errors, 2 warnings, 1 note (policies: sources)"), lines);
    }

    @Test
    void markdownPutsTheVerdictFirstAndRendersItsTablesAsTables() throws IOException {
        String md = render("markdown");
        assertTrue(md.startsWith("## ❌ Tollgate: fail\n"), md);
        Node doc = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(md);
        assertEquals("❌ Tollgate: fail", text(doc.getFirstChild()));
        assertTrue(doc.getFirstChild() instanceof Heading);
        List<List<List<String>>> tables = tables(doc);
        assertEquals(3, tables.size(), "the summary, then one table per policy with findings: " + md);
        assertEquals(List.of(
                List.of("Policy", "Errors", "Warnings", "Notes", "New", "Pre-existing", "Unknown"),
                List.of("licenses", "0", "0", "1", "0", "0", "1"),
                List.of("sources", "3", "2", "0", "1", "1", "3")), tables.get(0));
        List<List<String>> sources = tables.get(2);
        assertEquals(List.of("Severity", "Code", "Where", "Subject", "New", "Message"), sources.get(0));
        assertEquals(6, sources.size());
        assertEquals(List.of("error", "unknown-git", "Cargo.lock:36:1", "a@1.0.0", "", "a@1.0.0 comes from git: 100% unvetted,really"), sources.get(2));
        assertEquals("new", sources.get(3).get(4));
        assertEquals("pre-existing", sources.get(4).get(4));
    }

    @Test
    void junitHasATestCasePerCodeAndAFailurePerErrorFinding() throws Exception {
        Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(render("junit").getBytes(StandardCharsets.UTF_8)));
        Element root = x.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element licenses = (Element) suites.item(0);
        assertEquals("tollgate.licenses", licenses.getAttribute("name"));
        Element sources = (Element) suites.item(1);
        assertEquals("tollgate.sources", sources.getAttribute("name"));
        List<String> cases = new ArrayList<>();
        NodeList tcs = sources.getElementsByTagName("testcase");
        for (int i = 0; i < tcs.getLength(); i++) {
            Element tc = (Element) tcs.item(i);
            cases.add(tc.getAttribute("name") + ":" + tc.getElementsByTagName("failure").getLength());
        }
        assertEquals(List.of("git-source-underspecified:1", "unknown-config-key:0", "unknown-git:2"), cases);
        assertEquals("3", sources.getAttribute("tests"));
        assertEquals("2", sources.getAttribute("failures"));
        Element failure = (Element) sources.getElementsByTagName("failure").item(1);
        assertEquals("Cargo.lock:36:1 unknown-git a@1.0.0", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("100% unvetted,\r\nreally") || failure.getTextContent().contains("100% unvetted,\nreally"),
                failure.getTextContent());
        Element config = (Element) tcs.item(1);
        assertTrue(config.getElementsByTagName("system-out").item(0).getTextContent().contains("warning deny.toml:1:1 unknown-config-key sources.allow-gits"));
    }

    @Test
    void everyFormatGivesTheSameBytesTwice() throws IOException {
        for (String f : Reports.FORMATS) assertEquals(render(f), render(f), f);
    }

    @Test
    void textColoursOnlyWhenAsked() throws IOException {
        assertFalse(render("text").contains("\u001b["));
        StringWriter w = new StringWriter();
        new TextReport(true).write(verdict, EVALUATED, w);
        assertTrue(w.toString().contains("\u001b[31merror"), w.toString());
        String plain = render("text");
        assertTrue(plain.endsWith("fail: 3 errors, 2 warnings, 1 note (policies: sources)\n"), plain);
        assertTrue(plain.startsWith("licenses\n"), plain);
    }

    static JsonNode find(JsonNode results, String subject) {
        for (JsonNode r : results) {
            JsonNode s = r.get("properties").get("subject");
            if (s != null && s.asText().equals(subject)) return r;
        }
        throw new AssertionError("no result about " + subject);
    }

    static String text(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) b.append(t.getLiteral());
            else b.append(text(c));
        }
        return b.toString();
    }

    static List<List<List<String>>> tables(Node doc) {
        List<List<List<String>>> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof TableBlock)) continue;
            List<List<String>> rows = new ArrayList<>();
            collectRows(n, rows);
            out.add(rows);
        }
        return out;
    }

    private static void collectRows(Node n, List<List<String>> rows) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = c.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) cells.add(textWithCode(cell));
                }
                rows.add(cells);
            } else {
                collectRows(c, rows);
            }
        }
    }

    private static String textWithCode(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) b.append(t.getLiteral());
            else if (c instanceof org.commonmark.node.Code code) b.append(code.getLiteral());
            else if (c instanceof org.commonmark.node.HtmlInline) b.append("");
            else b.append(textWithCode(c));
        }
        return b.toString();
    }
}
