package dev.tollgate.inputs.bans;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * [bans.build] on a real {@code cargo metadata} dump: ../shared/corpus/cargo-metadata/cargo-deny-06_metadata.json with
 * its Cargo.lock (cargo-deny's own test data). The sources of its crates are not on this machine.
 */
class BuildCorpusTest {
    @TempDir
    Path repo;

    @Test
    void allowBuildScriptsOnCargoDenyTestData() throws IOException {
        Files.copy(Corpus.file("cargo-metadata/cargo-deny-06_Cargo.lock"), repo.resolve("Cargo.lock"));
        Files.writeString(repo.resolve("deny.toml"), """
                [bans.build]
                allow-build-scripts = ["libc", "proc-macro2", "serde", "syn", "serde_derive"]
                """);
        Path meta = Files.copy(Corpus.file("cargo-metadata/cargo-deny-06_metadata.json"), repo.resolve("metadata.json"));
        RepositoryFacts.Result r = RepositoryFacts.load(new RepositoryFacts.Request(repo, null, meta, Set.of("bans"), Set.of("bans")));
        Verdict v = Workspace.engine().evaluate(r.facts(), Set.of("bans"));
        // The dump's 194 packages hold 43 with a custom-build target (counted in the JSON) and 5 proc-macros
        // (async-trait, enum-as-inner, failure_derive, serde_derive, thiserror-impl); async-trait, failure_derive and
        // serde_derive also have build scripts. No member has one. With [graph] at its defaults all are in the graph.
        List<String> denied = subjects(v, "build-script-not-allowed");
        assertEquals(List.of("async-trait@0.1.52", "backtrace@0.3.59", "bitflags@1.2.1", "core-foundation-sys@0.8.2",
                "failure_derive@0.1.8", "futures-channel@0.3.24", "futures-core@0.3.24", "futures-task@0.3.24",
                "futures-util@0.3.24", "html5ever@0.19.0", "html5ever@0.22.5", "ipconfig@0.2.2", "libusb-sys@0.2.3",
                "log@0.4.14", "markup5ever@0.4.0", "markup5ever@0.7.5", "memchr@2.3.4", "miniz_oxide@0.4.4",
                "native-tls@0.2.7", "nom@6.2.1", "ntapi@0.3.7", "openssl-sys@0.9.65", "openssl@0.10.35", "radium@0.5.3",
                "rand@0.6.5", "rand_chacha@0.1.1", "rand_pcg@0.1.2", "ryu@1.0.5", "serde_json@1.0.64", "slab@0.4.7",
                "string_cache@0.6.2", "string_cache@0.7.5", "thiserror@1.0.37", "winapi-i686-pc-windows-gnu@0.4.0",
                "winapi-x86_64-pc-windows-gnu@0.4.0", "winapi@0.3.9"), denied);
        assertEquals(36, denied.size(), "43 build scripts, 7 allowed (libc, proc-macro2 twice, serde, serde_derive, syn twice)");
        Finding openssl = v.findings().stream()
                .filter(f -> f.code().equals("build-script-not-allowed") && f.subject().equals("openssl-sys@0.9.65")).findFirst().orElseThrow();
        assertEquals("build/main.rs", openssl.data().get("buildScript"));
        assertEquals("Cargo.lock", openssl.location().file());
        assertEquals(857, openssl.location().line(), "the [[package]] line of openssl-sys in the lockfile");
        assertEquals(Severity.ERROR, openssl.severity());

        // The allowed build scripts and the proc-macros without a denied build script would be scanned (executables
        // = deny by default), but their sources (under /home/jake/.cargo/registry/src) are not here: fail closed.
        List<String> unchecked = subjects(v, "build-not-evaluated");
        assertEquals(List.of("enum-as-inner@0.3.4", "libc@0.2.98", "proc-macro2@0.4.30", "proc-macro2@1.0.27", "serde@1.0.126",
                "serde_derive@1.0.126", "syn@0.15.44", "syn@1.0.73", "thiserror-impl@1.0.37"), unchecked);
        assertTrue(v.findings().stream().filter(f -> f.code().equals("build-not-evaluated"))
                .allMatch(f -> f.severity() == Severity.ERROR && f.message().contains("sources are not on this machine")));
        assertEquals(List.of(), v.findings().stream().map(Finding::code)
                .filter(c -> !Set.of("duplicate", "build-script-not-allowed", "build-not-evaluated").contains(c)).toList(),
                "every allow-build-scripts entry matches a crate with a build script");
    }

    private static List<String> subjects(Verdict v, String code) {
        return v.findings().stream().filter(f -> f.code().equals(code)).map(Finding::subject).sorted().toList();
    }
}
