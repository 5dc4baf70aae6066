/**
 * Reads the {@code deny.toml} users already keep for cargo-deny. {@link
 * dev.tollgate.inputs.denytoml.DenyTomlReader} turns the tables Tollgate evaluates ({@code [sources]},
 * {@code [graph]}) into facts, checks every key of the file against cargo-deny's v2 schema, and keeps
 * the parsed file, with the position of every key and array element ({@link
 * dev.tollgate.inputs.denytoml.DenyTable}), in {@link dev.tollgate.inputs.denytoml.DenyConfig} for the
 * policies that read the other tables. A well-formed file is read without tomlj (see DenyTomlReader).
 */
package dev.tollgate.inputs.denytoml;
