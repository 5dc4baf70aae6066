package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.Advisory;
import dev.tollgate.api.facts.AdvisoryDb;
import dev.tollgate.api.facts.InputNote;

import java.util.List;

/**
 * A read advisory database: the advisories that apply (withdrawn and placeholder ones left out),
 * one {@code malformed-advisory} note per file that could not be read, and what is known about the
 * database itself (where, which commit, how old).
 */
public record AdvisoryDatabase(List<Advisory> advisories, List<InputNote> malformed, AdvisoryDb meta, int skipped) {
    public AdvisoryDatabase {
        advisories = List.copyOf(advisories);
        malformed = List.copyOf(malformed);
    }
}
