package dev.tollgate.api.facts;

/**
 * A script file that a workflow step runs ({@code bash scripts/ci/lint.sh}).
 *
 * @param path    relative to the repository root
 * @param present whether the file exists in the repository
 * @param text    its text (at most 256 KiB; "" when absent or unreadable)
 */
public record CalledScript(String path, boolean present, String text) {
}
