package dev.tollgate.inputs.advisories;

import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advisory cache (clones, parsed databases) is the user's alone, whatever the umask. */
class AdvisoryCachePrivacyTest {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> EXEC = PosixFilePermissions.fromString("rwx------");

    /** A local bare repository with one advisory, as the remote database; returns its URL. */
    static String remote(Path tmp) throws Exception {
        Path bare = tmp.resolve("remote.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path work = tmp.resolve("work");
        String url = bare.toUri().toString();
        try (Git g = Git.cloneRepository().setURI(url).setDirectory(work.toFile()).call()) {
            g.checkout().setOrphan(true).setName("main").call();
            AdvisoryDbReaderTest.write(work, "alpha", "RUSTSEC-2030-0001",
                    AdvisoryDbReaderTest.advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.2.0\""));
            g.add().addFilepattern(".").call();
            g.commit().setMessage("first").setSign(false).call();
            g.push().setRemote("origin").add("main").call();
        }
        return url;
    }

    /** Run under {@code umask 000}: fetches the database into the cache, then reads it (writing the parsed cache). */
    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[1]);
        Path dir = AdvisoryDbFetcher.fetch(args[0], cache, false, null);
        AdvisoryDbReader.read(dir, "db", args[0], LocalDate.of(2030, 1, 10), cache, true);
        AdvisoryDbFetcher.fetch(args[0], cache, false, null); // the fetch path too
        Files.writeString(Path.of(args[2]), "umask probe\n");
    }

    static void assertPrivate(Path root) throws Exception {
        int files = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path x : s.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(x, LinkOption.NOFOLLOW_LINKS);
                if (Files.isDirectory(x, LinkOption.NOFOLLOW_LINKS)) {
                    assertEquals(DIR, mode, x.toString());
                } else if (Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)) {
                    assertTrue(mode.equals(FILE) || mode.equals(EXEC), x + " " + PosixFilePermissions.toString(mode));
                    files++;
                }
            }
        }
        assertTrue(files > 3, "the cache has files: " + files);
    }

    @Test
    void underUmaskZeroTheCloneAndTheParsedCacheAreStillPrivate(@TempDir Path tmp) throws Exception {
        String url = remote(tmp);
        Path cache = tmp.resolve("cache");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -cp \"$1\" " + AdvisoryCachePrivacyTest.class.getName() + " \"$2\" \"$3\" \"$4\"",
                java, System.getProperty("java.class.path"), url, cache.toString(), tmp.resolve("probe").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
        // the umask really was 000: a plain file the child wrote outside the cache is rw-rw-rw-
        assertEquals(PosixFilePermissions.fromString("rw-rw-rw-"), Files.getPosixFilePermissions(tmp.resolve("probe")));
        Path dbs = cache.resolve("advisory-dbs");
        assertEquals(DIR, Files.getPosixFilePermissions(dbs));
        assertPrivate(dbs);
        try (Stream<Path> s = Files.list(dbs)) {
            assertTrue(s.anyMatch(x -> x.getFileName().toString().startsWith("parsed-")), "the parsed cache was written");
        }
    }

    @Test
    void aParsedEntryOthersMayWriteOrAnotherUserOwnsIsNotRead(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("db");
        AdvisoryDbReaderTest.write(db, "alpha", "RUSTSEC-2030-0001",
                AdvisoryDbReaderTest.advisory("RUSTSEC-2030-0001", "alpha", "2030-01-02", "", "\">= 1.2.0\""));
        Path cache = tmp.resolve("cache");
        AdvisoryDbReader.read(db, "db", db.toString(), LocalDate.of(2030, 1, 10), cache, true);
        Path entry;
        try (Stream<Path> s = Files.list(cache.resolve("advisory-dbs"))) {
            entry = s.filter(x -> x.getFileName().toString().startsWith("parsed-")).findFirst().orElseThrow();
        }
        String key = entry.getFileName().toString().replaceFirst("^parsed-", "").replaceFirst("\\.bin$", "");
        assertEquals(FILE, Files.getPosixFilePermissions(entry));
        assertNotNull(ParsedDbCache.read(entry, key), "the user's own private entry is read");

        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(ParsedDbCache.read(entry, key), "an entry others may write is not read");
        Files.setPosixFilePermissions(entry, FILE);
        Files.setPosixFilePermissions(entry.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(ParsedDbCache.read(entry, key), "nor one in a directory others may write");
        // the next write claims the directory back (it is the user's) and the entry is served again
        AdvisoryDbReader.read(db, "db", db.toString(), LocalDate.of(2030, 1, 10), cache, true);
        assertEquals(DIR, Files.getPosixFilePermissions(entry.getParent()));
        assertNotNull(ParsedDbCache.read(entry, key));

        UserPrincipal nobody = nobody(entry);
        if (nobody != null) {
            Files.setOwner(entry, nobody);
            assertNull(ParsedDbCache.read(entry, key), "an entry another user owns is not read");
        }
    }

    @Test
    void aCloneOthersMayWriteIsNotUsedOfflineAndIsReplacedOnline(@TempDir Path tmp) throws Exception {
        String url = remote(tmp);
        Path cache = tmp.resolve("cache");
        Path dir = AdvisoryDbFetcher.fetch(url, cache, false, null);
        assertPrivate(dir);
        Path advisory;
        try (Stream<Path> s = Files.walk(dir.resolve("crates"))) {
            advisory = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.setPosixFilePermissions(advisory, PosixFilePermissions.fromString("rw-rw-rw-"));
        InputException e = assertThrows(InputException.class, () -> AdvisoryDbFetcher.fetch(url, cache, true, null));
        assertTrue(e.getMessage().contains("not private to this user"), e.getMessage());
        Path again = AdvisoryDbFetcher.fetch(url, cache, false, null);
        assertEquals(dir, again);
        assertPrivate(again);
        assertEquals(dir, AdvisoryDbFetcher.fetch(url, cache, true, null), "the fresh clone is used offline");
        try (Stream<Path> s = Files.list(dir.getParent())) {
            List<String> left = s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), left, "no clone set aside or half-made is left behind");
        }

        UserPrincipal nobody = nobody(dir);
        if (nobody != null) {
            Files.setOwner(dir.resolve(".git"), nobody);
            assertThrows(InputException.class, () -> AdvisoryDbFetcher.fetch(url, cache, true, null), "another user's clone is not used");
            assertPrivate(AdvisoryDbFetcher.fetch(url, cache, false, null));
        }
    }

    /** The user {@code nobody} when this process may give files away (root), else null. */
    static UserPrincipal nobody(Path p) {
        if (!"root".equals(System.getProperty("user.name"))) return null;
        try {
            return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        } catch (Exception e) {
            return null;
        }
    }
}
