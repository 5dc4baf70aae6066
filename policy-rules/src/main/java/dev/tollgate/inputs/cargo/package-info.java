/**
 * Cargo fact extractors: {@code Cargo.lock} ({@link dev.tollgate.inputs.cargo.CargoLockReader}),
 * {@code Cargo.toml} ({@link dev.tollgate.inputs.cargo.ManifestReader}), whole workspaces
 * ({@link dev.tollgate.inputs.cargo.WorkspaceLoader}) and {@code cargo metadata} dumps
 * ({@link dev.tollgate.inputs.cargo.MetadataReader}), all giving a
 * {@link dev.tollgate.inputs.cargo.CargoWorkspace} of policy-api facts with the
 * {@link dev.tollgate.inputs.cargo.InclusionGraph inclusions} derived from it.
 *
 * <p>Everything here is immutable and free of Drools types. Readers are built for a cold process
 * (the CLI runs once per CI job): jackson on the hot paths, tomlj only where exact positions or
 * error messages need it. Bad input is an {@link dev.tollgate.inputs.io.InputException} naming
 * {@code file:line:column}, never a raw parser exception.
 */
package dev.tollgate.inputs.cargo;
