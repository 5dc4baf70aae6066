package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * zeroclaw's real deny.toml at two points of its history. Both use only keys cargo-deny's v2 schema
 * defines (checked by reading them: [advisories] unmaintained/yanked/ignore, [licenses] allow and
 * unused-allowed-license, [bans] with name/version/reason skips and a crate/wrappers/reason deny entry,
 * [sources]), so no issue at all is expected.
 */
class CorpusDenyTomlTest {
    private static final String NAME = "deny.toml";

    private static DenyConfig read(String relative) {
        return DenyTomlReader.read(Corpus.file(relative), NAME);
    }

    private static Location at(int line, int column) {
        return Location.of(NAME, line, column);
    }

    @Test
    void headHasNoIssuesAndDeniesUnknownSources() {
        DenyConfig c = read("zeroclaw/head/deny.toml");

        assertEquals(List.of(), c.issues());
        assertEquals(Level.DENY, c.sources().unknownRegistry());
        assertEquals(Level.DENY, c.sources().unknownGit());
        assertEquals(Level.WARN, c.sources().unusedAllowedSource());
        assertNull(c.sources().requiredGitSpec());
        assertEquals(at(270, 1), c.sources().tableAt());
        assertEquals(at(271, 1), c.sources().unknownRegistryAt());
        assertEquals(at(272, 1), c.sources().unknownGitAt());
        // allow-registry names the crates.io git index explicitly; allow-git is present and empty
        assertEquals(List.of(new AllowedSource(AllowKind.REGISTRY, "https://github.com/rust-lang/crates.io-index",
                Source.CRATES_IO_KEY, "github.com", "", false, at(273, 19))), c.allowedSources());
        assertEquals(List.of(), c.allowedSources().stream().filter(a -> a.kind() == AllowKind.GIT).toList());
        assertEquals(List.of(), c.privateSources());
        assertEquals(GraphConfig.defaults(NAME), c.graph());
    }

    @Test
    void headKeepsTheOtherTablesWithPositionsForLaterPolicies() {
        DenyConfig c = read("zeroclaw/head/deny.toml");

        assertEquals(at(34, 1), c.locationOf("licenses.allow"));
        assertEquals(at(35, 5), c.locationOf(c.toml().getArray("licenses.allow"), 0));
        assertEquals(at(51, 1), c.locationOf("licenses.unused-allowed-license"));
        assertEquals(49, c.toml().getArray("bans.skip").size());
        assertEquals(at(71, 1), c.locationOf(c.toml().getArray("bans.skip"), 0));
        assertEquals(at(97, 1), c.locationOf(c.toml().getArray("bans.skip").getTable(6), "version"));
        assertEquals(at(61, 5), c.locationOf(c.toml().getArray("bans.deny"), 0));
    }

    @Test
    void preRationaliseHasNoIssuesAndTheSameSources() {
        DenyConfig c = read("zeroclaw/pre-rationalise/deny.toml");

        assertEquals(List.of(), c.issues());
        assertEquals(Level.DENY, c.sources().unknownRegistry());
        assertEquals(Level.DENY, c.sources().unknownGit());
        assertEquals(at(49, 1), c.sources().tableAt());
        assertEquals(List.of(new AllowedSource(AllowKind.REGISTRY, "https://github.com/rust-lang/crates.io-index",
                Source.CRATES_IO_KEY, "github.com", "", false, at(52, 19))), c.allowedSources());
        assertEquals(at(13, 5), c.locationOf(c.toml().getArray("advisories.ignore"), 0));
    }
}
