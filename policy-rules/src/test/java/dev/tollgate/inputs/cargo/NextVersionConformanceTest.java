package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.IgnoredTag;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.inputs.cargo.VersionReq.Version;
import dev.tollgate.inputs.versions.ReleaseTags;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The increments of {@link Version#next}, held against release-plz's {@code next_version} crate
 * (crates/next_version: its tests/all/pre_release.rs, tests/all/normal.rs and the examples of its
 * lib.rs, read at release-plz/release-plz HEAD). Each row is one of its cases: the current version,
 * the increment release-plz's {@code VersionIncrement} chooses for the commits of that case, and the
 * version it expects.
 */
class NextVersionConformanceTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // pre_release.rs: any commit on a pre-release increments the pre-release
            "1.0.0-alpha.2,       prerelease, 1.0.0-alpha.3",
            "1.0.0-alpha,         prerelease, 1.0.0-alpha.1",
            "1.0.0-beta.1.2,      prerelease, 1.0.0-beta.1.3",
            // issue 19, difference 2: an alphanumeric last identifier gets .1 appended
            "1.0.0-beta.1.a,      prerelease, 1.0.0-beta.1.a.1",
            "1.0.0-alpha.1.2,     prerelease, 1.0.0-alpha.1.3",
            // lib.rs "Build metadata isn't modified" (issue 19, difference 1)
            "1.0.0-beta.1+1.1.0,  prerelease, 1.0.0-beta.2+1.1.0",
            "1.0.0+abcd,          patch,      1.0.1+abcd",
            "1.0.0+abcd,          minor,      1.1.0+abcd",
            "1.0.0+abcd,          major,      2.0.0+abcd",
            // normal.rs
            "1.2.3,               patch,      1.2.4",
            "1.2.3,               minor,      1.3.0",
            "1.2.3,               major,      2.0.0",
            "0.1.0,               minor,      0.2.0",
            // increment_patch/minor/major clear a pre-release (next_version.rs)
            "1.0.0-rc.1,          patch,      1.0.1",
            "1.0.0-rc.1,          minor,      1.1.0",
            "1.0.0-rc.1,          major,      2.0.0",
            // a single identifier has no '.': rsplit_once finds none, so .1 is appended
            "1.0.0-1,             prerelease, 1.0.0-1.1",
    })
    void incrementsAsReleasePlz(String current, String level, String expected) {
        assertEquals(expected, Version.parse(current).next(level).toString());
    }

    @Test
    void aTagWithBuildMetadataIsABaseline() {
        List<IgnoredTag> ignored = new ArrayList<>();
        List<Tag> tags = List.of(new Tag("demo-v1.0.0+abcd", "a", "2026-01-01T00:00:00Z"),
                new Tag("demo-v0.9.0", "b", "2025-01-01T00:00:00Z"));
        ReleaseTags.Release r = ReleaseTags.baseline("demo", tags, ReleaseTags.DEFAULT_PATTERNS, t -> true, ignored)
                .orElseThrow();
        assertEquals("demo-v1.0.0+abcd", r.tag().name());
        assertEquals("1.0.1+abcd", r.version().next("patch").toString());
        assertTrue(ignored.isEmpty(), "not reported as release-tag-not-semver: " + ignored);
    }
}
