package dev.tollgate.runner;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start is most of a CLI run: about 1,100 classes of Drools, Jackson and our own load and
 * verify before the first rule fires. An AppCDS archive made at build time
 * ({@code policy-runner.jsa} beside the jar) maps them pre-parsed and pre-verified; with C1 only
 * the run is about twice as fast (docs/performance.md). {@code java -jar} cannot pass JVM flags
 * from the manifest, so the launcher JVM starts a child JVM with them and relays its exit code;
 * the launcher itself loads only this class and the JDK's process API.
 *
 * <p>No relaunch when: already relaunched, {@code TOLLGATE_NO_RELAUNCH} is set, not running from a
 * jar, or the archive is missing or older than the jar (it is valid for one exact jar only).
 */
final class FastStart {
    static final String RELAUNCHED = "tollgate.relaunched";

    private FastStart() {
    }

    /**
     * Runs the child JVM and returns its exit code, or -1 when this JVM should run the CLI itself.
     * This runs in the launcher JVM, before anything is warm: it uses java.io.File and plain string
     * methods, no lambdas and no {@code +} on strings, because each first invokedynamic call costs
     * tens of milliseconds of method-handle set-up there.
     */
    static int relaunchIfUseful(String[] args) {
        if (System.getProperty(RELAUNCHED) != null || System.getenv("TOLLGATE_NO_RELAUNCH") != null) return -1;
        try {
            java.security.CodeSource source = FastStart.class.getProtectionDomain().getCodeSource();
            if (source == null) return -1;
            File jar = new File(source.getLocation().toURI());
            if (!jar.isFile() || !jar.getName().endsWith(".jar")) return -1;
            File archive = archiveFor(jar);
            if (!archive.isFile() || archive.lastModified() < jar.lastModified()) return -1;
            List<String> cmd = new ArrayList<>(12 + args.length);
            cmd.add(new File(new File(System.getProperty("java.home"), "bin"), "java").getPath());
            cmd.add("-XX:SharedArchiveFile=".concat(archive.getPath()));
            cmd.add("-Xshare:auto");
            // A mismatched archive (another JDK, a moved jar) must cost speed, never print warnings.
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-D" + RELAUNCHED + "=1");
            cmd.add("-cp");
            cmd.add(jar.getPath());
            cmd.add(Main.class.getName());
            for (String a : args) cmd.add(a);
            Process child = new ProcessBuilder(cmd).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new StopChild(child));
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } catch (Exception e) {
            // Anything odd about the environment: run in this JVM, slower but the same.
            return -1;
        }
    }

    /** {@code policy-runner.jar} → {@code policy-runner.jsa} beside it. */
    static File archiveFor(File jar) {
        String name = jar.getName();
        return new File(jar.getParentFile(), name.substring(0, name.length() - 4).concat(".jsa"));
    }

    /** When the launcher is stopped (Ctrl-C, a CI timeout), the child stops too. */
    private static final class StopChild extends Thread {
        private final Process child;

        StopChild(Process child) {
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
        }
    }
}
