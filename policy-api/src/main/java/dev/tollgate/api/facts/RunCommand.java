package dev.tollgate.api.facts;

/**
 * One command of a step's {@code run:} script that the workflows policy recognises: a cargo (or
 * cross) subcommand, the Tollgate CLI ({@code java -jar .../policy-runner.jar}, a {@code tollgate}
 * command), {@code gh release create|upload}, or a script file the step calls.
 *
 * @param file      the workflow or action file, relative to the repository root ({@code .github/workflows/ci.yml})
 * @param jobId     the job's id ("" in a composite action)
 * @param stepIndex the step's 0-based index in its job ({@link WorkflowStep#index()})
 * @param tool      {@code cargo <subcommand>} ({@code cargo clippy}, {@code cargo deny}, ...), {@code tollgate},
 *                  {@code gh release} or {@code script}
 * @param script    for {@code script}, the script's path relative to the repository root ("" otherwise)
 * @param text      the command as written (one segment between {@code &&}, {@code ;}, {@code |})
 * @param rustflags the {@code RUSTFLAGS} the step runs with (workflow, job and step {@code env}), "" when none
 * @param exitMask  how the script throws the command's exit status away, as written: {@code || true},
 *                  {@code || :}, {@code || exit 0}, {@code || echo ...}, {@code ; true} after it on its line, or
 *                  {@code set +e} earlier in the script (with no {@code set -e} between, and the status not
 *                  read through {@code $?} by the next command, and more commands after it); "" when the
 *                  status reaches the step
 * @param exitMaskOrigin where the mask is written (the line of the {@code ||} or of {@code set +e})
 * @param origin    the line of the command inside the file
 * @param deniesWarnings whether the command, with {@code rustflags}, turns warnings into errors
 *     ({@code -D warnings}, {@code -Dwarnings}, {@code --deny warnings}, {@code --deny=warnings}, {@code -D=warnings})
 * @param checksAdvisories for {@code cargo deny}, whether it runs the advisories check ({@code check} with no
 *     check list, or a list naming {@code advisories} or none of bans, licenses and sources); false for other tools
 */
public record RunCommand(String file, String jobId, int stepIndex, String tool, String script, String text,
                         String rustflags, String exitMask, Location exitMaskOrigin, Location origin,
                         boolean deniesWarnings, boolean checksAdvisories) {

    /**
     * The fact without {@code deniesWarnings} and {@code checksAdvisories} (false, false): the constructor from before those fields, kept for callers; a builder names each field.
     *
     * @param file as the record component
     * @param jobId as the record component
     * @param stepIndex as the record component
     * @param tool as the record component
     * @param script as the record component
     * @param text as the record component
     * @param rustflags as the record component
     * @param exitMask as the record component
     * @param exitMaskOrigin as the record component
     * @param origin as the record component
     */
    public RunCommand(String file, String jobId, int stepIndex, String tool, String script, String text, String rustflags, String exitMask, Location exitMaskOrigin, Location origin) {
        this(file, jobId, stepIndex, tool, script, text, rustflags, exitMask, exitMaskOrigin, origin, false, false);
    }

    /**
     * Whether the command passes a flag.
     *
     * @param flag the flag, e.g. {@code --locked}
     * @return whether a word of {@code text} is the flag or starts with {@code flag=}
     */
    public boolean hasFlag(String flag) {
        for (String word : text.split("\\s+")) if (word.equals(flag) || word.startsWith(flag + "=")) return true;
        return false;
    }
}
