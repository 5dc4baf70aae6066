/**
 * Git history facts read with JGit: {@link dev.tollgate.inputs.git.GitHistory} (commits of a range,
 * tags, files at a commit, shallow-clone detection), {@link dev.tollgate.inputs.git.ConventionalCommits}
 * (the Conventional Commits 1.0.0 parser), {@link dev.tollgate.inputs.git.CommitsSettings}
 * ({@code [commits]} of tollgate.toml) and {@link dev.tollgate.inputs.git.ReleaseFacts} (the facts
 * of a release plan: crates, their baselines and the commits that touch them).
 */
package dev.tollgate.inputs.git;
