package dev.tollgate.inputs.bans;

import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.RepositoryFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code [graph] targets} on a real {@code cargo metadata} dump: cargo-deny's own advisories example
 * (../shared/corpus/cargo-metadata/cargo-deny-06_metadata.json, 194 packages, one member, 19 distinct
 * dependency targets). The numbers were checked by hand: each of the 19 targets decided for
 * x86_64-unknown-linux-gnu (true: cfg(unix), cfg(not(windows)), cfg(any(unix, target_os = "redox")),
 * cfg(not(target_os = "emscripten")), cfg(not(any(target_os = "windows", target_os = "macos",
 * target_os = "ios"))); false: the windows, macos/ios, redox, wasi, wasm32, hermit, fuchsia, cloudabi,
 * emscripten, msvc and sgx cfgs and the two windows-gnu triples), then a walk of the resolve graph from
 * the member over the edges kept: 169 of the 194 packages remain.
 */
class BansTargetsCorpusTest {
    @TempDir
    Path dir;

    private RepositoryFacts.Result load(String denyToml) throws IOException {
        Files.writeString(dir.resolve("deny.toml"), denyToml);
        return RepositoryFacts.load(new RepositoryFacts.Request(dir, null,
                Corpus.file("cargo-metadata/cargo-deny-06_metadata.json"), Set.of("bans"), Set.of("bans")));
    }

    private static Set<String> duplicates(Verdict v) {
        Set<String> out = new TreeSet<>();
        for (Finding f : v.findings()) if (f.code().equals("duplicate")) out.add(f.subject());
        return out;
    }

    @Test
    void linuxOnlyDropsTheWindowsMacAndOtherPlatformCrates() throws IOException {
        RepositoryFacts.Result all = load("[bans]\n");
        RepositoryFacts.Result linux = load("[graph]\ntargets = [\"x86_64-unknown-linux-gnu\"]\n[bans]\n");

        List<Inclusion> every = all.facts().stream().filter(Inclusion.class::isInstance).map(Inclusion.class::cast).toList();
        assertEquals(193, every.size());
        assertEquals(193, every.stream().filter(Inclusion::viaDefaults).count());

        List<Inclusion> incs = linux.facts().stream().filter(Inclusion.class::isInstance).map(Inclusion.class::cast).toList();
        Set<String> dropped = new TreeSet<>();
        for (Inclusion i : incs) if (i.targetExcluded()) dropped.add(i.packageId());
        assertEquals(new TreeSet<>(List.of("cloudabi@0.0.3", "core-foundation-sys@0.8.2", "core-foundation@0.9.1",
                "fuchsia-cprng@0.1.1", "hermit-abi@0.1.19", "ipconfig@0.2.2", "miow@0.3.7", "ntapi@0.3.7",
                "rand_hc@0.3.1", "rdrand@0.4.0", "redox_syscall@0.2.16", "redox_users@0.4.3", "remove_dir_all@0.5.3",
                "schannel@0.1.19", "security-framework-sys@2.3.0", "security-framework@2.3.1", "socket2@0.3.19",
                "tempfile@3.2.0", "vcpkg@0.2.15", "wasi@0.10.2+wasi-snapshot-preview1", "widestring@0.4.3",
                "winapi-i686-pc-windows-gnu@0.4.0", "winapi-x86_64-pc-windows-gnu@0.4.0", "winapi@0.3.9",
                "winreg@0.6.2")), dropped);
        assertEquals(168, incs.stream().filter(Inclusion::viaDefaults).count(), "169 packages with the member");
        assertTrue(incs.stream().noneMatch(i -> i.viaDefaults() && i.targetExcluded()));

        // rand_hc 0.3.1 comes only through rand 0.8's cfg(target_os = "emscripten"): on linux rand_hc is
        // in the graph in one version only, so its duplicate goes; the other duplicates stay.
        Set<String> before = duplicates(Workspace.engine().evaluate(all.facts(), Set.of("bans")));
        Set<String> after = duplicates(Workspace.engine().evaluate(linux.facts(), Set.of("bans")));
        assertTrue(before.contains("rand_hc"), before.toString());
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        assertEquals(Set.of("rand_hc"), gone);
        assertTrue(before.containsAll(after));
        assertEquals(21, before.size(), before.toString());
        assertEquals(20, after.size());
    }

    private static List<Finding> findings(RepositoryFacts.Result r, String code) {
        return Workspace.engine().evaluate(r.facts(), Set.of("bans")).findings().stream()
                .filter(f -> f.code().equals(code)).toList();
    }

    /**
     * Feature bans on the same dump, whose resolve graph records every package's features (checked by hand:
     * 51 non-member packages are built with `default`, 43 of them on linux; url 2.3.1 has `default` on, url
     * 1.7.2 nothing; the member `advisories` none).
     */
    @Test
    void featureBansReadTheResolvedFeatures() throws IOException {
        RepositoryFacts.Result warn = load("[bans]\nexternal-default-features = \"warn\"\nworkspace-default-features = \"deny\"\n");
        assertEquals(51, findings(warn, "default-feature-enabled").size());
        assertTrue(findings(warn, "default-feature-enabled").stream().allMatch(f -> f.severity() == dev.tollgate.api.findings.Severity.WARNING));

        RepositoryFacts.Result linux = load("[graph]\ntargets = [\"x86_64-unknown-linux-gnu\"]\n"
                + "[bans]\nexternal-default-features = \"warn\"\n");
        assertEquals(43, findings(linux, "default-feature-enabled").size());

        RepositoryFacts.Result entries = load("""
                [bans]
                features = [
                    { crate = "url@2.3.1", deny = ["default"] },
                    { crate = "url@1.7.2", allow = ["serde"], exact = true },
                    { crate = "url:2", allow = ["default", "no-such-feature"] },
                ]
                """);
        assertEquals(List.of("url@2.3.1"), findings(entries, "feature-banned").stream().map(Finding::subject).toList());
        Finding exact = findings(entries, "exact-features-mismatch").get(0);
        assertEquals("url@1.7.2", exact.subject());
        assertEquals(List.of("serde"), exact.data().get("missing"));
        assertEquals(List.of("url@2.3.1"), findings(entries, "unknown-feature").stream().map(Finding::subject).toList());
        assertEquals(List.of(), findings(entries, "feature-not-explicitly-allowed"));
        assertEquals(List.of(), findings(entries, "feature-set-unknown"), "cargo metadata knows every package's features");
    }
}
