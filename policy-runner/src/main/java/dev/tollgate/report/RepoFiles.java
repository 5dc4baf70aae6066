package dev.tollgate.report;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Finding paths as reports need them: relative to the repository root, with forward slashes. */
final class RepoFiles {
    private RepoFiles() {
    }

    /**
     * The path of {@code file} relative to {@code root} with forward slashes, or null when there is
     * no file or it lies outside the repository (a {@code --config} elsewhere, say).
     */
    static String relative(String file, Path root) {
        if (file == null || file.isEmpty()) return null;
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            return null;
        }
        if (p.isAbsolute()) {
            Path r = root.toAbsolutePath().normalize();
            p = p.normalize();
            if (!p.startsWith(r)) return null;
            p = r.relativize(p);
        } else {
            p = p.normalize();
        }
        String s = p.toString().replace('\\', '/');
        if (s.isEmpty() || s.equals("..") || s.startsWith("../")) return null;
        return s;
    }

    /** Whether the finding's file is a regular file inside the repository. */
    static boolean exists(String relative, Path root) {
        return relative != null && Files.isRegularFile(root.resolve(relative));
    }
}
