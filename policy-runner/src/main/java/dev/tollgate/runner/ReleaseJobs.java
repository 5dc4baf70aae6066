package dev.tollgate.runner;

import dev.tollgate.plans.PlanRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate plan release --format matrix}: which build and publish jobs of the release graph
 * ({@code [release.artifacts]}, {@code [release.publish]} in tollgate.toml) run for the changes since
 * the last release, as JSON for a workflow's {@code fromJSON()}. The decisions are the rules of
 * {@code rules/affected.drl} (the affected crates) and {@code rules/releasejobs.drl} (the jobs).
 *
 * <p>Not a command of its own: {@link PlanReleaseCommand} takes {@link #matrixOptions()} and hands
 * {@code --format matrix} to {@link #runMatrix}.
 */
final class ReleaseJobs {
    private ReleaseJobs() {
    }

    /** {@code --repo}, {@code --base} (default: the nearest tag), {@code --head}, {@code --changed-files}. */
    static List<Option> matrixOptions() {
        List<Option> options = new ArrayList<>();
        for (Option o : PlanAffectedCommand.changeOptions()) {
            if (o.getLongOpt().equals("base")) {
                options.add(Command.valued("base", "REF", "The last release (default: the nearest tag reachable from the head)."));
            } else {
                options.add(o);
            }
        }
        return options;
    }

    /** The matrix plan: usable from any command whose options include {@link #matrixOptions()} and the rule options. */
    static int runMatrix(CommandLine line, PrintWriter out, PrintWriter err) {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        String base = line.getOptionValue("base");
        if (base == null && !line.hasOption("changed-files")) {
            base = PlanRun.lastRelease(repo, line.getOptionValue("head")).orElseThrow(() ->
                    new Cli.UsageException("no tag is reachable from the head: give the last release with --base REF"));
        }
        out.println(PlanRun.releaseJobs(PlanAffectedCommand.change(line, base, err)).toMatrixJson());
        return Cli.PASS;
    }
}
