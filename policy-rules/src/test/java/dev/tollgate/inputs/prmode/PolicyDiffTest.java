package dev.tollgate.inputs.prmode;

import dev.tollgate.api.facts.PolicyChange;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comparison of two versions of a TOML policy file, case by case: which way each change goes, and where. */
class PolicyDiffTest {
    /** {@code EFFECT KIND key @line: base -> head} for each change, in order. */
    private static List<String> diff(String base, String head) {
        List<String> out = new ArrayList<>();
        for (PolicyChange c : PolicyDiff.compare("deny.toml",
                base == null ? null : DenyTomlReader.parseTable(base, "deny.toml@main"),
                head == null ? null : DenyTomlReader.parseTable(head, "deny.toml"))) {
            out.add(c.effect() + " " + c.kind() + " " + c.key() + " @" + c.origin().line() + ": " + c.baseValue() + " -> " + c.headValue());
        }
        return out;
    }

    @Test
    void levelsAreRanked() {
        assertEquals(List.of("WEAKENS CHANGED sources.unknown-git @2: \"deny\" -> \"warn\""),
                diff("[sources]\nunknown-git = \"deny\"\n", "[sources]\nunknown-git = \"warn\"\n"));
        assertEquals(List.of("TIGHTENS CHANGED sources.unknown-git @2: \"allow\" -> \"deny\""),
                diff("[sources]\nunknown-git = \"allow\"\n", "[sources]\nunknown-git = \"deny\"\n"));
        assertEquals(List.of("WEAKENS CHANGED workflows.levels.unpinned-action @2: \"error\" -> \"off\""),
                diff("[workflows.levels]\nunpinned-action = \"error\"\n", "[workflows.levels]\nunpinned-action = \"off\"\n"));
        assertEquals(List.of("WEAKENS CHANGED advisories.unmaintained @2: \"all\" -> \"workspace\""),
                diff("[advisories]\nunmaintained = \"all\"\n", "[advisories]\nunmaintained = \"workspace\"\n"));
        // two scopes of the same rank cannot be ordered
        assertEquals(List.of("CHANGES CHANGED advisories.unsound @2: \"workspace\" -> \"transitive\""),
                diff("[advisories]\nunsound = \"workspace\"\n", "[advisories]\nunsound = \"transitive\"\n"));
    }

    @Test
    void aLevelAddedOrRemovedIsJudgedAgainstAnyDefault() {
        // the default can be no looser than allow and no stricter than deny
        assertEquals(List.of("WEAKENS ADDED sources.unknown-git @2:  -> \"allow\""), diff("[sources]\n", "[sources]\nunknown-git = \"allow\"\n"));
        assertEquals(List.of("TIGHTENS ADDED sources.unknown-git @2:  -> \"deny\""), diff("[sources]\n", "[sources]\nunknown-git = \"deny\"\n"));
        assertEquals(List.of("WEAKENS REMOVED sources.unknown-git @1: \"deny\" -> "), diff("[sources]\nunknown-git = \"deny\"\n", "[sources]\n"));
        assertEquals(List.of("CHANGES ADDED sources.unknown-git @2:  -> \"warn\""), diff("[sources]\n", "[sources]\nunknown-git = \"warn\"\n"));
    }

    @Test
    void allowListsWeakenWhenTheyGrowAndDenyListsWhenTheyShrink() {
        assertEquals(List.of("WEAKENS ADDED sources.allow-git @2:  -> \"https://example.org/x\""),
                diff("[sources]\nallow-git = []\n", "[sources]\nallow-git = [\"https://example.org/x\"]\n"));
        assertEquals(List.of("TIGHTENS REMOVED licenses.allow @2: \"GPL-3.0\" -> "),
                diff("[licenses]\nallow = [\"MIT\", \"GPL-3.0\"]\n", "[licenses]\nallow = [\"MIT\"]\n"));
        assertEquals(List.of("WEAKENS REMOVED bans.deny @2: { crate = \"openssl\" } -> "),
                diff("[bans]\ndeny = [{ crate = \"openssl\" }, \"x\"]\n", "[bans]\ndeny = [\"x\"]\n"));
        assertEquals(List.of("TIGHTENS ADDED bans.deny @2:  -> \"y\""), diff("[bans]\ndeny = [\"x\"]\n", "[bans]\ndeny = [\"x\", \"y\"]\n"));
        assertEquals(List.of("WEAKENS ADDED sources.allow-org.github @2:  -> \"evil-org\""),
                diff("[sources.allow-org]\ngithub = []\n", "[sources.allow-org]\ngithub = [\"evil-org\"]\n"));
        assertEquals(List.of("WEAKENS ADDED bans.skip @3:  -> { crate = \"dup@1.0\", reason = \"later\" }"),
                diff("[bans]\nskip = []\n", "[bans]\nskip = [\n  { crate = \"dup@1.0\", reason = \"later\" },\n]\n"));
    }

    @Test
    void tableEntriesAreMatchedByCrateAndComparedInside() {
        // a wrapper added to a deny entry lets that crate in through the wrapper: weakens, at the entry
        assertEquals(List.of("WEAKENS ADDED bans.deny[openssl].wrappers @2:  -> \"native-tls\""),
                diff("[bans]\ndeny = [{ crate = \"openssl\", wrappers = [] }]\n",
                        "[bans]\ndeny = [{ crate = \"openssl\", wrappers = [\"native-tls\"] }]\n"));
        assertEquals(List.of("WEAKENS ADDED licenses.exceptions[ring].allow @2:  -> \"OpenSSL\""),
                diff("[licenses]\nexceptions = [{ crate = \"ring\", allow = [\"ISC\"] }]\n",
                        "[licenses]\nexceptions = [{ crate = \"ring\", allow = [\"ISC\", \"OpenSSL\"] }]\n"));
        // the same entry moved to another line is no change
        assertEquals(List.of(), diff("[bans]\ndeny = [{ crate = \"a\" }, { crate = \"b\" }]\n",
                "[bans]\ndeny = [\n  { crate = \"b\" },\n  { crate = \"a\" },\n]\n"));
    }

    @Test
    void aRemovedTableRemovesEachEntryAndIsShownAtTheNearestHeadTable() {
        assertEquals(List.of("WEAKENS REMOVED bans.deny @0: \"openssl\" -> ", "CHANGES REMOVED bans.multiple-versions @0: \"warn\" -> "),
                diff("[bans]\ndeny = [\"openssl\"]\nmultiple-versions = \"warn\"\n", "[sources]\n"));
        assertEquals(List.of("WEAKENS REMOVED bans.deny @3: \"openssl\" -> "),
                diff("[bans]\ndeny = [\"openssl\"]\n", "# comment\n\n[bans]\n"));
    }

    @Test
    void advisoryIgnoresAddedWeakenAndRemovedTighten() {
        // (when the advisories policy runs, its ignore-added reports an addition instead: rules/pr-mode.drl)
        assertEquals(List.of("WEAKENS ADDED advisories.ignore @2:  -> \"RUSTSEC-2020-0001\""),
                diff("[advisories]\nignore = []\n", "[advisories]\nignore = [\"RUSTSEC-2020-0001\"]\n"));
        assertEquals(List.of("TIGHTENS REMOVED advisories.ignore @2: \"RUSTSEC-2020-0001\" -> "),
                diff("[advisories]\nignore = [\"RUSTSEC-2020-0001\"]\n", "[advisories]\nignore = []\n"));
    }

    @Test
    void whatCannotBeRankedIsStillShown() {
        assertEquals(List.of("CHANGES CHANGED commits.merge-pattern @2: \"^Merge\" -> \".*\""),
                diff("[commits]\nmerge-pattern = \"^Merge\"\n", "[commits]\nmerge-pattern = \".*\"\n"));
        assertEquals(List.of("CHANGES ADDED graph.targets @2:  -> \"x86_64-unknown-linux-gnu\""),
                diff("[graph]\ntargets = []\n", "[graph]\ntargets = [\"x86_64-unknown-linux-gnu\"]\n"));
        assertEquals(List.of("WEAKENS CHANGED licenses.confidence-threshold @2: 0.9 -> 0.5"),
                diff("[licenses]\nconfidence-threshold = 0.9\n", "[licenses]\nconfidence-threshold = 0.5\n"));
        assertEquals(List.of("WEAKENS CHANGED bans.allow-wildcard-paths @2: false -> true"),
                diff("[bans]\nallow-wildcard-paths = false\n", "[bans]\nallow-wildcard-paths = true\n"));
    }

    @Test
    void equalValuesWrittenDifferentlyAreNoChange() {
        assertEquals(List.of(), diff("[bans]\nmultiple-versions = \"warn\"\n", "[bans]\n\n# same\nmultiple-versions = 'warn'\n"));
        assertEquals(List.of(), diff("bans.multiple-versions = \"warn\"\n", "[bans]\nmultiple-versions = \"warn\"\n"));
        assertEquals(List.of(), diff("[licenses]\nconfidence-threshold = 1\n", "[licenses]\nconfidence-threshold = 1.0\n"));
    }

    @Test
    void aChangeInsideALongTableIsSeen() {
        String base = "[bans]\ndeny = [\n" + "  { crate = \"c0\", reason = \"a long enough reason to pass the display cut\" },\n".repeat(1)
                + "  { crate = \"c1\", reason = \"a long enough reason to pass the display cut\" },\n"
                + "  { crate = \"c2\", reason = \"a long enough reason to pass the display cut\" },\n"
                + "  { crate = \"c3\", reason = \"a long enough reason to pass the display cut\" },\n]\n";
        String head = base.replace("  { crate = \"c1\", reason = \"a long enough reason to pass the display cut\" },\n", "");
        assertEquals(List.of("WEAKENS REMOVED bans.deny @2: { crate = \"c1\", reason = \"a long enough reason to pass the display cut\" } -> "),
                diff(base, head));
    }

    @Test
    void aQuotedKeyIsNotTheKeysItSpells() {
        List<String> d = diff("[bans]\ndeny = [\"evil\"]\nmultiple-versions = \"deny\"\n",
                "[bans]\n\"deny = [\\\"evil\\\"], multiple-versions\" = \"deny\"\n");
        assertEquals(true, d.contains("WEAKENS REMOVED bans.deny @1: \"evil\" -> "), d.toString());
        assertEquals(true, d.contains("WEAKENS REMOVED bans.multiple-versions @1: \"deny\" -> "), d.toString());
    }

    @Test
    void emptyingTheBansAllowlistWeakens() {
        assertEquals(List.of("WEAKENS REMOVED bans.allow @2: \"alpha\" -> "), diff("[bans]\nallow = [\"alpha\"]\n", "[bans]\nallow = []\n"));
        assertEquals(List.of("TIGHTENS REMOVED bans.allow @2: \"beta\" -> "),
                diff("[bans]\nallow = [\"alpha\", \"beta\"]\n", "[bans]\nallow = [\"alpha\"]\n"));
    }

    @Test
    void aNewFileIsComparedWithAnEmptyOne() {
        assertEquals(List.of("WEAKENS ADDED sources.allow-git @2:  -> \"https://example.org/x\""),
                diff(null, "[sources]\nallow-git = [\"https://example.org/x\"]\n"));
    }

    @Test
    void aLongValueIsCutInTheMiddle() {
        String longUrl = "https://example.org/" + "a".repeat(400);
        String shown = diff("[sources]\nallow-git = []\n", "[sources]\nallow-git = [\"" + longUrl + "\"]\n").get(0);
        assertEquals(true, shown.contains(" … ") && shown.length() < 260, shown);
    }

    @Test
    void hundredThousandEntriesCompareInLinearTime() {
        StringBuilder b = new StringBuilder("[bans]\nskip = [\n");
        for (int i = 0; i < 100_000; i++) b.append("  \"crate-").append(i).append("\",\n");
        String base = b + "]\n";
        String head = b + "  \"one-more\",\n]\n";
        long start = System.nanoTime();
        List<String> d = diff(base, head);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("WEAKENS ADDED bans.skip @100003:  -> \"one-more\""), d);
        assertEquals(true, ms < 20_000, ms + " ms");
    }
}
