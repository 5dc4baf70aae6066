package dev.tollgate.inputs.versions;

import dev.tollgate.api.facts.IgnoredTag;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Baselines from ZeroClaw's 158 tags (zeroclaw-tags.tsv): a workspace released as one version with
 * {@code vX.Y.Z} tags and many pre-releases. Expected values read off the file by hand.
 */
class ReleaseTagsTest {
    static List<Tag> zeroclawTags() throws Exception {
        List<Tag> tags = new ArrayList<>();
        for (String line : Files.readAllLines(Corpus.file("zeroclaw/zeroclaw-tags.tsv"))) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            tags.add(new Tag(f[0], f[1], f[2]));
        }
        return tags;
    }

    static Predicate<Tag> taggedBy(String instant) {
        OffsetDateTime cut = OffsetDateTime.parse(instant);
        return t -> !OffsetDateTime.parse(t.date()).isAfter(cut);
    }

    @Test
    void zeroclawBaselines() throws Exception {
        List<Tag> tags = zeroclawTags();
        assertEquals(158, tags.size());
        List<IgnoredTag> ignored = new ArrayList<>();
        // Every tag: v0.8.4 is the highest version (tagged 2026-08-03).
        assertEquals("v0.8.4", ReleaseTags.baseline("zeroclaw", tags, ReleaseTags.DEFAULT_PATTERNS, t -> true, ignored)
                .orElseThrow().tag().name());
        // v0.1.9a matches `v{version}` but is not semver; backup/pre-po-cleanup matches no pattern.
        assertEquals(List.of(new IgnoredTag("v0.1.9a", "0.1.9a")), ignored);

        // Head at beta.157 (2026-03-14 07:15 -04:00): the highest release so far is the pre-release
        // 0.1.9-beta.157, above 0.1.8 (2026-03-05); beta.161 came later.
        ReleaseTags.Release atBeta = ReleaseTags.baseline("zeroclaw", tags, ReleaseTags.DEFAULT_PATTERNS,
                taggedBy("2026-03-14T07:15:34-04:00"), new ArrayList<>()).orElseThrow();
        assertEquals("v0.1.9-beta.157", atBeta.tag().name());
        assertEquals("0.1.9-beta.158", atBeta.version().next("prerelease").toString());
        assertEquals("0.1.10", atBeta.version().next("patch").toString(), "release-plz: a patch raises the patch and drops the pre-release");

        // On 2026-03-11, v0.1.7-beta.30 is the newest tag, but 0.1.8 is the highest version.
        assertEquals("v0.1.8", ReleaseTags.baseline("zeroclaw", tags, ReleaseTags.DEFAULT_PATTERNS,
                taggedBy("2026-03-11T23:00:00-04:00"), new ArrayList<>()).orElseThrow().tag().name());
        // Before any tag: no baseline.
        assertTrue(ReleaseTags.baseline("zeroclaw", tags, ReleaseTags.DEFAULT_PATTERNS,
                taggedBy("2026-01-01T00:00:00Z"), new ArrayList<>()).isEmpty());
    }

    @Test
    void crateTagsComeFirst() {
        List<Tag> tags = List.of(new Tag("v2.0.0", "a", "2026-01-01T00:00:00Z"), new Tag("core-v1.1.0", "b", "2026-01-01T00:00:00Z"),
                new Tag("core-v1.0.0", "c", "2026-01-01T00:00:00Z"), new Tag("core-extra-v9.0.0", "d", "2026-01-01T00:00:00Z"),
                new Tag("core-vnext", "e", "2026-01-01T00:00:00Z"), new Tag("core-v1.1.0+build", "f", "2026-01-01T00:00:00Z"),
                new Tag("core-v1.1.0.1", "g", "2026-01-01T00:00:00Z"));
        List<IgnoredTag> ignored = new ArrayList<>();
        // Build metadata is semver (issue 19: demo-v1.0.0+abcd was refused); it does not raise
        // precedence, and between equal versions the one with metadata sorts above (semver's Ord).
        ReleaseTags.Release core = ReleaseTags.baseline("core", tags, ReleaseTags.DEFAULT_PATTERNS, t -> true, ignored).orElseThrow();
        assertEquals("core-v1.1.0+build", core.tag().name());
        assertEquals("1.1.0+build", core.version().toString());
        assertEquals(List.of(new IgnoredTag("core-v1.1.0.1", "1.1.0.1")), ignored, "core-vnext does not look like a version at all");
        assertEquals("v2.0.0", ReleaseTags.baseline("other", tags, ReleaseTags.DEFAULT_PATTERNS, t -> true, ignored).orElseThrow().tag().name());
        assertEquals("has no {version}", ReleaseTags.check("{name}-release"));
        assertEquals("has unknown placeholders [{crate}] (use {name} and {version})", ReleaseTags.check("{crate}-v{version}"));
    }
}
