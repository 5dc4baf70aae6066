package dev.tollgate.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.tollgate.runner.CheckCommandTest.DEMO;
import static dev.tollgate.runner.CheckCommandTest.DEMO_META;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiled-rules cache trusts an entry only when its recorded hashes (sources, engine build,
 * index and class files) match, and only when it is private to the user; the cache directory may
 * not be inside the repository under review.
 */
class RulesCacheIntegrityTest {

    private static Path rules(Path tmp, String name, String code) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;

                rule "CODE"
                    @code("CODE")
                    @severity("warning")
                    @doc("a test rule")
                when
                    $m : WorkspaceMember()
                then
                    insert(Finding.of("msrv", "CODE", Severity.WARNING, "from CODE").about($m.name()));
                end
                """.replace("CODE", code));
        return dir;
    }

    private static Run check(Path rules, Path cache) {
        return Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--rules", rules.toString(),
                "--cache-dir", cache.toString(), "--format", "json");
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("rules"))) {
            return s.filter(p -> !p.getFileName().toString().startsWith("tmp-")).sorted().toList();
        }
    }

    private static List<Path> classFiles(Path entry) throws IOException {
        try (Stream<Path> s = Files.walk(entry.resolve("classes"))) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    @Test
    void anEntryPlantedUnderAnotherFilesKeyIsNotRun(@TempDir Path tmp) throws IOException {
        Path cache = tmp.resolve("cache");
        Path good = rules(tmp, "good", "good-rule");
        Path evil = rules(tmp, "evil", "evil-rule");
        Run first = check(good, cache);
        assertTrue(first.out().contains("\"good-rule\""), first.toString());
        Path goodEntry = entries(cache).get(0);
        String goodIndex = Files.readString(goodEntry.resolve("rules.index"));
        check(evil, cache);
        Path evilEntry = entries(cache).stream().filter(e -> !e.equals(goodEntry)).findFirst().orElseThrow();

        // The evil entry, moved wholesale under the good rules' key.
        deleteTree(goodEntry);
        copyTree(evilEntry, goodEntry);
        Run planted = check(good, cache);
        assertTrue(planted.out().contains("\"good-rule\""), planted.toString());
        assertFalse(planted.out().contains("\"evil-rule\""), planted.toString());
        assertEquals(first.out(), planted.out());

        // The evil classes, slipped under the good entry's index and integrity record.
        deleteTree(goodEntry.resolve("classes"));
        copyTree(evilEntry.resolve("classes"), goodEntry.resolve("classes"));
        Run slipped = check(good, cache);
        assertFalse(slipped.out().contains("\"evil-rule\""), slipped.toString());
        assertEquals(first.out(), slipped.out());
        // ...and the entry was rewritten: it holds the good rules again.
        assertEquals(goodIndex, Files.readString(goodEntry.resolve("rules.index")));
        assertNotEquals(goodIndex, Files.readString(evilEntry.resolve("rules.index")));
    }

    @Test
    void aDamagedClassFileIsRecompiledAndTheReportIsUnchanged(@TempDir Path tmp) throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = rules(tmp, "rules", "some-rule");
        Run first = check(rules, cache);
        assertTrue(first.out().contains("\"some-rule\""), first.toString());
        Path entry = entries(cache).get(0);
        List<Path> classes = classFiles(entry);
        List<Long> sizes = new ArrayList<>();
        for (Path c : classes) sizes.add(Files.size(c));
        for (Path c : classes) {
            byte[] b = Files.readAllBytes(c);
            Files.write(c, java.util.Arrays.copyOf(b, b.length / 2));
        }
        Run again = check(rules, cache);
        assertEquals(first.code(), again.code(), again.toString());
        assertEquals(first.out(), again.out());
        List<Long> after = new ArrayList<>();
        for (Path c : classFiles(entry)) after.add(Files.size(c));
        assertEquals(sizes, after, "the damaged entry was rewritten");

        // A deleted index, and a garbled integrity record: the same.
        Files.delete(entry.resolve("rules.index"));
        assertEquals(first.out(), check(rules, cache).out());
        Files.writeString(entry.resolve("integrity"), "garbage");
        assertEquals(first.out(), check(rules, cache).out());
    }

    @Test
    void anEntryOthersCanWriteIsNotTrusted(@TempDir Path tmp) throws IOException {
        Path cache = tmp.resolve("cache");
        Path good = rules(tmp, "good", "good-rule");
        Path evil = rules(tmp, "evil", "evil-rule");
        Run first = check(good, cache);
        Path goodEntry = entries(cache).get(0);
        check(evil, cache);
        Path evilEntry = entries(cache).stream().filter(e -> !e.equals(goodEntry)).findFirst().orElseThrow();
        // Someone who can write the entry swaps in the evil rules and forges the integrity record too.
        deleteTree(goodEntry);
        copyTree(evilEntry, goodEntry);
        String integrity = Files.readString(goodEntry.resolve("integrity"));
        String goodSha = sha256(Files.readString(good.resolve("msrv.drl")));
        String evilSha = sha256(Files.readString(evil.resolve("msrv.drl")));
        Files.writeString(goodEntry.resolve("integrity"), integrity.replace(evilSha, goodSha));
        Files.setPosixFilePermissions(goodEntry, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run run = check(good, cache);
        assertFalse(run.out().contains("\"evil-rule\""), run.toString());
        assertEquals(first.out(), run.out());
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(goodEntry));
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCacheDirectoryInsideTheRepositoryIsAUsageError(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path rules = rules(tmp, "rules", "some-rule");
        Run r = Run.of("check", "--repo", repo.toString(), "--rules", rules.toString(), "--cache-dir", repo.resolve(".cache").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: --cache-dir " + repo.resolve(".cache") + " is inside the repository under review"), r.toString());
        assertFalse(Files.exists(repo.resolve(".cache")), "nothing was written");

        // The same through a symbolic link, and through `..`.
        Path link = Files.createSymbolicLink(tmp.resolve("link"), repo);
        Run viaLink = Run.of("check", "--repo", repo.toString(), "--cache-dir", link.resolve("c").toString());
        assertEquals(2, viaLink.code(), viaLink.toString());
        Run viaDots = Run.of("check", "--repo", repo.toString(), "--cache-dir", tmp.resolve("elsewhere/../repo/c").toString());
        assertEquals(2, viaDots.code(), viaDots.toString());
        // A sibling whose name starts like the repository's is outside it.
        Run sibling = Run.of("check", "--repo", DEMO.toString(), "--metadata", DEMO_META, "--cache-dir", tmp.resolve("repo-cache").toString());
        assertNotEquals(2, sibling.code(), sibling.toString());
    }

    @Test
    void cacheFilesArePrivateWhateverTheUmask(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path rules = rules(tmp, "rules", "some-rule");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -cp \"$1\" dev.tollgate.runner.Main rules check \"$2\" --cache-dir \"$3\"",
                java, cp, rules.toString(), cache.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
        Set<PosixFilePermission> dir = PosixFilePermissions.fromString("rwx------");
        Set<PosixFilePermission> file = PosixFilePermissions.fromString("rw-------");
        assertEquals(dir, Files.getPosixFilePermissions(cache));
        int files = 0;
        try (Stream<Path> s = Files.walk(cache)) {
            for (Path x : s.toList()) {
                if (Files.isDirectory(x)) {
                    assertEquals(dir, Files.getPosixFilePermissions(x), x.toString());
                } else {
                    assertEquals(file, Files.getPosixFilePermissions(x), x.toString());
                    files++;
                }
            }
        }
        assertTrue(files > 3, "an entry was written");
    }
}
