package dev.tollgate.inputs.advisories;

import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local bare repository plays the remote RustSec database. */
class AdvisoryDbFetcherTest {
    private static PersonIdent at(String isoDate) {
        Instant t = LocalDate.parse(isoDate).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new PersonIdent("Db Bot", "bot@example.org", t, ZoneOffset.UTC);
    }

    private static void commit(Git work, String isoDate, String message) throws Exception {
        work.add().addFilepattern(".").call();
        work.commit().setMessage(message).setAuthor(at(isoDate)).setCommitter(at(isoDate)).setSign(false).call();
        work.push().setRemote("origin").add("main").call();
    }

    @Test
    void clonesThenFetchesAndOfflineUsesTheCache(@TempDir Path tmp) throws Exception {
        Path bare = tmp.resolve("remote.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path workDir = tmp.resolve("work");
        String url = bare.toUri().toString();
        Path cache = tmp.resolve("cache");
        try (Git work = Git.cloneRepository().setURI(url).setDirectory(workDir.toFile()).call()) {
            work.checkout().setOrphan(true).setName("main").call();
            AdvisoryDbReaderTest.write(workDir, "alpha", "RUSTSEC-2030-0001",
                    AdvisoryDbReaderTest.advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.2.0\""));
            commit(work, "2030-01-03", "first");

            // offline with nothing cached: an input error, no network
            InputException e = assertThrows(InputException.class, () -> AdvisoryDbFetcher.fetch(url, cache, true, null));
            assertTrue(e.getMessage().contains("--offline"), e.getMessage());

            StringWriter progress = new StringWriter();
            Path dir = AdvisoryDbFetcher.fetch(url, cache, false, progress);
            assertTrue(progress.toString().contains("cloning the advisory database"), progress.toString());
            AdvisoryDatabase first = AdvisoryDbReader.read(dir, "db", url, LocalDate.of(2030, 1, 10), cache, true);
            assertEquals(1, first.advisories().size());
            assertEquals("2030-01-03", first.meta().lastUpdated());
            assertEquals("commit", first.meta().dateSource());
            assertEquals(7, first.meta().ageDays());
            assertEquals(40, first.meta().commit().length());

            AdvisoryDbReaderTest.write(workDir, "beta", "RUSTSEC-2030-0002",
                    AdvisoryDbReaderTest.advisory("RUSTSEC-2030-0002", "beta", "2030-02-01", "", ""));
            commit(work, "2030-02-02", "second");

            // offline: the cached checkout as it is
            AdvisoryDatabase offline = AdvisoryDbReader.read(AdvisoryDbFetcher.fetch(url, cache, true, null), "db", url,
                    LocalDate.of(2030, 2, 10), cache, true);
            assertEquals(1, offline.advisories().size());
            assertEquals("2030-01-03", offline.meta().lastUpdated());

            // online: fetched and reset to the remote's HEAD; the cache entry of the old commit is not served
            Path again = AdvisoryDbFetcher.fetch(url, cache, false, null);
            assertEquals(dir, again);
            AdvisoryDatabase second = AdvisoryDbReader.read(again, "db", url, LocalDate.of(2030, 2, 10), cache, true);
            assertEquals(2, second.advisories().size());
            assertEquals("2030-02-02", second.meta().lastUpdated());
            assertTrue(Files.isDirectory(again.resolve(".git")));
        }
    }

    @Test
    void unreachableRemoteIsAnInputError(@TempDir Path tmp) {
        String url = tmp.resolve("missing.git").toUri().toString();
        InputException e = assertThrows(InputException.class, () -> AdvisoryDbFetcher.fetch(url, tmp.resolve("c"), false, null));
        assertTrue(e.getMessage().contains("cannot fetch the advisory database"), e.getMessage());
    }
}
