package dev.tollgate.inputs.licenses;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cargo metadata --format-version 1 --locked --all-features} in a repository, offline
 * first, then (unless {@code offline}) with the network. {@code --all-features}, because the
 * lockfile is what can ship (docs/policies/licenses.md): every locked package needs its license.
 * The cargo binary is {@code cargo} on PATH, or the system property {@code tollgate.cargo}.
 */
public final class CargoMetadataRunner {
    static final long TIMEOUT_SECONDS = 300;

    /**
     * The JSON, or why there is none. {@code mayNeedNetwork}: the offline attempt failed for want of
     * something not yet downloaded (cargo then says so: "--offline was specified", "you're using
     * offline mode", "you are in the offline mode"); any other failure (a manifest that does not
     * load, a lockfile {@code --locked} refuses to update) fails the same way online, so cargo is not
     * asked again, and never reaches the network for nothing.
     */
    public record Outcome(String json, String failure, boolean mayNeedNetwork) {
        public Outcome(String json, String failure) {
            this(json, failure, false);
        }

        public boolean ok() {
            return json != null;
        }
    }

    private CargoMetadataRunner() {
    }

    public static Outcome run(Path repo, boolean offline) {
        return run(repo, repo, offline);
    }

    /**
     * @param cwd where cargo runs: cargo reads {@code .cargo/config.toml} (which can name a
     *            {@code rustc-wrapper} to run) and rustup {@code rust-toolchain.toml} from the folder it
     *            starts in and its parents, so in PR mode this is the base's copy of the policy files,
     *            and the workspace is named with {@code --manifest-path}
     */
    public static Outcome run(Path repo, Path cwd, boolean offline) {
        String cargo = System.getProperty("tollgate.cargo", "cargo");
        Path exe = find(cargo);
        if (exe == null) return new Outcome(null, "`" + cargo + "` is not on PATH");
        Outcome first = once(exe, repo, cwd, true);
        if (first.ok() || offline || !first.mayNeedNetwork()) return first;
        Outcome second = once(exe, repo, cwd, false);
        return second.ok() ? second : new Outcome(null, first.failure() + "; with the network: " + second.failure());
    }

    static Path find(String cargo) {
        if (cargo.contains("/") || cargo.contains(File.separator)) {
            Path p = Path.of(cargo);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, cargo);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        return null;
    }

    private static Outcome once(Path exe, Path repo, Path cwd, boolean offline) {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "metadata", "--format-version", "1", "--locked", "--all-features"));
        if (offline) cmd.add("--offline");
        if (!cwd.equals(repo)) cmd.addAll(List.of("--manifest-path", repo.toAbsolutePath().normalize().resolve("Cargo.toml").toString()));
        String shown = "cargo metadata --format-version 1 --locked --all-features" + (offline ? " --offline" : "");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "cargo-stderr");
            drain.setDaemon(true);
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(null, "`" + shown + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            drain.join(1000);
            if (p.exitValue() != 0) {
                String stderr = err.toString(StandardCharsets.UTF_8);
                return new Outcome(null, "`" + shown + "` failed (exit " + p.exitValue() + "): " + lastLine(stderr),
                        offline && stderr.toLowerCase(java.util.Locale.ROOT).contains("offline"));
            }
            return new Outcome(new String(out, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Outcome(null, "`" + shown + "` could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "`" + shown + "` was interrupted");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit code tells what matters
        }
    }

    /** The most telling line of cargo's stderr: its first {@code error:} line, else the last line. */
    static String lastLine(String stderr) {
        String last = "";
        for (String line : stderr.split("\n")) {
            String l = line.strip();
            if (l.startsWith("error")) return l;
            if (!l.isEmpty()) last = l;
        }
        return last.isEmpty() ? "no message" : last;
    }
}
