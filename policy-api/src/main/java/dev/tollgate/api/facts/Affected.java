package dev.tollgate.api.facts;

/** Derived by the affected rules: a workspace member whose tests must run, and the first reason found. */
public record Affected(String crate, String reason) {
}
