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
     * The fact without {@code deniesWarnings} and {@code checksAdvisories} (false, false): the constructor from before those fields, kept for callers; {@link #builder()} names each field.
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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.file = file;
        b.jobId = jobId;
        b.stepIndex = stepIndex;
        b.tool = tool;
        b.script = script;
        b.text = text;
        b.rustflags = rustflags;
        b.exitMask = exitMask;
        b.exitMaskOrigin = exitMaskOrigin;
        b.origin = origin;
        b.deniesWarnings = deniesWarnings;
        b.checksAdvisories = checksAdvisories;
        return b;
    }

    /** Builds a {@link RunCommand} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String jobId = "";
        private int stepIndex;
        private String tool = "";
        private String script = "";
        private String text = "";
        private String rustflags = "";
        private String exitMask = "";
        private Location exitMaskOrigin = Location.NONE;
        private Location origin = Location.NONE;
        private boolean deniesWarnings;
        private boolean checksAdvisories;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file the workflow or action file, relative to the repository root ({@code .github/workflows/ci.yml})
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code jobId}.
         *
         * @param jobId the job's id ("" in a composite action)
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Sets {@code stepIndex}.
         *
         * @param stepIndex the step's 0-based index in its job ({@link WorkflowStep#index()})
         * @return this builder
         */
        public Builder stepIndex(int stepIndex) {
            this.stepIndex = stepIndex;
            return this;
        }

        /**
         * Sets {@code tool}.
         *
         * @param tool {@code cargo <subcommand>} ({@code cargo clippy}, {@code cargo deny}, ...), {@code tollgate}, {@code gh release} or {@code script}
         * @return this builder
         */
        public Builder tool(String tool) {
            this.tool = tool;
            return this;
        }

        /**
         * Sets {@code script}.
         *
         * @param script for {@code script}, the script's path relative to the repository root ("" otherwise)
         * @return this builder
         */
        public Builder script(String script) {
            this.script = script;
            return this;
        }

        /**
         * Sets {@code text}.
         *
         * @param text the command as written (one segment between {@code &&}, {@code ;}, {@code |})
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets {@code rustflags}.
         *
         * @param rustflags the {@code RUSTFLAGS} the step runs with (workflow, job and step {@code env}), "" when none
         * @return this builder
         */
        public Builder rustflags(String rustflags) {
            this.rustflags = rustflags;
            return this;
        }

        /**
         * Sets {@code exitMask}.
         *
         * @param exitMask how the script throws the command's exit status away, as written: {@code || true}, {@code || :}, {@code || exit 0}, {@code || echo ...}, {@code ; true} after it on its line, or {@code set +e} earlier in the script (with no {@code set -e} between, and the status not read through {@code $?} by the next command, and more commands after it); "" when the status reaches the step
         * @return this builder
         */
        public Builder exitMask(String exitMask) {
            this.exitMask = exitMask;
            return this;
        }

        /**
         * Sets {@code exitMaskOrigin}.
         *
         * @param exitMaskOrigin where the mask is written (the line of the {@code ||} or of {@code set +e})
         * @return this builder
         */
        public Builder exitMaskOrigin(Location exitMaskOrigin) {
            this.exitMaskOrigin = exitMaskOrigin;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the line of the command inside the file
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code deniesWarnings}.
         *
         * @param deniesWarnings whether the command, with {@code rustflags}, turns warnings into errors ({@code -D warnings}, {@code -Dwarnings}, {@code --deny warnings}, {@code --deny=warnings}, {@code -D=warnings})
         * @return this builder
         */
        public Builder deniesWarnings(boolean deniesWarnings) {
            this.deniesWarnings = deniesWarnings;
            return this;
        }

        /**
         * Sets {@code checksAdvisories}.
         *
         * @param checksAdvisories for {@code cargo deny}, whether it runs the advisories check ({@code check} with no check list, or a list naming {@code advisories} or none of bans, licenses and sources); false for other tools
         * @return this builder
         */
        public Builder checksAdvisories(boolean checksAdvisories) {
            this.checksAdvisories = checksAdvisories;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link RunCommand}
         */
        public RunCommand build() {
            return new RunCommand(file, jobId, stepIndex, tool, script, text, rustflags, exitMask, exitMaskOrigin, origin, deniesWarnings, checksAdvisories);
        }
    }
}
