package dev.tollgate.inputs;

import dev.tollgate.inputs.io.RepoPaths;

import dev.tollgate.inputs.io.InputFiles;

import dev.tollgate.inputs.io.InputException;

import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.advisories.AdvisoryInputs;
import dev.tollgate.inputs.bans.BansFacts;
import dev.tollgate.inputs.bans.BansReader;
import dev.tollgate.inputs.sources.CargoConfigReader;
import dev.tollgate.inputs.licenses.LicenseInputs;
import dev.tollgate.inputs.prmode.BasePolicy;
import dev.tollgate.inputs.tollgate.TollgateToml;
import dev.tollgate.inputs.workflows.WorkflowsReader;
import dev.tollgate.inputs.workflows.WorkflowsSettings;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inputs of one policy: its id, what it reads, whether that is there, and its facts. There is one
 * per policy ({@link #ALL}, in the order their facts are read), and both questions about a policy's
 * inputs go through it: which policies may run, asked before any input is parsed so that the engine is
 * built for just those ({@link RepositoryFacts#mayEvaluate}), and which run, with their facts
 * ({@link RepositoryFacts#load}). What becomes of a policy whose inputs are absent — it runs, it is
 * skipped with a note, or, asked for by name, its absence is an input error — is decided in one place,
 * {@link #decide}.
 */
public abstract class PolicyInputs {
    /** The policy id ({@link Policies}). */
    public abstract String id();

    /** What the policy reads, for people. */
    public abstract String needs();

    /**
     * Whether the inputs are there, judged from the request and the file system only: nothing is parsed,
     * so this is cheap and may be asked before the engine is built and again when the inputs are read.
     * It errs towards "present": reading may still find that the policy cannot run (advisories with
     * {@code db-urls} only in a comment).
     */
    abstract Presence presence(RepositoryFacts.Request request);

    /**
     * Adds the policy's facts; called only for a policy that {@link #decide} lets run. Returns whether
     * it runs after all (false when reading found it cannot, and added a note saying why).
     */
    abstract boolean facts(RepositoryFacts.Reading reading, List<Object> facts);

    /** Whether the inputs are there. */
    public record Presence(Kind kind, String file, String problem, InputNote note, boolean runs) {
        public enum Kind {
            /** There: the policy runs. */
            PRESENT,
            /** Not there: an input error at {@code file} when asked for by name, else {@code note} (null: not worth one). */
            ABSENT,
            /** Not there, and that is a finding whatever was asked: {@code note}; {@code runs} says whether the policy still counts as run. */
            MISSING,
            /** Not configured: asked for by name, it runs with a default (RustSec's database); else {@code note}. */
            ON_REQUEST
        }

        public Presence {
            Objects.requireNonNull(kind, "kind");
        }

        static Presence present() {
            return new Presence(Kind.PRESENT, null, null, null, true);
        }

        static Presence absent(String file, String problem, InputNote note) {
            return new Presence(Kind.ABSENT, file, problem, note, false);
        }

        static Presence missing(InputNote note, boolean runs) {
            return new Presence(Kind.MISSING, null, null, note, runs);
        }

        static Presence onRequest(InputNote note) {
            return new Presence(Kind.ON_REQUEST, null, null, note, false);
        }
    }

    /**
     * What becomes of a policy, from its {@link Presence} and whether it was asked for by name.
     *
     * @param runs        whether its facts are read and its rules run
     * @param note        the note that says why not (null: none)
     * @param error       the input error its absence is (null: none)
     * @param needsRules  whether its rules must be built: it runs, or it was asked for by name (a named
     *                    policy must have rules, and its note or error is reported against it)
     */
    public record Decision(boolean runs, InputNote note, InputException error, boolean needsRules) {
    }

    /**
     * The one place that says what becomes of a policy whose inputs are absent. A policy asked for by
     * name ({@code --policies}) must run: its absent inputs are an input error (exit 2), and a default
     * (RustSec's database) is used where there is one. A policy not asked for is skipped with a note.
     * Inputs the change removed (the base has them) are a note either way, never a skip.
     */
    public static Decision decide(Presence presence, boolean named) {
        return switch (presence.kind()) {
            case PRESENT -> new Decision(true, null, null, true);
            case MISSING -> new Decision(presence.runs(), presence.note(), null, presence.runs() || named);
            case ON_REQUEST -> named ? new Decision(true, null, null, true) : new Decision(false, presence.note(), null, false);
            case ABSENT -> named ? new Decision(false, null, InputException.at(presence.file(), presence.problem()), true)
                    : new Decision(false, presence.note(), null, false);
        };
    }

    /** One per policy, in the order their facts are read: the commits policy first (a PR title needs nothing else). */
    public static final List<PolicyInputs> ALL = List.of(new Commits(), new Cargo(Policies.SOURCES), new Cargo(Policies.BANS),
            new Cargo(Policies.LICENSES), new Advisories(), new Workflows());

    private static final Map<String, PolicyInputs> BY_ID = ALL.stream().collect(Collectors.toUnmodifiableMap(PolicyInputs::id, Function.identity()));

    /** The unit of a policy id; null for an id that is no shipped policy (a custom policy reads no input of its own). */
    public static PolicyInputs of(String id) {
        return BY_ID.get(id);
    }

    /** The commits policy: {@code --base} (the commits of base..head) or {@code --pr-title}, and tollgate.toml's [commits]. */
    private static final class Commits extends PolicyInputs {
        @Override
        public String id() {
            return Policies.COMMITS;
        }

        @Override
        public String needs() {
            return "--base REF (the commits of REF..HEAD) or --pr-title TEXT";
        }

        @Override
        Presence presence(RepositoryFacts.Request request) {
            if (request.git().base() != null || request.git().prTitle() != null) return Presence.present();
            // Not asked for by name: a plain `check` has no range to lint, which is not worth a note.
            return Presence.absent("--policies commits",
                    "the commits policy needs --base REF (lint the commits of REF..HEAD) or --pr-title TEXT", null);
        }

        @Override
        boolean facts(RepositoryFacts.Reading reading, List<Object> facts) {
            CommitFacts.load(reading.request().repo(), reading.settings(), reading.request().git(), facts);
            return true;
        }
    }

    /** The Cargo workspace's presence, shared by the four policies that read it. */
    static Presence cargoPresence(RepositoryFacts.Request request, String p) {
        Path repo = request.repo();
        if (request.metadata() != null || InputFiles.present(repo.resolve("Cargo.lock"))) return Presence.present();
        // Nothing disappears silently: a lockfile the base had, or a Cargo workspace without one (cargo would
        // resolve a new graph at build time), fails the Cargo policies; only a repository with no Cargo
        // workspace at all skips them with a note.
        BasePolicy policy = request.policy();
        if (policy != null && policy.lockfileAtBase()) {
            return Presence.missing(new InputNote(p, "missing", "the " + p + " policy cannot run: the change removes Cargo.lock, which the base ("
                    + request.git().base() + ") has; restore it, or the gate cannot vouch for the dependency graph",
                    Location.file("Cargo.lock")), false);
        }
        if (Files.exists(repo.resolve("Cargo.toml"), LinkOption.NOFOLLOW_LINKS)) {
            return Presence.missing(new InputNote(p, "missing", "the " + p + " policy cannot run: the Cargo workspace has no Cargo.lock, so cargo "
                    + "would resolve a new dependency graph at build time; commit Cargo.lock (or pass --metadata FILE)",
                    Location.file("Cargo.toml")), false);
        }
        return Presence.absent(RepoPaths.display(repo, repo.resolve("Cargo.lock")),
                "file not found (the " + p + " policy needs a Cargo.lock, or --metadata FILE)",
                new InputNote(p, "skipped", "the " + p + " policy did not run: no Cargo.lock in "
                        + repo.toAbsolutePath().normalize() + " and no --metadata", Location.NONE));
    }

    /** sources, bans, licenses: the workspace (Cargo.lock or cargo metadata) and deny.toml, and what each adds to them. */
    private static final class Cargo extends PolicyInputs {
        private final String id;

        Cargo(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String needs() {
            return "Cargo.lock (or --metadata FILE) and deny.toml" + (id.equals(Policies.LICENSES) ? "; cargo metadata (cargo is run without --metadata)" : "");
        }

        @Override
        Presence presence(RepositoryFacts.Request request) {
            Presence cargo = cargoPresence(request, id);
            if (id.equals(Policies.LICENSES) && cargo.kind() == Presence.Kind.PRESENT && request.metadata() == null && !request.cargo()) {
                // the caller turned running cargo off (CheckRequest.withCargo(false), --no-cargo): without --metadata
                // the licenses policy has no input, as when nothing is given at all
                Path repo = request.repo();
                return Presence.absent("--metadata", "the licenses policy needs `cargo metadata`, and running cargo is turned off"
                                + " (--no-cargo, CheckRequest.withCargo(false)): pass --metadata FILE",
                        new InputNote(id, "skipped", "the licenses policy did not run: running cargo is turned off and no --metadata"
                                + " was given for " + repo.toAbsolutePath().normalize(), Location.NONE));
            }
            return cargo;
        }

        @Override
        boolean facts(RepositoryFacts.Reading reading, List<Object> facts) {
            RepositoryFacts.Cargo cargo = reading.cargo(facts);
            switch (id) {
                // cargo's source replacement decides where the evaluated tree's packages are fetched from, like
                // Cargo.lock: it is read from the repository (the head in PR mode), and checked against the
                // allow-lists in force (the base's)
                case Policies.SOURCES -> facts.addAll(CargoConfigReader.read(reading.request().repo(), RepositoryFacts.cargoHome()));
                case Policies.BANS -> facts.addAll(BansFacts.build(BansReader.read(cargo.deny()), cargo.workspace()));
                case Policies.LICENSES -> facts.addAll(licenses(reading, cargo));
                default -> throw new IllegalStateException(id);
            }
            return true;
        }

        /**
         * Licenses need cargo metadata (Cargo.lock has none): without --metadata, cargo runs, once the other
         * inputs have been read without error. In PR mode it runs from the base's copy of the policy files,
         * never from the working tree: cargo obeys the .cargo/config.toml and rustup the rust-toolchain.toml
         * of the folder it runs in and its parents, which would let the change run a program of its own here.
         */
        private static List<Object> licenses(RepositoryFacts.Reading reading, RepositoryFacts.Cargo cargo) {
            RepositoryFacts.Request request = reading.request();
            BasePolicy policy = request.policy();
            Path repo = request.repo();
            Path cargoDir = policy != null && !request.git().policyFromHead() ? policy.root() : repo;
            LicenseInputs.Metadata ran = cargo.workspace().hasMetadata() || !request.cargo() ? null
                    : LicenseInputs.runCargo(repo, cargoDir, repo.resolve("Cargo.lock"), request.advisoryDb().offline());
            Path configFile = policy != null && policy.config() != null ? policy.config()
                    : request.config() != null ? request.config() : request.policyRoot().resolve("deny.toml");
            return LicenseInputs.facts(repo, cargo.workspace(), ran, cargo.deny(), configFile);
        }
    }

    /** advisories: the workspace, and an advisory database (configured, given, cached, or RustSec's when asked for by name). */
    private static final class Advisories extends PolicyInputs {
        @Override
        public String id() {
            return Policies.ADVISORIES;
        }

        @Override
        public String needs() {
            return "Cargo.lock (or --metadata FILE), deny.toml and an advisory database (--advisory-db, [advisories] db in tollgate.toml, "
                    + "db-urls in deny.toml, or one cached)";
        }

        @Override
        Presence presence(RepositoryFacts.Request request) {
            Presence cargo = cargoPresence(request, id());
            if (cargo.kind() != Presence.Kind.PRESENT) return cargo;
            // a text search for a setting, no parse: reading parses deny.toml and decides again (AdvisoryInputs.prepare)
            if (AdvisoryInputs.mayBeConfigured(request.repo(), request.config(), request.advisoryDb().location(),
                    request.git().base() != null, request.advisoryDb().cacheDir())) {
                return Presence.present();
            }
            return Presence.onRequest(AdvisoryInputs.SKIPPED);
        }

        @Override
        boolean facts(RepositoryFacts.Reading reading, List<Object> facts) {
            RepositoryFacts.Cargo cargo = reading.cargo(facts);
            AdvisoryInputs.Prepared prepared = reading.advisories();
            RepositoryFacts.Request request = reading.request();
            BasePolicy policy = request.policy();
            if (prepared.skipped() && policy != null && policy.advisoryDbAtBase()) {
                // --policy-from head, and the change removed the database setting the base has
                facts.add(new InputNote(Policies.ADVISORIES, "missing", "the advisories policy cannot run: the change removes the "
                        + "advisory database setting ([advisories] db in tollgate.toml, db-urls in deny.toml) that the base ("
                        + request.git().base() + ") has", Location.file(TollgateToml.FILE)));
            } else {
                facts.addAll(prepared.facts(cargo.workspace().packages()));
            }
            return !prepared.skipped();
        }
    }

    /** workflows: .github/ (its workflows and the actions and scripts they run) and tollgate.toml's [workflows]. */
    private static final class Workflows extends PolicyInputs {
        @Override
        public String id() {
            return Policies.WORKFLOWS;
        }

        @Override
        public String needs() {
            return ".github/ (workflows, local actions, the scripts they run)";
        }

        @Override
        Presence presence(RepositoryFacts.Request request) {
            Path repo = request.repo();
            if (Files.isDirectory(repo.resolve(".github"), LinkOption.NOFOLLOW_LINKS)) return Presence.present();
            if (Files.isSymbolicLink(repo.resolve(".github"))) {
                // not "no .github/": the workflows are there, behind a link that is not followed
                return Presence.missing(new InputNote(Policies.WORKFLOWS, "missing", "the workflows policy cannot run: .github is a "
                        + "symbolic link, which Tollgate does not follow, so no workflow in it was checked; make .github/ a real folder",
                        Location.file(".github")), false);
            }
            BasePolicy policy = request.policy();
            if (policy != null && policy.githubAtBase()) {
                return Presence.missing(new InputNote(Policies.WORKFLOWS, "missing", "the workflows policy cannot run: the change removes .github/, which the base ("
                        + request.git().base() + ") has", Location.file(".github")), true);
            }
            return Presence.absent(RepoPaths.display(repo, repo.resolve(".github")),
                    "directory not found (the workflows policy reads .github/workflows/)",
                    new InputNote(Policies.WORKFLOWS, "skipped", "the workflows policy did not run: no .github/ in "
                            + repo.toAbsolutePath().normalize(), Location.NONE));
        }

        /** A workflow GitHub loads, read or not (a file directly in .github/workflows/ that could not be read is a problem, still there). */
        private static boolean loaded(Object fact) {
            if (fact instanceof dev.tollgate.api.facts.Workflow w) return w.kind().equals("workflow");
            return fact instanceof dev.tollgate.api.facts.WorkflowProblem p && p.file().startsWith(".github/workflows/")
                    && p.file().indexOf('/', ".github/workflows/".length()) < 0;
        }

        @Override
        boolean facts(RepositoryFacts.Reading reading, List<Object> facts) {
            RepositoryFacts.Request request = reading.request();
            Path repo = request.repo();
            facts.addAll(WorkflowsSettings.facts(reading.settings(), dev.tollgate.inputs.workflows.WorkflowsCodes.declared()));
            List<Object> read = WorkflowsReader.read(repo);
            facts.addAll(read);
            BasePolicy policy = request.policy();
            if (policy != null && policy.workflowsAtBase() && !Files.isDirectory(repo.resolve(".github/workflows"), LinkOption.NOFOLLOW_LINKS)) {
                facts.add(new InputNote(Policies.WORKFLOWS, "missing", "the change removes .github/workflows/, which the base ("
                        + request.git().base() + ") has: no workflow is left to check", Location.file(".github/workflows")));
            } else if (policy != null && policy.workflowsAtBase() && read.stream().noneMatch(Workflows::loaded)) {
                // moving every workflow into a sub-folder (or renaming it) removes them as surely as deleting the folder
                facts.add(new InputNote(Policies.WORKFLOWS, "missing", "the change leaves no workflow that GitHub loads in "
                        + ".github/workflows/, where the base (" + request.git().base() + ") has one: no workflow is left to check",
                        Location.file(".github/workflows")));
            }
            return true;
        }
    }
}
