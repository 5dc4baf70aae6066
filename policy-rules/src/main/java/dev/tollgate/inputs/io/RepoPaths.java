package dev.tollgate.inputs.io;

import java.nio.file.Path;

/** Paths as findings show them: relative to the repository root, forward slashes. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static String display(Path root, Path file) {
        Path r = root.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(r) ? r.relativize(f).toString() : file.toString()).replace('\\', '/');
    }
}
