package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.AdvisoriesConfig;
import dev.tollgate.api.facts.AdvisoryIgnore;
import dev.tollgate.api.facts.Level;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvisoryFactsTest {
    static final LocalDate TODAY = LocalDate.of(2030, 6, 1);

    @Test
    void readsThresholdsAndDefaults() {
        AdvisoriesConfig d = AdvisoryFacts.config(DenyTomlReader.parse("", "deny.toml"), TODAY, false);
        assertEquals("all", d.unmaintained());
        assertEquals("all", d.unsound());
        assertEquals(Level.WARN, d.unusedIgnoredAdvisory());
        assertEquals(90, d.maximumDbStalenessDays());
        AdvisoriesConfig c = AdvisoryFacts.config(DenyTomlReader.parse("""
                [advisories]
                unmaintained = "workspace"
                unsound = "transitive"
                unused-ignored-advisory = "deny"
                maximum-db-staleness = "P1Y2W3D"
                """, "deny.toml"), TODAY, true);
        assertEquals("workspace", c.unmaintained());
        assertEquals("transitive", c.unsound());
        assertEquals(Level.DENY, c.unusedIgnoredAdvisory());
        assertEquals(365 + 14 + 3, c.maximumDbStalenessDays());
        assertEquals("deny.toml:5:1", c.stalenessOrigin().toString());
        assertTrue(c.prMode());
    }

    @Test
    void readsIgnoresOfEveryShape() {
        List<AdvisoryIgnore> ignores = AdvisoryFacts.ignores(DenyTomlReader.parse("""
                [advisories]
                ignore = [
                    "RUSTSEC-2030-0001",
                    { id = "RUSTSEC-2030-0002", reason = " why ", tracking = "#4", expires = "2030-05-31" },
                    { id = "GHSA-aaaa-bbbb-cccc", reason = "alias", expires = "2030-06-01" },
                    { crate = "yanked-thing@1.0.0", reason = "yanked-crate ignore" },
                ]
                """, "deny.toml"), TODAY, false);
        assertEquals(3, ignores.size());
        assertEquals(new AdvisoryIgnore("RUSTSEC-2030-0001", "", "", "", false, false, ignores.get(0).origin()), ignores.get(0));
        assertEquals("deny.toml:3:5", ignores.get(0).origin().toString());
        AdvisoryIgnore expired = ignores.get(1);
        assertEquals("why", expired.reason());
        assertEquals("#4", expired.tracking());
        assertTrue(expired.expired(), "2030-05-31 is before 2030-06-01");
        assertEquals(false, ignores.get(2).expired(), "expires on the run's date still applies that day");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unmaintained = \"some\"                      | deny.toml:2 | all, workspace, transitive or none",
        "unsound = \"everything\"                     | deny.toml:2 | all, workspace, transitive or none",
        "unused-ignored-advisory = \"loud\"           | deny.toml:2 | deny, warn or allow",
        "maximum-db-staleness = \"90 days\"           | deny.toml:2 | ISO-8601 duration",
        "maximum-db-staleness = \"P\"                 | deny.toml:2 | ISO-8601 duration",
        "ignore = [{ id = \"X-1\", expires = \"soon\" }] | deny.toml:2 | must be a date",
        "ignore = [{ id = \"X-1\", expires = \"2030-02-30\" }] | deny.toml:2 | not a calendar date",
        "ignore = [5]                                | deny.toml:2 | advisory id or a table",
        "unmaintained = 3                            | deny.toml:2 | expected a string",
    })
    void badValuesAreInputErrorsAtTheirKey(String line, String at, String words) {
        InputException e = assertThrows(InputException.class, () -> {
            var deny = DenyTomlReader.parse("[advisories]\n" + line.strip() + "\n", "deny.toml");
            AdvisoryFacts.config(deny, TODAY, false);
            AdvisoryFacts.ignores(deny, TODAY, false);
        });
        assertTrue(e.getMessage().startsWith(at.strip() + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(words.strip()), e.getMessage());
    }
}
