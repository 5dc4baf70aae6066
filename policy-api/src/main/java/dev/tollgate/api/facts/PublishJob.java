package dev.tollgate.api.facts;

import java.util.List;

/**
 * A publish job of the release graph ({@code [release.publish.NAME]}): it runs when one of the
 * artifacts it {@code needs} is rebuilt. An {@code announce} job needs no artifact: it runs last,
 * after every publish job that runs, and only when one does.
 *
 * @param name     the {@code NAME} of {@code [release.publish.NAME]}
 * @param job      the workflow job id: {@code job}, by default {@code publish-NAME} ({@code NAME} for an announce job)
 * @param needs    the names of the artifacts it publishes (empty for an announce job)
 * @param announce {@code announce = true}
 * @param origin   the {@code [release.publish.NAME]} key in tollgate.toml
 */
public record PublishJob(String name, String job, List<String> needs, boolean announce, Location origin) {
    /**
     * Copies {@code needs} (the fact is immutable).
     *
     * @param name     the {@code NAME} of {@code [release.publish.NAME]}
     * @param job      the workflow job id: {@code job}, by default {@code publish-NAME} ({@code NAME} for an announce
     *                 job)
     * @param needs    the names of the artifacts it publishes (empty for an announce job)
     * @param announce {@code announce = true}
     * @param origin   the {@code [release.publish.NAME]} key in tollgate.toml
     */
    public PublishJob {
        needs = List.copyOf(needs);
    }
}
