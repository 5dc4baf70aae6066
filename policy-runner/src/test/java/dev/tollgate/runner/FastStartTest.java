package dev.tollgate.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's archive cache, without a JVM to launch (JarIT runs it for real). */
class FastStartTest {
    static final byte[] MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void onlyAChildThatAnsweredGivesTheLaunchersExitCode() {
        assertEquals(0, FastStart.answer(FastStart.CODE_SHIFT));
        assertEquals(1, FastStart.answer(FastStart.CODE_SHIFT + 1));
        assertEquals(2, FastStart.answer(FastStart.CODE_SHIFT + 2));
        // a child that ended without answering: System.exit(0) from a rule, a JVM that failed to start, a signal
        for (int status : new int[]{0, 1, 2, 3, 134, 137, 143, FastStart.CODE_SHIFT + 3, -1}) {
            assertEquals(2, FastStart.answer(status), "child status " + status);
        }
    }

    @Test
    void aCompleteDumpOfARunThatDidItsWorkIsRenamedIntoPlace(@TempDir Path dir) throws Exception {
        File target = FastStart.cachedArchive(dir.toFile(), "jvm a\n", "jvm a\njar 1\n");
        for (int code : new int[] {0, 1}) {
            File dump = FastStart.newDumpFile(target, 0);
            Files.write(dump.toPath(), new byte[] {MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3], 1, 2, 3});
            assertTrue(FastStart.keep(dump, target, code), "exit " + code);
            assertEquals(List.of(target.getName(), target.getName() + ".id"), names(dir), "the archive and its record");
        }
    }

    @Test
    void aFailedRunOrAnIncompleteDumpLeavesNothing(@TempDir Path dir) throws Exception {
        File target = FastStart.cachedArchive(dir.toFile(), "jvm a\n", "jvm a\njar 1\n");
        File usage = FastStart.newDumpFile(target, 0);
        Files.write(usage.toPath(), MAGIC);
        assertFalse(FastStart.keep(usage, target, 2), "a usage error loads few classes");
        File headerless = FastStart.newDumpFile(target, 0);
        Files.write(headerless.toPath(), new byte[4096]);   // the JVM writes the header last
        assertFalse(FastStart.keep(headerless, target, 0));
        File empty = FastStart.newDumpFile(target, 0);
        assertFalse(FastStart.keep(empty, target, 1), "the JVM did not dump (no base archive, say)");
        assertEquals(List.of(), names(dir));
    }

    @Test
    void keepingAnArchiveRemovesEarlierBuildsOfTheJarAndAbandonedDumps(@TempDir Path dir) throws Exception {
        File earlier = FastStart.cachedArchive(dir.toFile(), "jvm a\n", "jvm a\njar 1\n");
        File otherJdk = FastStart.cachedArchive(dir.toFile(), "jvm b\n", "jvm b\njar 1\n");
        File target = FastStart.cachedArchive(dir.toFile(), "jvm a\n", "jvm a\njar 2\n");
        assertNotEquals(earlier.getName(), target.getName());
        Files.write(earlier.toPath(), MAGIC);
        Files.write(otherJdk.toPath(), MAGIC);
        File abandoned = FastStart.newDumpFile(otherJdk, 0);
        Files.setLastModifiedTime(abandoned.toPath(), FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        File running = FastStart.newDumpFile(earlier, 0);   // another run's dump in progress
        File dump = FastStart.newDumpFile(target, 0);
        Files.write(dump.toPath(), MAGIC);
        assertTrue(FastStart.keep(dump, target, 1));
        List<String> expected = new ArrayList<>(List.of(otherJdk.getName(), running.getName(), target.getName(), target.getName() + ".id"));
        expected.sort(null);
        assertEquals(expected, names(dir));
    }

    /**
     * A cached archive is mapped only as it was written: this user's, writable by no one else, with the
     * size, time, inode and checksums of both ends recorded beside it; a link, or no record, is not.
     */
    @Test
    void aCachedArchiveIsTrustedOnlyAsItWasWritten(@TempDir Path dir) throws Exception {
        File target = FastStart.cachedArchive(dir.resolve("cds").toFile(), "jvm a\n", "jvm a\njar 1\n");
        byte[] body = new byte[300_000];
        new java.util.Random(7).nextBytes(body);
        System.arraycopy(MAGIC, 0, body, 0, 4);
        File dump = FastStart.newDumpFile(target, 0);
        Files.write(dump.toPath(), body);
        assertTrue(FastStart.keep(dump, target, 0));
        Path p = target.toPath();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(FastStart.recordFile(target).toPath())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent())));
        assertTrue(FastStart.trustworthy(target));

        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw----"));
        assertFalse(FastStart.trustworthy(target), "group-writable");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r---w-"));
        assertFalse(FastStart.trustworthy(target), "world-writable");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--------"));
        assertTrue(FastStart.trustworthy(target), "read-only is fine");

        FileTime time = Files.getLastModifiedTime(p);
        for (int at : new int[] {10, body.length - 10}) {
            byte[] changed = body.clone();
            changed[at] ^= 1;
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            Files.write(p, changed);
            Files.setLastModifiedTime(p, time);
            assertFalse(FastStart.trustworthy(target), "a byte changed at " + at + ", size and time kept");
        }
        Files.write(p, body);
        Files.setLastModifiedTime(p, time);
        assertTrue(FastStart.trustworthy(target), "the same bytes again");
        Files.write(p, java.util.Arrays.copyOf(body, body.length - 1));
        Files.setLastModifiedTime(p, time);
        assertFalse(FastStart.trustworthy(target), "truncated");

        Path copy = dir.resolve("copy");
        Files.write(copy, body);
        Files.delete(p);
        Files.move(copy, p);
        Files.setLastModifiedTime(p, time);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        assertFalse(FastStart.trustworthy(target), "the same bytes in another file (inode)");

        Path real = dir.resolve("real.jsa");
        Files.move(p, real);
        Files.createSymbolicLink(p, real);
        assertFalse(FastStart.trustworthy(target), "a link");
        Files.delete(p);
        Files.move(real, p);
        Files.delete(FastStart.recordFile(target).toPath());
        assertFalse(FastStart.trustworthy(target), "no record");
        FastStart.forget(target);
        assertFalse(target.exists());
    }

    /**
     * JDK 25+: one run at a time records an AOT configuration (the pending mark is the lock; one left by
     * a killed run is taken over after {@link FastStart#AOT_PENDING_MILLIS}); a run that answered but
     * recorded nothing usable marks the cache failed, so later runs use a dynamic archive instead of
     * paying for the recording again; a usage error only gives the attempt up.
     */
    @Test
    void oneRunAtATimeRecordsAnAotConfigurationAndAFailedRecordingIsNotRepeated(@TempDir Path dir) throws Exception {
        File target = FastStart.cachedAotCache(dir.resolve("cds").toFile(), "jvm a\n", "jvm a\njar 1\n");
        assertTrue(target.getName().matches("policy-runner-[0-9a-f]{16}-[0-9a-f]{16}\\.aot"), target.getName());
        File config = FastStart.newAotConfigFile(target, 0);
        assertTrue(config != null && config.isFile() && config.getName().endsWith(".tmp"), String.valueOf(config));
        assertTrue(FastStart.pendingFile(target).isFile());
        assertNull(FastStart.newAotConfigFile(target, 0), "another run is recording");
        assertNull(FastStart.newAotConfigFile(FastStart.cachedAotCache(dir.resolve("cds").toFile(), "jvm b\n", "jvm b\njar 1\n"),
                Long.MAX_VALUE), "no room");

        File jar = dir.resolve("policy-runner.jar").toFile();
        FastStart.assemble(jar, config, target, 2);
        assertEquals(List.of(), names(dir.resolve("cds")), "a usage error: given up, nothing kept, not failed");

        config = FastStart.newAotConfigFile(target, 0);
        Files.setLastModifiedTime(FastStart.pendingFile(target).toPath(),
                FileTime.fromMillis(System.currentTimeMillis() - FastStart.AOT_PENDING_MILLIS - 1000));
        File again = FastStart.newAotConfigFile(target, 0);
        assertTrue(again != null, "a pending mark older than the longest assembly is taken over");
        config.delete();
        Files.write(again.toPath(), new byte[4096]);   // not a configuration: the JVM recorded nothing
        FastStart.assemble(jar, again, target, 1);
        assertEquals(List.of(target.getName() + ".failed"), names(dir.resolve("cds")));
        assertTrue(FastStart.aotFailed(target));
    }

    /** An assembled AOT cache is installed as a dynamic archive is: owner-only, with its record; earlier builds' removed. */
    @Test
    void anAssembledAotCacheIsInstalledWithItsRecord(@TempDir Path dir) throws Exception {
        File earlier = FastStart.cachedAotCache(dir.toFile(), "jvm a\n", "jvm a\njar 1\n");
        File target = FastStart.cachedAotCache(dir.toFile(), "jvm a\n", "jvm a\njar 2\n");
        File dynamic = FastStart.cachedArchive(dir.toFile(), "jvm a\n", "jvm a\njar 2\n");
        Files.write(earlier.toPath(), new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0});
        Files.writeString(FastStart.failedFile(earlier).toPath(), "");
        Files.write(dynamic.toPath(), MAGIC);
        File made = dir.resolve("made.tmp").toFile();
        Files.write(made.toPath(), new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0, 5, 6});
        assertTrue(FastStart.startsWithMagic(made, FastStart.AOT_CACHE_MAGIC));
        assertFalse(FastStart.startsWithMagic(made, 0xf00baba8), "not a dynamic archive");
        assertTrue(FastStart.install(made, target, true));
        List<String> expected = new ArrayList<>(List.of(dynamic.getName(), target.getName(), target.getName() + ".id"));
        expected.sort(null);
        assertEquals(expected, names(dir), "the earlier build's cache and its failed mark removed, the dynamic archive kept");
        assertTrue(FastStart.trustworthy(target));
    }

    @Test
    void theAotCacheIsForJdk25AndLater() {
        int feature = Runtime.version().feature();
        assertEquals(feature >= 25 && System.getenv("TOLLGATE_NO_AOT_CACHE") == null, FastStart.aotCapable());
    }

    @Test
    void noDumpWhereTheDirectoryCannotBeMadeOrHasNoRoom(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertNull(FastStart.newDumpFile(new File(file.resolve("cds").toFile(), "x.jsa"), 0));
        assertNull(FastStart.newDumpFile(new File(dir.resolve("cds").toFile(), "x.jsa"), Long.MAX_VALUE));
        File made = FastStart.newDumpFile(new File(dir.resolve("cds").toFile(), "x.jsa"), 0);
        assertTrue(made.isFile() && made.getName().startsWith("x.jsa.") && made.getName().endsWith(".tmp"), made.toString());
    }

    @Test
    void theArchiveNameDependsOnTheJvmAndTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("policy-runner.jar"), new byte[] {1, 2, 3});
        String before = FastStart.identity(jar.toFile());
        assertTrue(before.startsWith("tollgate-cds 1\n"), before);
        assertTrue(before.contains(System.getProperty("java.vm.version")), before);
        assertTrue(before.contains(jar.toString()), before);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertNotEquals(before, FastStart.identity(jar.toFile()), "a rebuilt jar needs a new archive");
        assertEquals(16, FastStart.hash("").length());
        assertNotEquals(FastStart.hash("a"), FastStart.hash("b"));
    }

    @Test
    void onlyRealRunsMakeAnArchive() {
        assertTrue(FastStart.trains(new String[] {"check", "--repo", "."}));
        assertTrue(FastStart.trains(new String[] {"plan", "affected"}));
        assertFalse(FastStart.trains(new String[] {}));
        assertFalse(FastStart.trains(new String[] {"--version"}));
        assertFalse(FastStart.trains(new String[] {"explain", "duplicate"}));
        assertFalse(FastStart.trains(new String[] {"check", "--help"}));
    }

    /**
     * The launcher JVM runs cold: a first invokedynamic there (a lambda, a string {@code +} that is
     * not a constant) costs tens of milliseconds, so its classes have none in their constant pools.
     */
    @Test
    void theLauncherClassesUseNoInvokedynamic() throws Exception {
        for (Class<?> c : List.of(Main.class, FastStart.class, Class.forName("dev.tollgate.runner.FastStart$StopChild"),
                Class.forName("dev.tollgate.runner.Main$OrphanGuard"))) {
            assertEquals(List.of(), invokedynamicEntries(c), c.getName());
        }
        assertFalse(invokedynamicEntries(FastStartTest.class).isEmpty(), "this class has lambdas: the scan finds them");
    }

    static List<Integer> invokedynamicEntries(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return invokedynamicEntries(new DataInputStream(in));
        }
    }

    /** Constant-pool indexes of CONSTANT_InvokeDynamic (18) and CONSTANT_Dynamic (17) entries. */
    static List<Integer> invokedynamicEntries(DataInputStream in) throws IOException {
        assertEquals(0xCAFEBABE, in.readInt());
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<Integer> found = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> in.skipNBytes(in.readUnsignedShort());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12 -> in.skipNBytes(4);
                case 17, 18 -> {
                    found.add(i);
                    in.skipNBytes(4);
                }
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("constant-pool tag " + tag);
            }
        }
        return found;
    }
}
