package dev.tollgate.inputs;

import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.RepoPaths;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.inputs.advisories.AdvisoryInputs;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.GraphOptions;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import dev.tollgate.inputs.licenses.LicenseInputs;
import dev.tollgate.inputs.prmode.BasePolicy;

import dev.tollgate.inputs.tollgate.TollgateToml;
import dev.tollgate.inputs.workflows.WorkflowsReader;
import dev.tollgate.inputs.workflows.WorkflowsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a repository's inputs into facts for the selected policies: the inputs stage of
 * inputs → facts → rules → findings → verdict → report. Each input is read once, and only when a
 * selected policy needs it.
 *
 * <p>A policy whose inputs are absent is skipped with an {@link InputNote} (a {@code policy-skipped}
 * note) unless it was asked for by name, in which case the absence is an input error (exit 2).
 */
public final class RepositoryFacts {
    /** Policies that read the Cargo lockfile (or {@code cargo metadata}). */
    static final Set<String> CARGO_POLICIES = Set.of(Policies.SOURCES, Policies.LICENSES, Policies.BANS, Policies.ADVISORIES);

    private RepositoryFacts() {
    }

    /**
     * @param repo     the repository root
     * @param config   deny.toml; null means {@code repo/deny.toml} if it exists, else cargo-deny's defaults
     * @param metadata a {@code cargo metadata --format-version 1} dump, or null to read Cargo.lock and manifests
     * @param policies the policies to evaluate
     * @param named    the policies the user asked for by name (their absent inputs are errors)
     * @param git      the git range and PR title ({@code --base}, {@code --head}, {@code --pr-title})
     * @param advisoryDb where the advisory database comes from ({@code --advisory-db}, {@code --offline})
     * @param policy     PR mode ({@code --base}): the base's policy files and the comparison with the head's
     *                   ({@link BasePolicy#open}); null outside PR mode, when the policy is the working tree's
     */
    public record Request(Path repo, Path config, Path metadata, Set<String> policies, Set<String> named,
                          GitRange git, AdvisoryDbSource advisoryDb, BasePolicy policy) {
        public Request {
            policies = Set.copyOf(policies);
            named = Set.copyOf(named);
            if (git == null) git = GitRange.NONE;
            if (advisoryDb == null) advisoryDb = AdvisoryDbSource.DEFAULT;
        }

        public Request(Path repo, Path config, Path metadata, Set<String> policies, Set<String> named,
                       GitRange git, AdvisoryDbSource advisoryDb) {
            this(repo, config, metadata, policies, named, git, advisoryDb, null);
        }

        public Request(Path repo, Path config, Path metadata, Set<String> policies, Set<String> named) {
            this(repo, config, metadata, policies, named, GitRange.NONE, AdvisoryDbSource.DEFAULT, null);
        }

        /** Where the policy files in force are read: the base's private copy in PR mode, else the repository. */
        Path policyRoot() {
            return policy != null ? policy.root() : repo;
        }
    }

    /**
     * {@code --base REF}, {@code --head REF} (null: HEAD, or the working tree where that is what is read)
     * and {@code --pr-title TEXT}; each null when not given.
     */
    public record GitRange(String base, String head, String prTitle, boolean policyFromHead) {
        public static final GitRange NONE = new GitRange(null, null, null);

        public GitRange(String base, String head, String prTitle) {
            this(base, head, prTitle, false);
        }
    }

    /**
     * {@code --advisory-db PATH|URL} (null: deny.toml's db-path / db-urls, else the RustSec default),
     * {@code --offline} (never touch the network) and the cache directory for cloned databases
     * (null: the user cache directory).
     */
    public record AdvisoryDbSource(String location, boolean offline, Path cacheDir) {
        public static final AdvisoryDbSource DEFAULT = new AdvisoryDbSource(null, false, null);
    }

    /** The facts, and the policies that will actually run (those whose inputs were found). */
    public record Result(List<Object> facts, Set<String> evaluated) {
    }

    public static Result load(Request request) {
        Path repo = request.repo();
        if (!Files.exists(repo)) throw InputException.at(repo.toString(), "repository directory not found");
        if (!Files.isDirectory(repo)) throw InputException.at(repo.toString(), "not a directory (--repo takes the repository root)");
        if (!Files.isReadable(repo)) throw InputException.at(repo.toString(), "cannot read the repository directory: permission denied");
        List<Object> facts = new ArrayList<>();
        Set<String> evaluated = new LinkedHashSet<>();

        Set<String> cargoPolicies = new LinkedHashSet<>();
        for (String p : request.policies()) if (CARGO_POLICIES.contains(p)) cargoPolicies.add(p);

        // tollgate.toml is read once, for every policy that has a table in it; its unknown tables are
        // reported whatever the policies. In PR mode it is the base's, like every policy file.
        BasePolicy policy = request.policy();
        TollgateToml settings = policy != null ? TollgateToml.read(policy.root(), policy.settingsDisplay()) : TollgateToml.read(repo);
        facts.addAll(settings.unknownSections());
        if (policy != null) facts.addAll(policy.facts());
        // The evaluation's budgets ([engine]): read by the engine, never inserted as a fact.
        dev.tollgate.inputs.tollgate.EngineSettings engine = dev.tollgate.inputs.tollgate.EngineSettings.read(settings);
        facts.add(engine.limits());
        facts.addAll(engine.issues());

        // The commits policy first: a PR title needs nothing else, so it is parsed before any other input.
        if (request.policies().contains(Policies.COMMITS)) {
            if (CommitFacts.load(repo, settings, request.git(), request.named().contains(Policies.COMMITS), facts)) {
                evaluated.add(Policies.COMMITS);
            }
        }

        String lockDisplay = "";
        String configDisplay = "";
        if (!cargoPolicies.isEmpty()) {
            Path lockfile = repo.resolve("Cargo.lock");
            CargoWorkspace workspace = null;
            boolean lockPresent = request.metadata() == null && lockfilePresent(repo, lockfile);
            // deny.toml is independent of the workspace: read it alongside (errors in the workspace
            // are still reported first, as they are found first).
            Background<DenyConfig> config = request.metadata() != null || lockPresent
                    ? Background.start("config", () -> readConfig(repo, request)) : null;
            boolean licenses = cargoPolicies.contains(Policies.LICENSES);
            Background<AdvisoryInputs.Prepared> advisories = config != null && cargoPolicies.contains(Policies.ADVISORIES)
                    ? Background.start("advisories", () -> advisoryFacts(request, settings, config.get())) : null;
            if (request.metadata() != null) {
                workspace = MetadataReader.readBeside(repo, request.metadata(), RepoPaths.display(repo, request.metadata()),
                        Files.isRegularFile(lockfile) ? lockfile : null);
            } else if (lockPresent) {
                workspace = WorkspaceLoader.load(repo, lockfile);
            } else {
                // Nothing disappears silently: a lockfile the base had, or a Cargo workspace without one
                // (cargo would resolve a new graph at build time), fails the Cargo policies; only a
                // repository with no Cargo workspace at all skips them with a note.
                boolean atBase = policy != null && policy.lockfileAtBase();
                boolean workspaceHere = Files.exists(repo.resolve("Cargo.toml"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                for (String p : cargoPolicies) {
                    if (request.named().contains(p) && !atBase && !workspaceHere) {
                        throw InputException.at(RepoPaths.display(repo, lockfile),
                                "file not found (the " + p + " policy needs a Cargo.lock, or --metadata FILE)");
                    }
                    if (atBase) {
                        facts.add(new InputNote(p, "missing", "the " + p + " policy cannot run: the change removes Cargo.lock, which the base ("
                                + request.git().base() + ") has; restore it, or the gate cannot vouch for the dependency graph",
                                Location.file("Cargo.lock")));
                    } else if (workspaceHere) {
                        facts.add(new InputNote(p, "missing", "the " + p + " policy cannot run: the Cargo workspace has no Cargo.lock, so cargo "
                                + "would resolve a new dependency graph at build time; commit Cargo.lock (or pass --metadata FILE)",
                                Location.file("Cargo.toml")));
                    } else {
                        facts.add(new InputNote(p, "skipped", "the " + p + " policy did not run: no Cargo.lock in "
                                + repo.toAbsolutePath().normalize() + " and no --metadata", Location.NONE));
                    }
                }
            }
            if (workspace != null) {
                DenyConfig deny = config.get();
                // [graph] features, no-default-features and targets shape how each package is reached.
                workspace = workspace.withGraph(GraphOptions.of(deny.graph()));
                lockDisplay = workspace.lockfileDisplay();
                facts.addAll(workspace.members());
                facts.addAll(workspace.packages());
                facts.addAll(workspace.edges());
                facts.addAll(workspace.inclusions());
                facts.addAll(workspace.declarations());
                facts.addAll(workspace.workspaceDependencies());
                evaluated.addAll(cargoPolicies);

                configDisplay = deny.displayPath();
                facts.add(deny.sources());
                facts.addAll(deny.allowedSources());
                // cargo's source replacement decides where the evaluated tree's packages are fetched from,
                // like Cargo.lock: it is read from the repository (the head in PR mode), and checked
                // against the allow-lists in force (the base's)
                if (cargoPolicies.contains(Policies.SOURCES)) {
                    facts.addAll(dev.tollgate.inputs.sources.CargoConfigReader.read(repo, cargoHome()));
                }
                facts.add(deny.graph());
                facts.addAll(deny.issues());
                if (request.policies().contains(Policies.BANS)) {
                    facts.addAll(dev.tollgate.inputs.bans.BansFacts.build(
                            dev.tollgate.inputs.bans.BansReader.read(deny), workspace));
                }
                if (licenses) {
                    // Licenses need cargo metadata (Cargo.lock has none): without --metadata, run cargo, once
                    // the other inputs have been read without error.
                    // In PR mode cargo runs from the base's copy of the policy files, never from the working tree:
                    // cargo obeys the .cargo/config.toml and rustup the rust-toolchain.toml of the folder it
                    // runs in and its parents, which would let the change run a program of its own here.
                    Path cargoDir = policy != null && !request.git().policyFromHead() ? policy.root() : repo;
                    LicenseInputs.Metadata ran = workspace.hasMetadata() ? null
                            : LicenseInputs.runCargo(repo, cargoDir, lockfile, request.advisoryDb().offline());
                    Path configFile = policy != null && policy.config() != null ? policy.config()
                            : request.config() != null ? request.config() : request.policyRoot().resolve("deny.toml");
                    facts.addAll(LicenseInputs.facts(repo, workspace, ran, deny, configFile));
                }
                if (advisories != null) {
                    AdvisoryInputs.Prepared prepared = advisories.get();
                    if (prepared.skipped() && policy != null && policy.advisoryDbAtBase()) {
                        // --policy-from head, and the change removed the database setting the base has
                        facts.add(new InputNote(Policies.ADVISORIES, "missing", "the advisories policy cannot run: the change removes the "
                                + "advisory database setting ([advisories] db in tollgate.toml, db-urls in deny.toml) that the base ("
                                + request.git().base() + ") has", Location.file(TollgateToml.FILE)));
                    } else {
                        facts.addAll(prepared.facts(workspace.packages()));
                    }
                    if (prepared.skipped()) evaluated.remove(Policies.ADVISORIES);
                }
            }
        }
        boolean github = Files.isDirectory(repo.resolve(".github"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (request.policies().contains(Policies.WORKFLOWS)) {
            if (github) {
                facts.addAll(WorkflowsSettings.facts(settings, WorkflowsSettings.CODES));
                facts.addAll(WorkflowsReader.read(repo));
                if (policy != null && policy.workflowsAtBase()
                        && !Files.isDirectory(repo.resolve(".github/workflows"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    facts.add(new InputNote(Policies.WORKFLOWS, "missing", "the change removes .github/workflows/, which the base ("
                            + request.git().base() + ") has: no workflow is left to check", Location.file(".github/workflows")));
                }
            } else if (policy != null && policy.githubAtBase()) {
                facts.add(new InputNote(Policies.WORKFLOWS, "missing", "the workflows policy cannot run: the change removes .github/, which the base ("
                        + request.git().base() + ") has", Location.file(".github")));
            } else if (request.named().contains(Policies.WORKFLOWS)) {
                throw InputException.at(RepoPaths.display(repo, repo.resolve(".github")),
                        "directory not found (the workflows policy reads .github/workflows/)");
            } else {
                facts.add(new InputNote(Policies.WORKFLOWS, "skipped", "the workflows policy did not run: no .github/ in "
                        + repo.toAbsolutePath().normalize(), Location.NONE));
            }
        }
        for (String p : request.policies()) {
            if (!CARGO_POLICIES.contains(p) && !p.equals(Policies.COMMITS)
                    && !(p.equals(Policies.WORKFLOWS) && !github && (policy == null || !policy.githubAtBase()))) {
                evaluated.add(p);
            }
        }
        facts.add(new RunContext(evaluated, lockDisplay, configDisplay));
        return new Result(facts, evaluated);
    }

    /**
     * The policies {@link #load} may evaluate for this request, judged from the command line and the
     * file system only (no input is parsed), so that the engine can be built for just those while the
     * inputs are read: a plain {@code check} needs no commits rules (no {@code --base}, no
     * {@code --pr-title}), a repository without {@code .github/} no workflows rules, one without
     * Cargo.lock (and no {@code --metadata}) no Cargo policy's rules, and the advisories rules are
     * needed only when an advisory database may be configured or cached. Errs towards keeping a policy:
     * every policy {@code load} evaluates is in the result (tested against {@code load} itself); one
     * kept here may still be skipped there, such as advisories when deny.toml only mentions
     * {@code db-urls} in a comment.
     */
    public static Set<String> mayEvaluate(Request request) {
        Path repo = request.repo();
        boolean cargo = request.metadata() != null || InputFiles.present(repo.resolve("Cargo.lock"));
        Set<String> out = new LinkedHashSet<>();
        for (String p : request.policies()) {
            boolean keep;
            if (request.named().contains(p)) {
                keep = true;
            } else if (p.equals(Policies.COMMITS)) {
                keep = request.git().base() != null || request.git().prTitle() != null;
            } else if (p.equals(Policies.WORKFLOWS)) {
                keep = Files.isDirectory(repo.resolve(".github"));
            } else if (p.equals(Policies.ADVISORIES)) {
                keep = cargo && AdvisoryInputs.mayBeConfigured(repo, request.config(), request.advisoryDb().location(),
                        request.git().base() != null, request.advisoryDb().cacheDir());
            } else {
                keep = !CARGO_POLICIES.contains(p) || cargo;
            }
            if (keep) out.add(p);
        }
        return out;
    }

    /** The advisory database and the base commit's inputs, read beside the working tree's workspace. */
    private static AdvisoryInputs.Prepared advisoryFacts(Request request, TollgateToml settings, DenyConfig inForce) {
        // the working tree's deny.toml, whose ignore entries are compared with the base's (ignore-added)
        DenyConfig proposed = request.policy() != null && !request.git().policyFromHead()
                ? readConfig(request.repo(), request.config(), request.repo(), null) : inForce;
        java.util.function.Function<String, Path> policyPath = request.policy() != null ? request.policy()::policyPath
                : request.repo()::resolve;
        // --advisory-db DIR inside the work tree is policy too: in PR mode, the base's copy
        String location = request.advisoryDb().location();
        if (request.policy() != null && location != null && !location.contains("://") && !location.startsWith("git@")) {
            location = request.policy().policyPath(Path.of(location).toAbsolutePath().toString()).toString();
        }
        return AdvisoryInputs.prepare(request.repo(), policyPath, settings, inForce, proposed,
                location, request.advisoryDb().offline(),
                request.advisoryDb().cacheDir(), request.git().base(), request.git().policyFromHead(),
                request.named().contains(Policies.ADVISORIES));
    }

    /** {@code $CARGO_HOME} when set (the CI owner's cargo configuration), else null. */
    private static Path cargoHome() {
        String home = System.getenv("CARGO_HOME");
        return home == null || home.isBlank() ? null : Path.of(home);
    }

    /** deny.toml in force: in PR mode the base's copy ({@link BasePolicy}), else {@code --config} or the repository's. */
    private static DenyConfig readConfig(Path repo, Request request) {
        BasePolicy policy = request.policy();
        if (policy != null) return readConfig(repo, policy.config(), policy.root(), policy.configDisplay());
        return readConfig(repo, request.config(), repo, null);
    }

    /**
     * @param config  the file, or null for {@code deny.toml} in {@code dir} (cargo-deny's defaults when absent)
     * @param display how findings name it (null: its path relative to the repository)
     */
    private static DenyConfig readConfig(Path repo, Path config, Path dir, String display) {
        if (config != null) {
            // a --config file is taken as given (the user named it); PR mode's copy of the base's is one too
            return DenyTomlReader.readGiven(config, display != null ? display : RepoPaths.display(repo, config));
        }
        Path dflt = dir.resolve("deny.toml");
        String shown = display != null ? display : "deny.toml";
        if (InputFiles.present(dflt)) return DenyTomlReader.read(dflt, shown);
        return DenyConfig.defaults(shown);
    }

    /**
     * Whether the Cargo policies have a lockfile to read: false when there is no Cargo.lock at all; an
     * input error when there is one that is not a regular file (a directory, a FIFO, a device, a
     * symbolic link to one), which would otherwise look like "no lockfile" and skip the policies.
     */
    private static boolean lockfilePresent(Path repo, Path lockfile) {
        if (!InputFiles.present(lockfile)) return false;
        if (Files.isRegularFile(lockfile)) return true;
        // a directory, a FIFO, a device, a link to one: the one input reader says which, without blocking
        String shown = RepoPaths.display(repo, lockfile);
        InputFiles.readBytes(lockfile, shown);
        throw InputException.at(shown, "is not a regular file; the Cargo policies read Cargo.lock as a file");
    }
}
