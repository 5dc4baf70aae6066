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

/** The advisories policy end to end on small hand-written workspaces and databases. */
class AdvisoriesCheckTest {
    static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";

    /** A workspace with one member `app` depending on the given crates; each crate may depend on others. */
    static void workspace(Path repo, List<String[]> direct, List<String[]> transitive, String deny) throws IOException {
        Files.createDirectories(repo.resolve("src"));
        StringBuilder manifest = new StringBuilder("[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        for (String[] d : direct) manifest.append(d[0]).append(" = \"").append(d[1]).append("\"\n");
        Files.writeString(repo.resolve("Cargo.toml"), manifest.toString());
        StringBuilder lock = new StringBuilder("version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n");
        for (String[] d : direct) lock.append(" \"").append(d[0]).append("\",\n");
        lock.append("]\n");
        List<String[]> all = new ArrayList<>(direct);
        all.addAll(transitive);
        for (String[] d : all) {
            lock.append("\n[[package]]\nname = \"").append(d[0]).append("\"\nversion = \"").append(d[1])
                    .append("\"\nsource = \"").append(CRATES_IO).append("\"\n");
            if (d.length > 2) lock.append("dependencies = [\n \"").append(d[2]).append("\",\n]\n");
        }
        Files.writeString(repo.resolve("Cargo.lock"), lock.toString());
        Files.writeString(repo.resolve("deny.toml"), deny);
    }

    static void advisory(Path db, String id, String crate, String kind, String patched) throws IOException {
        Path f = db.resolve("crates").resolve(crate).resolve(id + ".md");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "```toml\n[advisory]\nid = \"" + id + "\"\npackage = \"" + crate + "\"\ndate = \"2030-01-01\"\n"
                + (kind.equals("vulnerability") ? "" : "informational = \"" + kind + "\"\n")
                + "\n[versions]\npatched = [" + patched + "]\n```\n\n# " + crate + " " + kind + "\n");
    }

    static Path db(Path tmp) throws IOException {
        Path db = tmp.resolve("db");
        advisory(db, "RUSTSEC-2030-0001", "alpha", "vulnerability", "\">= 1.2.5\"");
        advisory(db, "RUSTSEC-2030-0002", "beta", "vulnerability", "\">= 2.0.0\"");
        advisory(db, "RUSTSEC-2030-0003", "gamma", "unmaintained", "");
        advisory(db, "RUSTSEC-2030-0004", "delta", "unsound", "");
        advisory(db, "RUSTSEC-2030-0005", "alpha", "vulnerability", "\">= 1.0.0\""); // alpha 1.2.3 is patched
        advisory(db, "RUSTSEC-2030-0006", "omega", "notice", "");                    // no omega locked
        return db;
    }

    static List<String> codes(JsonNode j) {
        List<String> seen = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            if (!f.get("policy").asText().equals("advisories")) continue;
            seen.add(f.get("code").asText() + " " + f.get("subject").asText() + " " + f.get("severity").asText()
                    + (f.get("new").isNull() ? "" : " new=" + f.get("new").asBoolean()));
        }
        return seen.stream().sorted().toList();
    }

    static JsonNode find(JsonNode j, String code, String subject) {
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals(code) && subject.equals(f.get("subject").asText())) return f;
        }
        throw new AssertionError("no " + code + " " + subject + " in " + j);
    }

    @Test
    void classifiesAndAnswersEachMatch(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        workspace(repo,
                List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0", "gamma"}),
                List.of(new String[] {"gamma", "0.3.0", "delta"}, new String[] {"delta", "0.1.0"}),
                "[advisories]\nignore = [\n  \"RUSTSEC-2030-0006\",\n  { id = \"RUSTSEC-2099-0099\", reason = \"typo\" },\n]\n");
        Run r = Run.of("check", "--repo", repo.toString(), "--advisory-db", db(tmp).toString(), "--format", "json",
                "--policies", "advisories", "--offline");
        assertEquals(1, r.code(), r.toString());
        JsonNode j = r.json();
        assertEquals(List.of(
                "ignore-without-reason RUSTSEC-2030-0006 warning",
                "unknown-advisory RUSTSEC-2099-0099 warning",
                "unmaintained gamma@0.3.0 error",
                "unsound delta@0.1.0 error",
                "unused-ignored-advisory RUSTSEC-2030-0006 warning",
                "vulnerability alpha@1.2.3 error",
                "vulnerability beta@1.4.0 error"), codes(j));
        JsonNode alpha = find(j, "vulnerability", "alpha@1.2.3").get("data");
        assertEquals("RUSTSEC-2030-0001", alpha.get("advisory").asText());
        assertEquals("update", alpha.get("response").asText());
        assertTrue(alpha.get("fixCompatible").asBoolean());
        assertTrue(alpha.get("direct").asBoolean());
        JsonNode beta = find(j, "vulnerability", "beta@1.4.0").get("data");
        assertEquals("update", beta.get("response").asText());
        assertFalse(beta.get("fixCompatible").asBoolean(), "2.0.0 is a major bump from 1.4.0");
        JsonNode gamma = find(j, "unmaintained", "gamma@0.3.0").get("data");
        assertEquals("ignore-with-justification", gamma.get("response").asText());
        assertFalse(gamma.get("direct").asBoolean());
        assertEquals("[\"app@0.1.0\",\"beta@1.4.0\",\"gamma@0.3.0\"]", gamma.get("path").toString());
        JsonNode delta = find(j, "unsound", "delta@0.1.0").get("data");
        assertEquals("block", delta.get("response").asText());
    }

    @Test
    void scopesMalformedFilesAndStaleness(@TempDir Path tmp) throws IOException {
        Path repo = tmp.resolve("repo");
        workspace(repo,
                List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0", "gamma"}),
                List.of(new String[] {"gamma", "0.3.0", "delta"}, new String[] {"delta", "0.1.0"}),
                "[advisories]\nunmaintained = \"workspace\"\nunsound = \"none\"\nmaximum-db-staleness = \"P30D\"\n");
        Path db = db(tmp);
        Files.writeString(db.resolve("crates/alpha/RUSTSEC-2030-0001.md"), "```toml\n[advisory]\nid = 12\n```\n");
        Run r = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--format", "json",
                "--policies", "advisories");
        JsonNode j = r.json();
        List<String> c = codes(j);
        // RUSTSEC-2030-0001 cannot be read; the others still are. gamma is transitive (scope workspace), delta's scope is none.
        assertTrue(c.contains("malformed-advisory null error") || c.stream().anyMatch(s -> s.startsWith("malformed-advisory")), c.toString());
        assertTrue(c.contains("vulnerability beta@1.4.0 error"), c.toString());
        assertFalse(c.stream().anyMatch(s -> s.startsWith("unmaintained") || s.startsWith("unsound")), c.toString());
        assertFalse(c.contains("vulnerability alpha@1.2.3 error"), c.toString());
        JsonNode m = j.get("findings").get(0);
        for (JsonNode f : j.get("findings")) if (f.get("code").asText().equals("malformed-advisory")) m = f;
        assertTrue(m.get("file").asText().endsWith("crates/alpha/RUSTSEC-2030-0001.md"), m.toString());
        assertEquals(3, m.get("line").asInt());
        // the db's newest advisory is 2030-01-01: today (real date) is before that, so not stale
        assertFalse(c.stream().anyMatch(s -> s.startsWith("stale-advisory-db")), c.toString());
    }

    private static void commitAll(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    /** The CI test of issue 4: base adds one vulnerable crate, head a second; only the second fails. */
    @Test
    void prModeFailsOnlyForWhatTheChangeAdds(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path db = db(tmp);
        workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), "[advisories]\nignore = []\n");
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            commitAll(g, "base: alpha");
            workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0"}), List.of(),
                    "[advisories]\nignore = []\n");
            commitAll(g, "head: beta");
            Run r = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--format", "json",
                    "--policies", "advisories", "--base", "HEAD~1");
            assertEquals(1, r.code(), r.toString());
            assertEquals(List.of(
                    "vulnerability alpha@1.2.3 warning new=false",
                    "vulnerability beta@1.4.0 error new=true"), codes(r.json()));

            // the head ignores beta with an expiry in the past: the ignore does not apply, the finding is back
            workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0"}), List.of(),
                    "[advisories]\nignore = [\n  { id = \"RUSTSEC-2030-0002\", reason = \"waiting for 2.0\", tracking = \"#7\", expires = \"2000-01-01\" },\n]\n");
            Run expired = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--format", "json",
                    "--policies", "advisories", "--base", "HEAD~1");
            assertEquals(1, expired.code(), expired.toString());
            assertEquals(List.of(
                    "advisory-ignore-expired RUSTSEC-2030-0002 warning",
                    "ignore-added RUSTSEC-2030-0002 warning new=true",
                    "vulnerability alpha@1.2.3 warning new=false",
                    "vulnerability beta@1.4.0 error new=true"), codes(expired.json()));

            // with a future expiry it is a valid ignore, but the base's policy applies: it does not count
            // until merged, and ignore-added shows reviewers the decision
            workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0"}), List.of(),
                    "[advisories]\nignore = [\n  { id = \"RUSTSEC-2030-0002\", reason = \"waiting for 2.0\", tracking = \"#7\", expires = \"2999-01-01\" },\n]\n");
            Run notYet = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--format", "json",
                    "--policies", "advisories", "--base", "HEAD~1");
            assertEquals(1, notYet.code(), notYet.toString());
            assertEquals(List.of(
                    "ignore-added RUSTSEC-2030-0002 warning new=true",
                    "vulnerability alpha@1.2.3 warning new=false",
                    "vulnerability beta@1.4.0 error new=true"), codes(notYet.json()));
            // under the change's own policy (--policy-from head) it applies: the gate warns
            Run ignored = Run.of("check", "--repo", repo.toString(), "--advisory-db", db.toString(), "--format", "json",
                    "--policies", "advisories", "--base", "HEAD~1", "--policy-from", "head");
            assertEquals(0, ignored.code(), ignored.toString());
            assertEquals(List.of(
                    "advisory-ignored beta@1.4.0 note",
                    "ignore-added RUSTSEC-2030-0002 warning new=true",
                    "vulnerability alpha@1.2.3 warning new=false"), codes(ignored.json()));
        }
    }

    @Test
    void scanListsUnTriagedAdvisoriesAsIssues() {
        String demo = dev.tollgate.fixtures.Corpus.fixture("demo").toString();
        Run md = Run.of("advisories", "scan", "--repo", demo);
        assertEquals(0, md.code(), md.toString());
        // RUSTSEC-2099-0002 is ignored in the demo's deny.toml: only 0001 is an issue
        assertTrue(md.out().startsWith("## RUSTSEC-2099-0001: tiny-yaml@0.8.1 — Deeply nested flow sequences overflow the stack\n"), md.out());
        assertTrue(md.out().contains("<!-- tollgate-advisory-key: RUSTSEC-2099-0001: tiny-yaml@0.8.1 -->"), md.out());
        assertTrue(md.out().contains("### Suggested response: `update`"), md.out());
        assertTrue(md.out().contains("{ id = \"RUSTSEC-2099-0001\", reason = \"TODO: why this is acceptable\", tracking = \"#TODO\", expires = \"YYYY-MM-DD\" },"), md.out());
        assertFalse(md.out().contains("RUSTSEC-2099-0002"), md.out());
        Run json = Run.of("advisories", "scan", "--repo", demo, "--format", "json");
        JsonNode issues = json.json().get("issues");
        assertEquals(1, issues.size(), json.out());
        assertEquals("RUSTSEC-2099-0001: tiny-yaml@0.8.1", issues.get(0).get("key").asText());
        assertEquals("vulnerability", issues.get(0).get("kind").asText());
        assertTrue(issues.get(0).get("body").asText().contains("Direct dependency"), issues.get(0).get("body").asText());
        // the check's internal phases are not the scan's output: standard error stays quiet, as check's does
        assertEquals("", md.err(), md.toString());
        assertEquals("", json.err(), json.toString());
    }

    /** In PR mode the database setting is policy: a change cannot point the gate at an empty database. */
    @Test
    void prModeReadsTheDatabaseSettingFromTheBase(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path db = db(tmp);
        Path empty = Files.createDirectories(tmp.resolve("empty/crates"));
        workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), "[advisories]\n");
        Files.writeString(repo.resolve("tollgate.toml"), "[advisories]\ndb = \"" + db.toString().replace("\\", "/") + "\"\n");
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            commitAll(g, "base");
            workspace(repo, List.of(new String[] {"alpha", "1.2.3"}, new String[] {"beta", "1.4.0"}), List.of(), "[advisories]\n");
            Files.writeString(repo.resolve("tollgate.toml"), "[advisories]\ndb = \"" + empty.getParent().toString().replace("\\", "/") + "\"\n");
            commitAll(g, "head points at an empty database");
            Run r = Run.of("check", "--repo", repo.toString(), "--format", "json", "--policies", "advisories", "--base", "HEAD~1");
            assertEquals(1, r.code(), r.toString());
            assertEquals(List.of("vulnerability alpha@1.2.3 warning new=false", "vulnerability beta@1.4.0 error new=true"), codes(r.json()));
            Run head = Run.of("check", "--repo", repo.toString(), "--format", "json", "--policies", "advisories", "--base", "HEAD~1",
                    "--policy-from", "head");
            // the head's empty database finds nothing, and having no advisory it cannot be dated: stale, fail closed
            assertEquals(1, head.code(), head.toString());
            assertEquals(1, codes(head.json()).size(), head.out());
            assertTrue(codes(head.json()).get(0).startsWith("stale-advisory-db "), head.out());
        }
    }
}
