package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bans policy on ZeroClaw head from the lockfile alone (no cargo metadata). Its deny.toml sets
 * {@code multiple-versions = "deny"}, {@code wildcards = "deny"}, one {@code deny} entry
 * ({@code lru:<0.18.2} with wrappers nostr-database and nostr-relay-pool) and 49 {@code [[bans.skip]]}
 * entries, each {@code name} plus an exact {@code =version}.
 *
 * <p>What cargo-deny's default-feature graph sees (cargo metadata with every member's default features,
 * all targets, since [graph] sets none) and what the lockfile plus member manifests tell differ in one
 * way only; each test below is one named case, with what was read by hand to derive it:
 * <ul>
 *   <li>member features, read from the member manifests: modelled exactly, so no difference
 *       ({@link #lru016IsOnlyBehindTheNonDefaultFeatureChannelNostr});</li>
 *   <li>member dev-dependencies: modelled exactly ({@link #devOnlyVersionsAreNotCounted});</li>
 *   <li>skip entries: applied as cargo-deny applies them ({@link #skippedVersionsNeverCountAndFullySkippedNamesAreSilent});</li>
 *   <li>optional dependencies of registry crates: a lockfile records them whether or not their feature is
 *       on, and no registry manifest is in the corpus to say which are on; this is the difference
 *       ({@link #registryCratesOptionalDependenciesMakeTheRestAnUpperBound}).</li>
 * </ul>
 */
class ZeroClawBansTest {
    static JsonNode findings;
    static Map<String, TreeSet<String>> lockVersions = new TreeMap<>();
    static Map<String, Set<String>> skipVersions = new TreeMap<>();

    @BeforeAll
    static void run() throws IOException {
        Run r = Run.of("check", "--repo", Corpus.file("zeroclaw/head").toString(), "--policies", "bans", "--format", "json");
        assertEquals(1, r.code(), r.err());
        findings = r.json().get("findings");
        // Read off the files directly, not through Tollgate: every [[package]] name and version, and every
        // [[bans.skip]] name with its =version.
        String lock = Files.readString(Corpus.file("zeroclaw/head/Cargo.lock"));
        Matcher m = Pattern.compile("\\[\\[package]]\\nname = \"([^\"]+)\"\\nversion = \"([^\"]+)\"").matcher(lock);
        while (m.find()) lockVersions.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        String deny = Files.readString(Corpus.file("zeroclaw/head/deny.toml"));
        Matcher s = Pattern.compile("\\[\\[bans.skip]]\\nname = \"([^\"]+)\"\\nversion = \"=([^\"]+)\"").matcher(deny);
        while (s.find()) skipVersions.computeIfAbsent(s.group(1), k -> new TreeSet<>()).add(s.group(2));
    }

    private static List<JsonNode> code(String code) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : findings) if (f.get("code").asText().equals(code)) out.add(f);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theCorpusIsWhatTheseCasesWereDerivedFrom() {
        assertEquals(1267, lockVersions.values().stream().mapToInt(Set::size).sum(), "packages in Cargo.lock");
        assertEquals(49, skipVersions.values().stream().mapToInt(Set::size).sum(), "[[bans.skip]] entries");
    }

    /**
     * Case: member features. Cargo.lock holds lru 0.16.4, depended on by nostr-database and
     * nostr-relay-pool, which come from nostr-sdk; crates/zeroclaw-channels/Cargo.toml declares nostr-sdk
     * optional, enabled only by {@code channel-nostr = ["dep:nostr-sdk"]}, which neither its
     * {@code default = ["default-channels"]} nor the root crate's default list reaches. So in the default
     * graph lru 0.16.4 is absent: the skip entry {@code lru =0.16.4} matches nothing and the two wrappers
     * wrap nothing. cargo-deny's default-feature graph gives the same three warnings.
     */
    @Test
    void lru016IsOnlyBehindTheNonDefaultFeatureChannelNostr() {
        assertEquals(List.of("lru:=0.16.4"), code("unmatched-skip").stream().map(f -> f.get("subject").asText()).toList());
        assertEquals(List.of("nostr-database", "nostr-relay-pool"),
                code("unused-wrapper").stream().map(f -> f.get("subject").asText()).sorted().toList());
        assertTrue(code("banned").isEmpty(), "lru 0.18.2, the version in the graph, is not <0.18.2");
        assertEquals(Set.of("0.16.4", "0.18.2"), lockVersions.get("lru"));
        JsonNode skip = code("unmatched-skip").get(0);
        assertEquals("deny.toml", skip.get("file").asText());
        assertEquals(95, skip.get("line").asInt(), "the [[bans.skip]] header of the lru entry");
    }

    /**
     * Case: dev-dependencies ({@code multiple-versions-include-dev} is false by default). ctor is locked in
     * 0.2.9 and 0.8.0; 0.2.9 comes only from matrix-sdk-test, which crates/zeroclaw-channels/Cargo.toml
     * lists under [dev-dependencies] (its normal matrix-sdk dependency is optional behind
     * {@code channel-matrix}, not a default). So ctor is no duplicate, for cargo-deny nor for Tollgate.
     */
    @Test
    void devOnlyVersionsAreNotCounted() {
        assertEquals(Set.of("0.2.9", "0.8.0"), lockVersions.get("ctor"));
        for (JsonNode f : code("duplicate")) assertFalse(f.get("subject").asText().equals("ctor"), f.toString());
    }

    /**
     * Case: skip entries remove exactly the listed version from the count, as in cargo-deny. A name whose
     * locked versions are all skipped but one is never reported (getrandom: 0.2.17 and 0.3.4 skipped,
     * 0.4.2 counted; the seven windows_* target crates: 0.48.5 and 0.52.6 skipped), and no reported
     * duplicate lists a skipped version.
     */
    @Test
    void skippedVersionsNeverCountAndFullySkippedNamesAreSilent() {
        Set<String> reported = new TreeSet<>();
        for (JsonNode f : code("duplicate")) {
            String name = f.get("subject").asText();
            reported.add(name);
            for (String v : texts(f.get("data").get("versions"))) {
                assertFalse(skipVersions.getOrDefault(name, Set.of()).contains(v), name + " " + v + " is skipped");
            }
        }
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : skipVersions.entrySet()) {
            TreeSet<String> left = new TreeSet<>(lockVersions.getOrDefault(e.getKey(), new TreeSet<>()));
            left.removeAll(e.getValue());
            if (left.size() <= 1) {
                assertFalse(reported.contains(e.getKey()), e.getKey() + " keeps only " + left);
                silent.add(e.getKey());
            }
        }
        assertEquals(Set.of("0.2.17", "0.3.4", "0.4.2"), lockVersions.get("getrandom"));
        assertFalse(reported.contains("getrandom"));
        // Counted by hand from the two files: the skip names minus those with two or more unskipped versions
        // (hashbrown, io-lifetimes, rand, windows-sys, windows-targets, winnow, wit-bindgen and the seven
        // windows_* crates other than windows_i686_gnullvm, which has only 0.52.6 and 0.53.1).
        assertEquals(List.of("async-channel", "bitflags", "chacha20", "cpufeatures", "event-listener", "foldhash", "getrandom",
                "lru", "mio", "nom", "r-efi", "rand_core", "rustc-hash", "self_cell", "strum", "strum_macros", "thiserror",
                "thiserror-impl", "webpki-roots", "windows-link", "windows_i686_gnullvm"), silent);
    }

    /**
     * Case: registry crates' optional dependencies, the one difference. Cargo.lock lists every
     * dependency a registry crate may have, optional or not, and the corpus holds no registry manifest
     * that would say which optional features are on; cargo-deny, reading cargo metadata, sees only the
     * enabled ones. So from the lockfile alone, every version below counts, and the list is an upper
     * bound of what cargo-deny reports: each name is either a duplicate cargo-deny also reports or one
     * reached only through a registry crate's non-default feature. The members whose default
     * dependencies lead to them, read from their manifests: apps/tauri (zeroclaw-desktop: tauri,
     * tauri-build, tauri-plugin-single-instance), apps/zerocode (ratatui with termwiz), xtask and
     * tools/fill-translations (cargo_metadata 0.18, toml 0.8, reqwest 0.12, schemars 1), and the plugin
     * test fixture crates (wit-bindgen 0.34 through waki beside wit-bindgen 0.51), none of which the skip
     * list (written "as of 2026-07-01") covers. Run with --metadata for cargo-deny's exact answer.
     */
    @Test
    void registryCratesOptionalDependenciesMakeTheRestAnUpperBound() {
        List<String> names = code("duplicate").stream().map(f -> f.get("subject").asText()).sorted().toList();
        assertEquals(List.of("base64", "bit-set", "bit-vec", "cargo_metadata", "fancy-regex", "fluent-syntax", "hashbrown",
                "heck", "indexmap", "jni-sys", "nix", "phf", "phf_codegen", "phf_generator", "phf_macros", "phf_shared", "png",
                "proc-macro-crate", "rand", "rand_chacha", "reqwest", "schemars", "schemars_derive", "serde_spanned", "syn",
                "toml", "toml_datetime", "toml_edit", "untrusted", "wasm-encoder", "wasm-metadata", "wasmparser",
                "windows-sys", "windows-targets", "windows_aarch64_gnullvm", "windows_aarch64_msvc", "windows_i686_gnu",
                "windows_i686_msvc", "windows_x86_64_gnu", "windows_x86_64_gnullvm", "windows_x86_64_msvc", "winnow",
                "wit-bindgen", "wit-bindgen-core", "wit-bindgen-rust", "wit-bindgen-rust-macro", "wit-component", "wit-parser"),
                names);
        for (JsonNode f : code("duplicate")) {
            assertEquals("error", f.get("severity").asText(), "multiple-versions = \"deny\"");
            assertEquals("Cargo.lock", f.get("file").asText());
            String name = f.get("subject").asText();
            List<String> versions = texts(f.get("data").get("versions"));
            assertTrue(versions.size() >= 2, f.toString());
            assertTrue(lockVersions.get(name).containsAll(versions), f.toString());
            // Every version is listed with at least one path from a workspace member, shortest first.
            JsonNode paths = f.get("data").get("paths");
            for (String id : texts(f.get("data").get("ids"))) {
                List<String> p = texts(paths.get(id));
                assertFalse(p.isEmpty(), id);
                for (int i = 1; i < p.size(); i++) {
                    assertTrue(p.get(i - 1).split(" -> ").length <= p.get(i).split(" -> ").length, p.toString());
                }
                assertTrue(p.get(0).endsWith(id), p.toString());
            }
        }
        // One version hand-traced in Cargo.lock: windows-sys 0.45.0 is a dependency of jni 0.21.1 only, which
        // tauri 2.11.5 depends on, which apps/tauri/Cargo.toml declares without `optional`.
        JsonNode windows = code("duplicate").stream().filter(f -> f.get("subject").asText().equals("windows-sys")).findFirst().orElseThrow();
        assertEquals(List.of("0.45.0", "0.61.2"), texts(windows.get("data").get("versions")));
        assertEquals("zeroclaw-desktop@0.8.4 -> tauri@2.11.5 -> jni@0.21.1 -> windows-sys@0.45.0",
                windows.get("data").get("paths").get("windows-sys@0.45.0").get(0).asText());
        assertEquals(List.of("0.48.0", "0.52.0", "0.59.0", "0.60.2"), texts(windows.get("data").get("notCounted")),
                "the four skipped windows-sys versions");
        assertEquals(48 + 3 + 3, findings.size(), "48 duplicates, one unmatched skip, two unused wrappers, three wildcards");
    }

    /**
     * {@code wildcards = "deny"} without allow-wildcard-paths: read off the 29 member manifests, three
     * declarations in the default graph have no version and no {@code workspace = true} (whose entries all
     * carry versions): fill-translations' path dependency on xtask, zeroclaw-plugins' path dev-dependency on
     * zeroclaw-config, and the attribution-macro-consumer test fixture's path dependency on its support crate.
     * The git dependencies of zeroclaw-channels (whatsapp-rust and five more, no version either) are optional
     * and only the non-default feature {@code whatsapp-web} enables them, so, as for cargo-deny, they are not
     * in the graph.
     */
    @Test
    void threeMemberDeclarationsWithoutVersionAreWildcardErrors() {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode f : code("wildcard")) {
            assertEquals("error", f.get("severity").asText(), f.toString());
            found.put(f.get("subject").asText(), f.get("file").asText() + ":" + f.get("line").asInt());
        }
        assertEquals(Map.of(
                "fill-translations -> xtask", "tools/fill-translations/Cargo.toml:18",
                "zeroclaw-plugins -> zeroclaw-config", "crates/zeroclaw-plugins/Cargo.toml:48",
                "zeroclaw-log-attribution-macro-consumer -> zeroclaw-log-attribution-macro-support",
                "crates/zeroclaw-log/tests/fixtures/attribution-macro-consumer/Cargo.toml:10"), found);
        assertTrue(code("wildcard").stream().anyMatch(f -> f.get("message").asText().contains("as a dev-dependency")));
        assertTrue(code("wildcard").stream().noneMatch(f -> f.get("subject").asText().contains("whatsapp")));
    }

    /**
     * The same workspace with {@code allow-wildcard-paths = true} and an empty
     * {@code [bans.workspace-dependencies]} table (duplicates and unused default to deny). Every member is
     * {@code publish = false}, so the three wildcards are excused. ZeroClaw declares most shared crates in each
     * member: 442 declarations of 76 crates lack {@code workspace = true} (a naive count over the manifests by
     * package name gives 455; the difference is optional dependencies the default features leave off and
     * names locked in two versions). By hand: tar at Cargo.toml:122 and crates/zeroclaw-runtime/Cargo.toml:70;
     * directories in 9 declarations, 8 without {@code workspace = true} (apps/zerocode's has it); sys-locale
     * twice, both with {@code workspace = true}, so not reported. All 21 {@code [workspace.dependencies]}
     * entries resolve to crates in the graph: none is unused.
     */
    @Test
    void workspaceDependenciesTableOnZeroClaw(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path deny = dir.resolve("deny.toml");
        Files.writeString(deny, Files.readString(Corpus.file("zeroclaw/head/deny.toml"))
                .replace("wildcards = \"deny\"", "wildcards = \"deny\"\nallow-wildcard-paths = true")
                + "\n[bans.workspace-dependencies]\n");
        Run r = Run.of("check", "--repo", Corpus.file("zeroclaw/head").toString(), "--config", deny.toString(),
                "--policies", "bans", "--format", "json");
        assertEquals(1, r.code(), r.err());
        List<JsonNode> all = new ArrayList<>();
        r.json().get("findings").forEach(all::add);
        List<JsonNode> dups = all.stream().filter(f -> f.get("code").asText().equals("workspace-duplicate")).toList();
        assertEquals(442, dups.size());
        assertEquals(76, dups.stream().map(f -> f.get("data").get("packageId").asText()).distinct().count());
        assertTrue(dups.stream().allMatch(f -> f.get("severity").asText().equals("error")));
        Set<String> tar = new TreeSet<>();
        Set<String> directories = new TreeSet<>();
        for (JsonNode f : dups) {
            String at = f.get("file").asText() + ":" + f.get("line").asInt();
            if (f.get("data").get("packageId").asText().equals("tar@0.4.46")) tar.add(at);
            if (f.get("data").get("packageId").asText().equals("directories@6.0.0")) directories.add(at);
        }
        assertEquals(Set.of("Cargo.toml:122", "crates/zeroclaw-runtime/Cargo.toml:70"), tar);
        assertEquals(8, directories.size());
        assertFalse(directories.stream().anyMatch(a -> a.startsWith("apps/zerocode/")), directories.toString());
        assertTrue(dups.stream().noneMatch(f -> f.get("data").get("packageId").asText().startsWith("sys-locale@")));
        assertTrue(all.stream().noneMatch(f -> f.get("code").asText().equals("unused-workspace-dependency")));
        assertTrue(all.stream().noneMatch(f -> f.get("code").asText().equals("wildcard")), "allow-wildcard-paths, all private");
    }
}
