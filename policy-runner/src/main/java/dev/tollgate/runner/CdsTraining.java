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
