package dev.tollgate.api.facts;

import java.util.List;

/**
 * A publish job of the release graph ({@code [release.publish.NAME]}): it runs when one of the
 * artifacts it {@code needs} is rebuilt. An {@code announce} job needs no artifact: it runs last,
 * after every publish job that runs, and only when one does.
 */
public record PublishJob(String name, String job, List<String> needs, boolean announce, Location origin) {
    public PublishJob {
        needs = List.copyOf(needs);
    }
}
