package dev.tollgate.api.facts;

/** What an allow-list entry of {@code [sources]} approves. */
public enum AllowKind {
    /** {@code allow-registry}: a registry index URL. */
    REGISTRY,
    /** {@code allow-git}: one git repository URL. */
    GIT,
    /** {@code allow-org.github|gitlab|bitbucket}: every repository of an organization on that host. */
    ORG
}
