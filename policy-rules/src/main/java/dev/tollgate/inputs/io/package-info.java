/**
 * The one reader of input files and what every extractor shares: {@link dev.tollgate.inputs.io.InputFiles}
 * (regular files only, size limits, strict UTF-8), {@link dev.tollgate.inputs.io.RepoPaths},
 * {@link dev.tollgate.inputs.io.TomlNesting}, {@link dev.tollgate.inputs.io.InputException} (exit 2)
 * and {@link dev.tollgate.inputs.io.Background}. A leaf: it depends on no other {@code dev.tollgate.inputs}
 * package, so the extractor packages ({@code inputs.*}) and the assembly above them
 * ({@code inputs.RepositoryFacts}) form no cycle (an ArchUnit test).
 */
package dev.tollgate.inputs.io;
