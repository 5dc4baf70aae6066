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
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return java(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(), env, args);
    }

    static Result java(Path java, List<String> jvmArgs, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", JAR.toString()));
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
     * jar, parsed and verified on every run. The usual CI run (check from the lockfile and manifests,
     * no metadata) and the plans load every Tollgate class from the archive.
     */
    @Test
    void theArchiveHoldsEveryTollgateClassTheUsualRunsLoad(@TempDir Path tmp) throws Exception {
        Path demo = Corpus.fixture("demo");
        Path changed = Files.writeString(tmp.resolve("changed.txt"), "crates/demo-core/src/lib.rs\n");
        List<List<String>> runs = List.of(
                List.of("check", "--repo", demo.toString(), "--policies", "sources,bans,workflows", "--offline"),
                List.of("plan", "affected", "--repo", demo.toString(), "--changed-files", changed.toString()),
                List.of("plan", "release", "--repo", demo.toString(), "--changed-files", changed.toString(), "--format", "matrix"));
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
            assertTrue(loaded.size() > 100, run + ": " + loaded.size() + " Tollgate classes loaded");
            List<String> fromJar = loaded.stream().filter(l -> !l.contains("source: shared objects file"))
                    .filter(l -> !l.contains("$$Lambda$")).toList();
            assertEquals(List.of(), fromJar, run + ": classes the training run never loaded");
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
            env.putAll(Map.of("INPUT_POLICIES", "", "INPUT_BASE", "", "INPUT_FORMAT", "github", "INPUT_SARIF", sarif.toString(),
                    "INPUT_JUNIT", "", "INPUT_JSON", "", "INPUT_SUMMARY", "true", "INPUT_REPO", ".", "INPUT_CONFIG", "", "INPUT_FAIL", fail));
            env.putAll(Map.of("INPUT_ARGS", "--metadata cargo-metadata.json", "INPUT_JAR", JAR.toString(), "PR_BASE_REF", "", "GITHUB_ACTION_PATH", Corpus.projectRoot().toString(),
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

    /** The {@code run: |} block of action.yml, unindented. */
    static String actionScript() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.projectRoot().resolve("action.yml"));
        int start = lines.indexOf("      run: |");
        assertTrue(start > 0, "action.yml has one run block");
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
            String cmd = "'" + java + "' -jar '" + JAR + "' check --repo '" + demo + "'";
            for (Map.Entry<String, Boolean> e : Map.of("", true, "1", false).entrySet()) {
                ProcessBuilder pb = new ProcessBuilder(script.toString(), "-qec", cmd, "/dev/null");
                pb.environment().remove("NO_COLOR");
                pb.environment().put("TERM", "xterm");
                if (!e.getKey().isEmpty() || e.getValue()) pb.environment().put("NO_COLOR", e.getKey());
                pb.redirectInput(new java.io.File("/dev/null"));   // a closed stdin would end script at once
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                assertEquals(e.getValue(), out.contains("\u001b[31merror"), java + " NO_COLOR=" + e.getKey() + ":\n" + out);
                assertTrue(out.contains("unknown-git fancy-widgets@0.4.2"), out);
            }
            Result piped = java(java, List.of(), Map.of(), "check", "--repo", demo, "--metadata", meta);
            assertFalse(piped.out().contains("\u001b["), java + ": no colour through a pipe");
        }
    }

    static List<Path> installedJdks() throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        seen.add(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> homes = Files.list(jvm)) {
                for (Path home : homes.sorted().toList()) {
                    Path java = home.resolve("bin/java");
                    if (Files.isExecutable(java) && Files.isRegularFile(home.resolve("release"))) seen.add(java.toRealPath());
                }
            }
        }
        return new ArrayList<>(seen);
    }
}
