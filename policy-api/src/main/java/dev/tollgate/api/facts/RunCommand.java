package dev.tollgate.api.facts;

/**
 * One command of a step's {@code run:} script that the workflows policy recognises: a cargo (or
 * cross) subcommand, or a script file the step calls.
 *
 * @param tool      {@code cargo <subcommand>} ({@code cargo clippy}, {@code cargo deny}, ...) or {@code script}
 * @param script    for {@code script}, the script's path relative to the repository root ("" otherwise)
 * @param text      the command as written (one segment between {@code &&}, {@code ;}, {@code |})
 * @param rustflags the {@code RUSTFLAGS} the step runs with (workflow, job and step {@code env}), "" when none
 * @param origin    the line of the command inside the file
 */
public record RunCommand(String file, String jobId, int stepIndex, String tool, String script, String text,
                         String rustflags, Location origin) {
    public boolean hasFlag(String flag) {
        for (String word : text.split("\\s+")) if (word.equals(flag) || word.startsWith(flag + "=")) return true;
        return false;
    }
}
