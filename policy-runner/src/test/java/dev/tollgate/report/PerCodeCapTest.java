package dev.tollgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports for people show at most PerCode.MAX findings per code and count the rest; JSON and SARIF keep all. */
class PerCodeCapTest {
    static final List<FindingCode> CODES = List.of(
            new FindingCode("unknown-git", "sources", Severity.ERROR, "A git source nobody approved.", "r1"),
            new FindingCode("unknown-registry", "sources", Severity.ERROR, "A registry nobody approved.", "r2"),
            new FindingCode("unlicensed", "licenses", Severity.ERROR, "A crate without a license.", "r3"));

    @TempDir
    Path repo;

    /** 5,000 unknown-git findings, 3 unknown-registry, 51 unlicensed (one over the cap). */
    Verdict flood() {
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            fs.add(Finding.of("sources", "unknown-git", Severity.ERROR, "p" + i + " comes from git")
                    .at(Location.of("Cargo.lock", i + 1, 1)).about("p" + i + "@1.0.0"));
        }
        for (int i = 0; i < 3; i++) fs.add(Finding.of("sources", "unknown-registry", Severity.ERROR, "r" + i).at(Location.of("Cargo.lock", 1, 1)).about("r" + i));
        for (int i = 0; i < 51; i++) fs.add(Finding.of("licenses", "unlicensed", Severity.ERROR, "u" + i).about("u" + i + "@1.0.0"));
        return Verdict.of(fs);
    }

    String render(String format, Verdict v) throws IOException {
        Files.writeString(repo.resolve("Cargo.lock"), "# lock\n");
        StringWriter w = new StringWriter();
        Reports.create(format, new ReportContext("9.9.9", CODES, repo, false)).write(v, Set.of("sources", "licenses"), w);
        return w.toString();
    }

    static long count(String out, String what) {
        return out.lines().filter(l -> l.contains(what)).count();
    }

    @Test
    void textShowsFiftyPerCodeThenOneLineWithTheCount() throws IOException {
        String out = render("text", flood());
        assertEquals(PerCode.MAX, count(out, " unknown-git p"), "shown unknown-git findings");
        assertEquals(3, count(out, " unknown-registry r"));
        assertEquals(PerCode.MAX, count(out, " unlicensed u"));
        assertEquals(1, count(out, "… and 4950 more unknown-git findings (all are in --format json/sarif)"), out);
        assertEquals(1, count(out, "… and 1 more unlicensed finding (all are in --format json/sarif)"), out);
        assertFalse(out.contains("more unknown-registry"), "no line for a code under the cap");
        assertTrue(out.strip().endsWith("fail: 5054 errors, 0 warnings, 0 notes (policies: licenses, sources)"), "the verdict counts every finding");
        assertTrue(out.length() < 30_000, out.length() + " characters");
    }

    @Test
    void githubAnnotatesFiftyPerCodeAndCountsTheRestInANotice() throws IOException {
        String out = render("github", flood());
        assertEquals(PerCode.MAX, count(out, "title=tollgate sources/unknown-git"), "annotations");
        assertEquals(1, count(out, "::notice::tollgate sources/unknown-git: … and 4950 more unknown-git findings (all are in --format json/sarif)"), out);
        assertTrue(out.strip().endsWith("fail: 5054 errors, 0 warnings, 0 notes (policies: licenses, sources)"));
    }

    @Test
    void markdownShowsFiftyRowsPerCodeAndCountsTheRest() throws IOException {
        String out = render("markdown", flood());
        assertEquals(PerCode.MAX, count(out, "| `unknown-git` |"));
        assertEquals(1, count(out, "… and 4950 more unknown-git findings (all are in --format json/sarif)"), out);
        assertTrue(out.contains("| sources | 5003 |"), "the summary table counts every finding");
    }

    @Test
    void jsonAndSarifKeepEveryFinding() throws IOException {
        ObjectMapper m = new ObjectMapper();
        assertEquals(5_054, m.readTree(render("json", flood())).get("findings").size());
        JsonNode sarif = m.readTree(render("sarif", flood()));
        assertEquals(5_054, sarif.get("runs").get(0).get("results").size());
    }

    @Test
    void aCodeCanNotHideAnotherPoliciesFindingsOfTheSameCode() throws IOException {
        // the cap is per policy and code: 60 config findings of a code do not use up sources' 50
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < 60; i++) fs.add(Finding.of("config", "unknown-git", Severity.WARNING, "c" + i).about("c" + i));
        fs.add(Finding.of("sources", "unknown-git", Severity.ERROR, "the one that matters").about("s@1.0.0"));
        String out = render("text", Verdict.of(fs));
        assertTrue(out.contains("the one that matters"), out);
        assertEquals(1, count(out, "… and 10 more unknown-git findings"));
    }

    /** Attack: 60 warnings of a code, then one error of the same code late in the file: the cap must not hide the error. */
    @Test
    void theCapNeverHidesAnErrorBehindWarningsOfTheSameCode() throws IOException {
        List<Finding> fs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fs.add(Finding.of("sources", "unknown-git", Severity.WARNING, "w" + i + " comes from git")
                    .at(Location.of("Cargo.lock", i + 1, 1)).about("w" + i + "@1.0.0"));
        }
        fs.add(Finding.of("sources", "unknown-git", Severity.ERROR, "evil comes from git")
                .at(Location.of("Cargo.lock", 999, 1)).about("evil@1.0.0"));
        fs.add(Finding.of("sources", "unknown-git", Severity.WARNING, "late new one").withNew(true)
                .at(Location.of("Cargo.lock", 1000, 1)).about("late@1.0.0"));
        Verdict v = Verdict.of(fs);
        for (String format : List.of("text", "github", "markdown")) {
            String out = render(format, v);
            assertTrue(out.contains("evil comes from git"), format + " hides the only error:\n" + out);
            assertTrue(out.contains("late new one"), format + " hides the only new finding");
            assertTrue(out.contains("… and 12 more unknown-git findings"), format);
        }
        PerCode.Cut cut = PerCode.cut(v.findings());
        assertEquals(PerCode.MAX, cut.shown().size());
        assertEquals(List.copyOf(cut.shown()), v.findings().stream().filter(cut.shown()::contains).toList(), "shown in the verdict's order");
    }

    /** Attack: 11 codes of 50 warnings each in a policy that sorts first fill the 500 Markdown rows; a later policy's error must still get its row. */
    @Test
    void markdownRowsGoToErrorsBeforeWarningsOfEarlierPolicies() throws IOException {
        List<Finding> fs = new ArrayList<>();
        for (int c = 0; c < 11; c++) {
            for (int i = 0; i < PerCode.MAX; i++) {
                fs.add(Finding.of("advisories", "code-" + c, Severity.WARNING, "w" + c + "-" + i).at(Location.of("Cargo.lock", i + 1, 1)).about("w" + i));
            }
        }
        fs.add(Finding.of("sources", "unknown-git", Severity.ERROR, "evil comes from git").at(Location.of("Cargo.lock", 9, 1)).about("evil@1.0.0"));
        String out = render("markdown", Verdict.of(fs));
        assertTrue(out.contains("evil comes from git"), "the only error has no row");
        assertTrue(out.contains("… and 51 more (see the full report)."), "the warning left out is counted");
    }
}
