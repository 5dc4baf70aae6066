package dev.tollgate.inputs.advisories;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.facts.AdvisoryIgnore;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.RepoPaths;
import dev.tollgate.inputs.cargo.CargoLockReader;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import dev.tollgate.inputs.git.GitTree;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's advisory database comes from and everything the advisories policy inserts. The
 * database is, in order: {@code --advisory-db PATH|URL}; {@code [advisories] db} in tollgate.toml (a
 * directory relative to the repository); deny.toml's {@code db-urls}; RustSec's default URL. URLs are
 * cloned or fetched into the cache directory: {@code --cache-dir}, else deny.toml's {@code db-path},
 * else the user cache directory.
 */
public final class AdvisoryInputs {
    private AdvisoryInputs() {
    }

    /** The run's date: {@code -Dtollgate.today} or {@code TOLLGATE_TODAY} (ISO) when set, else today in UTC. */
    public static LocalDate today() {
        String s = System.getProperty("tollgate.today");
        if (s == null || s.isBlank()) s = System.getenv("TOLLGATE_TODAY");
        if (s != null && !s.isBlank()) {
            try {
                return LocalDate.parse(s.strip());
            } catch (RuntimeException e) {
                throw InputException.at("TOLLGATE_TODAY", "not an ISO date: `" + s + "`");
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * Reads the database(s).
     *
     * @param location {@code --advisory-db}, or null
     * @param cacheDir {@code --cache-dir}, or null
     */
    public static AdvisoryDatabase load(Path repo, DenyConfig deny, String location, boolean offline, Path cacheDir,
                                        LocalDate today) {
        return load(repo, repo::resolve, TollgateToml.read(repo), deny, location, offline, cacheDir, today);
    }

    /** As {@link #load(Path, DenyConfig, String, boolean, Path, LocalDate)}, with the settings files given (PR mode: the base's). */
    static AdvisoryDatabase load(Path repo, java.util.function.Function<String, Path> policyPath, TollgateToml tt, DenyConfig deny,
                                 String location, boolean offline, Path cacheDir, LocalDate today) {
        return load(repo, policyPath, tt, deny, location, offline, cacheDir, today, null);
    }

    /** @param progress receives the clone's and fetch's progress lines; null: none */
    static AdvisoryDatabase load(Path repo, java.util.function.Function<String, Path> policyPath, TollgateToml tt, DenyConfig deny,
                                 String location, boolean offline, Path cacheDir, LocalDate today,
                                 java.util.function.Consumer<String> progress) {
        DenyTable adv = deny.toml().getTable("advisories");
        Path cache = cacheDir;
        if (cache == null && adv != null && adv.getString("db-path") != null) cache = expand(adv.getString("db-path"), repo);
        if (cache == null) cache = EngineOptions.defaultCacheDir();

        List<String> sources = new ArrayList<>();
        String shown = null;   // the tollgate.toml directory as the repository names it
        dev.tollgate.api.facts.Location setting = null;   // where a configured directory was named
        if (location != null) {
            sources.add(location);
        } else {
            DenyTable section = tt.section("advisories");
            String db = section == null ? null : section.getString("db");
            if (db != null) {
                sources.add(policyPath.apply(db).normalize().toString());
                shown = RepoPaths.display(repo, repo.resolve(db).normalize());
                setting = tt.locationOf("advisories", "db");
            } else {
                DenyArray urls = adv == null ? null : adv.getArray("db-urls");
                if (urls != null) for (Object u : urls.toList()) sources.add(String.valueOf(u));
                if (sources.isEmpty()) sources.add(AdvisoryDbFetcher.DEFAULT_URL);
            }
        }
        AdvisoryDatabase merged = null;
        for (String src : sources) {
            AdvisoryDatabase db;
            if (isUrl(src)) {
                Path dir = AdvisoryDbFetcher.fetch(src, cache, offline, progress == null ? null : AdvisoryDbFetcher.lines(progress));
                db = AdvisoryDbReader.read(dir, dir.toString(), src, today, cache, true);
            } else {
                Path dir = Path.of(src);
                if (!Files.isDirectory(dir)) {
                    if (setting == null) throw InputException.at(src, "advisory database directory not found");
                    // the directory came from tollgate.toml: point at the setting, and say where it resolved
                    throw new InputException(setting.file(), setting.line(), setting.column(),
                            "[advisories] db: advisory database directory not found: " + dir.toAbsolutePath().normalize());
                }
                db = AdvisoryDbReader.read(dir, setting != null && shown != null ? shown : RepoPaths.display(repo, dir), src, today, cache, false);
            }
            merged = merged == null ? db : merge(merged, db);
        }
        return merged;
    }

    private static AdvisoryDatabase merge(AdvisoryDatabase a, AdvisoryDatabase b) {
        List<dev.tollgate.api.facts.Advisory> all = new ArrayList<>(a.advisories());
        all.addAll(b.advisories());
        List<dev.tollgate.api.facts.InputNote> notes = new ArrayList<>(a.malformed());
        notes.addAll(b.malformed());
        // the oldest database decides staleness
        return new AdvisoryDatabase(all, notes, a.meta().ageDays() >= b.meta().ageDays() ? a.meta() : b.meta(),
                a.skipped() + b.skipped());
    }

    static boolean isUrl(String s) {
        return s.contains("://") || s.startsWith("git@");
    }

    private static Path expand(String p, Path repo) {
        if (p.startsWith("~/")) return Path.of(System.getProperty("user.home")).resolve(p.substring(2));
        if (p.startsWith("$CARGO_HOME")) {
            String home = System.getenv("CARGO_HOME");
            if (home == null) home = Path.of(System.getProperty("user.home"), ".cargo").toString();
            return Path.of(home + p.substring("$CARGO_HOME".length()));
        }
        return repo.resolve(p);
    }

    /**
     * Reads what the advisories policy needs apart from the working tree's packages: the database, and
     * in PR mode ({@code base} not null) the base commit's Cargo.lock, read with JGit.
     *
     * @param policyPath where the policy in force has a repository path (PR mode: the base's copy, so an
     *                   advisory database directory inside the repository is read as the base has it)
     * @param settings   tollgate.toml in force
     * @param policy     deny.toml in force (the base's in PR mode, unless {@code --policy-from head})
     * @param proposed   the working tree's deny.toml: its ignore entries are linted and compared with the
     *                   base's ({@code ignore-added}); the same object as {@code policy} outside PR mode
     * @param fetchDefault read RustSec's database when none is configured or cached (the policy was asked
     *                   for by name: {@code PolicyInputs.decide}); else the policy is then skipped
     * @param progress   receives the progress of a clone or fetch of the database, a line at a time; null: none
     */
    public static Prepared prepare(Path repo, java.util.function.Function<String, Path> policyPath, TollgateToml settings, DenyConfig policy, DenyConfig proposed,
                                   String location, boolean offline, Path cacheDir, String base, boolean policyFromHead,
                                   boolean fetchDefault, java.util.function.Consumer<String> progress) {
        LocalDate today = today();
        // whether a database is configured is judged on the policy in force, never on the head's copy
        if (!fetchDefault && location == null && !configured(repo, settings, policy, cacheDir)) {
            return new Prepared(null, proposed, null, null, policyFromHead, today);
        }
        List<LockedPackage> basePackages = null;
        DenyConfig baseConfig = null;
        if (base != null) {
            try (GitTree tree = GitTree.at(repo, base)) {
                String prefix = tree.relative(repo);
                String lock = tree.read(prefix + "Cargo.lock", dev.tollgate.inputs.io.InputFiles.Kind.LOCKFILE);
                String shownLock = "Cargo.lock@" + base;
                basePackages = lock == null ? List.of() : CargoLockReader.parse(lock, shownLock).packages();
                if (policyFromHead) {
                    String deny = tree.read(prefix + "deny.toml", dev.tollgate.inputs.io.InputFiles.Kind.CONFIG);
                    baseConfig = deny == null ? DenyConfig.defaults("deny.toml@" + base) : DenyTomlReader.parse(deny, "deny.toml@" + base);
                } else {
                    baseConfig = policy;
                }
            }
        }
        AdvisoryDatabase db = load(repo, policyPath, settings, policy, location, offline, cacheDir, today, progress);
        return new Prepared(db, proposed, basePackages, baseConfig, policyFromHead, today);
    }

    /**
     * Whether a database is configured (tollgate.toml {@code db}, deny.toml {@code db-urls}) or RustSec's
     * default one is already cached. When none is and the policy was not named, it is skipped with a note
     * rather than cloned behind the user's back (a run never reaches the network unasked).
     */
    static boolean configured(Path repo, TollgateToml tt, DenyConfig deny, Path cacheDir) {
        DenyTable section = tt.section("advisories");
        if (section != null && section.getString("db") != null) return true;
        DenyTable adv = deny.toml().getTable("advisories");
        if (adv != null && adv.getArray("db-urls") != null) return true;
        Path cache = cacheDir;
        if (cache == null && adv != null && adv.getString("db-path") != null) cache = expand(adv.getString("db-path"), repo);
        if (cache == null) cache = EngineOptions.defaultCacheDir();
        return Files.isDirectory(AdvisoryDbFetcher.cachePath(cache, AdvisoryDbFetcher.DEFAULT_URL).resolve(".git"));
    }

    /**
     * {@link #configured}'s conservative twin, for deciding before anything is parsed whether the
     * advisories rules are needed: true when a database is given on the command line
     * ({@code location}), when PR mode may read the setting from the base commit, when tollgate.toml
     * or deny.toml ({@code config}, else the repository's) mention one at all (a text search, no parse;
     * the config thread parses deny.toml right after), or when a clone named like RustSec's is cached.
     * Never false where {@code configured} (or a database given) would make the policy run.
     */
    public static boolean mayBeConfigured(Path repo, Path config, String location, boolean prMode, Path cacheDir) {
        if (location != null || prMode) return true;
        if (mentions(repo.resolve(TollgateToml.FILE), "advisories")) return true;
        Path deny = config != null ? config : repo.resolve("deny.toml");
        if (mentions(deny, "db-urls") || mentions(deny, "db-path")) return true;
        Path cache = cacheDir != null ? cacheDir : EngineOptions.defaultCacheDir();
        // Any clone named like RustSec's: its exact directory needs a SHA-256 of the URL, whose first
        // MessageDigest costs 15-20 ms of provider set-up before the engine starts; and java.io's list,
        // not a glob, which compiles a regular expression. (The decision: 19-22 ms before, 4 ms after.)
        String[] clones = cache.resolve("advisory-dbs").toFile().list();
        if (clones == null) return false;
        for (String clone : clones) {
            if (clone.startsWith("advisory-db-") && Files.isDirectory(cache.resolve("advisory-dbs").resolve(clone).resolve(".git"))) return true;
        }
        return false;
    }

    /** Whether a file's text contains {@code word}; true when it exists but cannot be read (keep, not guess). */
    private static boolean mentions(Path file, String word) {
        if (!dev.tollgate.inputs.io.InputFiles.present(file)) return false;
        try {
            return dev.tollgate.inputs.io.InputFiles.readGiven(file, file.toString(), dev.tollgate.inputs.io.InputFiles.Kind.CONFIG).contains(word);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The note of a policy skipped for want of a database (not asked for by name, so RustSec's is not fetched). */
    public static final dev.tollgate.api.facts.InputNote SKIPPED = new dev.tollgate.api.facts.InputNote("advisories", "skipped",
            "the advisories policy did not run: no advisory database is configured ([advisories] db in tollgate.toml, "
            + "db-urls in deny.toml) or cached; pass --advisory-db PATH|URL, or --policies advisories to fetch RustSec's",
            dev.tollgate.api.facts.Location.NONE);

    /** The read inputs, waiting for the working tree's packages. */
    public record Prepared(AdvisoryDatabase db, DenyConfig head, List<LockedPackage> basePackages, DenyConfig baseConfig,
                           boolean policyFromHead, LocalDate today) {
        /** No database was configured or cached, and the policy was not named: it is skipped. */
        public boolean skipped() {
            return db == null;
        }

        public List<Object> facts(List<LockedPackage> packages) {
            if (db == null) {
                return List.of(SKIPPED);
            }
            return AdvisoryInputs.facts(db, packages, head, basePackages, baseConfig, policyFromHead, today);
        }
    }

    /** Every fact the advisories policy needs beyond the workspace's (which the caller inserts). */
    public static List<Object> facts(AdvisoryDatabase db, List<LockedPackage> packages, DenyConfig headConfig,
                                     List<LockedPackage> basePackages, DenyConfig baseConfig, boolean policyFromHead,
                                     LocalDate today) {
        boolean pr = basePackages != null;
        List<Object> out = new ArrayList<>();
        out.add(db.meta());
        out.addAll(db.malformed());
        DenyConfig policy = pr && !policyFromHead && baseConfig != null ? baseConfig : headConfig;
        out.add(AdvisoryFacts.config(policy, today, pr, pr && !policyFromHead && baseConfig != null));
        List<AdvisoryIgnore> head = AdvisoryFacts.ignores(headConfig, today, false);
        out.addAll(head);
        List<AdvisoryIgnore> baseIgnores = pr && baseConfig != null ? AdvisoryFacts.ignores(baseConfig, today, true) : List.of();
        out.addAll(baseIgnores);
        // Only the advisories some rule can join: those about a locked crate, and those an ignore names.
        // The rules would find nothing else (1,192 of the corpus db's advisories become ~50 facts).
        java.util.Set<String> crates = new java.util.HashSet<>();
        for (LockedPackage p : packages) crates.add(p.name());
        if (pr) for (LockedPackage p : basePackages) crates.add(p.name());
        java.util.Set<String> named = new java.util.HashSet<>();
        for (AdvisoryIgnore i : head) named.add(i.id());
        for (AdvisoryIgnore i : baseIgnores) named.add(i.id());
        List<dev.tollgate.api.facts.Advisory> relevant = new ArrayList<>();
        for (dev.tollgate.api.facts.Advisory a : db.advisories()) {
            boolean byName = named.contains(a.id());
            for (String alias : a.aliases()) byName |= named.contains(alias);
            if (crates.contains(a.crate()) || byName) relevant.add(a);
        }
        out.addAll(relevant);
        out.addAll(AdvisoryFacts.candidates(relevant, packages, false));
        if (pr) out.addAll(AdvisoryFacts.candidates(relevant, basePackages, true));
        return out;
    }
}
