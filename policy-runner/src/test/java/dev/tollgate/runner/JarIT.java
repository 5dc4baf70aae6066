package dev.tollgate.runner;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar as users run it ({@code java -jar}), after {@code mvn package} built it and its
 * class-data-sharing archive: it starts, prints no logging or JVM noise, and gives the same answer
 * with and without the fast-start relaunch.
 */
class JarIT {
    static final Path JAR = Corpus.projectRoot().resolve("policy-runner/target/policy-runner.jar");

    record Result(int code, String out, String err) {
    }

    static Result java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    @Test
    void theJarAndItsArchiveWereBuilt() {
        assertTrue(Files.isRegularFile(JAR), JAR.toString());
        assertTrue(Files.isRegularFile(JAR.resolveSibling("policy-runner.jsa")), "the CDS archive is built beside the jar");
    }

    @Test
    void checkOnTheDemoFailsTheGateQuietly() throws Exception {
        String demo = Corpus.fixture("demo").toString();
        Result fast = java(Map.of(), "check", "--repo", demo, "--format", "json");
        assertEquals(1, fast.code(), fast.err());
        assertEquals("", fast.err(), "nothing on stderr: no SLF4J, CDS or reflection warnings");
        assertTrue(fast.out().contains("\"code\" : \"unknown-git\""), fast.out());
        assertTrue(fast.out().contains("\"code\" : \"gate-incomplete-needs\""), fast.out());

        Result plain = java(Map.of("TOLLGATE_NO_RELAUNCH", "1"), "check", "--repo", demo, "--format", "json");
        assertEquals(1, plain.code(), plain.err());
        assertEquals("", plain.err());
        assertEquals(fast.out(), plain.out(), "the relaunch changes speed, never the answer");
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
}
