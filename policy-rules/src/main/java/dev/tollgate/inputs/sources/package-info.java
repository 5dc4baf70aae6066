/**
 * The sources policy's own inputs: Cargo's source replacement ({@code [source]} in
 * {@code .cargo/config.toml}, {@link dev.tollgate.inputs.sources.CargoConfigReader}). The lockfile's
 * sources come from {@code inputs.cargo} and deny.toml's {@code [sources]} from {@code inputs.denytoml},
 * which other policies read too.
 */
package dev.tollgate.inputs.sources;
