package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import dev.tollgate.report.Reports;
import dev.tollgate.report.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shaded jar as users run it ({@code java -jar}), after {@code mvn package} built it and its
 * class-data-sharing archive: it starts, prints no logging or JVM noise, and gives the same answer
 * with and without the fast-start relaunch.
 */
class JarIT {
    static final Path JAR = Corpus.projectRoot().resolve("policy-runner/target/policy-runner.jar");

    /** The user cache directory of every run here ({@code XDG_CACHE_HOME}), so no test writes to ~/.cache. */
    @TempDir
    static Path cacheHome;

    record Result(int code, String out, String err) {
    }

    /**
     * Runs on JDK 25+ with the shared cache home assemble their AOT cache in the background: let that
     * finish (at most 120 s) before JUnit deletes the directory under it.
     */
    @org.junit.jupiter.api.AfterAll
    static void awaitBackgroundAssemblies() throws Exception {
        Path dir = cacheHome.resolve("tollgate/cds");
        for (int i = 0; i < 1200 && Files.isDirectory(dir); i++) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.noneMatch(f -> f.getFileName().toString().endsWith(".pending"))) return;
            }
            Thread.sleep(100);
        }
    }

    static Result java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return java(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(), env, args);
    }

    static Result java(Path java, List<String> jvmArgs, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return java(java, JAR, jvmArgs, env, args);
    }

    static Result java(Path java, Path jar, List<String> jvmArgs, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        hermetic(pb.environment());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /** The caller's cache directory and archive knobs do not leak into the runs (CI may set them). */
    static void hermetic(Map<String, String> env) {
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        env.remove("TOLLGATE_NO_RELAUNCH");
        env.remove("TOLLGATE_NO_ARCHIVE_CACHE");
        env.remove("TOLLGATE_ARCHIVE_CACHE");
        env.remove("CI");   // CI=true keeps the launcher from making archives: tested on its own below
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
    }

    @Test
    void theJarAndItsArchiveWereBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR.toString());
        assertTrue(Files.isRegularFile(JAR.resolveSibling("policy-runner.jsa")), "the CDS archive is built beside the jar");
    }

    /**
     * The training run names the JVM and jar the archive belongs to; on that JVM (the one running
     * the build and these tests) a run uses the archive beside the jar and writes nothing to the cache.
     */
    @Test
    void theShippedArchiveNamesItsJdkAndIsUsedThere(@TempDir Path home) throws Exception {
        Path id = JAR.resolveSibling("policy-runner.jsa.jvm");
        assertEquals(FastStart.identity(JAR.toFile()), Files.readString(id), "the archive was made by the JVM running the tests");
        Result r = java(Map.of("XDG_CACHE_HOME", home.toString()), "check", "--repo", Corpus.fixture("demo").toString(), "--offline");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(List.of(), archivesIn(home), "the matching shipped archive needs no cached one");
    }

    @Test
    void checkOnTheDemoFailsTheGateQuietly() throws Exception {
        String demo = Corpus.fixture("demo").toString();
        String meta = Corpus.fixture("demo").resolve("cargo-metadata.json").toString();
        Result fast = java(Map.of(), "check", "--repo", demo, "--metadata", meta, "--format", "json");
        assertEquals(1, fast.code(), fast.err());
        assertEquals("", fast.err(), "nothing on stderr: no SLF4J, CDS or reflection warnings");
        assertTrue(fast.out().contains("\"code\" : \"unknown-git\""), fast.out());
        assertTrue(fast.out().contains("\"code\" : \"duplicate\""), fast.out());
        assertTrue(fast.out().contains("\"code\" : \"copyleft-needs-decision\""), fast.out());

        assertTrue(fast.out().contains("\"code\" : \"gate-incomplete-needs\""), fast.out());

        Result plain = java(Map.of("TOLLGATE_NO_RELAUNCH", "1"), "check", "--repo", demo, "--metadata", meta, "--format", "json");
        assertEquals(1, plain.code(), plain.err());
        assertEquals("", plain.err());
        assertEquals(fast.out(), plain.out(), "the relaunch changes speed, never the answer");
    }

    /**
     * The archive holds what one training JVM loaded (CdsTraining): a class it missed is read from the
     * jar, parsed and verified on every run. Each run of the training's own list ({@code
     * CdsTraining.RUNS}: check from the lockfile and manifests and from metadata, the plans, explain,
     * --version), run alone in a child as the launcher starts it, loads every Tollgate class from the
     * archive.
     */
    @Test
    void theArchiveHoldsEveryTollgateClassTheUsualRunsLoad(@TempDir Path tmp) throws Exception {
        List<List<String>> runs = CdsTraining.runs(Corpus.fixture("demo"), tmp.resolve("scratch"));
        assertEquals(CdsTraining.RUNS.size(), runs.size());
        for (List<String> run : runs) {
            Path log = tmp.resolve("classes.log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:SharedArchiveFile=" + JAR.resolveSibling("policy-runner.jsa"), "-Xshare:auto", "-Xlog:cds=off",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtollgate.relaunched=1",
                    "-Xlog:class+load=info:file=" + log, "-cp", JAR.toString(), "dev.tollgate.runner.Main"));
            cmd.addAll(run);
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            assertTrue(code <= 1, run + " exited " + code);
            List<String> loaded = Files.readAllLines(log).stream().filter(l -> l.contains(" dev.tollgate.")).toList();
            assertTrue(loaded.size() > 5, run + ": " + loaded.size() + " Tollgate classes loaded");
            List<String> fromJar = loaded.stream().filter(l -> !l.contains("source: shared objects file"))
                    .filter(l -> !l.contains("$$Lambda$")).toList();
            assertEquals(List.of(), fromJar, run + ": classes the training run never loaded");
        }
    }

    /**
     * A rule author's first {@code check --rules} after an edit compiles the file: the DRL parser, the
     * executable-model generator and the Java compiler come from the archive too, not only Tollgate's
     * classes (docs/performance.md "Custom rules edit loop"; a training that hit its own cache missed them).
     */
    @Test
    void theArchiveHoldsTheCustomRulesCompile(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("msrv.drl"), """
                package tollgate.msrv;

                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;

                rule "no rust-version"
                    @code("missing-rust-version") @severity("warning") @doc("A workspace crate sets no rust-version.")
                when
                    $m : WorkspaceMember( rustVersion == "" )
                then
                    insert(Finding.of("msrv", "missing-rust-version", Severity.WARNING, $m.name()).about($m.id()));
                end
                """);
        Path log = tmp.resolve("classes.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + JAR.resolveSibling("policy-runner.jsa"), "-Xshare:auto", "-Xlog:cds=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtollgate.relaunched=1",
                "-Xlog:class+load=info:file=" + log, "-cp", JAR.toString(), "dev.tollgate.runner.Main",
                "check", "--repo", Corpus.fixture("demo").toString(), "--policies", "sources", "--offline",
                "--rules", rules.toString(), "--cache-dir", tmp.resolve("cache").toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor() <= 1, "check --rules exited " + p.exitValue());
        List<String> loaded = Files.readAllLines(log);
        List<String> compiler = loaded.stream()
                .filter(l -> l.contains(" org.drools.model.codegen.") || l.contains(" org.eclipse.jdt.") || l.contains(" dev.tollgate."))
                .toList();
        assertTrue(compiler.stream().anyMatch(l -> l.contains(" org.eclipse.jdt.")), "the file was compiled: " + compiler.size());
        List<String> fromJar = compiler.stream().filter(l -> !l.contains("source: shared objects file"))
                .filter(l -> !l.contains("$$Lambda$")).toList();
        assertEquals(List.of(), fromJar, "classes of the custom-rules compile the training never loaded");
    }

    /** The usual CI run on the demo, from the lockfile and manifests. */
    static String[] demoCheck() {
        return new String[] {"check", "--repo", Corpus.fixture("demo").toString(), "--offline", "--format", "json"};
    }

    /**
     * The jar and its archive copied to {@code dir}, the archive's identity file naming another JVM:
     * what a released jar looks like on a user's machine.
     */
    static Path jarWithAForeignArchive(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path jar = Files.copy(JAR, dir.resolve("policy-runner.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR.resolveSibling("policy-runner.jsa"), dir.resolve("policy-runner.jsa"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("policy-runner.jsa.jvm"), "tollgate-cds 1\nsome other JDK build\n");
        return jar;
    }

    /**
     * Every file under {@code home} (a user cache directory, or any directory), relative, sorted, but the
     * advisory databases and the records kept beside archives and AOT caches ({@code .jsa.id}, {@code .aot.id}).
     */
    static List<String> archivesIn(Path home) throws IOException {
        if (!Files.exists(home)) return List.of();
        try (Stream<Path> files = Files.walk(home).filter(f -> !f.startsWith(home.resolve("tollgate/advisory-dbs")))) {
            return files.filter(Files::isRegularFile).map(f -> home.relativize(f).toString()).filter(f -> !f.endsWith(".jsa.id") && !f.endsWith(".aot.id"))
                    .sorted().toList();
        }
    }

    static boolean isDynamicArchive(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
        return Arrays.equals(new byte[] {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0}, head);
    }

    /**
     * Runs {@code args} with class loading logged per JVM and returns the Tollgate classes the child
     * (the JVM that ran the command) read from the jar instead of a CDS archive, lambdas aside.
     */
    static List<String> childClassesFromTheJar(Path java, Path jar, Path home, Path logs, String... args) throws Exception {
        return childClassesFromTheJar(java, jar, home, logs, Map.of(), args);
    }

    static List<String> childClassesFromTheJar(Path java, Path jar, Path home, Path logs, Map<String, String> env,
                                               String... args) throws Exception {
        Files.createDirectories(logs);
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_CACHE_HOME", home.toString());
        all.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + logs.resolve("cl-%p.log"));
        Result r = java(java, jar, List.of(), all, args);
        assertTrue(r.code() <= 1, r.err());
        List<String> child = null;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                List<String> lines = Files.readAllLines(log);
                if (lines.stream().anyMatch(l -> l.contains(" dev.tollgate.runner.Cli "))) child = lines;
            }
        }
        assertTrue(child != null, "a JVM ran the CLI");
        List<String> tollgate = child.stream().filter(l -> l.contains(" dev.tollgate.")).filter(l -> !l.contains("$$Lambda")).toList();
        assertTrue(tollgate.size() > 100, tollgate.size() + " Tollgate classes");
        return tollgate.stream().filter(l -> !l.contains("source: shared objects file")).toList();
    }

    /**
     * A jar whose archive was made on another JVM: the first {@code check} makes an archive for this
     * JVM in the cache directory, the next runs use it; the answer and exit code are the same on
     * every run, with and without the relaunch or the cache, and nothing is printed about it.
     */
    @Test
    void aForeignArchiveIsReplacedByOneMadeOnFirstUse(@TempDir Path tmp) throws Exception {
        Foreign f = foreign(tmp);
        Path jar = f.jar();
        Path home = f.home();
        Path java = f.java();
        Result plain = f.plain();
        assertEquals(1, plain.code(), plain.err());

        Result first = java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", home.toString()), demoCheck());
        List<String> cached = archivesIn(home);
        assertEquals(1, cached.size(), "one archive, no temporary file left: " + cached);
        assertTrue(cached.get(0).matches("tollgate/cds/policy-runner-[0-9a-f]{16}-[0-9a-f]{16}\\.jsa"), cached.get(0));
        assertTrue(isDynamicArchive(home.resolve(cached.get(0))));
        Result second = java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", home.toString()), demoCheck());
        assertEquals(cached, archivesIn(home), "made once");
        Result noCache = java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", tmp.resolve("unused").toString(), "TOLLGATE_NO_ARCHIVE_CACHE", "1"), demoCheck());
        assertEquals(List.of(), archivesIn(tmp.resolve("unused")), "TOLLGATE_NO_ARCHIVE_CACHE writes nothing");
        for (Result r : List.of(first, second, noCache)) {
            assertEquals(plain, r, "the archive changes speed, never the answer");
        }
        assertEquals("", first.err());

        assertEquals(List.of(), childClassesFromTheJar(java, jar, home, tmp.resolve("logs"), demoCheck()),
                "the second run maps the cached archive");

        // a new build of the jar at the same place: its own archive, the old one removed
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertEquals(plain, java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", home.toString()), demoCheck()));
        List<String> rebuilt = archivesIn(home);
        assertEquals(1, rebuilt.size(), rebuilt.toString());
        assertFalse(rebuilt.equals(cached), "a new archive for the new jar");
    }

    /** Runs the jar in {@code cwd} with {@code shell} put before {@code exec java} (a umask, a ulimit). */
    static Result javaIn(Path cwd, String shell, Path java, Path jar, Map<String, String> env, String... args) throws Exception {
        StringBuilder cmd = new StringBuilder(shell).append("; exec '").append(java).append("' -jar '").append(jar).append('\'');
        for (String a : args) cmd.append(" '").append(a).append('\'');
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd.toString()).directory(cwd.toFile());
        hermetic(pb.environment());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /**
     * A cached archive damaged on disk (bytes in the middle changed with its size, time and inode kept,
     * so only the JVM's crash shows it; truncated; garbage throughout) costs one run nothing but time:
     * the same stdout and exit code as a clean run, no crash report or core in the working directory,
     * and the bad archive is removed or replaced, so the next run maps a good one again.
     */
    @Test
    void aDamagedCachedArchiveIsHealedByTheNextRun(@TempDir Path tmp) throws Exception {
        Foreign f = foreign(tmp);
        Map<String, String> env = Map.of("XDG_CACHE_HOME", f.home().toString());
        Path work = Files.createDirectories(tmp.resolve("work"));
        assertEquals(f.plain(), java(f.java(), f.jar(), List.of(), env, demoCheck()));
        List<String> made = archivesIn(f.home());
        assertEquals(1, made.size(), made.toString());
        Path archive = f.home().resolve(made.get(0));
        long size = Files.size(archive);
        byte[] noise = new byte[8 << 20];
        new java.util.Random(16).nextBytes(noise);

        // bytes in the middle, written in place, the time put back: the launcher's record still matches
        FileTime time = Files.getLastModifiedTime(archive);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            raf.seek(size / 2 - noise.length / 2);
            raf.write(noise);
        }
        Files.setLastModifiedTime(archive, time);
        Result healed = javaIn(work, "true", f.java(), f.jar(), env, demoCheck());
        assertEquals(f.plain().code(), healed.code(), healed.err());
        assertEquals(f.plain().out(), healed.out(), "a crash says nothing on stdout");
        assertEquals(List.of(), archivesIn(f.home()), "the archive that crashed the JVM is removed");
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "no hs_err_pid*.log or core in the working directory");
        }
        assertEquals(f.plain(), java(f.java(), f.jar(), List.of(), env, demoCheck()));
        assertEquals(1, archivesIn(f.home()).size(), "the next run makes a new one");

        // truncated, then garbage of the same size: not mapped (the record does not match), replaced
        for (String damage : List.of("truncated", "garbage")) {
            archive = f.home().resolve(archivesIn(f.home()).get(0));
            if (damage.equals("truncated")) {
                try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
                    raf.setLength(size / 3);
                }
            } else {
                byte[] garbage = new byte[(int) Files.size(archive)];
                new java.util.Random(9).nextBytes(garbage);
                Files.write(archive, garbage);
            }
            Result r = javaIn(work, "true", f.java(), f.jar(), env, demoCheck());
            assertEquals(f.plain(), r, damage);
            assertEquals(1, archivesIn(f.home()).size(), damage + ": " + archivesIn(f.home()));
            archive = f.home().resolve(archivesIn(f.home()).get(0));
            assertTrue(isDynamicArchive(archive), damage + ": replaced by a whole archive");
            assertTrue(FastStart.trustworthy(archive.toFile()), damage);
        }
        assertEquals(List.of(), childClassesFromTheJar(f.java(), f.jar(), f.home(), tmp.resolve("logs"), demoCheck()),
                "the replacement is mapped");
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** An archive another user could have written (group- or world-writable) is not mapped, but replaced. */
    @Test
    void aGroupOrWorldWritableArchiveIsNotUsed(@TempDir Path tmp) throws Exception {
        Foreign f = foreign(tmp);
        Map<String, String> env = Map.of("XDG_CACHE_HOME", f.home().toString());
        assertEquals(f.plain(), java(f.java(), f.jar(), List.of(), env, demoCheck()));
        for (String mode : List.of("rw-rw-r--", "rw-r--rw-")) {
            Path archive = f.home().resolve(archivesIn(f.home()).get(0));
            Files.setPosixFilePermissions(archive, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
            Path logs = tmp.resolve("logs-" + mode);
            List<String> fromJar = childClassesFromTheJar(f.java(), f.jar(), f.home(), logs, Map.of("TOLLGATE_ARCHIVE_CACHE", "write"), demoCheck());
            assertFalse(fromJar.isEmpty(), mode + ": the archive is not mapped");
            archive = f.home().resolve(archivesIn(f.home()).get(0));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)),
                    mode + ": replaced by the run");
        }
    }

    /**
     * Under umask 000 the cache directories are 0700 and the archive and its record 0600; a disk that
     * fills during the dump (here a file-size limit below the archive's size) changes neither the exit
     * code nor stdout, and leaves no temporary file.
     */
    @Test
    void cacheFilesAreOwnerOnlyAndAFailedDumpChangesNothing(@TempDir Path tmp) throws Exception {
        Foreign f = foreign(tmp);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path home = tmp.resolve("xdg");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", home.toString());
        Result limited = javaIn(work, "ulimit -f 8192", f.java(), f.jar(), Map.of("XDG_CACHE_HOME", tmp.resolve("full").toString()), demoCheck());
        assertEquals(f.plain().code(), limited.code(), limited.err());
        assertEquals(f.plain().out(), limited.out(), "a failed dump: the JVM's message goes to stderr");
        assertEquals(List.of(), archivesIn(tmp.resolve("full")), "no archive, no temporary file");

        assertEquals(f.plain(), javaIn(work, "umask 000", f.java(), f.jar(), env, demoCheck()));
        List<String> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home).filter(p -> !p.startsWith(home.resolve("tollgate/advisory-dbs")))) {
            for (Path p : all.sorted().toList()) {
                files.add(home.relativize(p) + " " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        assertEquals(5, files.size(), files.toString());
        for (String line : files) {
            assertTrue(line.endsWith(Files.isDirectory(home.resolve(line.substring(0, line.indexOf(' ')))) ? " rwx------" : " rw-------"), line);
        }
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /**
     * A launcher killed outright (SIGKILL: no shutdown hook runs) takes its child with it: the child
     * watches its parent and stops. Without the watch the child would run on (and a CI step wait for it).
     */
    @Test
    void aKilledLauncherTakesItsChildWithIt(@TempDir Path tmp) throws Exception {
        // a run that waits: the changed files from stdin, a pipe this test keeps open and never writes to
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "plan", "affected", "--repo", Corpus.fixture("demo").toString(), "--changed-files", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        hermetic(pb.environment());
        Process launcher = pb.start();
        ProcessHandle child = null;
        for (int i = 0; i < 300 && child == null; i++) {
            child = launcher.children().findFirst().orElse(null);
            if (child == null) Thread.sleep(100);
        }
        assertTrue(child != null, "the launcher relaunched a child");
        Thread.sleep(1500);   // the child is running the CLI, blocked on stdin
        assertTrue(child.isAlive());
        launcher.destroyForcibly();
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        boolean ended = child.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get() != null || !child.isAlive();
        if (!ended) child.destroyForcibly();
        assertTrue(ended, "the child ended with its launcher");
    }

    /**
     * Under CI=true a first run makes no archive (a CI job's cache directory is usually thrown away, so
     * the dump would cost every job and help none), but uses one that is there; with
     * TOLLGATE_ARCHIVE_CACHE=write it makes one as on a workstation.
     */
    @Test
    void underCiTheCacheIsReadButWrittenOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        Foreign f = foreign(tmp);
        String home = f.home().toString();
        assertEquals(f.plain(), java(f.java(), f.jar(), List.of(), Map.of("XDG_CACHE_HOME", home, "CI", "true"), demoCheck()));
        assertEquals(List.of(), archivesIn(f.home()), "CI=true: no archive made");
        assertEquals(f.plain(), java(f.java(), f.jar(), List.of(), Map.of("XDG_CACHE_HOME", home, "CI", "true",
                "TOLLGATE_ARCHIVE_CACHE", "write"), demoCheck()));
        assertEquals(1, archivesIn(f.home()).size(), "CI=true with TOLLGATE_ARCHIVE_CACHE=write: one archive made");
        assertEquals(List.of(), childClassesFromTheJar(f.java(), f.jar(), f.home(), tmp.resolve("logs"), Map.of("CI", "true"),
                demoCheck()), "CI=true: the cached archive is used");
        assertEquals(1, archivesIn(f.home()).size());
    }

    /** A copy of the jar whose archive names another JVM, an empty cache home, this JVM, and its answer without relaunch. */
    record Foreign(Path jar, Path home, Path java, Result plain) {
    }

    static Foreign foreign(Path tmp) throws Exception {
        Path jar = jarWithAForeignArchive(tmp.resolve("dist"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new Foreign(jar, tmp.resolve("cache"), java, java(java, jar, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), demoCheck()));
    }

    /**
     * When the cache cannot take the archive (a read-only or missing directory, a full disk) the JVM
     * would fail the run with a message of its own; the launcher does not ask it to, and the run
     * answers as always. {@code plan affected} exits 0, so a JVM failure (exit 1) shows.
     */
    @Test
    void anUnwritableOrFullCacheChangesNothing(@TempDir Path tmp) throws Exception {
        Path jar = jarWithAForeignArchive(tmp.resolve("dist"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path changed = Files.writeString(tmp.resolve("changed.txt"), "crates/demo-core/src/lib.rs\n");
        String[] plan = {"plan", "affected", "--repo", Corpus.fixture("demo").toString(), "--changed-files", changed.toString()};
        Result plain = java(java, jar, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), plan);
        assertEquals(new Result(0, plain.out(), ""), plain);

        Path notADirectory = Files.writeString(tmp.resolve("a-file"), "");   // root can write anywhere, but not under a file
        assertEquals(plain, java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", notADirectory.toString()), plan));
        assertEquals(List.of("a-file"), archivesIn(tmp).stream().filter(f -> !f.startsWith("dist/") && !f.equals("changed.txt")).toList());

        Path full = tmp.resolve("full");
        assertEquals(plain, java(java, jar, List.of("-D" + FastStart.MIN_FREE_PROPERTY + "=" + Long.MAX_VALUE),
                Map.of("XDG_CACHE_HOME", full.toString()), plan));
        assertEquals(List.of(), archivesIn(full), "no archive started on a disk without room");
        assertEquals(plain, java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", full.toString()), plan));
        assertEquals(1, archivesIn(full).size(), "with room, the same run makes one");
    }

    /** Runs started together before any archive exists: each answers the same, and one whole archive is left. */
    @Test
    void concurrentFirstRunsLeaveOneWholeArchive(@TempDir Path tmp) throws Exception {
        Path jar = jarWithAForeignArchive(tmp.resolve("dist"));
        Path home = tmp.resolve("cache");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result plain = java(java, jar, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), demoCheck());
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
            cmd.addAll(List.of(demoCheck()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out" + i).toFile()).redirectError(tmp.resolve("err" + i).toFile());
            hermetic(pb.environment());
            pb.environment().put("XDG_CACHE_HOME", home.toString());
            runs.add(pb.start());
        }
        for (int i = 0; i < runs.size(); i++) {
            Result r = new Result(runs.get(i).waitFor(), Files.readString(tmp.resolve("out" + i)), Files.readString(tmp.resolve("err" + i)));
            assertEquals(plain, r, "run " + i);
        }
        List<String> cached = archivesIn(home);
        assertEquals(1, cached.size(), cached.toString());
        assertTrue(isDynamicArchive(home.resolve(cached.get(0))));
        assertEquals(List.of(), childClassesFromTheJar(java, jar, home, tmp.resolve("logs"), demoCheck()));
    }

    /**
     * On another installed JDK (Temurin's, which the build machines and CI have beside the default one
     * under /usr/lib/jvm) the shipped archive does not apply: the first run makes one for that JDK, and
     * later runs map it. The reports are those of a run without the relaunch on that JDK. On a machine
     * with only the build's JDK, the other JDK is a runtime image jlink makes from it (its own java.home
     * and base archive, so the shipped archive does not apply to it either): never skipped.
     */
    /**
     * JDK 25 or later, when one is installed: under /usr/lib/jvm (Temurin's, as on the build machines), or
     * the JDK home in {@code TOLLGATE_TEST_AOT_JDK} (CI sets one up beside 17). Empty otherwise, and the
     * AOT tests are skipped with a message: the JDK 17 path is what every other test runs.
     */
    static List<Path> aotJdks() throws IOException {
        List<Path> found = new ArrayList<>();
        String home = System.getenv("TOLLGATE_TEST_AOT_JDK");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", "java"))) {
            found.add(Path.of(home, "bin", "java").toRealPath());
        }
        for (Path java : installedJdks()) {
            if (feature(java) >= FastStart.AOT_FEATURE && !found.contains(java)) found.add(java);
        }
        return found;
    }

    /**
     * A JDK 25+ to test the AOT path with: a failure under CI=true when there is none (ci.yml sets one up and
     * names it in TOLLGATE_TEST_AOT_JDK), an aborted test on a machine without one.
     */
    static void requireAotJdk(List<Path> jdks) {
        if (!jdks.isEmpty()) return;
        String message = "no JDK 25+ installed (set TOLLGATE_TEST_AOT_JDK)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message + "; CI=true: the AOT path must be tested in CI");
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    /** The feature version of the JDK whose {@code bin/java} this is. */
    static int feature(Path java) throws IOException {
        Path release = java.getParent().getParent().resolve("release");
        return Files.isRegularFile(release) ? javaFeature(release) : 0;
    }

    /** Waits (at most 180 s) until the background assembly has put an AOT cache into {@code home}, and returns its path. */
    static Path awaitAotCache(Path home) throws Exception {
        Path dir = home.resolve("tollgate/cds");
        for (int i = 0; i < 1800; i++) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<String> names = files.map(f -> f.getFileName().toString()).toList();
                    boolean busy = names.stream().anyMatch(n -> n.endsWith(".pending"));
                    List<String> caches = names.stream().filter(n -> n.endsWith(".aot")).toList();
                    if (!busy && caches.size() == 1) return dir.resolve(caches.get(0));
                    if (!busy && names.stream().anyMatch(n -> n.endsWith(".aot.failed"))) fail("the AOT cache could not be made: " + names);
                }
            }
            Thread.sleep(100);
        }
        fail("no AOT cache assembled within 180 s: " + archivesIn(home));
        return null;
    }

    static boolean isAotCache(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
        return Arrays.equals(new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0}, head);
    }

    /**
     * On JDK 25+ the cache holds an AOT cache (JEP 483/514: classes loaded and linked ahead of time): the
     * first {@code check} records its configuration, a background JVM assembles the cache, later runs map
     * it. Every run answers as a run without the relaunch, says nothing on stderr, and leaves nothing in the
     * working directory; {@code TOLLGATE_NO_AOT_CACHE} keeps that JDK on the dynamic archive, and under
     * {@code CI=true} nothing is recorded unless asked.
     */
    @Test
    void onJdk25AFirstRunRecordsAndLaterRunsMapTheAotCache(@TempDir Path tmp) throws Exception {
        List<Path> jdks = aotJdks();
        requireAotJdk(jdks);
        for (Path java : jdks) {
            Path jar = jarWithAForeignArchive(tmp.resolve("dist"));
            Path home = tmp.resolve("cache");
            Path work = Files.createDirectories(tmp.resolve("work"));
            Result plain = java(java, jar, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), demoCheck());
            assertEquals(1, plain.code(), java + ": " + plain.err());
            assertEquals("", plain.err());

            assertEquals(plain, java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", home.toString(), "CI", "true"), demoCheck()));
            assertEquals(List.of(), archivesIn(home), "CI=true: nothing recorded");

            Result first = javaIn(work, "true", java, jar, Map.of("XDG_CACHE_HOME", home.toString()), demoCheck());
            assertEquals(plain, first, java + ": the recording run");
            Path cache = awaitAotCache(home);
            assertTrue(isAotCache(cache), cache.toString());
            assertTrue(FastStart.trustworthy(cache.toFile()));
            assertEquals(List.of(home.relativize(cache).toString()), archivesIn(home), "the cache alone: no configuration or mark left");
            assertEquals(plain, javaIn(work, "true", java, jar, Map.of("XDG_CACHE_HOME", home.toString()), demoCheck()));
            assertEquals(List.of(), childClassesFromTheJar(java, jar, home, tmp.resolve("logs"), demoCheck()),
                    java + ": the child maps the AOT cache");
            try (Stream<Path> files = Files.list(work)) {
                assertEquals(List.of(), files.toList(), "nothing in the working directory");
            }

            Path cds = tmp.resolve("cds-only");
            assertEquals(plain, java(java, jar, List.of(), Map.of("XDG_CACHE_HOME", cds.toString(), "TOLLGATE_NO_AOT_CACHE", "1"), demoCheck()));
            List<String> dynamic = archivesIn(cds);
            assertEquals(1, dynamic.size(), dynamic.toString());
            assertTrue(isDynamicArchive(cds.resolve(dynamic.get(0))), "TOLLGATE_NO_AOT_CACHE: the dynamic archive, as on JDK 17");
            deleteTree(tmp);
            Files.createDirectories(tmp);
        }
    }

    /**
     * A damaged AOT cache changes nothing but time: bytes rewritten in the middle with size, time and inode
     * kept (only the JVM's crash shows it) give the same stdout, stderr and exit code as a clean run, no
     * crash report or core in the working directory, and the cache is removed; the next run records a new
     * one, which later runs map. A truncated or garbage cache fails its record and is replaced the same way.
     */
    @Test
    void onJdk25ADamagedAotCacheIsHealed(@TempDir Path tmp) throws Exception {
        List<Path> jdks = aotJdks();
        requireAotJdk(jdks);
        Path java = jdks.get(0);
        Path jar = jarWithAForeignArchive(tmp.resolve("dist"));
        Path home = tmp.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", home.toString());
        Path work = Files.createDirectories(tmp.resolve("work"));
        Result plain = java(java, jar, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), demoCheck());
        assertEquals(plain, java(java, jar, List.of(), env, demoCheck()));
        Path cache = awaitAotCache(home);
        long size = Files.size(cache);
        byte[] noise = new byte[8 << 20];
        new java.util.Random(19).nextBytes(noise);
        FileTime time = Files.getLastModifiedTime(cache);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
            raf.seek(size / 2 - noise.length / 2);
            raf.write(noise);
        }
        Files.setLastModifiedTime(cache, time);
        assertTrue(FastStart.trustworthy(cache.toFile()), "the record does not see it");
        Result healed = javaIn(work, "true", java, jar, env, demoCheck());
        assertEquals(plain, healed, "a crash says nothing, and the run is repeated without the cache");
        assertEquals(List.of(), archivesIn(home), "the cache that crashed the JVM is removed");
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "no hs_err_pid*.log or core in the working directory");
        }
        assertEquals(plain, javaIn(work, "true", java, jar, env, demoCheck()), "the next run records again");
        assertTrue(isAotCache(awaitAotCache(home)), "and a new cache is assembled");

        for (String damage : List.of("truncated", "garbage")) {
            cache = awaitAotCache(home);
            if (damage.equals("truncated")) {
                try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
                    raf.setLength(size / 3);
                }
            } else {
                byte[] garbage = new byte[(int) Files.size(cache)];
                new java.util.Random(23).nextBytes(garbage);
                Files.write(cache, garbage);
            }
            assertFalse(FastStart.trustworthy(cache.toFile()), damage);
            assertEquals(plain, javaIn(work, "true", java, jar, env, demoCheck()), damage);
            Path replaced = awaitAotCache(home);
            assertTrue(isAotCache(replaced) && FastStart.trustworthy(replaced.toFile()), damage + ": replaced by a whole cache");
        }
        assertEquals(List.of(), childClassesFromTheJar(java, jar, home, tmp.resolve("logs"), demoCheck()), "the replacement is mapped");
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Test
    void anotherJdkGetsItsOwnArchive(@TempDir Path tmp) throws Exception {
        Path self = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        List<Path> others = installedJdks().stream().filter(j -> !j.equals(self)).toList();
        if (others.isEmpty()) others = List.of(jlinkedRuntime(tmp.resolve("jdk-image")));
        assertFalse(others.isEmpty(), "a second JDK (installed under /usr/lib/jvm, or made with jlink) is needed to test its archive");
        for (Path java : others) {
            Path home = tmp.resolve("cache-" + others.indexOf(java));
            Result plain = java(java, JAR, List.of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"), demoCheck());
            assertEquals(1, plain.code(), java + ": " + plain.err());
            Result first = java(java, JAR, List.of(), Map.of("XDG_CACHE_HOME", home.toString()), demoCheck());
            assertEquals(plain, first, java + ": first run");
            if (feature(java) >= FastStart.AOT_FEATURE) awaitAotCache(home);   // assembled in the background
            assertEquals(1, archivesIn(home).size(), java + ": " + archivesIn(home));
            Result second = java(java, JAR, List.of(), Map.of("XDG_CACHE_HOME", home.toString()), demoCheck());
            assertEquals(plain, second, java + ": second run");
            assertEquals(List.of(), childClassesFromTheJar(java, JAR, home, tmp.resolve("logs-" + others.indexOf(java)), demoCheck()),
                    java + ": later runs map the archive made for this JDK");
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        Result r = java(Map.of(), "check", "--repo", "/nonexistent/tollgate");
        assertEquals(2, r.code());
        assertEquals("tollgate: /nonexistent/tollgate: repository directory not found\n", r.err());
    }

    @Test
    void versionStarts() throws Exception {
        Result r = java(Map.of(), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("tollgate "), r.out());
    }

    @Test
    void everyFormatRunsQuietlyAndOneRunWritesSeveral(@TempDir Path tmp) throws Exception {
        String demo = Corpus.fixture("demo").toString();
        String meta = Corpus.fixture("demo").resolve("cargo-metadata.json").toString();
        for (String format : Reports.FORMATS) {
            Result r = java(Map.of(), "check", "--repo", demo, "--metadata", meta, "--format", format);
            assertEquals(1, r.code(), format + ": " + r.err());
            assertEquals("", r.err(), format + ": nothing on stderr");
            assertFalse(r.out().contains("\u001b["), format + ": no colour when standard output is not a terminal");
        }
        Path sarif = tmp.resolve("demo.sarif");
        Path md = tmp.resolve("summary.md");
        Result all = java(Map.of(), "check", "--repo", demo, "--metadata", meta, "--format", "github", "--output", "sarif=" + sarif, "--output", "markdown=" + md);
        assertEquals(1, all.code(), all.err());
        assertEquals("", all.err());
        assertTrue(all.out().startsWith("::notice file=Cargo.lock,line=160,col=1,title=tollgate advisories/advisory-ignored"), all.out());
        assertTrue(all.out().contains("\n::error file=Cargo.lock,line=37,col=1,"), all.out());
        SarifSchema.assertValid(Files.readString(sarif));
        assertTrue(Files.readString(md).contains("\n| sources | 3 | 2 | 0 | 0 | 0 | 5 |\n"), Files.readString(md));
    }

    /** Every JDK installed under /usr/lib/jvm (17, and 21+ where present) runs the jar without a warning. */
    @Test
    void quietOnEveryInstalledJdk() throws Exception {
        String demo = Corpus.fixture("demo").toString();
        String meta = Corpus.fixture("demo").resolve("cargo-metadata.json").toString();
        List<Path> jdks = installedJdks();
        assertFalse(jdks.isEmpty(), "at least the JDK running the tests");
        for (Path java : jdks) {
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"))) {
                Result r = java(java, List.of(), env, "check", "--repo", demo, "--metadata", meta, "--format", "sarif");
                assertEquals(1, r.code(), java + " " + env + ": " + r.err());
                assertEquals("", r.err(), java + " " + env + ": no SLF4J, CDS or reflection warnings");
                SarifSchema.assertValid(r.out());
            }
        }
    }

    /** A run loads the classes of the reports it writes, and no others (start-up time counts every class). */
    @Test
    void reportClassesLoadOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        String demo = Corpus.fixture("demo").toString();
        String meta = Corpus.fixture("demo").resolve("cargo-metadata.json").toString();
        List<String> others = List.of("TextReport", "SarifReport", "GithubReport", "MarkdownReport", "JunitReport");
        Path log = tmp.resolve("json.log");
        Result json = java(Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xlog:class+load=info:file=" + log),
                Map.of("TOLLGATE_NO_RELAUNCH", "1"), "check", "--repo", demo, "--metadata", meta, "--format", "json");
        assertEquals(1, json.code(), json.err());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("dev.tollgate.report.JsonReport "), "the log names the classes it loads");
        for (String c : others) assertFalse(loaded.contains("dev.tollgate.report." + c + " "), c + " loaded for --format json");

        Path sarifLog = tmp.resolve("sarif.log");
        Result sarif = java(Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xlog:class+load=info:file=" + sarifLog),
                Map.of("TOLLGATE_NO_RELAUNCH", "1"), "check", "--repo", demo, "--metadata", meta, "--format", "sarif");
        assertEquals(1, sarif.code(), sarif.err());
        String sarifLoaded = Files.readString(sarifLog);
        assertTrue(sarifLoaded.contains("dev.tollgate.report.SarifReport "));
        assertFalse(sarifLoaded.contains("dev.tollgate.report.JsonReport "));
        assertFalse(sarifLoaded.contains("dev.tollgate.report.MarkdownReport "));
    }

    /** Each Maven artifact has its sources and javadoc jars, and every jar carries the license. */
    @Test
    void artifactsCarrySourcesJavadocAndTheLicense() throws Exception {
        Path root = Corpus.projectRoot();
        String version = System.getProperty("tollgate.version", "0.1.0-SNAPSHOT");
        for (String module : List.of("policy-api", "policy-rules", "policy-runner", "test-fixtures")) {
            for (String kind : List.of("", "-sources", "-javadoc")) {
                Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + kind + ".jar");
                assertTrue(Files.isRegularFile(jar), jar.toString());
                if (kind.isEmpty()) {
                    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
                        assertTrue(z.getEntry("META-INF/LICENSE") != null, jar + " has META-INF/LICENSE");
                    }
                }
            }
        }
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(JAR.toFile())) {
            String license = new String(z.getInputStream(z.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), "the shaded jar's license is Tollgate's");
        }
    }

    /**
     * Every jar the build makes names its module ({@code Automatic-Module-Name}), so users on the
     * module path get a stable name rather than one derived from the file name. A module's jar is
     * looked for under any {@code target} directory of the project, so moving a module keeps it checked.
     */
    @Test
    void everyJarNamesItsModule() throws Exception {
        Path root = Corpus.projectRoot();
        String version = System.getProperty("tollgate.version", "0.1.0-SNAPSHOT");
        Map<String, String> names = new java.util.TreeMap<>(Map.of(
                "policy-api-" + version + ".jar", "dev.tollgate.api",
                "policy-rules-" + version + ".jar", "dev.tollgate.rules",
                "policy-rules-compiler-" + version + ".jar", "dev.tollgate.rules.compiler",
                "policy-runner-" + version + ".jar", "dev.tollgate.runner",
                "policy-runner.jar", "dev.tollgate.runner",
                "policy-scenarios-" + version + ".jar", "dev.tollgate.scenarios",
                "test-fixtures-" + version + ".jar", "dev.tollgate.fixtures"));
        List<Path> jars;
        try (Stream<Path> files = Files.find(root, 4, (p, a) -> a.isRegularFile()
                && p.getParent().getFileName().toString().equals("target") && names.containsKey(p.getFileName().toString()))) {
            jars = files.sorted().toList();
        }
        Set<String> found = new java.util.TreeSet<>();
        for (Path jar : jars) {
            try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
                String name = j.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                assertEquals(names.get(jar.getFileName().toString()), name, jar + ": Automatic-Module-Name");
            }
            found.add(jar.getFileName().toString());
        }
        assertEquals(names.keySet(), found, "the jars found under " + root);
    }

    /**
     * The composite action's script (action.yml), run as the runner would run it on the demo: it
     * writes the SARIF, appends the Markdown summary, sets the outputs, and fails the step only
     * when asked to.
     */
    @Test
    void theActionRunsTheJarAndWritesItsReports(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, actionScript());
        for (String fail : List.of("true", "false")) {
            Path out = tmp.resolve("output-" + fail);
            Path summary = tmp.resolve("summary-" + fail);
            Files.writeString(summary, "earlier step\n");
            Path sarif = tmp.resolve("t-" + fail + ".sarif");
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(Corpus.fixture("demo").toFile());
            Map<String, String> env = pb.environment();
            hermetic(env);
            env.putAll(Map.of("INPUT_POLICIES", "", "INPUT_BASE", "", "INPUT_FORMAT", "github", "INPUT_SARIF", sarif.toString(),
                    "INPUT_JUNIT", "", "INPUT_JSON", "", "INPUT_SUMMARY", "true", "INPUT_REPO", ".", "INPUT_CONFIG", "", "INPUT_FAIL", fail));
            env.putAll(Map.of("INPUT_ARGS", "--metadata cargo-metadata.json", "TOLLGATE_JAR", JAR.toString(), "PR_BASE_REF", "", "GITHUB_ACTION_PATH", Corpus.projectRoot().toString(),
                    "RUNNER_TEMP", tmp.toString(), "GITHUB_OUTPUT", out.toString(), "GITHUB_STEP_SUMMARY", summary.toString()));
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(fail.equals("true") ? 1 : 0, p.waitFor(), stdout + stderr);
            assertTrue(stdout.contains("::error file=Cargo.lock,line=37,col=1,"), stdout);
            assertEquals(List.of("verdict=fail", "exit-code=1", "sarif=" + sarif), Files.readAllLines(out));
            assertTrue(Files.readString(summary).startsWith("earlier step\n## ❌ Tollgate: fail\n"), "the summary is appended");
            SarifSchema.assertValid(Files.readString(sarif));
        }
    }

    /**
     * A run that writes no verdict never passes the action's step: a java that exits 0 at once (as a
     * rule calling System.exit(0) would have), and one that exits 1 under fail-on-findings false, both
     * fail it, with an error annotation.
     */
    @Test
    void theActionFailsARunThatWroteNoVerdict(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("run.sh");
        Files.writeString(script, actionScript());
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (int exit : List.of(0, 1)) {
            Path fake = bin.resolve("java");
            Files.writeString(fake, "#!/bin/sh\nexit " + exit + "\n");
            fake.toFile().setExecutable(true);
            Path out = tmp.resolve("output-" + exit);
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(Corpus.fixture("demo").toFile());
            Map<String, String> env = pb.environment();
            hermetic(env);
            env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.putAll(Map.of("INPUT_POLICIES", "", "INPUT_BASE", "", "INPUT_FORMAT", "github", "INPUT_SARIF", "",
                    "INPUT_JUNIT", "", "INPUT_JSON", "", "INPUT_SUMMARY", "false", "INPUT_REPO", ".", "INPUT_CONFIG", "", "INPUT_FAIL", "false"));
            env.putAll(Map.of("INPUT_ARGS", "", "TOLLGATE_JAR", JAR.toString(), "PR_BASE_REF", "", "GITHUB_ACTION_PATH", Corpus.projectRoot().toString(),
                    "RUNNER_TEMP", tmp.toString(), "GITHUB_OUTPUT", out.toString()));
            // a verdict file left from an earlier step must not count
            Files.writeString(tmp.resolve("tollgate-verdict.json"), "{\n  \"verdict\" : \"pass\",\n}\n");
            Process p = pb.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor(), "java exiting " + exit + ": " + stdout + stderr);
            assertTrue(stdout.contains("::error title=Tollgate::the run wrote no verdict (exit code " + exit + ")"), stdout);
            assertEquals(List.of("verdict=", "exit-code=" + exit, "sarif="), Files.readAllLines(out));
        }
    }

    /** The {@code run: |} block of action.yml's step {@code check} (the jar is the step {@code jar}'s output), unindented. */
    static String actionScript() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.projectRoot().resolve("action.yml"));
        int check = lines.indexOf("    - id: check");
        int start = check < 0 ? -1 : lines.subList(check, lines.size()).indexOf("      run: |") + check;
        assertTrue(check > 0 && start > check, "action.yml has a step check with a run block");
        StringBuilder script = new StringBuilder();
        for (String l : lines.subList(start + 1, lines.size())) {
            if (l.isBlank()) {
                script.append('\n');
                continue;
            }
            if (!l.startsWith("        ")) break;
            script.append(l.substring(8)).append('\n');
        }
        return script.toString();
    }

    /**
     * The text report is coloured on a terminal only, and never with NO_COLOR set (to anything but
     * ""), on every installed JDK (JDK 22+ has a console even when output is piped). The terminal
     * comes from util-linux's {@code script}.
     */
    @Test
    void textIsColouredOnATerminalOnlyAndNoColorWins() throws Exception {
        Path script = Path.of("/usr/bin/script");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(script) || "true".equalsIgnoreCase(System.getenv("CI")),
                "util-linux script is needed for a pseudo-terminal");
        String demo = Corpus.fixture("demo").toString();
        String meta = Corpus.fixture("demo").resolve("cargo-metadata.json").toString();
        for (Path java : installedJdks()) {
            // --metadata: without it, check runs cargo metadata, which waits for the network when offline.
            String cmd = "'" + java + "' -jar '" + JAR + "' check --repo '" + demo + "' --metadata '" + meta + "'";
            for (Map.Entry<String, Boolean> e : Map.of("", true, "1", false).entrySet()) {
                ProcessBuilder pb = new ProcessBuilder(script.toString(), "-qec", cmd, "/dev/null");
                hermetic(pb.environment());
                pb.environment().remove("NO_COLOR");
                pb.environment().put("TERM", "xterm");
                if (!e.getKey().isEmpty() || e.getValue()) pb.environment().put("NO_COLOR", e.getKey());
                pb.redirectInput(new java.io.File("/dev/null"));   // a closed stdin would end script at once
                Path log = Files.createTempFile("tollgate-tty", ".out");
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
                Process p = pb.start();
                // script has been seen once never to reap its exited child: fail in bounded time, never hang CI.
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    fail("script did not end within 120 s: " + Files.readString(log));
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                Files.delete(log);
                assertEquals(e.getValue(), out.contains("\u001b[31merror"), java + " NO_COLOR=" + e.getKey() + ":\n" + out);
                assertTrue(out.contains("unknown-git fancy-widgets@0.4.2"), out);
            }
            Result piped = java(java, List.of(), Map.of(), "check", "--repo", demo, "--metadata", meta);
            assertFalse(piped.out().contains("\u001b["), java + ": no colour through a pipe");
        }
    }

    /**
     * A runtime image of the build's JDK, made with {@code jlink} (every Java SE module, as the jar
     * needs, and a base CDS archive, which a dynamic archive builds on): its {@code bin/java}.
     */
    static Path jlinkedRuntime(Path image) throws Exception {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        ProcessBuilder pb = new ProcessBuilder(jlink.toString(), "--add-modules",
                "java.se,jdk.unsupported,jdk.zipfs,jdk.crypto.ec,jdk.management", "--generate-cds-archive",
                "--no-header-files", "--no-man-pages", "--output", image.toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "jlink did not finish");
        assertEquals(0, p.exitValue(), "jlink could not make a second runtime to test a foreign JDK's archive: " + out);
        return image.resolve("bin/java").toRealPath();
    }

    /**
     * The running JDK and every JDK 17 or newer under /usr/lib/jvm; older ones cannot run the jar
     * (GitHub's Ubuntu runners install JDK 8 and 11 there too).
     */
    static List<Path> installedJdks() throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        seen.add(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> homes = Files.list(jvm)) {
                for (Path home : homes.sorted().toList()) {
                    Path java = home.resolve("bin/java");
                    Path release = home.resolve("release");
                    if (Files.isExecutable(java) && Files.isRegularFile(release) && javaFeature(release) >= 17) {
                        seen.add(java.toRealPath());
                    }
                }
            }
        }
        return new ArrayList<>(seen);
    }

    /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="17.0.15"}: 17; "1.8.0_452": 1), or 0. */
    static int javaFeature(Path release) throws IOException {
        for (String line : Files.readAllLines(release)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
            if (m.find()) return Integer.parseInt(m.group(1));
        }
        return 0;
    }
}
