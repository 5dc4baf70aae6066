package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ZeroClaw's lockfiles against the corpus RustSec snapshot. Expectations read off
 * zeroclaw/head/deny.toml (four {id, reason} ignores, lines 14, 17, 23, 29) and
 * zeroclaw/pre-rationalise/deny.toml (one bare id, seven with reasons; wasmtime and number_prefix,
 * the subjects of four of them, are not in that lockfile).
 */
class ZeroClawAdvisoriesTest {
    static Run run(String snapshot, Path cache) {
        return Run.of("check", "--repo", Corpus.file("zeroclaw/" + snapshot).toString(), "--policies", "advisories",
                "--advisory-db", Corpus.file("advisory-db").toString(), "--cache-dir", cache.toString(), "--format", "json");
    }

    static List<String> of(JsonNode j, String code) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals(code)) {
                out.add(f.get("data").get("advisory").asText() + " " + f.get("subject").asText()
                        + (f.get("data").has("reason") ? " | " + f.get("data").get("reason").asText() : ""));
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void headsFourIgnoresApplyWithTheirReasons(@TempDir Path cache) {
        Run r = run("head", cache);
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(
                "RUSTSEC-2025-0134 rustls-pemfile@2.2.0 | rustls-pemfile unmaintained; transitive dep awaiting upstream migration to rustls-pki-types",
                "RUSTSEC-2026-0173 proc-macro-error2@2.0.1 | proc-macro-error2 unmaintained; transitive macro helper via matrix-sdk dev-deps; tracking #8519",
                "RUSTSEC-2026-0247 bitmaps@3.2.1 | bitmaps unmaintained; transitive via matrix-sdk -> eyeball-im -> imbl; no safe upgrade; upstream matrix-org/matrix-rust-sdk#6859",
                "RUSTSEC-2026-0253 lru@0.16.4 | lru 0.16 remains transitive through nostr-sdk 0.44; affected caches use EventId keys and unit values; nostr-sdk 0.45 migration tracked in #9602"),
                of(r.json(), "advisory-ignored"));
        assertEquals(List.of(), of(r.json(), "unused-ignored-advisory"));
        assertEquals(List.of(), of(r.json(), "unknown-advisory"));
        // rustls-webpki 0.102.8 (transitive) is below every patched range of RUSTSEC-2026-0049: pin-or-wait
        for (JsonNode f : r.json().get("findings")) {
            if (f.get("code").asText().equals("vulnerability") && f.get("data").get("advisory").asText().equals("RUSTSEC-2026-0049")) {
                assertEquals("rustls-webpki@0.102.8", f.get("subject").asText());
                assertEquals("pin-or-wait", f.get("data").get("response").asText());
                assertEquals(false, f.get("data").get("fixCompatible").asBoolean(), "0.103.10 is not ^0.102.8");
                return;
            }
        }
        throw new AssertionError("RUSTSEC-2026-0049 not reported: " + r.out());
    }

    @Test
    void preRationaliseIgnoresBareIdsAndUnusedOnes(@TempDir Path cache) {
        Run r = run("pre-rationalise", cache);
        assertEquals(1, r.code(), r.err());
        List<String> ignored = of(r.json(), "advisory-ignored");
        assertEquals(List.of("RUSTSEC-2024-0384 instant@0.1.13", "RUSTSEC-2024-0388 derivative@2.2.0",
                "RUSTSEC-2025-0057 fxhash@0.2.1", "RUSTSEC-2025-0141 bincode@2.0.1"),
                ignored.stream().map(s -> s.substring(0, s.indexOf(" |"))).toList());
        assertEquals(List.of("RUSTSEC-2025-0141 RUSTSEC-2025-0141"), of(r.json(), "ignore-without-reason"));
        assertEquals(List.of("RUSTSEC-2025-0119 RUSTSEC-2025-0119", "RUSTSEC-2026-0006 RUSTSEC-2026-0006",
                "RUSTSEC-2026-0020 RUSTSEC-2026-0020", "RUSTSEC-2026-0021 RUSTSEC-2026-0021"), of(r.json(), "unused-ignored-advisory"));
    }
}
