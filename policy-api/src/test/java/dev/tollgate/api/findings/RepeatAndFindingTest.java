package dev.tollgate.api.findings;

import dev.tollgate.api.facts.Location;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A summary lists the first entries in file order, whatever the order the rules inserted them in. */
class RepeatAndFindingTest {

    private static Repeat repeat(String file, int line, String item, String message) {
        return Repeat.of("g", item, Finding.of("p", "c", Severity.WARNING, message).at(new Location(file, line, 1)).about(item));
    }

    /** The summary of a full stable sort, written out plainly: what the heap must give. */
    private static List<String> expectedEntries(List<Repeat> repeats, int listed) {
        List<Repeat> sorted = new ArrayList<>(repeats);
        sorted.sort(Comparator.comparing(Repeat::finding, Repeat.FILE_ORDER).thenComparing(r -> r.item() == null ? "" : r.item()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(listed, sorted.size()); i++) out.add(sorted.get(i).item() + "@" + sorted.get(i).finding().location().line());
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSummaryListsTheFirstEntriesInFileOrderWithTiesInInsertionOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(120);
            List<Repeat> repeats = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // few distinct lines and items, so ties are common; two files
                repeats.add(repeat(random.nextInt(5) == 0 ? "b.toml" : "a.toml", 1 + random.nextInt(8), "item" + random.nextInt(4), "m"));
            }
            int listed = random.nextInt(25);
            Finding summary = Repeat.summary(repeats, listed);
            List<String> entries = (List<String>) summary.data().get("entries");
            List<Integer> lines = (List<Integer>) summary.data().get("lines");
            List<String> got = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) got.add(entries.get(i) + "@" + lines.get(i));
            assertEquals(expectedEntries(repeats, listed), got, "round " + round);
            assertEquals(n, summary.data().get("count"));
            assertEquals(n - Math.min(listed, n), summary.data().get("more"));
            boolean twoFiles = repeats.stream().map(r -> r.finding().location().file()).distinct().count() > 1;
            assertEquals(twoFiles, summary.data().containsKey("files"), "round " + round);
        }
    }

    @Test
    void aFindingsDataIsItsOwnSortedAndUnmodifiableAndNotCopiedAlongTheChain() {
        Map<String, Object> mine = new HashMap<>();
        mine.put("b", 2);
        mine.put("a", 1);
        Finding f = new Finding("p", "c", Severity.NOTE, "m", null, null, null, mine);
        mine.put("c", 3);
        assertEquals(new TreeMap<>(Map.of("a", 1, "b", 2)), f.data());
        assertEquals(List.of("a", "b"), new ArrayList<>(f.data().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> f.data().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> f.data().entrySet().iterator().next().setValue(9));
        assertThrows(UnsupportedOperationException.class, () -> f.data().keySet().remove("a"));
        Finding g = f.at(new Location("x", 1, 1)).about("s").withNew(true);
        assertSame(f.data(), g.data());
        Finding h = g.with("0", List.of("z"));
        assertNotSame(g.data(), h.data());
        assertEquals(List.of("0", "a", "b"), new ArrayList<>(h.data().keySet()));
        assertEquals(Map.of("a", 1, "b", 2), g.data());
        assertEquals(f, new Finding("p", "c", Severity.NOTE, "m", null, null, null, Map.of("a", 1, "b", 2)));
        assertEquals(f.hashCode(), new Finding("p", "c", Severity.NOTE, "m", null, null, null, new TreeMap<>(Map.of("a", 1, "b", 2))).hashCode());
        assertSame(g, g.with("k", null));
        assertThrows(NullPointerException.class, () -> g.with(null, 1));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThrows(NullPointerException.class, () -> new Finding("p", "c", Severity.NOTE, "m", null, null, null, nullKey));
    }
}
