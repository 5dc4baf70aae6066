package dev.tollgate.api.facts;

/**
 * Derived by the releasejobs rules: running job {@code job} waits for running job {@code needs}.
 *
 * @param job   the waiting job's id
 * @param needs the id of the job it waits for
 */
public record JobNeeds(String job, String needs) {
}
