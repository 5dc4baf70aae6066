package dev.tollgate.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A repository to evaluate the way {@code tollgate check} does: its inputs are read (Cargo.lock, the
 * manifests, deny.toml, ...) and the selected policies' rules run on them. Every option of
 * {@code tollgate check} that is about what to evaluate has a {@code with} method here under its
 * name, and the command line builds one of these and calls {@link PolicyEngine#check}: the two take
 * one path. Immutable; build it with {@link #of(Path)} and the {@code with} methods (new settings will
 * be added as methods, so code written against this class keeps compiling). Every method throws
 * {@link NullPointerException} naming its parameter when given null.
 */
public final class CheckRequest {
    /** Where the policy comes from in PR mode ({@code --policy-from}). */
    public enum PolicyFrom {
        /** The base ref's deny.toml, tollgate.toml, rules and advisory data (the default: the change cannot loosen its own gate). */
        BASE,
        /** The change's own; changes to the policy are still reported. */
        HEAD
    }

    private final Path repository;
    private final Path config;
    private final Path metadata;
    /** null: every policy that has rules. */
    private final Set<String> policies;
    private final String advisoryDb;
    private final boolean offline;
    private final String base;
    private final String head;
    private final PolicyFrom policyFrom;
    private final String prTitle;
    private final Path cacheDir;
    private final Consumer<String> progress;
    private final boolean cargo;

    private CheckRequest(Path repository, Path config, Path metadata, Set<String> policies, String advisoryDb, boolean offline,
                         String base, String head, PolicyFrom policyFrom, String prTitle, Path cacheDir, Consumer<String> progress) {
        this(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, true);
    }

    private CheckRequest(Path repository, Path config, Path metadata, Set<String> policies, String advisoryDb, boolean offline,
                         String base, String head, PolicyFrom policyFrom, String prTitle, Path cacheDir, Consumer<String> progress,
                         boolean cargo) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.config = config;
        this.metadata = metadata;
        this.policies = policies == null ? null : java.util.Collections.unmodifiableSet(new TreeSet<>(policies));
        this.advisoryDb = advisoryDb;
        this.offline = offline;
        this.base = base;
        this.head = head;
        this.policyFrom = policyFrom;
        this.prTitle = prTitle;
        this.cacheDir = cacheDir;
        this.progress = progress;
        this.cargo = cargo;
    }

    /**
     * The repository root; every policy that has rules, deny.toml from the root (cargo-deny's defaults when absent).
     *
     * @param repository the root of the Cargo workspace's repository (where Cargo.lock and deny.toml are)
     * @return a request with the defaults: every policy, no PR mode, online, progress not reported
     * @throws NullPointerException {@code repository} is null
     */
    public static CheckRequest of(Path repository) {
        return new CheckRequest(Objects.requireNonNull(repository, "repository"), null, null, null, null, false, null, null,
                PolicyFrom.BASE, null, null, null);
    }

    /**
     * Exactly these policies ({@link Policies}, or the policies of custom rules); their absent inputs
     * are then errors, as with {@code --policies}. An empty set selects no policy (only the rules that
     * belong to none, such as the configuration checks, run), as it does for {@link PolicyEngine#evaluate}.
     * Without this call, every policy that has rules runs, and one whose inputs are absent is skipped
     * with a note (when none has its inputs, {@link PolicyEngine#check} throws {@link InputError}: nothing to
     * check). An unknown id is an {@link IllegalArgumentException} from {@link PolicyEngine#check}.
     *
     * @param ids policy ids; copied and sorted
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code ids} is null or contains null
     */
    public CheckRequest withPolicies(Set<String> ids) {
        Objects.requireNonNull(ids, "ids");
        for (String id : ids) Objects.requireNonNull(id, "ids contains null");
        return new CheckRequest(repository, config, metadata, ids, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * Every policy that has rules, those whose inputs are absent skipped with a note (the default).
     *
     * @return a new request with this setting; this one is unchanged
     */
    public CheckRequest withAllPolicies() {
        return new CheckRequest(repository, config, metadata, null, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * The deny.toml to use ({@code --config}).
     *
     * @param file the deny.toml to read instead of the repository's
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code file} is null
     */
    public CheckRequest withConfig(Path file) {
        Objects.requireNonNull(file, "file");
        return new CheckRequest(repository, file, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * A {@code cargo metadata --format-version 1} dump to read instead of Cargo.lock and the manifests ({@code --metadata}).
     *
     * @param file the JSON output of {@code cargo metadata --format-version 1}
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code file} is null
     */
    public CheckRequest withMetadata(Path file) {
        Objects.requireNonNull(file, "file");
        return new CheckRequest(repository, config, file, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * The RustSec advisory database: a directory or a git URL ({@code --advisory-db}; default: deny.toml's, else RustSec's).
     *
     * @param pathOrUrl a local checkout of an advisory database, or the URL of a git repository to clone
     *                  (into the {@link #withCacheDir cache directory})
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code pathOrUrl} is null
     */
    public CheckRequest withAdvisoryDb(String pathOrUrl) {
        Objects.requireNonNull(pathOrUrl, "pathOrUrl");
        return new CheckRequest(repository, config, metadata, policies, pathOrUrl, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * Never touch the network: use the cached advisory database, and run cargo offline ({@code --offline}).
     *
     * @param offline true to stay offline; false (the default) to allow the network
     * @return a new request with this setting; this one is unchanged
     */
    public CheckRequest withOffline(boolean offline) {
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * PR mode ({@code --base}): compare with this git ref. The policy then comes from the base (see
     * {@link #withPolicyFrom}), findings say whether they are new, and the commits of base..head are linted.
     *
     * @param ref a git ref or commit of the repository, e.g. {@code origin/main}; one that does not resolve
     *            is an {@link InputError} from {@link PolicyEngine#check}
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code ref} is null
     */
    public CheckRequest withBase(String ref) {
        Objects.requireNonNull(ref, "ref");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, ref, head, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * The head of the range ({@code --head}; default: HEAD and the working tree).
     *
     * @param ref a git ref or commit of the repository, e.g. {@code HEAD}
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code ref} is null
     */
    public CheckRequest withHead(String ref) {
        Objects.requireNonNull(ref, "ref");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, ref, policyFrom, prTitle, cacheDir, progress, cargo);
    }

    /**
     * PR mode: where deny.toml, tollgate.toml, the rules and advisory data in the repository come from ({@code --policy-from}).
     *
     * @param from {@link PolicyFrom#BASE} (the default) or {@link PolicyFrom#HEAD}; read in PR mode ({@link #withBase})
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code from} is null
     */
    public CheckRequest withPolicyFrom(PolicyFrom from) {
        Objects.requireNonNull(from, "from");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, from, prTitle, cacheDir, progress, cargo);
    }

    /**
     * A pull request title to lint as a conventional commit ({@code --pr-title}).
     *
     * @param title the title, as the pull request has it
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code title} is null
     */
    public CheckRequest withPrTitle(String title) {
        Objects.requireNonNull(title, "title");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, title, cacheDir, progress, cargo);
    }

    /**
     * Where this check keeps its caches ({@code --cache-dir}): cloned advisory databases, their parsed form, and
     * in PR mode the base's custom rules compiled (when the engine's options name no cache directory). Without
     * it: {@link EngineOptions#cacheDir()} when set, else the directory deny.toml's {@code db-path} names, else
     * {@link EngineOptions#defaultCacheDir()}. The engine's own custom rules are compiled when it is built, into
     * {@link EngineOptions#withCacheDir}'s directory.
     *
     * @param dir the cache directory; one inside the repository under review is an
     *            {@link IllegalArgumentException} from {@link PolicyEngine#check} (caches belong to the CI
     *            owner, never to the change)
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code dir} is null
     */
    public CheckRequest withCacheDir(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, dir, progress, cargo);
    }

    /**
     * Receives one line per phase of the check as it ends (base policy read, inputs read, rules
     * evaluated, ...), from the thread that calls {@link PolicyEngine#check} or the one building the
     * engine; the command line prints them to stderr with {@code TOLLGATE_TIMINGS=1}. For people, not
     * for parsing.
     *
     * @param listener receives each line; it should return quickly
     * @return a new request with this setting; this one is unchanged
     * @throws NullPointerException {@code listener} is null
     */
    public CheckRequest withProgress(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener");
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, listener, cargo);
    }

    /**
     * Whether the check may run {@code cargo} ({@code --no-cargo} turns it off). Cargo runs only for the licenses
     * policy, as {@code cargo metadata --locked --all-features} in the repository, and only without
     * {@link #withMetadata}: offline first, then (unless {@link #withOffline}) with the network. With
     * {@code false}, the licenses policy without a metadata file has no input: it is skipped with a
     * {@code policy-skipped} note, or, named in {@link #withPolicies}, {@link PolicyEngine#check} throws
     * {@link InputError}.
     *
     * @param allowed true (the default): cargo may run; false: no process is started
     * @return a new request with this setting; this one is unchanged
     */
    public CheckRequest withCargo(boolean allowed) {
        return new CheckRequest(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir,
                progress, allowed);
    }

    /**
     * Whether cargo may run ({@link #withCargo}).
     *
     * @return true (the default): cargo may run for the licenses policy; false: it never runs
     */
    public boolean cargo() {
        return cargo;
    }

    /**
     * The repository under review.
     *
     * @return the repository root, as given to {@link #of(Path)}; never null
     */
    public Path repository() {
        return repository;
    }

    /**
     * The deny.toml set with {@link #withConfig}.
     *
     * @return the file; null: {@code repository/deny.toml} if it exists (cargo-deny's defaults if not)
     */
    public Path config() {
        return config;
    }

    /**
     * The {@code cargo metadata} dump set with {@link #withMetadata}.
     *
     * @return the file; null: read Cargo.lock and the manifests
     */
    public Path metadata() {
        return metadata;
    }

    /**
     * The policies set with {@link #withPolicies}.
     *
     * @return empty: every policy that has rules; present: exactly these (sorted, unmodifiable; possibly none)
     */
    public Optional<Set<String>> policies() {
        return Optional.ofNullable(policies);
    }

    /**
     * The advisory database set with {@link #withAdvisoryDb}.
     *
     * @return a directory or git URL; null: deny.toml's db-path / db-urls, else RustSec's
     */
    public String advisoryDb() {
        return advisoryDb;
    }

    /**
     * Whether the check stays off the network ({@link #withOffline}).
     *
     * @return true: offline; false (the default): the network may be used
     */
    public boolean offline() {
        return offline;
    }

    /**
     * The base ref set with {@link #withBase}.
     *
     * @return the ref; null: not PR mode
     */
    public String base() {
        return base;
    }

    /**
     * The head ref set with {@link #withHead}.
     *
     * @return the ref; null: HEAD and the working tree
     */
    public String head() {
        return head;
    }

    /**
     * Where the policy comes from in PR mode ({@link #withPolicyFrom}).
     *
     * @return {@link PolicyFrom#BASE} unless set; never null
     */
    public PolicyFrom policyFrom() {
        return policyFrom;
    }

    /**
     * The pull request title set with {@link #withPrTitle}.
     *
     * @return the title; null: no title to lint
     */
    public String prTitle() {
        return prTitle;
    }

    /**
     * The cache directory set with {@link #withCacheDir}.
     *
     * @return the directory; null: the engine's ({@link EngineOptions#cacheDir()}), else the directory deny.toml's
     *         {@code db-path} names, else the user cache directory ({@link EngineOptions#defaultCacheDir()})
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * The progress listener set with {@link #withProgress}.
     *
     * @return the listener; null: progress is not reported
     */
    public Consumer<String> progress() {
        return progress;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckRequest r && repository.equals(r.repository) && Objects.equals(config, r.config)
                && Objects.equals(metadata, r.metadata) && Objects.equals(policies, r.policies)
                && Objects.equals(advisoryDb, r.advisoryDb) && offline == r.offline && Objects.equals(base, r.base)
                && Objects.equals(head, r.head) && policyFrom == r.policyFrom && Objects.equals(prTitle, r.prTitle)
                && Objects.equals(cacheDir, r.cacheDir) && Objects.equals(progress, r.progress) && cargo == r.cargo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, config, metadata, policies, advisoryDb, offline, base, head, policyFrom, prTitle, cacheDir, cargo);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CheckRequest[").append(repository);
        if (config != null) s.append(", config=").append(config);
        if (metadata != null) s.append(", metadata=").append(metadata);
        s.append(", policies=").append(policies == null ? "all" : policies.toString());
        if (advisoryDb != null) s.append(", advisoryDb=").append(advisoryDb);
        if (offline) s.append(", offline");
        if (base != null) s.append(", base=").append(base).append(", policyFrom=").append(policyFrom.name().toLowerCase(java.util.Locale.ROOT));
        if (head != null) s.append(", head=").append(head);
        if (prTitle != null) s.append(", prTitle=").append(prTitle);
        if (cacheDir != null) s.append(", cacheDir=").append(cacheDir);
        if (!cargo) s.append(", no cargo");
        return s.append(']').toString();
    }
}
