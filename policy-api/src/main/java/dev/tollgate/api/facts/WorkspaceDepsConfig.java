package dev.tollgate.api.facts;

/**
 * deny.toml's {@code [bans.workspace-dependencies]} table, present only when the table is: cargo-deny's
 * workspace dependency checks are opt-in, and once the table is there its keys default to the strict values.
 *
 * @param duplicates              {@code duplicates} (default deny): a crate that members declare more than once
 *                                without {@code workspace = true}
 * @param includePathDependencies {@code include-path-dependencies} (default true): path dependencies take part in
 *                                the duplicates check
 * @param unused                  {@code unused} (default deny): a {@code [workspace.dependencies]} entry that resolves
 *                                to no crate in the graph
 * @param origin                  the table's header line
 */
public record WorkspaceDepsConfig(Level duplicates, boolean includePathDependencies, Level unused, Location origin) {
    /**
     * The table's defaults, for a {@code [bans.workspace-dependencies]} table without keys.
     *
     * @param file the deny.toml display path, where the table is said to be
     * @return duplicates and unused deny, path dependencies included
     */
    public static WorkspaceDepsConfig defaults(String file) {
        return new WorkspaceDepsConfig(Level.DENY, true, Level.DENY, Location.file(file));
    }
}
