package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.InputNote;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvisoryDbReaderTest {
    static void write(Path db, String crate, String id, String text) throws IOException {
        Path f = db.resolve("crates").resolve(crate).resolve(id + ".md");
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static String advisory(String id, String crate, String date, String extra, String patched) {
        return "```toml\n[advisory]\nid = \"" + id + "\"\npackage = \"" + crate + "\"\ndate = \"" + date + "\"\n" + extra
                + "\n[versions]\npatched = [" + patched + "]\n```\n\n# " + crate + " title\n";
    }

    @Test
    void oneMalformedFileIsANoteAndTheOthersAreRead(@TempDir Path db) throws IOException {
        write(db, "alpha", "RUSTSEC-2030-0001", advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.2.0\""));
        write(db, "beta", "RUSTSEC-2030-0002", advisory("RUSTSEC-2030-0002", "beta", "2030-05-06", "informational = \"unmaintained\"\n", ""));
        write(db, "gamma", "RUSTSEC-2030-0003", advisory("RUSTSEC-2030-0003", "gamma", "2030-03-04", "", "\">= 1.2.\""));
        AdvisoryDatabase read = AdvisoryDbReader.read(db, "db", db.toString(), LocalDate.of(2030, 6, 5));
        assertEquals(2, read.advisories().size());
        assertEquals(1, read.malformed().size());
        InputNote n = read.malformed().get(0);
        assertEquals("malformed-advisory", n.kind());
        // line 8 of the gamma file holds `patched = [">= 1.2."]`
        assertEquals("db/crates/gamma/RUSTSEC-2030-0003.md:8", n.origin().toString());
        assertTrue(n.message().contains("invalid version requirement `>= 1.2.`"), n.message());
        assertEquals("2030-05-06", read.meta().lastUpdated());
        assertEquals(30, read.meta().ageDays());
        assertEquals("newest-advisory", read.meta().dateSource());
        assertEquals(3, read.meta().advisories());
    }

    @Test
    void notADatabase(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> AdvisoryDbReader.read(dir, "x", "x", LocalDate.now()));
        assertTrue(e.getMessage().contains("no crates/ directory"), e.getMessage());
    }

    @Test
    void cacheServesTheSameAndNeverAStaleState(@TempDir Path db, @TempDir Path cache) throws IOException {
        write(db, "alpha", "RUSTSEC-2030-0001", advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.2.0\""));
        LocalDate today = LocalDate.of(2030, 2, 1);
        AdvisoryDatabase first = AdvisoryDbReader.read(db, "db", "db", today, cache, false);
        try (var s = Files.list(cache.resolve("advisory-dbs"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("parsed-")).count());
        }
        AdvisoryDatabase again = AdvisoryDbReader.read(db, "db", "db", today, cache, false);
        assertEquals(first, again);
        // an edit changes size and time: the entry for the old state is not used
        Path f = db.resolve("crates/alpha/RUSTSEC-2030-0001.md");
        Files.writeString(f, advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.3.0\""));
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        AdvisoryDatabase edited = AdvisoryDbReader.read(db, "db", "db", today, cache, false);
        assertEquals(java.util.List.of(">= 1.3.0"), edited.advisories().get(0).patched());
        // a corrupt entry is ignored, not trusted
        try (var s = Files.list(cache.resolve("advisory-dbs"))) {
            for (Path p : s.toList()) Files.writeString(p, "garbage");
        }
        assertEquals(edited, AdvisoryDbReader.read(db, "db", "db", today, cache, false));
    }
}
