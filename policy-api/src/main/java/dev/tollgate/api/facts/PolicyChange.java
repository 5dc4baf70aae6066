package dev.tollgate.api.facts;

/**
 * PR mode: one difference between the policy at the base commit and the policy the change proposes
 * (its working tree): a deny.toml, tollgate.toml or {@code .cargo/config.toml} key, a rules file, an
 * advisory database file, a policy file created or deleted. The extractor compares the two; the
 * {@code pr-mode} rules decide how loudly each is reported.
 *
 * @param file      the policy file as findings name it (the head's path)
 * @param key       the dotted key ({@code bans.deny}, {@code workflows.levels.unpinned-action}), or ""
 *                  for a whole file
 * @param kind      what happened to it
 * @param effect    whether it lets more through ({@link Effect#WEAKENS}), less ({@link Effect#TIGHTENS}),
 *                  or cannot be ranked ({@link Effect#CHANGES})
 * @param baseValue the value at the base, as TOML writes it ("" when absent)
 * @param headValue the value the change proposes ("" when absent)
 * @param origin    where the head has it (the key, the array element, the file), or the file alone
 *                  when the head no longer has it
 */
public record PolicyChange(String file, String key, Kind kind, Effect effect, String baseValue, String headValue,
                           Location origin) {
    /** What happened to the key. */
    public enum Kind {
        /** A key, array entry or file that the base does not have. */
        ADDED,
        /** A key, array entry or file that the base has and the head does not. */
        REMOVED,
        /** A value that both have, changed. */
        CHANGED
    }

    /** Which way the change moves the gate. */
    public enum Effect {
        /** The gate lets more through: a deny entry removed, an allow added, a level lowered. */
        WEAKENS,
        /** The gate lets less through: a deny entry added, an allow removed, a level raised. */
        TIGHTENS,
        /** A change whose direction a comparison cannot tell: a rules file, a pattern, a URL. */
        CHANGES
    }

    /**
     * Whether this adds an entry to deny.toml's {@code [advisories] ignore} (the advisories policy's {@code ignore-added}).
     *
     * @return whether {@code kind} is {@code ADDED} and {@code key} is {@code advisories.ignore}
     */
    public boolean ignoreAdded() {
        return kind == Kind.ADDED && key.equals("advisories.ignore");
    }

    /**
     * A one-line description: {@code deny.toml bans.deny: removed `"openssl"`}, {@code rules/x.drl: added}.
     *
     * @return the file, the key and what changed
     */
    public String describe() {
        String what = key.isEmpty() ? file : file + " " + key;
        return switch (kind) {
            case ADDED -> what + ": added" + (headValue.isEmpty() ? "" : " " + quoted(headValue));
            case REMOVED -> what + ": removed" + (baseValue.isEmpty() ? "" : " " + quoted(baseValue));
            case CHANGED -> baseValue.isEmpty() || headValue.isEmpty()
                    ? what + ": changed" + (baseValue + headValue).transform(v -> v.isEmpty() ? "" : " (" + v + ")")
                    : what + ": " + quoted(baseValue) + " becomes " + quoted(headValue);
        };
    }

    /** A TOML value in backticks; a file list (from a directory's changes) as it is. */
    private static String quoted(String v) {
        return v.matches("\\d+ files?: .*") ? "(" + v + ")" : "`" + v + "`";
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
        b.key = key;
        b.kind = kind;
        b.effect = effect;
        b.baseValue = baseValue;
        b.headValue = headValue;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link PolicyChange} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String key = "";
        private Kind kind = null;
        private Effect effect = null;
        private String baseValue = "";
        private String headValue = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file the policy file as findings name it (the head's path)
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code key}.
         *
         * @param key the dotted key ({@code bans.deny}, {@code workflows.levels.unpinned-action}), or "" for a whole file
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind what happened to it
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code effect}.
         *
         * @param effect whether it lets more through ({@link Effect#WEAKENS}), less ({@link Effect#TIGHTENS}), or cannot be ranked ({@link Effect#CHANGES})
         * @return this builder
         */
        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        /**
         * Sets {@code baseValue}.
         *
         * @param baseValue the value at the base, as TOML writes it ("" when absent)
         * @return this builder
         */
        public Builder baseValue(String baseValue) {
            this.baseValue = baseValue;
            return this;
        }

        /**
         * Sets {@code headValue}.
         *
         * @param headValue the value the change proposes ("" when absent)
         * @return this builder
         */
        public Builder headValue(String headValue) {
            this.headValue = headValue;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the head has it (the key, the array element, the file), or the file alone when the head no longer has it
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link PolicyChange}
         */
        public PolicyChange build() {
            return new PolicyChange(file, key, kind, effect, baseValue, headValue, origin);
        }
    }
}
