package dev.tollgate.runner;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.InputError;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, no hidden side effects: what {@code PolicyEngine.check} does outside the JVM is what the caller
 * asked for (docs/embedding.md, "External effects"). Progress reaches the caller's listener and nothing is
 * printed; caches go under the engine's or the request's cache directory; offline never reaches the network
 * nor runs an online cargo; cargo can be turned off; a failed clone leaves no {@code .clone-*} directory.
 */
class ApiSideEffectsTest {
    private static final Path DEMO = Corpus.projectRoot().resolve("test-fixtures/demo");
    private static final PolicyEngine ENGINE = Tollgate.engine(EngineOptions.bundled());

    @AfterEach
    void noFakeCargo() {
        System.clearProperty("tollgate.cargo");
    }

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedCloneLeavesNoCloneDirectory(@TempDir Path tmp) throws Exception {
        Path notARepo = Files.createDirectories(tmp.resolve("not-a-repo"));
        Files.writeString(notARepo.resolve("README.md"), "no git here\n");
        Path cache = tmp.resolve("cache");
        for (String url : List.of(notARepo.toUri().toString(), "http://127.0.0.1:1/advisory-db.git")) {
            InputError e = assertThrows(InputError.class, () -> ENGINE.check(CheckRequest.of(DEMO).withAdvisoryDb(url)
                    .withPolicies(Set.of("advisories")).withCacheDir(cache)));
            assertTrue(e.getMessage().contains("cannot fetch the advisory database"), e.getMessage());
            List<String> left = entries(cache.resolve("advisory-dbs"));
            assertTrue(left.stream().noneMatch(n -> n.startsWith(".clone-")), url + " left " + left);
        }
    }

    /** A git repository holding the demo's small advisory database. */
    private static Path advisoryRepo(Path dir) throws Exception {
        Path source = Corpus.projectRoot().resolve("test-fixtures/advisory-db");
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        try (Git g = Git.init().setInitialBranch("main").setDirectory(dir.toFile()).call()) {
            g.add().addFilepattern(".").call();
            g.commit().setMessage("advisories").setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
        }
        return dir;
    }

    @Test
    void progressReachesTheListenerCachesGoUnderTheEnginesDirectoryAndNothingIsPrinted(@TempDir Path tmp) throws Exception {
        String url = advisoryRepo(tmp.resolve("db")).toUri().toString();
        Path engineCache = tmp.resolve("engine-cache");
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withCacheDir(engineCache));
        CheckRequest request = CheckRequest.of(DEMO).withAdvisoryDb(url).withPolicies(Set.of("advisories"));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Verdict verdict;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            verdict = engine.check(request.withProgress(progress::add));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "the library printed");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("tollgate: cloning the advisory database " + url)), progress.toString());
        assertTrue(progress.contains("inputs read"), progress.toString());
        assertTrue(verdict.findings().stream().anyMatch(f -> f.code().equals("vulnerability")), verdict.findings().toString());

        // the clone and the parsed database are under the engine's cache directory, nothing else was made there
        List<String> cached = entries(engineCache.resolve("advisory-dbs"));
        assertTrue(cached.stream().anyMatch(n -> n.startsWith("db-")), cached.toString());
        assertTrue(cached.stream().anyMatch(n -> n.startsWith("parsed-") && n.endsWith(".bin")), cached.toString());
        assertTrue(cached.stream().noneMatch(n -> n.startsWith(".clone-")), cached.toString());
        assertEquals(List.of("advisory-dbs"), entries(engineCache));

        // the request's directory wins over the engine's
        Path requestCache = tmp.resolve("request-cache");
        engine.check(request.withCacheDir(requestCache));
        assertTrue(entries(requestCache.resolve("advisory-dbs")).stream().anyMatch(n -> n.startsWith("db-")));

        // offline: the cached clone, no fetch (nothing reported); an uncached URL is an input error, not a clone
        progress.clear();
        Verdict offline = engine.check(request.withOffline(true).withProgress(progress::add));
        assertEquals(verdict, offline);
        assertTrue(progress.stream().noneMatch(l -> l.startsWith("tollgate: ")), progress.toString());
        String other = tmp.resolve("db").toUri() + "/";
        InputError e = assertThrows(InputError.class, () -> engine.check(request.withAdvisoryDb(other).withOffline(true)));
        assertTrue(e.getMessage().contains("--offline: no cached copy"), e.getMessage());
        assertEquals(cached.size(), entries(engineCache.resolve("advisory-dbs")).size(), "offline cloned nothing");

        // the command line passes the same lines to standard error, as it always did
        Run cli = Run.of("check", "--repo", DEMO.toString(), "--advisory-db", url, "--policies", "advisories",
                "--cache-dir", tmp.resolve("cli-cache").toString());
        assertEquals(1, cli.code(), cli.toString());
        assertTrue(cli.err().contains("tollgate: cloning the advisory database " + url), cli.toString());
    }

    /** A cargo that records its arguments, fails offline as for want of a download, and prints {@code {}} online. */
    private static Path fakeCargo(Path tmp) throws IOException {
        Path calls = tmp.resolve("calls");
        Path script = tmp.resolve("cargo");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *--offline*) echo 'error: attempting to make an HTTP request, but --offline was specified' >&2; exit 101;; esac\n"
                + "echo '{}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        System.setProperty("tollgate.cargo", script.toString());
        return calls;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void cargoCanBeTurnedOffAndOfflineNeverRunsAnOnlineCargo(@TempDir Path tmp) throws Exception {
        Path calls = fakeCargo(tmp);
        // turned off: no process; the licenses policy without --metadata is skipped with a note, or an input error when named
        Verdict all = ENGINE.check(CheckRequest.of(DEMO).withCargo(false));
        assertFalse(all.policies().contains("licenses"), all.policies().toString());
        assertTrue(all.policies().containsAll(Set.of("sources", "bans", "advisories")), all.policies().toString());
        List<Finding> skipped = all.findings().stream().filter(f -> f.code().equals("policy-skipped") && f.policy().equals("licenses")).toList();
        assertEquals(1, skipped.size(), all.findings().toString());
        assertTrue(skipped.get(0).message().contains("running cargo is turned off"), skipped.get(0).message());
        InputError named = assertThrows(InputError.class, () -> ENGINE.check(CheckRequest.of(DEMO).withCargo(false)
                .withPolicies(Set.of("licenses"))));
        assertTrue(named.getMessage().contains("running cargo is turned off"), named.getMessage());
        assertEquals(List.of(), lines(calls), "cargo ran although turned off");
        Run cli = Run.of("check", "--repo", DEMO.toString(), "--no-cargo", "--format", "json");
        assertEquals(dev.tollgate.api.VerdictJson.toJson(all), cli.out(), "--no-cargo is withCargo(false)");
        assertEquals(List.of(), lines(calls), "cargo ran although turned off");

        // offline: cargo runs once, offline, and is not asked again with the network
        Verdict offline = ENGINE.check(CheckRequest.of(DEMO).withPolicies(Set.of("licenses")).withOffline(true));
        assertEquals(List.of("metadata --format-version 1 --locked --all-features --offline"), lines(calls));
        assertTrue(offline.findings().stream().anyMatch(f -> f.policy().equals("licenses") && f.message().contains("--offline was specified")),
                offline.findings().toString());

        // online, the same failure is retried with the network: the assertion above can fail
        Files.delete(calls);
        ENGINE.check(CheckRequest.of(DEMO).withPolicies(Set.of("licenses")));
        assertEquals(2, lines(calls).size(), lines(calls).toString());
    }
}
