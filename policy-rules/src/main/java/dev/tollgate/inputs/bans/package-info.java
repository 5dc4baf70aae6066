/**
 * Facts for the bans policy: deny.toml's {@code [bans]} table read strictly ({@link BansReader}),
 * crate specs ({@link dev.tollgate.inputs.denytoml.CrateSpecs}, shared with licenses) matched against the locked packages with Cargo's semver rules, and the
 * per-name groups and inclusion paths that duplicate detection needs ({@link BansFacts}). Decisions are
 * in {@code rules/bans.drl}.
 */
package dev.tollgate.inputs.bans;
