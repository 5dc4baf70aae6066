package dev.tollgate.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The action's released jar (action.yml, steps {@code jar} and {@code check}, and
 * .github/scripts/tollgate-jar.sh), run as the runner would run them, against a local release
 * directory ({@code TOLLGATE_RELEASE_BASE=file://…}): no network. The release is the jar this build
 * made, published as v9.9.9.
 */
class ActionJarIT {
    static final Path JAR = Scripts.ROOT.resolve("policy-runner/target/policy-runner.jar");
    static final String VERSION = "9.9.9";

    @TempDir
    Path tmp;

    Path release() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("releases/v" + VERSION));
        Files.copy(JAR, dir.resolve("policy-runner-" + VERSION + ".jar"));
        return dir.resolve("policy-runner-" + VERSION + ".jar");
    }

    static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runner's environment for the jar step: an action at tag v9.9.9 whose action.yml pins PINS. */
    Map<String, String> jarStepEnv(String actionRef, String version, String pins) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITHUB_ACTION_PATH", Scripts.ROOT.toString());
        env.put("GITHUB_OUTPUT", Files.createFile(tmp.resolve("output-" + System.nanoTime())).toString());
        env.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
        env.put("INPUT_JAR", "");
        env.put("INPUT_VERSION", version);
        env.put("ACTION_REF", actionRef);
        env.put("TOLLGATE_JAR_SHA256", pins);
        env.put("TOLLGATE_RELEASE_BASE", tmp.resolve("releases").toUri().toString());
        return env;
    }

    static Map<String, String> outputs(Map<String, String> env) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(env.get("GITHUB_OUTPUT")))) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    @Test
    void aGoodJarIsDownloadedVerifiedAndRuns() throws Exception {
        Path published = release();
        Map<String, String> env = jarStepEnv("v" + VERSION, "", "1.0.0 " + "0".repeat(64) + "\n" + VERSION + " " + sha256(published) + "\n");
        Scripts.Result r = Scripts.runStep("jar", tmp, env);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("verified policy-runner-" + VERSION + ".jar"), r.toString());
        String jar = outputs(env).get("path");
        assertEquals(Path.of(env.get("RUNNER_TEMP"), "tollgate-" + VERSION, "policy-runner-" + VERSION + ".jar").toString(), jar);
        assertEquals(sha256(published), sha256(Path.of(jar)));

        // the check step runs it: the demo fails the gate (exit 1) with a verdict written
        Map<String, String> check = new LinkedHashMap<>();
        check.put("TOLLGATE_JAR", jar);
        check.put("GITHUB_OUTPUT", env.get("GITHUB_OUTPUT"));
        check.put("RUNNER_TEMP", env.get("RUNNER_TEMP"));
        check.put("INPUT_REPO", Scripts.ROOT.resolve("test-fixtures/demo").toString());
        check.put("INPUT_POLICIES", "workflows");
        check.put("INPUT_FORMAT", "text");
        for (String k : List.of("INPUT_BASE", "INPUT_SARIF", "INPUT_JUNIT", "INPUT_JSON", "INPUT_CONFIG", "INPUT_ARGS", "PR_BASE_REF")) check.put(k, "");
        check.put("INPUT_SUMMARY", "false");
        check.put("INPUT_FAIL", "true");
        check.put("TOLLGATE_NO_ARCHIVE_CACHE", "1");
        check.put("TOLLGATE_JAR_VERIFIED", outputs(env).get("sha256"));
        assertEquals(sha256(published), check.get("TOLLGATE_JAR_VERIFIED"), "the jar step hands its verified checksum on");
        Scripts.Result run = Scripts.runStep("check", tmp, check);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("unpinned-action"), run.toString());
        assertEquals("fail", outputs(env).get("verdict"), run.toString());

        // a step between the two (building the pull request's code, say) replaces the verified jar: not run
        Files.write(Path.of(jar), new byte[] {0}, StandardOpenOption.APPEND);
        Scripts.Result swapped = Scripts.runStep("check", tmp, check);
        assertEquals(2, swapped.code(), swapped.toString());
        assertTrue(swapped.out().contains("changed after it was verified") || swapped.err().contains("changed after it was verified"),
                swapped.toString());
        assertEquals("2", outputs(env).get("exit-code"), swapped.toString());
    }

    @Test
    void aTamperedJarFailsTheStepAndIsDeleted() throws Exception {
        Path published = release();
        String pinned = sha256(published);
        Files.write(published, new byte[] {0}, StandardOpenOption.APPEND);   // one byte more than what was pinned
        Map<String, String> env = jarStepEnv("v" + VERSION, "", VERSION + " " + pinned + "\n");
        Scripts.Result r = Scripts.runStep("jar", tmp, env);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("::error title=Tollgate::policy-runner-" + VERSION + ".jar does not match the SHA-256 pinned in action.yml"), r.toString());
        assertTrue(r.err().contains("expected " + pinned + ", got " + sha256(published)), r.toString());
        assertFalse(outputs(env).containsKey("path"), "no jar handed to the check step");
        assertFalse(Files.exists(Path.of(env.get("RUNNER_TEMP"), "tollgate-" + VERSION, "policy-runner-" + VERSION + ".jar")), "the tampered jar is deleted");
    }

    @Test
    void aVersionWithoutAPinnedChecksumIsNeverRun() throws Exception {
        Path published = release();
        // the version input asks for a release this action.yml pins no checksum for
        Map<String, String> env = jarStepEnv("", VERSION, "1.0.0 " + sha256(published) + "\n");
        Scripts.Result r = Scripts.runStep("jar", tmp, env);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("no SHA-256 is pinned in action.yml for Tollgate " + VERSION), r.toString());
        assertFalse(outputs(env).containsKey("path"));
    }
}
