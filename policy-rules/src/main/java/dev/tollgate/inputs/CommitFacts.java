package dev.tollgate.inputs;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.api.facts.Commit;
import dev.tollgate.inputs.commits.CommitsSettings;
import dev.tollgate.inputs.commits.ConventionalCommits;
import dev.tollgate.inputs.git.GitHistory;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.nio.file.Path;
import java.util.List;

/** The facts of the commits policy: the PR title and the commits of --base..--head, parsed, and [commits]. */
final class CommitFacts {
    private CommitFacts() {
    }

    /** Adds the facts; called when there is a range or a title to lint ({@link PolicyInputs}). */
    static void load(Path repo, TollgateToml toml, RepositoryFacts.GitRange git, List<Object> facts) {
        if (git.prTitle() != null) facts.add(ConventionalCommits.title(git.prTitle()));
        CommitsSettings settings = CommitsSettings.read(toml);
        facts.add(settings.config());
        facts.addAll(settings.issues());
        if (git.base() != null) {
            try (GitHistory history = GitHistory.open(repo)) {
                for (Commit c : history.commits(git.base(), git.head(), settings.firstParent(), false)) {
                    facts.add(c);
                    facts.add(ConventionalCommits.parse(c));
                }
            }
        }
    }
}
