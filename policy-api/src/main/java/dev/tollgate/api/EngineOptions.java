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
 * @param only           the shipped rule packages to load, by policy or plan id ({@code sources},
 *                       {@code affected}); empty: all of them. The {@code config} rules are always
 *                       loaded, and so are the rules of {@code ruleDirs}. A smaller KieBase is built
 *                       faster: a cold {@code check --policies sources} need not build the rules of
 *                       the other policies.
 */
public record EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir, java.util.Set<String> only) {
    public EngineOptions {
        ruleDirs = List.copyOf(ruleDirs);
        only = only == null ? java.util.Set.of() : java.util.Set.copyOf(only);
    }

    public EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir) {
        this(ruleDirs, includeBundled, cacheDir, java.util.Set.of());
    }

    /** Loads only the shipped rules of these policy or plan ids (plus {@code config}); empty: all. */
    public EngineOptions withOnly(java.util.Set<String> ids) {
        return new EngineOptions(ruleDirs, includeBundled, cacheDir, ids);
    }

    /** The shipped rules only. */
    public static EngineOptions bundled() {
        return new EngineOptions(List.of(), true, null);
    }

    public EngineOptions withRuleDirs(List<Path> dirs) {
        return new EngineOptions(dirs, includeBundled, cacheDir, only);
    }

    public EngineOptions withCacheDir(Path dir) {
        return new EngineOptions(ruleDirs, includeBundled, dir, only);
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
