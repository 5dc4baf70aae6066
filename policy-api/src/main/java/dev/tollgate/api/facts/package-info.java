/**
 * The facts rules match on. Every type here is an immutable record (or an enum): extractors in
 * policy-rules build them from inputs, rules in {@code rules/*.drl} read them. Facts that a finding
 * may point at carry a {@link dev.tollgate.api.facts.Location}.
 */
package dev.tollgate.api.facts;
