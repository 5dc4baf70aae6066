package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.Advisory;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real RustSec database (corpus snapshot bf5c0d2): every one of its 1,205 files reads. */
class CorpusAdvisoryDbTest {
    @Test
    void everyAdvisoryParses() {
        Path db = Corpus.file("advisory-db");
        AdvisoryDatabase read = AdvisoryDbReader.read(db, "advisory-db", db.toString(), LocalDate.of(2026, 9, 1));
        assertEquals(List.of(), read.malformed(), "no corpus advisory is malformed");
        assertEquals(1205, read.meta().advisories());
        // 13 files carry `withdrawn = "..."` (grep '^withdrawn'); no file uses the placeholder id
        assertEquals(13, read.skipped());
        assertEquals(1205 - 13, read.advisories().size());
        // not a git checkout: dated by its newest advisory, which is at most the snapshot's date
        assertEquals("newest-advisory", read.meta().dateSource());
        assertTrue(read.meta().lastUpdated().compareTo("2026-08-21") <= 0, read.meta().lastUpdated());

        Map<String, Advisory> byId = read.advisories().stream().collect(Collectors.toMap(Advisory::id, Function.identity()));
        Advisory lru = byId.get("RUSTSEC-2026-0253");
        assertEquals("lru", lru.crate());
        assertEquals(dev.tollgate.api.facts.AdvisoryKind.UNSOUND, lru.kind());
        assertEquals(List.of(">= 0.18.2"), lru.patched());
        assertEquals(List.of(), lru.unaffected());
        assertEquals(List.of("panic-safety", "memory-safety", "use-after-free", "double-free"), lru.keywords());
        assertEquals("Potential use-after-free due to lack of panic safety in `LruCache::pop()`", lru.title());
        assertEquals("advisory-db/crates/lru/RUSTSEC-2026-0253.md:2:1", lru.origin().toString());

        Advisory badge = byId.get("RUSTSEC-2022-0057");
        assertEquals(dev.tollgate.api.facts.AdvisoryKind.UNMAINTAINED, badge.kind());
        assertEquals(List.of(), badge.patched());
        // withdrawn ones are left out
        assertTrue(!byId.containsKey("RUSTSEC-2022-0044"));
        // kinds: exactly the four RustSec uses
        assertEquals(java.util.Set.of("vulnerability", "unmaintained", "unsound", "notice"),
                read.advisories().stream().map(Advisory::kindName).collect(Collectors.toSet()));
    }
}
