package dev.tollgate.api.facts;

/**
 * A script file that a workflow step runs ({@code bash scripts/ci/lint.sh}).
 *
 * @param path             relative to the repository root
 * @param present          whether the file exists in the repository
 * @param text             its text (at most 256 KiB; "" when absent or unreadable)
 * @param callsCargoClippy whether the text runs {@code cargo clippy}
 * @param runsClippy       whether the text runs clippy: {@code cargo clippy}, or a toolchain's
 *                         ({@code cargo +nightly clippy})
 */
public record CalledScript(String path, boolean present, String text, boolean callsCargoClippy, boolean runsClippy) {

    /**
     * The fact without {@code callsCargoClippy} and {@code runsClippy} (false, false): the constructor from
     * before those fields, kept for callers; {@link #builder()} names each field.
     *
     * @param path    relative to the repository root
     * @param present whether the file exists in the repository
     * @param text    its text
     */
    public CalledScript(String path, boolean present, String text) {
        this(path, present, text, false, false);
    }

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""}, false.
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
        b.path = path;
        b.present = present;
        b.text = text;
        b.callsCargoClippy = callsCargoClippy;
        b.runsClippy = runsClippy;
        return b;
    }

    /** Builds a {@link CalledScript} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String path = "";
        private boolean present;
        private String text = "";
        private boolean callsCargoClippy;
        private boolean runsClippy;

        private Builder() {
        }

        /**
         * Sets {@code path}.
         *
         * @param path relative to the repository root
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code present}.
         *
         * @param present whether the file exists in the repository
         * @return this builder
         */
        public Builder present(boolean present) {
            this.present = present;
            return this;
        }

        /**
         * Sets {@code text}.
         *
         * @param text its text (at most 256 KiB; "" when absent or unreadable)
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets {@code callsCargoClippy}.
         *
         * @param callsCargoClippy whether the text runs {@code cargo clippy}
         * @return this builder
         */
        public Builder callsCargoClippy(boolean callsCargoClippy) {
            this.callsCargoClippy = callsCargoClippy;
            return this;
        }

        /**
         * Sets {@code runsClippy}.
         *
         * @param runsClippy whether the text runs clippy: {@code cargo clippy}, or a toolchain's ({@code cargo +nightly clippy})
         * @return this builder
         */
        public Builder runsClippy(boolean runsClippy) {
            this.runsClippy = runsClippy;
            return this;
        }

        /**
         * The fact, from the fields set so far.
         *
         * @return a new {@link CalledScript}
         */
        public CalledScript build() {
            return new CalledScript(path, present, text, callsCargoClippy, runsClippy);
        }
    }
}
