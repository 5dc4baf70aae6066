/**
 * Git reading with JGit, shared by the policies that read history: {@link dev.tollgate.inputs.git.GitHistory}
 * (commits of a range, tags, files at a commit, shallow-clone detection), {@link dev.tollgate.inputs.git.GitTree}
 * (size-limited blobs of a commit), {@link dev.tollgate.inputs.git.GitRefs} and
 * {@link dev.tollgate.inputs.git.ChangedFiles}. The policies' own readers live in {@code inputs.commits}
 * and {@code inputs.versions}.
 */
package dev.tollgate.inputs.git;
