package dev.tollgate.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How to build a {@link PolicyEngine}.
 *
 * @param ruleDirs       directories of {@code .drl} files to add (only the files directly inside each are
 *                       read); a file named like a bundled one ({@code sources.drl}) replaces it and must
 *                       declare the shipped file's package; unmodifiable, possibly empty
 * @param includeBundled whether the shipped rules are loaded at all
 * @param cacheDir       where compiled custom rules are cached (null: the user cache directory)
 * @param only           the shipped rule packages to load, by policy or plan id ({@code sources},
 *                       {@code affected}); empty: all of them. The {@code config} rules are always
 *                       loaded, and so are the rules of {@code ruleDirs}. A smaller KieBase is built
 *                       faster: a cold {@code check --policies sources} need not build the rules of
 *                       the other policies. Unmodifiable.
 * @param factClassLoader the class loader of the fact classes your custom rules match on (classes of your own,
 *                       beside those of {@code dev.tollgate.api.facts}); null: none, custom rules match the
 *                       API's fact types only. See {@link #withFactClassLoader}.
 *
 * <p>Problems with the rules (a missing directory, a file that does not compile, two directories with a
 * file of the same name) are found when the engine is built: {@link Tollgate#engine} throws
 * {@link RulesException}.
 */
public record EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir, java.util.Set<String> only,
                            ClassLoader factClassLoader) {
    /**
     * Options; the collections are copied.
     *
     * @param ruleDirs        directories of custom {@code .drl} files; empty for none
     * @param includeBundled  whether the shipped rules are loaded
     * @param cacheDir        where compiled custom rules are cached; null: {@link #defaultCacheDir()}
     * @param only            the shipped rule packages to load; null or empty: all of them
     * @param factClassLoader the class loader of custom fact classes; null: none
     * @throws NullPointerException {@code ruleDirs} is null, or a collection contains null
     */
    public EngineOptions {
        ruleDirs = List.copyOf(java.util.Objects.requireNonNull(ruleDirs, "ruleDirs"));
        only = only == null ? java.util.Set.of() : java.util.Set.copyOf(only);
    }

    /**
     * Options without a fact class loader.
     *
     * @param ruleDirs       directories of custom {@code .drl} files; empty for none
     * @param includeBundled whether the shipped rules are loaded
     * @param cacheDir       where compiled custom rules are cached; null: {@link #defaultCacheDir()}
     * @param only           the shipped rule packages to load; null or empty: all of them
     * @throws NullPointerException {@code ruleDirs} is null, or a collection contains null
     */
    public EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir, java.util.Set<String> only) {
        this(ruleDirs, includeBundled, cacheDir, only, null);
    }

    /**
     * Options that load every shipped rule package (when {@code includeBundled}).
     *
     * @param ruleDirs       directories of custom {@code .drl} files; empty for none
     * @param includeBundled whether the shipped rules are loaded
     * @param cacheDir       where compiled custom rules are cached; null: {@link #defaultCacheDir()}
     * @throws NullPointerException {@code ruleDirs} is null or contains null
     */
    public EngineOptions(List<Path> ruleDirs, boolean includeBundled, Path cacheDir) {
        this(ruleDirs, includeBundled, cacheDir, java.util.Set.of());
    }

    /**
     * Loads only the shipped rules of these policy or plan ids (plus {@code config}); empty: all.
     *
     * @param ids policy or plan ids ({@link Policies}); null or empty: every shipped package
     * @return new options with this setting; these are unchanged
     * @throws NullPointerException {@code ids} contains null
     */
    public EngineOptions withOnly(java.util.Set<String> ids) {
        return new EngineOptions(ruleDirs, includeBundled, cacheDir, ids, factClassLoader);
    }

    /**
     * The shipped rules only.
     *
     * @return every shipped rule package, no custom rules, the default cache directory
     */
    public static EngineOptions bundled() {
        return new EngineOptions(List.of(), true, null);
    }

    /**
     * Custom rules ({@code --rules}): the {@code .drl} files directly inside these directories, compiled
     * once and cached in {@link #cacheDir}.
     *
     * @param dirs the directories; they replace any set before; empty for none
     * @return new options with this setting; these are unchanged
     * @throws NullPointerException {@code dirs} is null or contains null
     */
    public EngineOptions withRuleDirs(List<Path> dirs) {
        java.util.Objects.requireNonNull(dirs, "dirs");
        return new EngineOptions(dirs, includeBundled, cacheDir, only, factClassLoader);
    }

    /**
     * Where compiled custom rules are cached. A directory inside the repository under review is an
     * {@link IllegalArgumentException} from {@link PolicyEngine#check}: compiled rules are code, and the
     * change must not supply them.
     *
     * @param dir the cache directory; null: {@link #defaultCacheDir()}
     * @return new options with this setting; these are unchanged
     */
    public EngineOptions withCacheDir(Path dir) {
        return new EngineOptions(ruleDirs, includeBundled, dir, only, factClassLoader);
    }

    /**
     * The class loader that holds fact classes of your own, for custom rules to match on ({@code import
     * acme.Crate;} in a {@code .drl}, then {@code engine.evaluate(List.of(new Crate(...)), ...)}). The custom
     * rules are compiled against it and loaded through it, and the rule sandbox allows them every class this
     * loader defines that Tollgate's own loader does not: give it your fact classes, not a loader of arbitrary
     * code. Tollgate's own classes ({@code dev.tollgate.*}, Drools) are always Tollgate's, whatever this loader
     * has. With a fact class loader, custom rules are compiled each time an engine is built (not cached: the
     * compiled rules depend on classes the cache cannot fingerprint). A fact class that cannot be loaded, or
     * whose loading fails, is a {@link RulesException} naming the class and the cause.
     *
     * @param loader the loader of the fact classes, e.g. a plugin's or a child {@link java.net.URLClassLoader};
     *               null: none
     * @return new options with this setting; these are unchanged
     */
    public EngineOptions withFactClassLoader(ClassLoader loader) {
        return new EngineOptions(ruleDirs, includeBundled, cacheDir, only, loader);
    }

    /**
     * The default cache directory: {@code $XDG_CACHE_HOME/tollgate}, else {@code ~/.cache/tollgate}
     * ({@code %LOCALAPPDATA%\tollgate} on Windows).
     *
     * @return the directory (it may not exist yet); read from the environment at each call
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
