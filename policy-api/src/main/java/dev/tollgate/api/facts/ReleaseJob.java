package dev.tollgate.api.facts;

/**
 * Derived by the releasejobs rules: a job of the release graph that runs.
 *
 * @param job      the workflow job id
 * @param kind     {@code build}, {@code publish} or {@code announce}
 * @param artifact the artifact a build job makes, "" for the others
 * @param reason   why it runs
 */
public record ReleaseJob(String job, String kind, String artifact, String reason) {
}
