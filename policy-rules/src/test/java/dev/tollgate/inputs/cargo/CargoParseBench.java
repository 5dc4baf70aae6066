package dev.tollgate.inputs.cargo;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.tomlj.Toml;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold-start timing of lockfile parsing, run as a separate process per measurement (not a test):
 * {@code java -cp CLASSPATH dev.tollgate.inputs.cargo.LockfileParseBench MODE Cargo.lock} with MODE
 * {@code jackson} (jackson-dataformat-toml tree only), {@code tomlj} (tomlj parse only) or
 * {@code reader} ({@link CargoLockReader#read}, everything included). Prints the in-process time;
 * time the whole process from outside for the wall time.
 */
public final class LockfileParseBench {
    private LockfileParseBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        int packages = switch (mode) {
            case "jackson" -> new TomlMapper().readTree(Files.readString(file)).get("package").size();
            case "tomlj" -> Toml.parse(Files.readString(file)).getArray("package").size();
            case "reader" -> CargoLockReader.read(file, "Cargo.lock").packages().size();
            default -> throw new IllegalArgumentException("mode: jackson, tomlj or reader");
        };
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(mode + " " + packages + " packages " + ms + " ms");
    }
}
