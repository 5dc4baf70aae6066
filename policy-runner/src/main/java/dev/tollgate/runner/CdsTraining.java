package dev.tollgate.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's class-data-sharing training run (policy-runner/pom.xml, {@code -XX:ArchiveClassesAtExit}):
 * the archive holds the classes one JVM loaded, so this JVM runs, on the demo workspace, each path a
 * real run takes: {@code check} from {@code cargo metadata} and from the lockfile and manifests (the
 * usual CI case, a different reader), text and JSON reports, and both plans. A class the training
 * never loaded is read from the jar, parsed and verified on every run (measured in
 * docs/performance.md). Not a user command; it never touches the network ({@code --offline}). It
 * writes {@code policy-runner.jsa.jvm} beside the jar: the JVM and jar the archive is valid for.
 *
 * <p>Arguments: the demo workspace directory and a scratch directory.
 */
final class CdsTraining {
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
        String demo = args[0];
        Path scratch = Files.createDirectories(Path.of(args[1]));
        Path changed = Files.writeString(scratch.resolve("changed-files.txt"), "crates/demo-core/src/lib.rs\n");
        String metadata = Path.of(demo, "cargo-metadata.json").toString();
        String json = scratch.resolve("check.json").toString();
        run("check", "--repo", demo, "--metadata", metadata, "--offline", "--format", "json", "--output", json);
        run("check", "--repo", demo, "--policies", "sources,bans,advisories,workflows", "--offline");
        run("check", "--repo", demo, "--policies", "sources", "--offline", "--format", "json", "--output", json);
        // A rule author's edit loop: `check --rules DIR` compiles a custom file (DRL parser, executable-model
        // generator, the Java compiler, the sandbox check, the cache's store), then loads it from the cache.
        // Without these classes in the archive, the first run after an edit reads and verifies them from the
        // jar (about a second on two cores: docs/performance.md "Custom rules edit loop").
        Path rules = Files.createDirectories(scratch.resolve("custom-rules"));
        Files.writeString(rules.resolve("training.drl"), TRAINING_RULE);
        // a fresh cache: an entry left by an earlier build would turn the compile into a cache hit
        Path cacheDir = scratch.resolve("rules-cache");
        if (Files.exists(cacheDir)) {
            try (java.util.stream.Stream<Path> old = Files.walk(cacheDir)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        String cache = cacheDir.toString();
        for (int i = 0; i < 2; i++) {
            run("check", "--repo", demo, "--metadata", metadata, "--offline", "--rules", rules.toString(), "--cache-dir", cache,
                    "--format", "json", "--output", json);
        }
        run("plan", "affected", "--repo", demo, "--changed-files", changed.toString(), "--format", "json");
        run("plan", "release", "--repo", demo, "--changed-files", changed.toString(), "--format", "matrix");
        run("explain", "duplicate");
        run("--version");
        // which JVM and jar the archive (written at this JVM's exit) belongs to: FastStart uses it only there
        Files.writeString(FastStart.identityFileFor(FastStart.archiveFor(jar)).toPath(), FastStart.identity(jar));
        System.exit(0);
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
