package dev.tollgate.inputs.denytoml;

import dev.tollgate.inputs.cargo.CargoLockReader;

import java.nio.file.Path;

/**
 * Cold-start timing of deny.toml reading, one measurement per process (not a test):
 * {@code java -cp CLASSPATH dev.tollgate.inputs.denytoml.DenyTomlBench MODE deny.toml [Cargo.lock]}.
 * Mode {@code reader} times {@link DenyTomlReader#read} alone in a fresh JVM, so it includes every
 * class the reader loads first. Mode {@code after-lockfile} first reads the given Cargo.lock untimed,
 * as a {@code check} does before it reaches deny.toml, and times only the deny.toml read that follows
 * (the TOML parser the two share is then already loaded). Prints the in-process time; time the process
 * from outside for the wall time, and run with {@code -Xlog:class+load} to see which parser it loads.
 */
public final class DenyTomlBench {
    private DenyTomlBench() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        Path file = Path.of(args[1]);
        if (mode.equals("after-lockfile")) {
            CargoLockReader.read(Path.of(args[2]), "Cargo.lock");
        } else if (!mode.equals("reader")) {
            throw new IllegalArgumentException("mode: reader or after-lockfile");
        }
        long start = System.nanoTime();
        DenyConfig config = DenyTomlReader.read(file, "deny.toml");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(mode + " " + config.allowedSources().size() + " allowed sources, "
                + config.issues().size() + " issues " + ms + " ms");
    }
}
