package dev.tollgate.inputs.cargo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.tomlj.Toml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold-start timing of Cargo input reading, one measurement per process (not a test):
 * {@code java -cp CLASSPATH dev.tollgate.inputs.cargo.CargoParseBench MODE PATH}. Modes on a
 * lockfile: {@code jackson} (jackson-dataformat-toml {@code readTree}), {@code jackson-stream} (its
 * token stream, no ObjectMapper), {@code tomlj} (tomlj parse), {@code reader}
 * ({@link CargoLockReader#read}, everything included). Modes on a repository root: {@code workspace}
 * ({@link WorkspaceLoader#load}), {@code manifests} (every Cargo.toml below it through
 * {@link ManifestReader#parse}) and {@code manifests-exact} (the same through tomlj only). Prints the
 * in-process time; time the process from outside for the wall time.
 */
public final class CargoParseBench {
    private CargoParseBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path path = Path.of(args[1]);
        long start = System.nanoTime();
        int count = switch (mode) {
            case "jackson" -> new TomlMapper().readTree(Files.readString(path)).get("package").size();
            case "jackson-stream" -> {
                int tokens = 0;
                try (JsonParser p = new TomlFactory().createParser(Files.readString(path))) {
                    while (p.nextToken() != null) tokens++;
                }
                yield tokens;
            }
            case "tomlj" -> Toml.parse(Files.readString(path)).getArray("package").size();
            case "reader" -> CargoLockReader.read(path, "Cargo.lock").packages().size();
            case "workspace" -> WorkspaceLoader.load(path, null).inclusions().size();
            case "manifests", "manifests-exact" -> {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).sorted().toList();
                }
                for (Path f : files) {
                    String text = Files.readString(f);
                    if (mode.equals("manifests")) ManifestReader.parse(text, "Cargo.toml");
                    else ManifestReader.parseExact(text, "Cargo.toml");
                }
                yield files.size();
            }
            default -> throw new IllegalArgumentException(
                    "mode: jackson, jackson-stream, tomlj, reader, workspace, manifests or manifests-exact");
        };
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(mode + " " + count + " " + ms + " ms");
    }
}
