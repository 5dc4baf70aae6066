package dev.tollgate.api.facts;

/** Derived by the releasejobs rules: running job {@code job} waits for running job {@code needs}. */
public record JobNeeds(String job, String needs) {
}
