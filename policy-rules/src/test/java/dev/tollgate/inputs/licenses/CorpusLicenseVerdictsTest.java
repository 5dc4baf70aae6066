package dev.tollgate.inputs.licenses;

import dev.tollgate.api.facts.LicenseReq;
import dev.tollgate.api.facts.LicensesConfig;
import dev.tollgate.api.facts.PackageLicense;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real license strings (guppy's metadata dump at 78cb7e8, 214 packages) against an allow list
 * chosen to exercise every outcome: {@code allow = ["Apache-2.0", "Unlicense"]}, no MIT.
 * Expected verdicts are read off the dump's {@code license} fields by hand.
 */
class CorpusLicenseVerdictsTest {
    static final String DUMP = "cargo-metadata/guppy-metadata_guppy_78cb7e8.json";
    static final String DENY = "[licenses]\nallow = [\"Apache-2.0\", \"Unlicense\"]\nprivate = { ignore = true }\n";

    /** name@version → pass | rejected | copyleft | unlicensed, with the license string it was read from. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // pass: some alternative is Apache-2.0 or Unlicense
        EXPECTED.put("adler@0.2.3", "pass");            // 0BSD OR MIT OR Apache-2.0
        EXPECTED.put("aho-corasick@0.7.13", "pass");    // Unlicense/MIT
        EXPECTED.put("anyhow@1.0.33", "pass");          // MIT OR Apache-2.0
        EXPECTED.put("ascii@0.9.3", "pass");            // Apache-2.0 / MIT
        EXPECTED.put("bitflags@1.2.1", "pass");         // MIT/Apache-2.0
        EXPECTED.put("byteorder@1.3.4", "pass");        // Unlicense OR MIT
        EXPECTED.put("bytesize@1.0.1", "pass");         // Apache-2.0
        EXPECTED.put("criterion@0.3.3", "pass");        // Apache-2.0/MIT
        EXPECTED.put("diffus@0.9.1", "pass");           // Apache-2.0
        EXPECTED.put("miniz_oxide@0.4.3", "pass");      // MIT OR Zlib OR Apache-2.0
        EXPECTED.put("ryu@1.0.5", "pass");              // Apache-2.0 OR BSL-1.0
        EXPECTED.put("termcolor@1.1.0", "pass");        // Unlicense OR MIT
        EXPECTED.put("tinyvec@0.3.4", "pass");          // Zlib OR Apache-2.0 OR MIT
        EXPECTED.put("wasi@0.9.0+wasi-snapshot-preview1", "pass"); // Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT
        EXPECTED.put("openssl@0.10.30", "pass");        // Apache-2.0
        EXPECTED.put("core-foundation@0.7.0", "pass");  // MIT / Apache-2.0
        EXPECTED.put("memchr@2.3.3", "pass");           // Unlicense/MIT
        EXPECTED.put("walkdir@2.3.1", "pass");          // Unlicense/MIT
        EXPECTED.put("guppy@0.5.0", "pass");            // MIT OR Apache-2.0 (a member)
        // rejected: MIT only
        EXPECTED.put("ansi_term@0.11.0", "rejected");
        EXPECTED.put("atty@0.2.14", "rejected");
        EXPECTED.put("cargo_metadata@0.11.3", "rejected");
        EXPECTED.put("clap@2.33.3", "rejected");
        EXPECTED.put("curl-sys@0.4.36+curl-7.71.1", "rejected");
        EXPECTED.put("openssl-sys@0.9.58", "rejected");
        EXPECTED.put("void@1.0.2", "rejected");
        EXPECTED.put("textwrap@0.11.0", "rejected");
        // copyleft: MPL-2.0+ (weak copyleft), not allowed
        EXPECTED.put("bitmaps@2.1.0", "copyleft");
        EXPECTED.put("im-rc@15.0.0", "copyleft");
        EXPECTED.put("sized-chunks@0.6.2", "copyleft");
        // unlicensed: members without a license field
        EXPECTED.put("cargo-compare@0.1.0", "unlicensed");
        EXPECTED.put("fixtures@0.1.0", "unlicensed");
    }

    static String verdict(LicensesConfig cfg, PackageLicense p) {
        if (p.isUnlicensed()) return "unlicensed";
        if (p.expression() == null) return "rejected";
        // What rules/licenses.drl decides: allow plus the crate's exceptions; a rejected copyleft term is copyleft.
        if (p.expression().satisfiedBy(cfg.allowed(), p.exceptionAllowed())) return "pass";
        return p.expression().rejectedTerms(cfg.allowed(), p.exceptionAllowed()).stream().anyMatch(LicenseReq::copyleft)
                ? "copyleft" : "rejected";
    }

    @Test
    void handWrittenVerdicts() {
        CargoWorkspace ws = MetadataReader.read(Corpus.file(DUMP), DUMP, null);
        DenyConfig deny = DenyTomlReader.parse(DENY, "deny.toml");
        List<Object> facts = LicenseFacts.build(ws, deny, null, "deny.exceptions.toml");
        LicensesConfig cfg = (LicensesConfig) facts.get(0);
        Map<String, PackageLicense> bySpec = new HashMap<>();
        for (Object o : facts) if (o instanceof PackageLicense p) bySpec.put(p.spec(), p);
        assertEquals(214, bySpec.size());
        assertTrue(EXPECTED.size() >= 30);
        Map<String, String> actual = new LinkedHashMap<>();
        for (String spec : EXPECTED.keySet()) actual.put(spec, verdict(cfg, bySpec.get(spec)));
        assertEquals(EXPECTED, actual);
    }

    @Test
    void throughTheRules() {
        List<Finding> fs = LicenseRulesTest.run(MetadataReader.read(Corpus.file(DUMP), DUMP, null), DENY);

        // Every MIT-only package of the dump, read off it by hand; rejected findings are among them.
        Set<String> mitOnly = Set.of("ansi_term@0.11.0", "atty@0.2.14", "cargo_metadata@0.11.3", "clap@2.33.3", "combine@3.8.1",
                "commoncrypto@0.2.0", "commoncrypto-sys@0.2.0", "console@0.11.3", "crypto-hash@0.3.4", "curl@0.4.33",
                "curl-sys@0.4.36+curl-7.71.1", "dialoguer@0.6.2", "difference@2.0.0", "fwdansi@1.1.0", "matches@0.1.8",
                "memoffset@0.5.6", "nested@0.1.1", "oorandom@11.1.2", "openssl-sys@0.9.58", "output_vt100@0.1.2",
                "plotters@0.2.15", "redox_syscall@0.1.57", "schannel@0.1.19", "strsim@0.8.0", "termios@0.3.2",
                "textwrap@0.11.0", "void@1.0.2");
        TreeSet<String> rejected = new TreeSet<>();
        TreeSet<String> unlicensed = new TreeSet<>();
        TreeSet<String> skipped = new TreeSet<>();
        for (Finding f : fs) {
            switch (f.code()) {
                case "rejected" -> rejected.add(f.subject());
                case "unlicensed" -> unlicensed.add(f.subject());
                case "skipped-private-workspace-crate" -> skipped.add(f.subject());
                default -> { }
            }
        }
        assertFalse(rejected.isEmpty());
        assertTrue(mitOnly.containsAll(rejected), rejected.toString());
        assertTrue(rejected.contains("clap@2.33.3"), "clap is a normal dependency of cargo-guppy");
        // publish = [] members are skipped (private.ignore); the members without a license and no publish key are not
        assertEquals(Set.of("fixtures@0.1.0", "guppy-benchmarks@0.1.0", "proptest-ext@0.1.0"), skipped);
        assertEquals(Set.of("cargo-compare@0.1.0", "fixture-manager@0.1.0", "guppy-cmdlib@0.1.0"), unlicensed);
        Finding mpl = fs.stream().filter(f -> f.code().equals("copyleft-needs-decision")).findFirst().orElseThrow();
        assertEquals("MPL-2.0+", mpl.subject());
        assertTrue(mpl.message().contains("bitmaps@2.1.0") && mpl.message().contains("im-rc@15.0.0")
                && mpl.message().contains("sized-chunks@0.6.2"), mpl.message());
    }
}
