package dev.tollgate.api.facts;

import java.util.List;

/**
 * A file of a scanned crate that some {@code [bans.build]} check looks at: one that a script extension, a bypass
 * path or glob matches, whose header says executable, or that could not be read. Files nothing matches give no fact.
 *
 * @param packageId     the crate ({@code name@version})
 * @param path          relative to the crate root, with {@code /}
 * @param executable    {@code elf}, {@code pe}, {@code mach} or {@code archive} (only with include-archives) by its
 *                      header; "" when none
 * @param interpreter   the interpreter of a {@code #!} script ({@code python3} for {@code #!/usr/bin/env python3}),
 *                      "" when not a script
 * @param extensions    the script-extension globs its name matches ({@code *.py})
 * @param allowPath     the index of the crate's bypass {@code allow} entry naming it, -1 when none
 * @param sha256        its SHA-256, computed when that {@code allow} entry gives a checksum, else ""
 * @param allowGlobs    the crate's bypass {@code allow-globs} that match it
 * @param error         why it could not be read (a symlink out of the crate, an I/O error), "" when it was
 */
public record BuildFile(String packageId, String path, String executable, String interpreter, List<String> extensions,
                        int allowPath, String sha256, List<String> allowGlobs, String error) {
    /**
     * Copies {@code extensions} and {@code allowGlobs} (the fact is immutable); a null {@code executable},
     * {@code interpreter}, {@code sha256} or {@code error} becomes "".
     *
     * @param packageId   the crate ({@code name@version})
     * @param path        relative to the crate root, with {@code /}
     * @param executable  {@code elf}, {@code pe}, {@code mach} or {@code archive} (only with include-archives) by its
     *                    header; "" when none
     * @param interpreter the interpreter of a {@code #!} script ({@code python3} for {@code #!/usr/bin/env python3}),
     *                    "" when not a script
     * @param extensions  the script-extension globs its name matches ({@code *.py})
     * @param allowPath   the index of the crate's bypass {@code allow} entry naming it, -1 when none
     * @param sha256      its SHA-256, computed when that {@code allow} entry gives a checksum, else ""
     * @param allowGlobs  the crate's bypass {@code allow-globs} that match it
     * @param error       why it could not be read (a symlink out of the crate, an I/O error), "" when it was
     */
    public BuildFile {
        executable = executable == null ? "" : executable;
        interpreter = interpreter == null ? "" : interpreter;
        extensions = List.copyOf(extensions);
        sha256 = sha256 == null ? "" : sha256;
        allowGlobs = List.copyOf(allowGlobs);
        error = error == null ? "" : error;
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
        b.packageId = packageId;
        b.path = path;
        b.executable = executable;
        b.interpreter = interpreter;
        b.extensions = extensions;
        b.allowPath = allowPath;
            b.sha256 = sha256;
        b.allowGlobs = allowGlobs;
        b.error = error;
        return b;
    }

    /** Builds a {@link BuildFile} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private String path = "";
        private String executable = "";
        private String interpreter = "";
        private List<String> extensions = java.util.List.of();
        private int allowPath;
        private String sha256 = "";
        private List<String> allowGlobs = java.util.List.of();
        private String error = "";

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the crate ({@code name@version})
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path relative to the crate root, with {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code executable}.
         *
         * @param executable {@code elf}, {@code pe}, {@code mach} or {@code archive} (only with include-archives) by its header; "" when none
         * @return this builder
         */
        public Builder executable(String executable) {
            this.executable = executable;
            return this;
        }

        /**
         * Sets {@code interpreter}.
         *
         * @param interpreter the interpreter of a {@code #!} script ({@code python3} for {@code #!/usr/bin/env python3}), "" when not a script
         * @return this builder
         */
        public Builder interpreter(String interpreter) {
            this.interpreter = interpreter;
            return this;
        }

        /**
         * Sets {@code extensions}.
         *
         * @param extensions the script-extension globs its name matches ({@code *.py})
         * @return this builder
         */
        public Builder extensions(List<String> extensions) {
            this.extensions = extensions;
            return this;
        }

        /**
         * Sets {@code allowPath}.
         *
         * @param allowPath the index of the crate's bypass {@code allow} entry naming it, -1 when none
         * @return this builder
         */
        public Builder allowPath(int allowPath) {
            this.allowPath = allowPath;
            return this;
        }

        /**
         * Sets {@code sha256}.
         *
         * @param sha256 its SHA-256, computed when that {@code allow} entry gives a checksum, else ""
         * @return this builder
         */
        public Builder sha256(String sha256) {
            this.sha256 = sha256;
            return this;
        }

        /**
         * Sets {@code allowGlobs}.
         *
         * @param allowGlobs the crate's bypass {@code allow-globs} that match it
         * @return this builder
         */
        public Builder allowGlobs(List<String> allowGlobs) {
            this.allowGlobs = allowGlobs;
            return this;
        }

        /**
         * Sets {@code error}.
         *
         * @param error why it could not be read (a symlink out of the crate, an I/O error), "" when it was
         * @return this builder
         */
        public Builder error(String error) {
            this.error = error;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BuildFile}
         */
        public BuildFile build() {
            return new BuildFile(packageId, path, executable, interpreter, extensions, allowPath, sha256, allowGlobs, error);
        }
    }
}
