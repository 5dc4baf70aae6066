package dev.tollgate.runner;

import dev.tollgate.plans.PlanRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate plan release}: the next version of every crate changed since its last release tag,
 * decided by {@code rules/versions.drl} (release-plz's rules), printed as JSON or as a Keep a
 * Changelog document.
 */
final class PlanReleaseCommand extends Command {
    @Override
    String name() {
        return "plan release";
    }

    @Override
    String summary() {
        return "Plan the next release: each changed crate's next version and changelog. Exit 0, or 2 on bad input.";
    }

    @Override
    List<Option> options() {
        // --repo, --base, --head, --changed-files: the matrix reads the change since the last release.
        List<Option> options = new ArrayList<>(ReleaseJobs.matrixOptions());
        options.add(valued("format", "FORMAT", "json (the version plan), changelog (Keep a Changelog Markdown) or "
                + "matrix (the release jobs to run, as JSON for fromJSON()); default json."));
        options.addAll(ruleOptions());
        return options;
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        String format = line.getOptionValue("format", "json");
        if (format.equals("matrix")) return ReleaseJobs.runMatrix(line, out, err);
        if (!format.equals("json") && !format.equals("changelog")) {
            throw new Cli.UsageException("unknown format `" + format + "`; use json, changelog or matrix");
        }
        if (line.hasOption("changed-files") || line.hasOption("base")) {
            throw new Cli.UsageException("--changed-files and --base apply to --format matrix; the version plan starts at each crate's last release tag");
        }
        if (!line.getArgList().isEmpty()) throw new Cli.UsageException("unexpected argument `" + line.getArgList().get(0) + "`");
        PlanRun.Release release = PlanRun.release(repo, line.getOptionValue("head"), engineOptions(line));
        out.print(format.equals("json") ? release.plan().toJson() : dev.tollgate.report.Printable.text(release.toChangelog()));
        out.flush();
        return Cli.PASS;
    }
}
