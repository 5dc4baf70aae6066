package dev.tollgate.inputs;

import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.RepoPaths;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.inputs.advisories.AdvisoryInputs;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.GraphOptions;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import dev.tollgate.inputs.prmode.BasePolicy;

import dev.tollgate.inputs.tollgate.TollgateToml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a repository's inputs into facts for the selected policies: the inputs stage of
 * inputs → facts → rules → findings → verdict → report. Each input is read once, and only when a
 * selected policy needs it.
 *
 * <p>Each policy's inputs are one {@link PolicyInputs} unit (what it reads, whether that is there, its
 * facts). A policy whose inputs are absent is skipped with an {@link InputNote} (a {@code policy-skipped}
 * note) unless it was asked for by name, in which case the absence is an input error (exit 2): decided
 * in one place, {@link PolicyInputs#decide}.
 */
public final class RepositoryFacts {
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
     * @param cargo      whether cargo may be run ({@code cargo metadata} for the licenses policy without
     *                   {@code metadata}); false: the licenses policy's input is absent without {@code metadata}
     */
    public record Request(Path repo, Path config, Path metadata, Set<String> policies, Set<String> named,
                          GitRange git, AdvisoryDbSource advisoryDb, BasePolicy policy, boolean cargo) {
        public Request {
            policies = Set.copyOf(policies);
            named = Set.copyOf(named);
            if (git == null) git = GitRange.NONE;
            if (advisoryDb == null) advisoryDb = AdvisoryDbSource.DEFAULT;
        }

        /** Cargo may be run (for the licenses policy's {@code cargo metadata}, without {@code metadata}). */
        public Request(Path repo, Path config, Path metadata, Set<String> policies, Set<String> named,
                       GitRange git, AdvisoryDbSource advisoryDb, BasePolicy policy) {
            this(repo, config, metadata, policies, named, git, advisoryDb, policy, true);
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
     * (null: the user cache directory), and where the progress of a clone or fetch goes (null: nowhere; the
     * library never prints).
     */
    public record AdvisoryDbSource(String location, boolean offline, Path cacheDir, java.util.function.Consumer<String> progress) {
        public static final AdvisoryDbSource DEFAULT = new AdvisoryDbSource(null, false, null);

        /** Without progress: a clone or fetch reports nothing. */
        public AdvisoryDbSource(String location, boolean offline, Path cacheDir) {
            this(location, offline, cacheDir, null);
        }
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

        // Each selected policy's inputs unit says whether its inputs are there, and PolicyInputs.decide what
        // follows: it runs, it is skipped with a note, or its absence is an error. Decided for all first (nothing
        // is read), so the inputs several policies share are read once, beside each other; then each policy's
        // facts are read in the table's order.
        Map<PolicyInputs, PolicyInputs.Decision> decisions = new LinkedHashMap<>();
        for (PolicyInputs unit : PolicyInputs.ALL) {
            if (request.policies().contains(unit.id())) {
                decisions.put(unit, PolicyInputs.decide(unit.presence(request), request.named().contains(unit.id())));
            }
        }
        Set<String> running = new LinkedHashSet<>();
        for (Map.Entry<PolicyInputs, PolicyInputs.Decision> d : decisions.entrySet()) if (d.getValue().runs()) running.add(d.getKey().id());
        Reading reading = new Reading(request, settings, running);
        for (Map.Entry<PolicyInputs, PolicyInputs.Decision> d : decisions.entrySet()) {
            PolicyInputs.Decision decision = d.getValue();
            if (decision.error() != null) throw decision.error();
            if (decision.note() != null) facts.add(decision.note());
            if (decision.runs() && d.getKey().facts(reading, facts)) evaluated.add(d.getKey().id());
        }
        Cargo cargo = reading.cargo;
        facts.add(new RunContext(evaluated, cargo == null ? "" : cargo.workspace().lockfileDisplay(), cargo == null ? "" : cargo.deny().displayPath()));
        return new Result(facts, evaluated);
    }

    /**
     * The policies {@link #load} may evaluate for this request, judged from the command line and the
     * file system only (no input is parsed), so that the engine can be built for just those while the
     * inputs are read: each policy's {@link PolicyInputs#presence} and {@link PolicyInputs#decide}, the
     * ones {@code load} takes. A policy asked for by name is kept (its absent inputs are an error
     * {@code load} reports). Before PR mode's base is read, inputs the change removed look absent; a
     * policy {@code load} then runs anyway has its rules built there and then.
     */
    public static Set<String> mayEvaluate(Request request) {
        Set<String> out = new LinkedHashSet<>();
        for (PolicyInputs unit : PolicyInputs.ALL) {
            if (!request.policies().contains(unit.id())) continue;
            if (PolicyInputs.decide(unit.presence(request), request.named().contains(unit.id())).needsRules()) out.add(unit.id());
        }
        for (String p : request.policies()) if (PolicyInputs.of(p) == null) out.add(p);
        return out;
    }

    /** The workspace and deny.toml in force, read once for every Cargo policy. */
    record Cargo(CargoWorkspace workspace, DenyConfig deny) {
    }

    /** The inputs the policies share, each read once, when the first policy that needs it asks. */
    static final class Reading {
        private final Request request;
        private final TollgateToml settings;
        private final Set<String> running;
        private Cargo cargo;
        private Background<AdvisoryInputs.Prepared> advisories;

        Reading(Request request, TollgateToml settings, Set<String> running) {
            this.request = request;
            this.settings = settings;
            this.running = running;
        }

        Request request() {
            return request;
        }

        /** tollgate.toml in force (the base's in PR mode). */
        TollgateToml settings() {
            return settings;
        }

        /** The workspace and deny.toml; the first call reads them and adds their facts. */
        Cargo cargo(List<Object> facts) {
            if (cargo != null) return cargo;
            Path repo = request.repo();
            Path lockfile = repo.resolve("Cargo.lock");
            if (request.metadata() == null) lockfilePresent(repo, lockfile);
            // deny.toml is independent of the workspace: read it alongside (errors in the workspace are still
            // reported first, as they are found first), and the advisory database beside both.
            Background<DenyConfig> config = Background.start("config", () -> readConfig(repo, request));
            if (running.contains(Policies.ADVISORIES)) {
                // RustSec's database is fetched only for a policy asked for by name (PolicyInputs.decide)
                boolean fetchDefault = PolicyInputs.decide(PolicyInputs.Presence.onRequest(null),
                        request.named().contains(Policies.ADVISORIES)).runs();
                advisories = Background.start("advisories", () -> advisoryFacts(request, settings, config.get(), fetchDefault));
            }
            CargoWorkspace workspace = request.metadata() != null
                    ? MetadataReader.readBeside(repo, request.metadata(), RepoPaths.display(repo, request.metadata()),
                            Files.isRegularFile(lockfile) ? lockfile : null)
                    : WorkspaceLoader.load(repo, lockfile);
            DenyConfig deny = config.get();
            // [graph] features, no-default-features and targets shape how each package is reached.
            workspace = workspace.withGraph(GraphOptions.of(deny.graph()));
            facts.addAll(workspace.members());
            facts.addAll(workspace.packages());
            facts.addAll(workspace.edges());
            facts.addAll(workspace.inclusions());
            facts.addAll(workspace.declarations());
            facts.addAll(workspace.workspaceDependencies());
            facts.add(deny.sources());
            facts.addAll(deny.allowedSources());
            facts.add(deny.graph());
            facts.addAll(deny.issues());
            cargo = new Cargo(workspace, deny);
            return cargo;
        }

        /** The advisory database and the base's inputs, read beside the workspace. */
        AdvisoryInputs.Prepared advisories() {
            return advisories.get();
        }
    }

    /** The advisory database and the base commit's inputs, read beside the working tree's workspace. */
    private static AdvisoryInputs.Prepared advisoryFacts(Request request, TollgateToml settings, DenyConfig inForce, boolean fetchDefault) {
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
                request.advisoryDb().cacheDir(), request.git().base(), request.git().policyFromHead(), fetchDefault,
                request.advisoryDb().progress());
    }

    /** {@code $CARGO_HOME} when set (the CI owner's cargo configuration), else null. */
    static Path cargoHome() {
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
        if (!InputFiles.present(lockfile)) throw InputException.at(RepoPaths.display(repo, lockfile), "file not found");
        if (Files.isRegularFile(lockfile)) return true;
        // a directory, a FIFO, a device, a link to one: the one input reader says which, without blocking
        String shown = RepoPaths.display(repo, lockfile);
        InputFiles.readBytes(lockfile, shown);
        throw InputException.at(shown, "is not a regular file; the Cargo policies read Cargo.lock as a file");
    }
}
