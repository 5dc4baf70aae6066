/**
 * Helpers that rules call: {@link dev.tollgate.rules.Findings} (a finding's identity from the emitting
 * rule) and the wording and set arithmetic of the shipped policies ({@link dev.tollgate.rules.BansText},
 * {@link dev.tollgate.rules.BansFeatures}). Rules may import this package and {@code dev.tollgate.api}
 * only: never the extractors ({@code dev.tollgate.inputs}) or the engine ({@code dev.tollgate.engine}),
 * which {@code rules check} reports. So these classes depend on the API (and, for {@code Findings}, the
 * KIE API that gives a rule its metadata) and nothing else (an ArchUnit test): they compute, the rules
 * decide, and the extractors parse.
 */
package dev.tollgate.rules;
