package dev.tollgate.api.facts;

/**
 * A parsed lockfile source. {@code key} is the normalized identity used for matching allow-lists:
 * the URL without scheme prefix, query, fragment, trailing slash or {@code .git}, host in lower case,
 * and both crates.io indexes (git and sparse) mapped to one key, {@link #CRATES_IO_KEY}.
 *
 * @param raw       the source string as written in Cargo.lock, or null for {@link SourceKind#LOCAL}
 * @param kind      registry, sparse registry, git or local
 * @param url       the URL without the {@code registry+}/{@code sparse+}/{@code git+} prefix, query and fragment
 * @param key       normalized identity (see above)
 * @param host      lower-case host of the URL ({@code github.com})
 * @param org       first path segment, lower case, for github.com / gitlab.com / bitbucket.org ("" otherwise)
 * @param gitSpec   for git sources, which of branch / tag / rev the URL names (ANY when none)
 * @param gitRef    the branch, tag or rev value ("" when none)
 * @param commit    the resolved commit (the URL fragment) for git sources ("" otherwise)
 */
public record Source(String raw, SourceKind kind, String url, String key, String host, String org,
                     GitSpec gitSpec, String gitRef, String commit) {

    /**
     * The {@code key} of crates.io, whichever index (git or sparse) the lockfile names.
     */
    public static final String CRATES_IO_KEY = "crates.io";
    /** The source of workspace members and path dependencies: no source in the lockfile. */
    public static final Source LOCAL = new Source(null, SourceKind.LOCAL, "", "", "", "", GitSpec.ANY, "", "");

    /**
     * From a registry, through a git or sparse index.
     *
     * @return whether {@code kind} is {@code REGISTRY} or {@code SPARSE_REGISTRY}
     */
    public boolean isRegistry() {
        return kind == SourceKind.REGISTRY || kind == SourceKind.SPARSE_REGISTRY;
    }

    /**
     * From a git repository.
     *
     * @return whether {@code kind} is {@code GIT}
     */
    public boolean isGit() {
        return kind == SourceKind.GIT;
    }

    /**
     * From crates.io.
     *
     * @return whether {@code key} is {@link #CRATES_IO_KEY}
     */
    public boolean isCratesIo() {
        return CRATES_IO_KEY.equals(key);
    }

    @Override
    public String toString() {
        return raw == null ? "(local)" : raw;
    }
}
