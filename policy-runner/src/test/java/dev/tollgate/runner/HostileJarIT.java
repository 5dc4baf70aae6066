package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 through the jar as users run it: output bytes that do not depend on the locale, and a
 * run out of memory that exits 2 with one line, with and without the fast-start relaunch.
 */
class HostileJarIT {
    static final Path JAR = Corpus.projectRoot().resolve("policy-runner/target/policy-runner.jar");

    @TempDir
    static Path cacheHome;

    record Result(int code, byte[] out, String err) {
    }

    static Result java(List<String> jvmArgs, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        e.put("XDG_CACHE_HOME", cacheHome.toString());
        for (String k : List.of("TOLLGATE_NO_RELAUNCH", "TOLLGATE_NO_ARCHIVE_CACHE", "TOLLGATE_ARCHIVE_CACHE", "CI",
                "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "LANG", "LC_ALL", "LC_CTYPE")) {
            e.remove(k);
        }
        e.putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        // stderr on its own thread: a full pipe must not block the child
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException x) {
                return x.toString();
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended");
        return new Result(p.exitValue(), out, err.get());
    }

    @Test
    void jsonIsTheSameBytesUnderLangCAndAUtf8Locale(@TempDir Path repo) throws Exception {
        HostileInputsCliTest.workspace(repo, "caf\\u00e9-\\u2603-\\u202e-\\u001b");
        String[] check = {"check", "--repo", repo.toString(), "--policies", "sources", "--format", "json"};
        for (Map<String, String> relaunch : List.of(Map.<String, String>of(), Map.of("TOLLGATE_NO_RELAUNCH", "1"))) {
            Result c = java(List.of(), merge(relaunch, Map.of("LANG", "C", "LC_ALL", "C")), check);
            Result none = java(List.of(), relaunch, check);
            Result utf8 = java(List.of(), merge(relaunch, Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8")), check);
            assertEquals(0, utf8.code(), utf8.err());
            String text = new String(utf8.out(), StandardCharsets.UTF_8);
            assertTrue(text.contains("caf\u00e9-\u2603-\u202e-\\u001B"), text);
            assertArrayEquals(utf8.out(), c.out(), new String(c.out(), StandardCharsets.UTF_8));
            assertArrayEquals(utf8.out(), none.out(), new String(none.out(), StandardCharsets.UTF_8));
            assertEquals("", c.err());
        }
        // stderr is UTF-8 too, with the escapes of a human-readable line
        Files.writeString(repo.resolve("deny.toml"), "[sources]\nunknown-git = \"caf\u00e9\\u202e\"\n");
        Result err = java(List.of(), Map.of("LANG", "C", "LC_ALL", "C"), check);
        assertEquals(2, err.code());
        assertTrue(err.err().contains("\"caf\u00e9\\u{202e}\""), err.err());
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    @Test
    void runningOutOfMemoryIsExitTwoWithOneLine(@TempDir Path repo) throws Exception {
        HostileInputsCliTest.workspace(repo, "x");
        // 30 MB of comments: within the lockfile limit, beyond a 24 MB heap.
        try (Writer w = Files.newBufferedWriter(repo.resolve("Cargo.lock"))) {
            w.write("version = 4\n");
            String line = "# " + "x".repeat(98) + "\n";
            for (int i = 0; i < 300_000; i++) w.write(line);
        }
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                java(List.of("-Xmx24m"), Map.of("TOLLGATE_NO_RELAUNCH", "1"), "check", "--repo", repo.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals(0, r.out().length, new String(r.out(), StandardCharsets.UTF_8));
        assertEquals("tollgate: internal error: out of memory (Java heap space); raise -Xmx or report the input that caused it;"
                + " --debug shows the trace\n", r.err());
    }

    @Test
    void aFifoLockfileEndsQuicklyThroughTheJar(@TempDir Path repo) throws Exception {
        HostileInputsCliTest.workspace(repo, "x");
        Files.delete(repo.resolve("Cargo.lock"));
        assertEquals(0, new ProcessBuilder("mkfifo", repo.resolve("Cargo.lock").toString()).start().waitFor());
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> java(List.of(), Map.of(), "check", "--repo", repo.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("tollgate: Cargo.lock: is not a regular file (a FIFO, device or socket); not read\n", r.err());
        assertTrue(Arrays.equals(new byte[0], r.out()));
    }
}
