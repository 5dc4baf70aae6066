package dev.tollgate.runner;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The background half of the JDK 25+ start-up cache ({@link FastStart}, docs/performance.md section 2):
 * a run recorded its AOT configuration ({@code -XX:AOTMode=record}); this JVM, started by that run's
 * launcher with its output discarded, assembles the AOT cache from it ({@code -XX:AOTMode=create},
 * with the flags the children run with), checks that the result is whole, and puts it into place as
 * the launcher does a dynamic archive: owner-only, its record written, both renamed
 * ({@link FastStart#install}). A failed assembly marks the cache failed ({@link FastStart#markFailed}),
 * so this JVM's runs use a dynamic archive instead of recording again. It always removes the
 * configuration and the pending mark. Not a user command.
 *
 * <p>Arguments: the recorded configuration and the cache to make.
 */
final class AotCacheAssembler {
    /** Longer than any assembly measured (3–5 s on two loaded cores): a hung one is given up. */
    static final long TIMEOUT_SECONDS = 300;

    private AotCacheAssembler() {
    }

    public static void main(String[] args) {
        File config = new File(args[0]);
        File target = new File(args[1]);
        File out = new File(config.getPath().concat(".aot.tmp"));
        try {
            File jar = FastStart.ownJar();
            boolean made = jar != null && create(jar, config, out);
            if (!FastStart.install(out, target, made && FastStart.startsWithMagic(out, FastStart.AOT_CACHE_MAGIC))) {
                FastStart.markFailed(target);
            }
        } catch (Exception | LinkageError e) {
            FastStart.markFailed(target);
        } finally {
            out.delete();
            config.delete();
            FastStart.pendingFile(target).delete();
        }
        System.exit(0);
    }

    /** Runs {@code java -XX:AOTMode=create} on {@code config} into {@code out}; true when it ended with 0. */
    static boolean create(File jar, File config, File out) throws Exception {
        List<String> cmd = new ArrayList<>(24);
        cmd.add(FastStart.javaCommand());
        cmd.add("-XX:AOTMode=create");
        cmd.add("-XX:AOTConfiguration=".concat(config.getPath()));
        cmd.add("-XX:AOTCache=".concat(out.getPath()));
        FastStart.addChildFlags(cmd);
        cmd.add("-cp");
        cmd.add(jar.getPath());
        cmd.add(Main.class.getName());
        Process p = new ProcessBuilder(cmd).directory(out.getParentFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
