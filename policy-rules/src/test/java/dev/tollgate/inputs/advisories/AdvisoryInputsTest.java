package dev.tollgate.inputs.advisories;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.tollgate.TollgateToml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdvisoryInputsTest {
    @Test
    void aMissingDatabaseDirectoryFromTollgateTomlPointsAtTheSettingAndWhereItResolved(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        TollgateToml tt = TollgateToml.parse("# settings\n[advisories]\ndb = \"../advisory-db\"\n", "tollgate.toml");
        InputException e = assertThrows(InputException.class, () -> AdvisoryInputs.load(repo, repo::resolve, tt, DenyConfig.defaults("deny.toml"),
                null, true, tmp.resolve("cache"), LocalDate.of(2026, 11, 27)));
        assertEquals("tollgate.toml:3:1: [advisories] db: advisory database directory not found: " + tmp.resolve("advisory-db"),
                e.getMessage());
    }

    @Test
    void aMissingDirectoryGivenOnTheCommandLineIsNamedAsGiven(@TempDir Path tmp) {
        String given = tmp.resolve("nope").toString();
        InputException e = assertThrows(InputException.class, () -> AdvisoryInputs.load(tmp, tmp::resolve, TollgateToml.parse("", "tollgate.toml"),
                DenyConfig.defaults("deny.toml"), given, true, tmp.resolve("cache"), LocalDate.of(2026, 11, 27)));
        assertEquals(given + ": advisory database directory not found", e.getMessage());
    }
}
