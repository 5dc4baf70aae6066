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

    /** Adds the facts; returns whether the policy can run. */
    static boolean load(Path repo, TollgateToml toml, RepositoryFacts.GitRange git, boolean named, List<Object> facts) {
        if (git.prTitle() == null && git.base() == null) {
            if (named) {
                throw InputException.at("--policies commits", "the commits policy needs --base REF (lint the commits of REF..HEAD) or --pr-title TEXT");
            }
            // Not asked for by name: a plain `check` has no range to lint, which is not worth a note.
            return false;
        }
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
        return true;
    }
}
