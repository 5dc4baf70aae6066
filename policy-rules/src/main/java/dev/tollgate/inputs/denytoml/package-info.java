/**
 * Reads the {@code deny.toml} users already keep for cargo-deny. {@link
 * dev.tollgate.inputs.denytoml.DenyTomlReader} turns the tables Tollgate evaluates ({@code [sources]},
 * {@code [graph]}) into facts, checks every key of the file against cargo-deny's v2 schema, and keeps
 * the parsed TOML in {@link dev.tollgate.inputs.denytoml.DenyConfig} for the policies that read the
 * other tables.
 */
package dev.tollgate.inputs.denytoml;
