package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tollgate.inputs.denytoml.Fixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphAndDefaultsTest {

    @Test
    void readsEveryGraphKey() {
        DenyConfig c = Fixtures.read("graph.toml");

        assertEquals(new GraphConfig(
                List.of("x86_64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"),
                List.of("some-crate@0.1.0"), true, true, List.of("some-feature", "other"), true, true,
                Location.of(NAME, 1, 1), java.util.Map.of("x86_64-pc-windows-msvc", List.of("sse2"))), c.graph());
        assertEquals(List.of(), c.issues());
    }

    @Test
    void keepsTheParsedTomlForTheTablesOtherPoliciesRead() {
        DenyConfig c = Fixtures.read("graph.toml");

        assertEquals(2L, c.toml().getLong("output.feature-depth"));
        assertEquals(Location.of(NAME, 15, 1), c.locationOf("output.feature-depth"));
        assertEquals(Location.of(NAME, 4, 5), c.locationOf(c.toml().getArray("graph.targets"), 1));
        assertEquals(Location.of(NAME, 4, 7), c.locationOf(c.toml().getArray("graph.targets").getTable(1), "triple"));
        assertEquals(Location.file(NAME), c.locationOf("licenses.allow"));
    }

    @Test
    void defaultsAreCargoDenysWhenThereIsNoDenyToml() {
        DenyConfig d = DenyConfig.defaults("crates/deny.toml");
        Location file = Location.file("crates/deny.toml");

        assertEquals("crates/deny.toml", d.displayPath());
        assertEquals(Level.WARN, d.sources().unknownRegistry());
        assertEquals(Level.WARN, d.sources().unknownGit());
        assertEquals(Level.WARN, d.sources().unusedAllowedSource());
        assertNull(d.sources().requiredGitSpec());
        assertEquals(file, d.sources().tableAt());
        assertEquals(1, d.allowedSources().size());
        var cratesIo = d.allowedSources().get(0);
        assertEquals(AllowKind.REGISTRY, cratesIo.kind());
        assertEquals(Source.CRATES_IO_KEY, cratesIo.key());
        assertTrue(cratesIo.implicit());
        assertEquals(file, cratesIo.origin());
        assertEquals(GraphConfig.defaults("crates/deny.toml"), d.graph());
        assertEquals(List.of(), d.issues());
        assertEquals(List.of(), d.privateSources());
        assertTrue(d.toml().isEmpty());
        assertEquals(file, d.locationOf("sources.allow-git"));
    }

    @Test
    void anEmptyFileReadsLikeTheDefaults() {
        DenyConfig c = DenyTomlReader.parse("# nothing configured yet\n", NAME);
        DenyConfig d = DenyConfig.defaults(NAME);

        assertEquals(d.sources(), c.sources());
        assertEquals(d.allowedSources(), c.allowedSources());
        assertEquals(d.graph(), c.graph());
        assertEquals(List.of(), c.issues());
    }
}
