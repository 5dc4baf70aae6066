/**
 * The commits policy's inputs: {@link dev.tollgate.inputs.commits.ConventionalCommits} (the
 * Conventional Commits 1.0.0 parser) and {@link dev.tollgate.inputs.commits.CommitsSettings}
 * ({@code [commits]} of tollgate.toml). The history itself is read by {@code inputs.git}.
 */
package dev.tollgate.inputs.commits;
