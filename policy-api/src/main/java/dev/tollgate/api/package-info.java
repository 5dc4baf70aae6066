/**
 * Tollgate's embedding API: build a {@link dev.tollgate.api.PolicyEngine} once with
 * {@link dev.tollgate.api.Tollgate#engine}, evaluate facts many times, read the
 * {@link dev.tollgate.api.verdict.Verdict}. This module depends on nothing outside the JDK.
 */
package dev.tollgate.api;
