/**
 * The versions plan's inputs ({@code plan release --format json|changelog}):
 * {@link dev.tollgate.inputs.versions.ReleaseFacts} (crates, their baselines and the commits that touch
 * them) and {@link dev.tollgate.inputs.versions.ReleaseTags} (release tags to baselines).
 */
package dev.tollgate.inputs.versions;
