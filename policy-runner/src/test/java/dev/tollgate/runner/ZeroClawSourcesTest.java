package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The foundation's acceptance case on real data. ZeroClaw head's deny.toml allows no git source
 * ({@code allow-git = []}, {@code unknown-git = "deny"}); its Cargo.lock holds ten packages from
 * github.com/oxidezap/whatsapp-rust, all pulled in by zeroclaw-channels' optional dependencies
 * (whatsapp-rust, wacore, wacore-binary, waproto, whatsapp-rust-ureq-http-client,
 * whatsapp-rust-tokio-transport and what they depend on in the same repository), which only its
 * feature {@code whatsapp-web} enables; that feature is not in zeroclaw-channels' default set, and
 * the root crate's own {@code whatsapp-web} feature, which forwards to it, is not a default either.
 */
class ZeroClawSourcesTest {
    @Test
    void headFindsExactlyTheTenWhatsappRustPackages() {
        Run r = Run.of("check", "--repo", Corpus.file("zeroclaw/head").toString(), "--policies", "sources", "--format", "json");
        assertEquals(1, r.code(), r.err());
        List<String> subjects = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            assertEquals("unknown-git", f.get("code").asText(), f.toString());
            assertEquals("error", f.get("severity").asText());
            assertEquals("Cargo.lock", f.get("file").asText());
            assertTrue(f.get("data").get("source").asText().startsWith("git+https://github.com/oxidezap/whatsapp-rust?rev="), f.toString());
            assertTrue(f.get("message").asText().contains(
                    "reached only through the optional feature `whatsapp-web` of zeroclaw-channels, which is not a default feature"),
                    f.get("message").asText());
            assertEquals(List.of("zeroclaw-channels/whatsapp-web"), list(f.get("data").get("featureGates")));
            subjects.add(f.get("subject").asText());
        }
        // Read off the lockfile: every [[package]] whose source is git+https://github.com/oxidezap/whatsapp-rust.
        assertEquals(List.of("wacore-appstate@0.6.0", "wacore-binary@0.6.0", "wacore-derive@0.6.0", "wacore-libsignal@0.6.0",
                "wacore-noise@0.6.0", "wacore@0.6.0", "waproto@0.6.0", "whatsapp-rust-tokio-transport@0.6.0",
                "whatsapp-rust-ureq-http-client@0.6.0", "whatsapp-rust@0.6.0"), subjects.stream().sorted().toList());
        // Each finding points at its own [[package]] line: the source line is 3 below it in the lockfile.
        assertEquals(10, r.json().findValues("line").stream().map(JsonNode::asInt).distinct().count());
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
