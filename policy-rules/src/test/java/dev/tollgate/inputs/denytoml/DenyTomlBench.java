package dev.tollgate.inputs.denytoml;

import dev.tollgate.inputs.cargo.CargoLockReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold-start timing of deny.toml reading, one measurement per process (not a test):
 * {@code java -cp CLASSPATH dev.tollgate.inputs.denytoml.DenyTomlBench MODE deny.toml [Cargo.lock]}.
 * Mode {@code reader} times {@link DenyTomlReader#read} (the fast reading when it can vouch for the
 * file), mode {@code exact} the tomlj reading alone ({@link DenyTomlReader#parseExact}). Alone, the
 * time includes loading every class the reading needs. With a Cargo.lock, that is read first, untimed,
 * as a {@code check} does before it reaches deny.toml, so jackson is already loaded when the timed read
 * starts. Prints the in-process time; time the process from outside for the wall time, and run with
 * {@code -Xlog:class+load} to see which parser it loads.
 */
public final class DenyTomlBench {
    private DenyTomlBench() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path file = Path.of(args[1]);
        if (args.length > 2) CargoLockReader.read(Path.of(args[2]), "Cargo.lock");
        long start = System.nanoTime();
        DenyConfig config = switch (mode) {
            case "reader" -> DenyTomlReader.read(file, "deny.toml");
            case "exact" -> DenyTomlReader.parseExact(Files.readString(file), "deny.toml");
            default -> throw new IllegalArgumentException("mode: reader or exact");
        };
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(mode + (args.length > 2 ? " after Cargo.lock " : " ") + config.allowedSources().size()
                + " allowed sources, " + config.issues().size() + " issues " + ms + " ms");
    }
}
