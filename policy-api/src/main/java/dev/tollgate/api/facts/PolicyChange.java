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
}
