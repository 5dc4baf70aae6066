package dev.tollgate.inputs.tollgate;

import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TollgateTomlTest {
    @Test
    void absentFileMeansDefaults(@TempDir Path repo) {
        TollgateToml t = TollgateToml.read(repo);
        assertFalse(t.present());
        assertNull(t.section("workflows"));
        assertTrue(t.unknownSections().isEmpty());
    }

    @Test
    void sectionsKeysAndPositions(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("tollgate.toml"), """
                # ours
                [workflows]
                gate-job = "ci-gate"
                colour = "blue"

                [wrokflows]
                x = 1
                """);
        TollgateToml t = TollgateToml.read(repo);
        assertTrue(t.present());
        assertEquals("ci-gate", t.section("workflows").getString("gate-job"));
        assertEquals(3, t.locationOf("workflows", "gate-job").line());

        List<ConfigIssue> top = t.unknownSections();
        assertEquals(1, top.size());
        assertEquals("wrokflows", top.get(0).key());
        assertEquals(6, top.get(0).origin().line());

        List<ConfigIssue> keys = t.unknownKeys("workflows", List.of("gate-job"), "workflows");
        assertEquals(1, keys.size());
        assertEquals("workflows.colour", keys.get(0).key());
        assertEquals("tollgate.toml", keys.get(0).origin().file());
        assertEquals(4, keys.get(0).origin().line());
    }

    @Test
    void malformedFileIsAnInputErrorAtItsLine(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("tollgate.toml"), "[workflows]\ngate-job = \n");
        InputException e = assertThrows(InputException.class, () -> TollgateToml.read(repo));
        assertTrue(e.getMessage().startsWith("tollgate.toml:2:"), e.getMessage());
    }
}
