package dev.tollgate.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's class-data-sharing training run (policy-runner/pom.xml, {@code -XX:ArchiveClassesAtExit}):
 * the archive holds the classes one JVM loaded, so this JVM runs, on the demo workspace, each path a
 * real run takes ({@link #RUNS}). A class the training never loaded is read from the jar, parsed and
 * verified on every run (docs/performance.md, section 2 "Start-up"). {@code JarIT} runs the same list, each in a
 * fresh child JVM, and fails when one loads a Tollgate class from the jar. Not a user command; it
 * never touches the network ({@code --offline}). It writes {@code policy-runner.jsa.jvm} beside the
 * jar: the JVM and jar the archive is valid for.
 *
 * <p>Arguments: the demo workspace directory and a scratch directory.
 */
final class CdsTraining {
    /**
     * The runs the archive is trained on and {@code JarIT} checks: {@code check} from {@code cargo
     * metadata} and from the lockfile and manifests (the usual CI case, a different reader), text and
     * JSON reports, both plans, {@code explain} and {@code --version}. One run a string, arguments
     * separated by single spaces; {@code {demo}} is the demo workspace, {@code {metadata}} its
     * {@code cargo-metadata.json}, {@code {changed}} a file naming one changed path, {@code {out}} a
     * scratch output file, {@code {rules}} a directory holding one custom rule file and {@code {cache}}
     * an empty compiled-rules cache (so the first of the two runs compiles and the second loads).
     */
    static final List<String> RUNS = List.of(
            "check --repo {demo} --metadata {metadata} --offline --format json --output {out}",
            "check --repo {demo} --policies sources,bans,advisories,workflows --offline",
            "check --repo {demo} --policies sources --offline --format json --output {out}",
            // A rule author's edit loop: `check --rules DIR` compiles a custom file (DRL parser, executable-model
            // generator, the Java compiler, the sandbox check, the cache's store), then loads it from the cache.
            // Without these classes in the archive, the first run after an edit reads and verifies them from the
            // jar (about a second on two cores: docs/performance.md "Custom rules edit loop").
            "check --repo {demo} --metadata {metadata} --offline --rules {rules} --cache-dir {cache} --format json --output {out}",
            "check --repo {demo} --metadata {metadata} --offline --rules {rules} --cache-dir {cache} --format json --output {out}",
            "plan affected --repo {demo} --changed-files {changed} --format json",
            "plan release --repo {demo} --changed-files {changed} --format matrix",
            "explain duplicate",
            "--version");

    private CdsTraining() {
    }

    /** A custom rule file like the ones in docs/authoring.md: a condition, a binding, metadata and a finding. */
    private static final String TRAINING_RULE = """
            package tollgate.training;

            import dev.tollgate.api.facts.*;
            import dev.tollgate.api.findings.*;

            rule "workspace crate without rust-version (training)"
                @code("training-missing-rust-version")
                @severity("note")
                @doc("Trains the start-up archive on compiling a custom rule file.")
            when
                $m : WorkspaceMember( rustVersion == "", name.startsWith("demo") )
            then
                insert(Finding.of("training", "training-missing-rust-version", Severity.NOTE,
                        $m.name() + " does not set rust-version in " + $m.manifestPath())
                    .at($m.origin()).about($m.id()));
            end
            """;

    public static void main(String[] args) throws IOException, java.net.URISyntaxException {
        // the launcher's own classes (Main relaunches through FastStart; both run in every child too)
        FastStart.archiveFor(new java.io.File(Main.class.getSimpleName().concat(".jar")));
        new Main.NoVerdict().done = true;
        java.io.File jar = FastStart.ownJar();
        if (jar == null) throw new IllegalStateException("CdsTraining runs from the shaded jar");
        for (List<String> run : runs(Path.of(args[0]), Path.of(args[1]))) run(run.toArray(String[]::new));
        // which JVM and jar the archive (written at this JVM's exit) belongs to: FastStart uses it only there
        Files.writeString(FastStart.identityFileFor(FastStart.archiveFor(jar)).toPath(), FastStart.identity(jar));
        System.exit(0);
    }

    /** {@link #RUNS} with their placeholders filled in; writes the changed-files list into {@code scratch}. */
    static List<List<String>> runs(Path demo, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Path changed = Files.writeString(scratch.resolve("changed-files.txt"), "crates/demo-core/src/lib.rs\n");
        Path rules = Files.createDirectories(scratch.resolve("custom-rules"));
        Files.writeString(rules.resolve("training.drl"), TRAINING_RULE);
        // a fresh cache: an entry left by an earlier build would turn the compile into a cache hit
        Path cacheDir = scratch.resolve("rules-cache");
        if (Files.exists(cacheDir)) {
            try (java.util.stream.Stream<Path> old = Files.walk(cacheDir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Map<String, String> values = Map.of("{demo}", demo.toString(),
                "{metadata}", demo.resolve("cargo-metadata.json").toString(),
                "{changed}", changed.toString(), "{out}", scratch.resolve("out").toString(),
                "{rules}", rules.toString(), "{cache}", cacheDir.toString());
        List<List<String>> runs = new ArrayList<>();
        for (String run : RUNS) {
            List<String> argv = new ArrayList<>();
            for (String arg : run.split(" ")) {
                String value = arg.startsWith("{") ? values.get(arg) : arg;
                if (value == null) throw new IllegalArgumentException("unknown placeholder " + arg + " in: " + run);
                argv.add(value);
            }
            runs.add(List.copyOf(argv));
        }
        return List.copyOf(runs);
    }

    private static void run(String... args) {
        int code = Cli.run(args);
        if (code > Cli.FAIL) {
            // a broken training run would silently leave these classes out of the archive: fail the build
            System.err.println("tollgate: CDS training run failed (exit " + code + "): " + String.join(" ", args));
            System.exit(3);
        }
    }
}
