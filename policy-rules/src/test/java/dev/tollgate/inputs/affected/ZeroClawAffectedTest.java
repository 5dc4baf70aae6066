package dev.tollgate.inputs.affected;

import dev.tollgate.plans.AffectedPlan;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RFC's example on ZeroClaw head (../shared/corpus/zeroclaw/head, 29 members).
 *
 * <p>What the manifests say (read by hand): zeroclaw-tool-call-parser is a dependency of the root
 * package zeroclaw (Cargo.toml line 90), of crates/zeroclaw-runtime (line 21) and of
 * crates/zeroclaw-channels (line 18), all normal dependencies. So the graph DOES say otherwise for
 * zeroclaw-channels: it depends on the parser directly and is affected. zeroclaw-runtime is depended
 * on by zeroclaw, zeroclaw-channels, zeroclaw-eval, zeroclaw-gateway and xtask (xtask/Cargo.toml
 * line 43); xtask by fill-translations (tools/fill-translations/Cargo.toml line 18). Nothing above
 * the parser goes through zeroclaw-memory or zeroclaw-providers (the parser's dependents depend on
 * them, not the reverse), so those two are not affected; neither are the other 19 members.
 */
class ZeroClawAffectedTest {
    static PolicyEngine engine;
    static Path head;

    @BeforeAll
    static void setUp() {
        head = Corpus.file("zeroclaw/head");
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    static AffectedPlan plan(String... files) {
        AffectedInputs.Result r = AffectedInputs.load(new AffectedInputs.Request(head,
                ChangedFileList.parse(String.join("\n", files), "changed.txt"), null, null));
        return AffectedPlan.of(engine.derive(r.facts(), Set.of("affected")));
    }

    @Test
    void theRfcExampleParserChange() {
        AffectedPlan p = plan("crates/zeroclaw-tool-call-parser/src/lib.rs");
        assertFalse(p.all());
        assertEquals(List.of("zeroclaw-tool-call-parser"), p.changed());
        assertEquals(List.of("fill-translations", "xtask", "zeroclaw", "zeroclaw-channels", "zeroclaw-eval",
                "zeroclaw-gateway", "zeroclaw-runtime", "zeroclaw-tool-call-parser"), p.affected());
        assertFalse(p.affected().contains("zeroclaw-memory"));
        assertFalse(p.affected().contains("zeroclaw-providers"));
        assertEquals("depends on zeroclaw-tool-call-parser", p.reasons().get("zeroclaw-channels"));
        assertEquals("`crates/zeroclaw-tool-call-parser/src/lib.rs` changed", p.reasons().get("zeroclaw-tool-call-parser"));
        assertEquals(List.of("-p", "fill-translations", "-p", "xtask", "-p", "zeroclaw", "-p", "zeroclaw-channels",
                "-p", "zeroclaw-eval", "-p", "zeroclaw-gateway", "-p", "zeroclaw-runtime", "-p", "zeroclaw-tool-call-parser"),
                p.nextestArgs());
    }

    @Test
    void nestedMembersOwnTheirFiles() {
        // crates/zeroclaw-plugins/tests/fixtures/tool-fixture is its own member (zeroclaw-tool-plugin-fixture),
        // nested in crates/zeroclaw-plugins; nothing depends on it.
        AffectedPlan p = plan("crates/zeroclaw-plugins/tests/fixtures/tool-fixture/src/lib.rs");
        assertEquals(List.of("zeroclaw-tool-plugin-fixture"), p.affected());
    }

    @Test
    void documentationAndCiChangeNothing() {
        AffectedPlan p = plan("README.md", "docs/book/src/intro.md", ".github/workflows/ci.yml", "LICENSE-MIT");
        assertFalse(p.all());
        assertEquals(List.of(), p.affected());
        assertEquals(List.of(), p.nextestArgs());
    }

    @Test
    void theRootPackageOwnsOnlyItsSources() {
        AffectedPlan src = plan("src/main.rs");
        assertEquals(List.of("zeroclaw"), src.changed());
        // No member's manifest names the root package zeroclaw as a dependency: it is affected alone.
        assertEquals(List.of("zeroclaw"), src.affected());
        AffectedPlan stray = plan("scripts/release.sh");
        assertTrue(stray.all(), "a file in no crate that no rule matches changes everything (guppy's fallback)");
        assertEquals(List.of(), stray.changed());
        assertEquals(29, stray.affected().size());
    }

    @Test
    void filesThatChangeEverything() {
        for (String f : List.of("Cargo.toml", "rust-toolchain.toml", ".cargo/config.toml")) {
            AffectedPlan p = plan(f);
            assertTrue(p.all(), f);
            assertEquals(29, p.affected().size(), f);
            assertEquals(List.of("--workspace"), p.nextestArgs());
        }
        // A crate's own manifest is that crate's file, not everything.
        AffectedPlan m = plan("crates/zeroclaw-memory/Cargo.toml");
        assertFalse(m.all());
        assertEquals(List.of("zeroclaw-memory"), m.changed());
    }

    @Test
    void aLockfileListedWithoutABaseCannotBeComparedSoChangesEverything() {
        AffectedPlan p = plan("Cargo.lock");
        assertTrue(p.all());
        assertTrue(p.allReasons().get(0).contains("no base lockfile"), p.allReasons().toString());
    }
}
