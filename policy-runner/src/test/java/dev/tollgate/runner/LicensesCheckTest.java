package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the licenses policy gets cargo metadata, through the CLI. */
class LicensesCheckTest {
    /** A one-crate workspace, GPL-2.0-or-later, that cargo resolves offline (no dependencies). */
    private static Path solo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"),
                "[package]\nname = \"solo\"\nversion = \"0.1.0\"\nedition = \"2021\"\nlicense = \"GPL-2.0-or-later\"\n");
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.writeString(dir.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"solo\"\nversion = \"0.1.0\"\n");
        Files.writeString(dir.resolve("deny.toml"), "[licenses]\nallow = [\"MIT\"]\n");
        return dir;
    }

    @Test
    void withoutMetadataCargoIsRunOffline(@TempDir Path tmp) throws IOException {
        Path repo = solo(tmp.resolve("solo"));
        boolean haveCargo = java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "cargo")));
        // CI's machines have cargo: there a missing cargo fails the test rather than skipping it.
        assumeTrue(haveCargo || "true".equalsIgnoreCase(System.getenv("CI")), "cargo is not on PATH");
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "licenses", "--offline", "--format", "json");
        assertEquals(1, r.code(), r.toString());
        JsonNode findings = r.json().get("findings");
        assertEquals(2, findings.size(), r.out());
        // the member is GPL-2.0-or-later, which allow = ["MIT"] does not accept; MIT accepts nothing
        assertEquals("copyleft-needs-decision", findings.get(0).get("code").asText(), r.out());
        assertEquals("GPL-2.0-or-later", findings.get(0).get("subject").asText());
        assertTrue(findings.get(0).get("message").asText().contains("solo@0.1.0 (a workspace member)"), r.out());
        assertEquals("unused-allowed-license", findings.get(1).get("code").asText(), r.out());
    }

    @Test
    void whenCargoCannotRunTheGateFailsClosed(@TempDir Path tmp) throws IOException {
        Path repo = solo(tmp.resolve("solo"));
        String before = System.getProperty("tollgate.cargo");
        System.setProperty("tollgate.cargo", tmp.resolve("no-such-cargo").toString());
        try {
            Run r = Run.of("check", "--repo", repo.toString(), "--policies", "licenses", "--format", "json");
            assertEquals(1, r.code(), r.toString());
            JsonNode f = r.json().get("findings").get(0);
            assertEquals("licenses-unavailable", f.get("code").asText(), r.out());
            assertEquals("error", f.get("severity").asText());
            assertTrue(f.get("message").asText().contains("no-such-cargo` is not on PATH"), r.out());
            assertEquals(1, r.json().get("findings").size(), r.out());
        } finally {
            if (before == null) System.clearProperty("tollgate.cargo");
            else System.setProperty("tollgate.cargo", before);
        }
    }

    @Test
    void noCargoLockSkipsWithANoteAsBefore(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("README"), "no Cargo.lock here\n");
        // a PR title gives the check something to do (with nothing at all, it is an input error)
        Run r = Run.of("check", "--repo", tmp.toString(), "--pr-title", "docs: a readme", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("the licenses policy did not run: no Cargo.lock"), r.out());
    }

    @Test
    void metadataFileIsUsedAsGiven() {
        Run r = Run.of("check", "--repo", CheckCommandTest.DEMO.toString(), "--metadata", CheckCommandTest.DEMO_META,
                "--policies", "licenses", "--format", "json");
        assertEquals(1, r.code(), r.toString());
        JsonNode f = r.json().get("findings").get(0);
        assertEquals("copyleft-needs-decision", f.get("code").asText());
        // Both fancy-widgets crates are GPL-3.0-or-later in the demo's metadata; the rest is MIT OR Apache-2.0.
        assertTrue(f.get("message").asText().contains("2 crates need it: fancy-widgets-macros@0.4.2 (reached only through "
                + "the optional feature `widgets` of demo-plugins, which is not a default feature), fancy-widgets@0.4.2"), f.toString());
        assertEquals(1, r.json().get("findings").size(), r.out());
    }
}
