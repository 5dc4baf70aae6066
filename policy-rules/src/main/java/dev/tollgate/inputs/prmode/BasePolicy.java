package dev.tollgate.inputs.prmode;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.PolicyChange;
import dev.tollgate.api.facts.PolicyChange.Effect;
import dev.tollgate.api.facts.PolicyChange.Kind;
import dev.tollgate.api.facts.PrContext;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import dev.tollgate.inputs.git.GitTree;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * PR mode's policy: what decides the verdict comes from the base commit, what is judged comes from
 * the change. With {@code --base REF} (and {@code --policy-from base}, the default), every policy
 * input inside the repository is read from REF's git objects, never from the working tree the pull
 * request controls: deny.toml (or a {@code --config} file inside the repository), tollgate.toml,
 * {@code .cargo/config.toml}, each {@code --rules} directory inside the repository, and the advisory
 * database directory tollgate.toml names. They are written to a private temporary directory that
 * mirrors the repository's layout ({@link #root()}), which the readers and the engine then read as
 * they would read the repository; paths outside the repository belong to the CI owner and are used
 * as given.
 *
 * <p>Whatever applies, the head's policy files are compared with the base's ({@link PolicyDiff}), so
 * every change to the policy reaches the reviewer as a {@link PolicyChange}, and
 * {@code --policy-from head} (the change's own policy applies) shows the same changes.
 */
public final class BasePolicy implements AutoCloseable {
    /** The largest TOML policy file read from a commit: the input reader's limit for configuration files. */
    static final long TOML_LIMIT = InputFiles.Kind.CONFIG.limit();
    /** The largest rules or advisory file read from a commit or the working tree (the same limit). */
    static final long FILE_LIMIT = InputFiles.Kind.CONFIG.limit();
    /** The most files a policy directory (rules, an advisory database) may hold. */
    static final int MAX_FILES = 100_000;
    /** The TOML policy files read from the base besides deny.toml. */
    static final List<String> OTHER_TOML = List.of(TollgateToml.FILE, ".cargo/config.toml", ".cargo/config");
    /** tollgate.toml's {@code [pr]} keys. */
    public static final List<String> PR_KEYS = List.of("policy-changes");

    private final Path repo;
    private final WorkTree workTree;
    /** The private copy of the base's files, mirroring the work tree; null with --policy-from head. */
    private final Path snapshot;
    private final Path root;
    private final Path config;
    private final String configDisplay;
    private final String settingsDisplay;
    private final List<Path> ruleDirs;
    private final List<Object> facts;
    private final boolean lockfileAtBase;
    private final boolean githubAtBase;
    private final boolean workflowsAtBase;
    private final boolean advisoryDbAtBase;
    /** Policy directories inside the work tree (work-tree-relative) and where their files in force are. */
    private final Map<String, Path> dirsInForce;

    private BasePolicy(Path repo, WorkTree workTree, Path snapshot, Path root, Path config, String configDisplay, String settingsDisplay,
                       List<Path> ruleDirs, Map<String, Path> dirsInForce, List<Object> facts, boolean lockfileAtBase,
                       boolean githubAtBase, boolean workflowsAtBase, boolean advisoryDbAtBase) {
        this.repo = repo;
        this.workTree = workTree;
        this.snapshot = snapshot;
        this.root = root;
        this.config = config;
        this.configDisplay = configDisplay;
        this.settingsDisplay = settingsDisplay;
        this.ruleDirs = List.copyOf(ruleDirs);
        this.dirsInForce = Map.copyOf(dirsInForce);
        this.facts = List.copyOf(facts);
        this.lockfileAtBase = lockfileAtBase;
        this.githubAtBase = githubAtBase;
        this.workflowsAtBase = workflowsAtBase;
        this.advisoryDbAtBase = advisoryDbAtBase;
    }

    /**
     * Reads the base's policy and compares the head's with it.
     *
     * @param repo     the repository root (the working tree: the head)
     * @param base     {@code --base}
     * @param head     {@code --head}, or null for HEAD
     * @param config   {@code --config}, or null for deny.toml at the root
     * @param ruleDirs the {@code --rules} directories
     * @param fromHead {@code --policy-from head}: the head's policy applies, the changes are still compared
     */
    public static BasePolicy open(Path repo, String base, String head, Path config, List<Path> ruleDirs, boolean fromHead) {
        return open(repo, base, head, config, ruleDirs, null, fromHead);
    }

    /**
     * As {@link #open(Path, String, String, Path, List, boolean)}, with {@code --advisory-db}: a
     * directory inside the git work tree is policy too, read at the base like tollgate.toml's.
     *
     * @param advisoryDb {@code --advisory-db} as given (a path or a URL), or null
     */
    public static BasePolicy open(Path repo, String base, String head, Path config, List<Path> ruleDirs, String advisoryDb,
                                  boolean fromHead) {
        try (GitTree tree = GitTree.at(repo, base)) {
            WorkTree wt = new WorkTree(tree.workTree());
            String repoRel = wt.rel(repo);
            if (repoRel == null) throw InputException.at(repo.toString(), "is not inside the git work tree " + wt.real);
            String headCommit = tree.resolve(head, "--head");
            Path snap = fromHead ? null : createPrivateDirectory();
            try {
                return read(repo.toAbsolutePath().normalize(), wt, repoRel, tree, headCommit, snap, config, ruleDirs, advisoryDb, fromHead);
            } catch (RuntimeException e) {
                if (snap != null) deleteTree(snap);
                throw e;
            }
        }
    }

    /**
     * The git work tree: what the pull request controls, whatever {@code --repo} names inside it (a
     * monorepo's Rust workspace is one folder of it). Paths are compared both as given and as the file
     * system resolves them, so a symbolic link to or from the work tree does not make a path inside it
     * look like the CI owner's.
     */
    static final class WorkTree {
        final Path lexical;
        final Path real;

        WorkTree(Path workTree) {
            this.lexical = workTree.toAbsolutePath().normalize();
            Path r;
            try {
                r = workTree.toRealPath();
            } catch (IOException e) {
                r = lexical;
            }
            this.real = r;
        }

        /** {@code path} relative to the work tree (forward slashes, "" for its top), or null when it is outside. */
        String rel(Path path) {
            Path a = path.toAbsolutePath().normalize();
            if (a.startsWith(real)) return slashes(real.relativize(a));
            if (a.startsWith(lexical)) return slashes(lexical.relativize(a));
            Path r = realOfNearest(a);
            if (r != null && r.startsWith(real)) return slashes(real.relativize(r));
            return null;
        }

        /** The real path of {@code a}, or of its nearest existing ancestor with the rest appended. */
        private static Path realOfNearest(Path a) {
            Path rest = a.getFileSystem().getPath("");
            for (Path p = a; p != null; p = p.getParent()) {
                try {
                    return p.toRealPath().resolve(rest).normalize();
                } catch (IOException e) {
                    if (p.getFileName() == null) return null;
                    rest = p.getFileName().resolve(rest);
                }
            }
            return null;
        }

        private static String slashes(Path p) {
            return p.toString().replace('\\', '/');
        }
    }

    private static BasePolicy read(Path repo, WorkTree wt, String repoRel, GitTree tree, String headCommit, Path snap, Path config,
                                   List<Path> ruleDirs, String advisoryDb, boolean fromHead) {
        String base = tree.ref();
        boolean fromBase = !fromHead;
        String pre = repoRel.isEmpty() ? "" : repoRel + "/";
        List<Object> facts = new ArrayList<>();
        List<PolicyChange> changes = new ArrayList<>();

        // deny.toml, or the --config file when it is inside the work tree (paths relative to the work tree)
        String denyRel = config == null ? pre + "deny.toml" : wt.rel(config);
        Path configInForce = config;
        String configDisplay = config == null ? "deny.toml" : denyRel != null ? display(repoRel, denyRel) : config.toString();
        Map<String, String> displays = new LinkedHashMap<>();
        List<String> tomls = new ArrayList<>();
        if (denyRel != null) tomls.add(denyRel);
        for (String t : OTHER_TOML) if (!tomls.contains(pre + t)) tomls.add(pre + t);
        if (config != null && denyRel != null && tree.type(denyRel) == GitTree.EntryType.ABSENT && fromBase) {
            throw InputException.at(display(repoRel, denyRel), "--config names a file the base (" + base + ") does not have; in PR mode "
                    + "the policy comes from the base commit, so add the file in its own change first (or pass --policy-from head)");
        }
        TollgateToml settings = null;
        boolean dbAtBase = false;
        boolean denyAtBase = false;
        for (String rel : tomls) {
            String shownRel = display(repoRel, rel);
            byte[] b = tree.bytes(rel, TOML_LIMIT);
            byte[] h = headBytes(wt.real, rel);
            boolean same = Arrays.equals(b, h);
            String shown = same || fromHead ? shownRel : shownRel + "@" + base;
            displays.put(rel, shown);
            if (fromBase && b != null) write(snap.resolve(rel), b);
            DenyTable bt = b == null ? null : DenyTomlReader.parseTable(text(b), shownRel + "@" + base);
            DenyTable ht = h == null ? null : DenyTomlReader.parseTable(text(h), shownRel);
            if (rel.equals(denyRel)) denyAtBase = b != null;
            if (bt != null && (rel.equals(denyRel) && bt.get(List.of("advisories", "db-urls")) != null
                    || rel.equals(pre + TollgateToml.FILE) && bt.get(List.of("advisories", "db")) != null)) {
                dbAtBase = true;
            }
            if (rel.equals(pre + TollgateToml.FILE)) {
                byte[] inForce = fromHead ? h : b;
                settings = TollgateToml.parse(inForce == null ? "" : text(inForce), fromHead ? shownRel : shown);
            }
            if (same) continue;
            if (b != null && h == null) {
                changes.add(new PolicyChange(shownRel, "", Kind.REMOVED, Effect.WEAKENS, "", "", Location.file(shownRel)));
            } else {
                changes.addAll(PolicyDiff.compare(shownRel, bt, ht));
            }
        }
        if (denyRel != null && fromBase) {
            // a deny.toml the base does not have: cargo-deny's defaults, as outside PR mode
            configInForce = denyAtBase ? snap.resolve(denyRel) : null;
            configDisplay = displays.get(denyRel);
        }

        // --rules directories inside the work tree. A directory whose files are the base's, byte for byte
        // (the common case: the change does not touch it), is read where it is; one that differs is
        // copied out of the base commit.
        Map<String, Path> dirsInForce = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (Path dir : ruleDirs) {
            String rel = wt.rel(dir);
            if (rel == null) {
                dirs.add(dir);
                continue;
            }
            Path inForce = policyDir(wt, repoRel, tree, rel, ".drl", false, snap, fromHead, changes);
            dirsInForce.put(rel, inForce);
            dirs.add(inForce);
        }

        // advisory database directories inside the work tree: the one the settings in force name, and
        // one given with --advisory-db
        List<String> dbDirs = new ArrayList<>();
        DenyTable adv = settings.section("advisories");
        if (adv != null && adv.get(List.of("db")) instanceof String db) {
            String rel = wt.rel(repo.resolve(db));
            if (rel != null && !rel.isEmpty()) dbDirs.add(rel);
        }
        if (advisoryDb != null && !advisoryDb.contains("://") && !advisoryDb.startsWith("git@")) {
            String rel = wt.rel(Path.of(advisoryDb));
            if (rel != null && !rel.isEmpty() && !dbDirs.contains(rel)) dbDirs.add(rel);
        }
        for (String rel : dbDirs) dirsInForce.put(rel, policyDir(wt, repoRel, tree, rel, "", true, snap, fromHead, changes));

        // [pr] of the settings in force
        DenyTable pr = settings.section("pr");
        String level = "warn";
        Location levelAt = Location.file(settings.displayPath());
        if (pr != null) {
            facts.addAll(settings.unknownKeys("pr", PR_KEYS, "config"));
            Object v = pr.get(List.of("policy-changes"));
            levelAt = settings.locationOf("pr", "policy-changes");
            if (v != null) {
                if (!(v instanceof String s) || !(s.equals("warn") || s.equals("deny"))) {
                    throw new InputException(levelAt.file(), levelAt.line(), levelAt.column(),
                            "[pr] policy-changes must be \"warn\" or \"deny\", found " + v);
                }
                level = s;
            }
        }
        facts.add(new PrContext(base, tree.commitId(), headCommit, fromHead, level, levelAt));
        facts.addAll(changes);
        boolean lockAtBase = tree.type(pre + "Cargo.lock") == GitTree.EntryType.FILE;
        boolean githubAtBase = tree.type(pre + ".github") == GitTree.EntryType.DIRECTORY;
        // a workflow GitHub loads: a file directly in .github/workflows/ (one in a sub-folder never runs)
        boolean workflowsAtBase = tree.hasChildEndingWith(pre + ".github/workflows", ".yml", ".yaml");
        Path root = fromHead ? repo : snap.resolve(repoRel.isEmpty() ? "." : repoRel).normalize();
        mkdirs(root);
        return new BasePolicy(repo, wt, snap, root, configInForce, configDisplay, displays.get(pre + TollgateToml.FILE), dirs,
                dirsInForce, facts, lockAtBase, githubAtBase, workflowsAtBase, dbAtBase);
    }

    /** A policy directory at the base compared with the working tree's; where its files in force are. */
    private static Path policyDir(WorkTree wt, String repoRel, GitTree tree, String rel, String suffix, boolean grouped, Path snap,
                                  boolean fromHead, List<PolicyChange> changes) {
        SortedMap<String, String> atBase = tree.files(rel, MAX_FILES);
        boolean same = compareFiles(wt.real, repoRel, rel, atBase, suffix, changes, grouped);
        return fromHead || same ? wt.real.resolve(rel) : copy(tree, rel, atBase, snap);
    }

    /** A work-tree path as findings name it: relative to the repository ({@code --repo}). */
    static String display(String repoRel, String rel) {
        if (repoRel.isEmpty()) return rel;
        if (rel.startsWith(repoRel + "/")) return rel.substring(repoRel.length() + 1);
        return Path.of(repoRel).relativize(Path.of(rel)).toString().replace('\\', '/');
    }

    /**
     * Compares a policy directory at the base with the working tree's: each file added, removed or
     * changed (only names ending in {@code suffix}), by git blob id, so no blob of the base is read.
     * An advisory database's changes are counted, one change per kind with every path in it, since an
     * update touches hundreds of files.
     *
     * @return whether the two hold the same files with the same bytes (every file, whatever its name)
     */
    private static boolean compareFiles(Path top, String repoRel, String rel, SortedMap<String, String> atBase,
                                        String suffix, List<PolicyChange> changes, boolean grouped) {
        SortedMap<String, Path> atHead = headFiles(top, rel);
        String dirShown = display(repoRel, rel);
        boolean same = atHead.size() == atBase.size();
        Map<Kind, List<String>> groups = new TreeMap<>();
        for (Map.Entry<String, String> e : atBase.entrySet()) {
            String path = e.getKey();
            String shown = display(repoRel, path);
            Path h = atHead.get(path);
            boolean removed = h == null;
            boolean changed = !removed && !e.getValue().equals(GitTree.blobId(walkedBytes(h, path)));
            same &= !removed && !changed;
            if (!path.endsWith(suffix)) continue;
            if (removed) {
                record(changes, groups, grouped, new PolicyChange(shown, "", Kind.REMOVED, Effect.WEAKENS, "", "", Location.file(dirShown)));
            } else if (changed) {
                record(changes, groups, grouped, new PolicyChange(shown, "", Kind.CHANGED, Effect.CHANGES, "", "", Location.of(shown, 1, 1)));
            }
        }
        for (String path : atHead.keySet()) {
            if (atBase.containsKey(path)) continue;
            same = false;
            if (!path.endsWith(suffix)) continue;
            String shown = display(repoRel, path);
            record(changes, groups, grouped, new PolicyChange(shown, "", Kind.ADDED, grouped ? Effect.TIGHTENS : Effect.CHANGES,
                    "", "", Location.of(shown, 1, 1)));
        }
        for (Map.Entry<Kind, List<String>> g : groups.entrySet()) {
            List<String> paths = g.getValue();
            Effect effect = switch (g.getKey()) {
                case ADDED -> Effect.TIGHTENS;
                case REMOVED -> Effect.WEAKENS;
                case CHANGED -> Effect.CHANGES;
            };
            String list = paths.size() + (paths.size() == 1 ? " file: " : " files: ") + String.join(", ", paths);
            changes.add(new PolicyChange(dirShown, "", g.getKey(), effect, g.getKey() == Kind.REMOVED ? list : "",
                    g.getKey() == Kind.REMOVED ? "" : list, Location.file(dirShown)));
        }
        return same;
    }

    /** The base's files of a directory, written below {@code root} at their repository paths; returns the copy. */
    private static Path copy(GitTree tree, String rel, SortedMap<String, String> atBase, Path snap) {
        Path copy = snap.resolve(rel);
        mkdirs(copy);
        for (Map.Entry<String, String> e : atBase.entrySet()) {
            write(snap.resolve(e.getKey()), tree.blob(e.getValue(), e.getKey(), FILE_LIMIT));
        }
        return copy;
    }

    private static void record(List<PolicyChange> changes, Map<Kind, List<String>> groups, boolean grouped, PolicyChange c) {
        if (grouped) groups.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.file());
        else changes.add(c);
    }

    /** Every regular file below {@code rel} in the working tree, by repository-relative path; symbolic links are errors. */
    private static SortedMap<String, Path> headFiles(Path top, String rel) {
        SortedMap<String, Path> out = new TreeMap<>();
        Path dir = top.resolve(rel);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw InputException.at(rel, "not a directory (a policy directory must be a plain directory in the repository)");
            }
            return out;
        }
        try {
            // Reached through no symbolic link, the walk (which follows none) yields real paths only, so
            // each file can be read without resolving it again.
            if (!dir.toRealPath().equals(dir)) {
                throw InputException.at(rel, "is reached through a symbolic link (a policy directory must be a plain directory in the repository)");
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = top.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && attrs.size() > FILE_LIMIT) {
                        throw InputException.at(path, "is " + attrs.size() + " bytes, over the " + FILE_LIMIT + "-byte limit for a policy file");
                    }
                    if (!attrs.isRegularFile()) {
                        throw InputException.at(path, "not a regular file (a policy directory holds plain files only)");
                    }
                    if (out.size() == MAX_FILES) {
                        throw InputException.at(rel, "more than " + MAX_FILES + " files (the limit for a policy directory)");
                    }
                    out.put(path, file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw InputException.at(rel, "cannot read: " + InputException.reason(e));
        }
        return out;
    }

    /** A regular file found by {@link #headFiles} (a real path, size checked), read without following links. */
    private static byte[] walkedBytes(Path file, String rel) {
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) FILE_LIMIT + 1);
            if (bytes.length > FILE_LIMIT) throw InputException.at(rel, "is over the " + FILE_LIMIT + "-byte limit for a policy file");
            return bytes;
        } catch (IOException e) {
            throw InputException.at(rel, "cannot read: " + InputException.reason(e));
        }
    }

    /**
     * A policy file of the working tree, or null when there is none: read by the one input reader, so
     * a directory, a FIFO, a device, a symbolic link out of the work tree or a file over the limit is an
     * input error that names it, never "absent".
     */
    static byte[] headBytes(Path top, String rel) {
        Path file = top.resolve(rel);
        if (!InputFiles.present(file)) return null;
        return InputFiles.readBytes(file, rel, InputFiles.Kind.CONFIG);
    }

    private static String text(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Path createPrivateDirectory() {
        try {
            Path dir = Files.createTempDirectory("tollgate-base-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return dir.toRealPath();
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempDirectory("tollgate-base-").toRealPath();
            } catch (IOException io) {
                throw InputException.at(System.getProperty("java.io.tmpdir"), "cannot create a temporary directory: " + InputException.reason(io));
            }
        } catch (IOException e) {
            throw InputException.at(System.getProperty("java.io.tmpdir"), "cannot create a temporary directory: " + InputException.reason(e));
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw InputException.at(dir.toString(), "cannot create: " + InputException.reason(e));
        }
    }

    private static void write(Path file, byte[] bytes) {
        mkdirs(file.getParent());
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw InputException.at(file.toString(), "cannot write: " + InputException.reason(e));
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temporary directory left behind is the operating system's to clean; the run goes on
        }
    }

    /** Where the policy files in force are read: the private copy of the base's, or the repository. */
    public Path root() {
        return root;
    }

    /**
     * Where the policy in force has {@code path} (relative to the repository, as a setting writes it,
     * such as tollgate.toml's {@code [advisories] db}): the base's copy, or the working tree's file or
     * directory when it holds the base's bytes.
     */
    public Path policyPath(String path) {
        Path p = repo.resolve(path).normalize();
        String rel = workTree.rel(p);
        if (rel == null) return p;
        for (Map.Entry<String, Path> d : dirsInForce.entrySet()) {
            String dir = d.getKey();
            if (rel.equals(dir)) return d.getValue();
            if (rel.startsWith(dir + "/")) return d.getValue().resolve(rel.substring(dir.length() + 1));
        }
        return snapshot == null ? p : snapshot.resolve(rel.isEmpty() ? "." : rel).normalize();
    }

    /** The deny.toml in force (null: deny.toml at {@link #root()}, which may be absent). */
    public Path config() {
        return config;
    }

    /** deny.toml as findings name it: its path, with {@code @BASE} when the head's copy differs. */
    public String configDisplay() {
        return configDisplay;
    }

    /** tollgate.toml as findings name it, likewise. */
    public String settingsDisplay() {
        return settingsDisplay;
    }

    /** The {@code --rules} directories in force, in order (the base's copies of those inside the repository). */
    public List<Path> ruleDirs() {
        return ruleDirs;
    }

    /** {@link PrContext}, every {@link PolicyChange}, and problems with {@code [pr]}. */
    public List<Object> facts() {
        return facts;
    }

    /** Whether the base has a Cargo.lock (a regular file): the Cargo policies could run there. */
    public boolean lockfileAtBase() {
        return lockfileAtBase;
    }

    /** Whether the base has a {@code .github} directory: the workflows policy could run there. */
    public boolean githubAtBase() {
        return githubAtBase;
    }

    /** Whether the base has a workflow that GitHub loads (a {@code .yml}/{@code .yaml} file directly in {@code .github/workflows}). */
    public boolean workflowsAtBase() {
        return workflowsAtBase;
    }

    /** Whether the base configures an advisory database (tollgate.toml {@code [advisories] db}, deny.toml {@code db-urls}). */
    public boolean advisoryDbAtBase() {
        return advisoryDbAtBase;
    }

    /** The policy changes alone. */
    public List<PolicyChange> changes() {
        List<PolicyChange> out = new ArrayList<>();
        for (Object f : facts) if (f instanceof PolicyChange c) out.add(c);
        return out;
    }

    /** The repository this policy judges. */
    public Path repo() {
        return repo;
    }

    /** Deletes the private copy of the base's files. */
    @Override
    public void close() {
        if (snapshot != null) deleteTree(snapshot);
    }
}
