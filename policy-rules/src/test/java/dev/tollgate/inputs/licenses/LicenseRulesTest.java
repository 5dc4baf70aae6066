package dev.tollgate.inputs.licenses;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licenses rules on hand-built workspaces: each case says what cargo-deny would say. */
class LicenseRulesTest {
    static final PolicyEngine ENGINE = Tollgate.engine(EngineOptions.bundled());

    static List<Finding> run(MetaJson meta, String denyToml) {
        return run(MetadataReader.parse(meta.json(), "metadata.json", null), denyToml);
    }

    /** The licenses rules on a workspace's facts and a deny.toml's [licenses] and [graph]. */
    static List<Finding> run(CargoWorkspace ws, String denyToml) {
        DenyConfig deny = DenyTomlReader.parse(denyToml, "deny.toml");
        List<Object> facts = new ArrayList<>();
        facts.addAll(ws.members());
        facts.addAll(ws.packages());
        facts.addAll(ws.edges());
        facts.addAll(ws.inclusions());
        facts.add(deny.graph());
        facts.addAll(LicenseFacts.build(ws, deny, null, "deny.exceptions.toml"));
        facts.add(new RunContext(Set.of("licenses"), "", "deny.toml"));
        Verdict v = ENGINE.evaluate(facts, Set.of("licenses"));
        return v.findings();
    }

    static List<String> codes(List<Finding> fs) {
        return fs.stream().map(f -> f.code() + " " + (f.subject() == null ? "" : f.subject())).sorted().toList();
    }

    static Finding only(List<Finding> fs, String code) {
        List<Finding> m = fs.stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, m.size(), codes(fs).toString());
        return m.get(0);
    }

    private static MetaJson app() {
        return new MetaJson().member("app", "0.1.0", "MIT");
    }

    @Test
    void allowedLicensesPass() {
        MetaJson m = app().crate("serde", "1.0.0", "MIT/Apache-2.0").dep("app", "serde", "normal");
        assertEquals(List.of(), codes(run(m, "[licenses]\nallow = [\"MIT\"]\n")));
    }

    @Test
    void rejectedSaysWhichTermsAndHowTheCrateIsReached() {
        MetaJson m = app().crate("mid", "1.0.0", "MIT").crate("odd", "2.0.0", "(MIT OR Apache-2.0) AND Unicode-DFS-2016")
                .dep("app", "mid", "normal").dep("mid", "odd", "normal");
        List<Finding> fs = run(m, "[licenses]\nallow = [\"MIT\", \"Apache-2.0\"]\n");
        Finding f = only(fs, "rejected");
        assertEquals("odd@2.0.0", f.subject());
        assertTrue(f.message().contains("`Unicode-DFS-2016` is not allowed"), f.message());
        assertTrue(f.message().contains("reached through app@0.1.0 -> mid@1.0.0 -> odd@2.0.0"), f.message());
        // Apache-2.0 counts as used: the expression names it, though MIT settles that choice
        assertEquals(List.of("rejected odd@2.0.0"), codes(fs));
    }

    @Test
    void withExceptionIsNotAllowedByThePlainLicense() {
        MetaJson m = app().crate("wasm", "1.0.0", "Apache-2.0 WITH LLVM-exception").dep("app", "wasm", "normal");
        Finding f = only(run(m, "[licenses]\nallow = [\"MIT\", \"Apache-2.0\"]\n"), "rejected");
        assertTrue(f.message().contains("allowing `Apache-2.0` does not allow `Apache-2.0 WITH LLVM-exception`"), f.message());
        assertEquals(List.of(), codes(run(m, "[licenses]\nallow = [\"MIT\", \"Apache-2.0 WITH LLVM-exception\"]\n")));
    }

    @Test
    void copyleftIsOneDecisionListingEveryCrate() {
        MetaJson m = app().crate("a", "1.0.0", "GPL-3.0-or-later").crate("b", "1.0.0", "MIT OR GPL-3.0+")
                .crate("c", "1.0.0", "GPL-3.0-or-later AND MIT").crate("d", "1.0.0", "MPL-2.0")
                .dep("app", "a", "normal").dep("app", "b", "normal").dep("app", "c", "normal").dep("app", "d", "normal");
        List<Finding> fs = run(m, "[licenses]\nallow = [\"MIT\"]\n");
        // b passes through MIT; a and c need GPL-3.0+; d needs MPL-2.0
        assertEquals(List.of("copyleft-needs-decision GPL-3.0-or-later", "copyleft-needs-decision MPL-2.0"), codes(fs));
        Finding gpl = fs.stream().filter(f -> "GPL-3.0-or-later".equals(f.subject())).findFirst().orElseThrow();
        assertTrue(gpl.message().contains("2 crates need it: a@1.0.0 (a direct dependency), c@1.0.0 (a direct dependency)"), gpl.message());
        assertEquals("error", gpl.severity().name().toLowerCase());
    }

    @Test
    void unlicensedUnlessClarified() {
        MetaJson m = app().crate("ring", "0.16.20", null).licenseFile("ring", "LICENSE").dep("app", "ring", "normal");
        Finding f = only(run(m, "[licenses]\nallow = [\"MIT\", \"ISC\", \"OpenSSL\"]\n"), "unlicensed");
        assertTrue(f.message().contains("declares only a license file (LICENSE)"), f.message());
        List<Finding> fs = run(m, """
                [licenses]
                allow = ["MIT", "ISC", "OpenSSL"]
                [[licenses.clarify]]
                crate = "ring@0.16"
                expression = "MIT AND ISC AND OpenSSL"
                license-files = [{ path = "LICENSE", hash = 0xbd0eed23 }]
                """);
        Finding note = only(fs, "clarification-unverified");
        assertTrue(note.message().contains("LICENSE 0xbd0eed23"), note.message());
        assertTrue(note.message().contains("the crate's sources are not on this machine (/reg/ring-0.16.20)"), note.message());
        assertEquals(3, note.location().line(), "the [[licenses.clarify]] header");
        assertEquals(List.of("clarification-unverified ring@0.16.20"), codes(fs));
    }

    /** With the crate's sources on disk, a clarification applies only when its license files match (cargo-deny). */
    @Test
    void clarificationsAreCheckedAgainstTheCratesLicenseFiles(@TempDir Path tmp) throws Exception {
        Path crate = Files.createDirectories(tmp.resolve("ring-0.16.20"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\n");
        Files.writeString(crate.resolve("LICENSE"), "Tollgate test license\r\nSecond line, no newline at the end");
        MetaJson m = app().crate("ring", "0.16.20", null).licenseFile("ring", "LICENSE")
                .manifestPath("ring", crate.resolve("Cargo.toml").toString()).dep("app", "ring", "normal");
        String head = "[licenses]\nallow = [\"MIT\", \"ISC\"]\n";
        String entry = "[[licenses.clarify]]\ncrate = \"ring\"\nexpression = \"MIT AND ISC\"\nlicense-files = [{ path = \"%s\", hash = %s }]\n";

        assertEquals(List.of(), codes(run(m, head + entry.formatted("LICENSE", "0xf17dc282"))), "the hash matches: applied, verified");

        List<Finding> stale = run(m, head + entry.formatted("LICENSE", "0xbd0eed23"));
        // not applied: ring has no license field, so it is unlicensed, and nothing uses ISC any more
        assertEquals(List.of("clarification-mismatch ring@0.16.20", "unlicensed ring@0.16.20", "unused-allowed-license ISC"), codes(stale));
        Finding mismatch = only(stale, "clarification-mismatch");
        assertTrue(mismatch.message().contains("`LICENSE` hashes to 0xf17dc282, not 0xbd0eed23"), mismatch.message());
        assertEquals(6, mismatch.location().line(), "the license-files entry");

        List<Finding> missing = run(m, head + entry.formatted("LICENSE-MIT", "0xf17dc282"));
        assertEquals(List.of("missing-clarification-file ring@0.16.20", "unlicensed ring@0.16.20", "unused-allowed-license ISC"), codes(missing));

        List<Finding> second = run(m, head + entry.formatted("LICENSE", "0x00000001") + entry.formatted("LICENSE", "0xf17dc282"));
        assertEquals(List.of("clarification-mismatch ring@0.16.20"), codes(second), "the next matching clarification applies");
    }

    /** Crate specs read as cargo-deny (and [bans]) read them: `name@1.2` is `=1.2`, `name:req` any requirement. */
    @Test
    void exceptionSpecsUseCargoDenysVersionRule() {
        MetaJson m = app().crate("zl", "1.3.0", "Zlib").dep("app", "zl", "normal");
        String allowOld = "[licenses]\nallow = [\"MIT\"]\nexceptions = [{ crate = \"zl@1.2\", allow = [\"Zlib\"] }]\n";
        assertEquals(List.of("rejected zl@1.3.0", "unused-license-exception zl@1.2"), codes(run(m, allowOld)),
                "zl@1.2 means =1.2 (1.2.x), not ^1.2");
        String caret = "[licenses]\nallow = [\"MIT\"]\nexceptions = [{ crate = \"zl:^1.2\", allow = [\"Zlib\"] }]\n";
        assertEquals(List.of(), codes(run(m, caret)));
    }

    @Test
    void exceptionsInlineAllowForOneCrateOnly() {
        MetaJson m = app().crate("adler32", "1.2.0", "Zlib").crate("other", "1.0.0", "Zlib")
                .dep("app", "adler32", "normal").dep("app", "other", "normal");
        List<Finding> fs = run(m, """
                [licenses]
                allow = ["MIT"]
                exceptions = [
                    { crate = "adler32@1", allow = ["Zlib"] },
                    { crate = "gone", allow = ["MIT"] },
                ]
                """);
        assertEquals(List.of("rejected other@1.0.0", "unused-license-exception gone"), codes(fs));
        assertEquals(5, only(fs, "unused-license-exception").location().line());
    }

    @Test
    void devOnlyAndPrivateMembersFollowTheSettings() {
        MetaJson m = new MetaJson().member("app", "0.1.0", null).publish("app")
                .crate("tester", "1.0.0", "BSD-3-Clause").dep("app", "tester", "dev");
        List<Finding> fs = run(m, "[licenses]\nallow = [\"MIT\"]\nunused-allowed-license = \"allow\"\n");
        // dev-only crates are not checked by default; the member is unlicensed
        assertEquals(List.of("unlicensed app@0.1.0"), codes(fs));
        fs = run(m, "[licenses]\nallow = [\"MIT\"]\ninclude-dev = true\nunused-allowed-license = \"allow\"\nprivate = { ignore = true }\n");
        assertEquals(List.of("rejected tester@1.0.0", "skipped-private-workspace-crate app@0.1.0"), codes(fs));
    }

    @Test
    void unparsableLicenseIsAFinding() {
        MetaJson m = app().crate("weird", "1.0.0", "MIT & Apache").dep("app", "weird", "normal");
        Finding f = only(run(m, "[licenses]\nallow = [\"MIT\"]\n"), "parse-error");
        assertTrue(f.message().contains("column 5"), f.message());
    }

    @Test
    void unusedAllowedLicenseLevel() {
        MetaJson m = app();
        Finding f = only(run(m, "[licenses]\nallow = [\"MIT\", \"ISC\"]\nunused-allowed-license = \"deny\"\n"), "unused-allowed-license");
        assertEquals("ISC", f.subject());
        assertEquals("ERROR", f.severity().name());
        assertEquals(2, f.location().line());
    }
}
