package dev.tollgate.plans;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Policies;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.api.facts.PathRule;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.inputs.affected.AffectedInputs;
import dev.tollgate.inputs.affected.ChangedFileList;
import dev.tollgate.inputs.git.ChangedFiles;
import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.releasejobs.ReleaseGraph;
import dev.tollgate.inputs.tollgate.TollgateToml;
import dev.tollgate.inputs.versions.ReleaseFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plans' entry point, as {@code engine.CheckRun} is the check's: reads what changed and the workspace,
 * builds an engine of the plan's rules (beside the reading), derives the plan and returns it. The CLI's
 * {@code plan affected} and {@code plan release} are this and a renderer; nothing else of the inputs is
 * theirs to call.
 */
public final class PlanRun {
    private PlanRun() {
    }

    /**
     * What changed: a git range of {@code repo} ({@code base}, and {@code head} or HEAD), or a list of changed
     * paths read from {@code changedFiles} ({@code -}: {@code stdin}), never both.
     *
     * @param repo         the repository root; the workspace is read from its working tree
     * @param base         the range's base ref; null with a list
     * @param head         the range's head ref; null: HEAD
     * @param changedFiles a file of changed paths, one a line, or {@code -} for {@code stdin}; null: the range
     * @param stdin        where {@code -} reads from
     * @param options      the engine's options (rules, cache); the plan's rule packages are selected here
     * @param diagnostics  receives each finding of the plan's rules (a bad setting, say) as it is known
     */
    public record Change(Path repo, String base, String head, String changedFiles, Supplier<InputStream> stdin,
                         EngineOptions options, Consumer<Finding> diagnostics) {
        public Change {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(diagnostics, "diagnostics");
            if (changedFiles != null && (base != null || head != null)) {
                throw new IllegalArgumentException("give either a git range or a changed-files list, not both");
            }
            if (changedFiles == null && base == null) throw new IllegalArgumentException("say what changed: a base ref or a changed-files list");
            if ("-".equals(changedFiles)) Objects.requireNonNull(stdin, "stdin");
        }
    }

    /** The crates a change affects. */
    public static AffectedPlan affected(Change change) {
        return derive(change, Set.of(Policies.AFFECTED), List.of(), List.of()).plan();
    }

    /**
     * The release jobs to run for a change since the last release: {@code change.base()} (the caller finds it
     * with {@link #lastRelease} when the user named none), or the change's list of files.
     */
    public static ReleaseJobsPlan releaseJobs(Change change) {
        ReleaseGraph.Graph graph = ReleaseGraph.read(TollgateToml.read(change.repo()));
        List<Object> facts = new ArrayList<>(graph.artifacts());
        facts.addAll(graph.publish());
        Derived d = derive(change, Set.of(Policies.AFFECTED, Policies.RELEASE_JOBS), graph.pathRules(), facts);
        return ReleaseJobsPlan.of(d.derivation(), graph, change.base(), d.plan());
    }

    /** The nearest tag reachable from {@code head} (null: HEAD): the last release, for {@link #releaseJobs}. */
    public static Optional<String> lastRelease(Path repo, String head) {
        try (ChangedFiles git = ChangedFiles.open(repo)) {
            return Optional.ofNullable(git.nearestTag(head));
        }
    }

    /** A version plan and the date of the head commit (a changelog's release date). */
    public record Release(ReleasePlan plan, String headDate) {
        public String toChangelog() {
            return plan.toChangelog(headDate);
        }
    }

    /** The next release of each changed crate, from its last release tag to {@code head} (null: HEAD). */
    public static Release release(Path repo, String head, EngineOptions options) {
        // the version rules' package only (and config): a smaller KieBase to build
        EngineOptions only = options.withOnly(Set.of(Policies.VERSIONS));
        Background<PolicyEngine> building = Background.start("engine", () -> Tollgate.engine(only));
        ReleaseFacts.Input input = ReleaseFacts.load(repo, head);
        // The version rules belong to no --policies id: they always run, on facts only they match.
        Derivation evaluation = building.get().derive(input.facts(), Set.of(Policies.VERSIONS));
        return new Release(ReleasePlan.of(input, evaluation), input.headDate());
    }

    private record Derived(Derivation derivation, AffectedPlan plan) {
    }

    private static Derived derive(Change change, Set<String> plans, List<PathRule> extraRules, List<Object> extraFacts) {
        // only the selected plans' rule packages (and config) go into the KieBase: a smaller build
        EngineOptions options = change.options().withOnly(plans);
        Background<PolicyEngine> building = Background.start("engine", () -> Tollgate.engine(options));
        List<ChangedFile> files = change.changedFiles() == null ? null : readList(change.changedFiles(), change.stdin());
        AffectedInputs.Result inputs = AffectedInputs.load(new AffectedInputs.Request(change.repo(), files, change.base(),
                change.head(), extraRules));
        List<Object> facts = new ArrayList<>(inputs.facts());
        facts.addAll(extraFacts);
        Derivation d = building.get().derive(facts, plans);
        boolean failed = false;
        for (Finding f : d.verdict().findings()) {
            change.diagnostics().accept(f);
            if (f.severity() == Severity.ERROR) failed = true;
        }
        if (failed) throw InputException.at(null, "the plan could not be derived (see the errors above)");
        return new Derived(d, AffectedPlan.of(d));
    }

    private static List<ChangedFile> readList(String list, Supplier<InputStream> stdin) {
        if (!list.equals("-")) return ChangedFileList.parse(InputFiles.readGiven(Path.of(list), list, InputFiles.Kind.CHANGED_FILES), list);
        try {
            InputStream in = stdin.get();
            byte[] bytes = in.readNBytes((int) InputFiles.Kind.CHANGED_FILES.limit() + 1);
            if (bytes.length > InputFiles.Kind.CHANGED_FILES.limit()) {
                throw InputException.at("<stdin>", "the changed-files list is larger than "
                        + (InputFiles.Kind.CHANGED_FILES.limit() >> 20) + " MiB; not read");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return ChangedFileList.parse(text, "<stdin>");
        } catch (CharacterCodingException e) {
            throw InputException.at("<stdin>", "the changed-files list is not UTF-8");
        } catch (IOException e) {
            throw InputException.at("<stdin>", "cannot read the changed-files list: " + e.getMessage());
        }
    }
}
