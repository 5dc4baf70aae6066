package dev.tollgate.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How to build a {@link PolicyEngine}.
 *
 * @param ruleDirs       directories of {@code .drl} files to add; a file named like a bundled one
 *                       ({@code sources.drl}) replaces it
 * @param includeBundled whether the shipped rules are loaded at all
 * @param cacheDir       where compiled custom rules are cached (null: the user cache directory)
 */
public record EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir) {
    public EngineOptions {
        ruleDirs = List.copyOf(ruleDirs);
    }

    /** The shipped rules only. */
    public static EngineOptions bundled() {
        return new EngineOptions(List.of(), true, null);
    }

    public EngineOptions withRuleDirs(List<Path> dirs) {
        return new EngineOptions(dirs, includeBundled, cacheDir);
    }

    public EngineOptions withCacheDir(Path dir) {
        return new EngineOptions(ruleDirs, includeBundled, dir);
    }

    /**
     * The default cache directory: {@code $XDG_CACHE_HOME/tollgate}, else {@code ~/.cache/tollgate}
     * ({@code %LOCALAPPDATA%\tollgate} on Windows).
     */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "tollgate");
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(local, "tollgate");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tollgate");
    }
}
