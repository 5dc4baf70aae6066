package dev.tollgate.inputs.bans;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bans rules end to end on {@link Workspace}: lockfile and manifest to findings. */
class BansRulesTest {
    @TempDir
    Path dir;

    private List<String> codes(Verdict v) {
        return v.findings().stream().map(f -> f.code() + " " + f.subject()).sorted().toList();
    }

    private Finding only(Verdict v, String code) {
        List<Finding> fs = v.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, fs.size(), codes(v).toString());
        return fs.get(0);
    }

    @Test
    void duplicateCountsDefaultGraphVersionsOnly() {
        Verdict v = Workspace.check(Workspace.write(dir, "[bans]\nmultiple-versions = \"deny\"\n"));
        assertEquals(List.of("duplicate shared"), codes(v));
        Finding d = only(v, "duplicate");
        assertEquals(Severity.ERROR, d.severity());
        assertEquals(Outcome.FAIL, v.outcome());
        // 3.0.0 is dev-only (multiple-versions-include-dev = false) and 0.9.0 only behind the feature `extra`.
        assertEquals(List.of("1.0.0", "2.0.0"), d.data().get("versions"));
        assertEquals(List.of("0.9.0", "3.0.0"), d.data().get("notCounted"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> paths = (Map<String, List<String>>) d.data().get("paths");
        assertEquals(List.of("app@0.1.0 -> foo@1.0.0 -> shared@1.0.0"), paths.get("shared@1.0.0"));
        assertEquals(List.of("app@0.1.0 -> bar@0.2.0 -> shared@2.0.0"), paths.get("shared@2.0.0"));
        assertTrue(d.message().contains("1.0.0 (app@0.1.0 -> foo@1.0.0 -> shared@1.0.0)"), d.message());
        // Points at the lowest counted version's [[package]] line: shared 1.0.0 is the 9th package.
        assertEquals("Cargo.lock", d.location().file());
    }

    @Test
    void includeDevCountsTheDevOnlyVersionAndAllFeaturesTheGatedOne() {
        Verdict v = Workspace.check(Workspace.write(dir, "[bans]\nmultiple-versions-include-dev = true\n"));
        assertEquals(List.of("1.0.0", "2.0.0", "3.0.0"), only(v, "duplicate").data().get("versions"));
        assertEquals(Severity.WARNING, only(v, "duplicate").severity(), "cargo-deny's default level is warn");

        v = Workspace.check(Workspace.write(dir, "[graph]\nall-features = true\n[bans]\n"));
        assertEquals(List.of("0.9.0", "1.0.0", "2.0.0"), only(v, "duplicate").data().get("versions"));

        v = Workspace.check(Workspace.write(dir, "[graph]\nfeatures = [\"extra\"]\n[bans]\n"));
        assertEquals(List.of("0.9.0", "1.0.0", "2.0.0"), only(v, "duplicate").data().get("versions"));

        v = Workspace.check(Workspace.write(dir, "[graph]\nexclude = [\"shared@1.0.0\"]\n[bans]\n"));
        assertEquals(List.of(), codes(v));
    }

    @Test
    void allowLevelIsSilentButDenyMultipleVersionsStillFails() {
        assertEquals(List.of(), codes(Workspace.check(Workspace.write(dir, "[bans]\nmultiple-versions = \"allow\"\n"))));
        Verdict v = Workspace.check(Workspace.write(dir, """
                [bans]
                multiple-versions = "allow"
                deny = [{ crate = "shared", deny-multiple-versions = true }]
                """));
        assertEquals(List.of("duplicate shared"), codes(v), "deny-multiple-versions does not ban the crate itself");
        assertEquals(Severity.ERROR, only(v, "duplicate").severity());
    }

    @Test
    void skipAndSkipTreeRemoveVersionsAndReportWhatMatchedNothing() {
        Verdict v = Workspace.check(Workspace.write(dir, """
                [bans]
                multiple-versions = "deny"
                skip = [
                    "shared@1.0.0",
                    { name = "shared", version = "=9.9.9", reason = "gone" },
                    { crate = "lonely" },
                    "foo",
                ]
                skip-tree = [{ crate = "nothere" }]
                """));
        assertEquals(List.of("unmatched-skip lonely", "unmatched-skip shared:=9.9.9", "unmatched-skip-root nothere",
                "unnecessary-skip foo"), codes(v));
        assertEquals(9, only(v, "unmatched-skip-root").location().line(), "the skip-tree entry's own line");

        v = Workspace.check(Workspace.write(dir, "[bans]\nmultiple-versions = \"deny\"\nskip-tree = [{ crate = \"bar@0.2\", depth = 1 }]\n"));
        assertEquals(List.of(), codes(v), "shared 2.0.0 is one edge below bar");
        v = Workspace.check(Workspace.write(dir, "[bans]\nmultiple-versions = \"deny\"\nskip-tree = [{ crate = \"app\", depth = 1 }]\n"));
        assertEquals(List.of("duplicate shared"), codes(v), "depth 1 from app reaches foo and bar, not shared");
    }

    @Test
    void bannedWithReasonAndUseInsteadAndWrappers() {
        Verdict v = Workspace.check(Workspace.write(dir, """
                [bans]
                multiple-versions = "allow"
                deny = [
                    { crate = "banned:<0.4", reason = "unsound", use-instead = "better" },
                    { crate = "wrapped", wrappers = ["bar", "nobody"] },
                    { name = "foo", version = ">=2" },
                    "missing",
                ]
                """));
        assertEquals(List.of("allowed-by-wrapper wrapped@1.0.0", "banned banned@0.3.0", "unused-wrapper nobody"), codes(v));
        Finding b = only(v, "banned");
        assertEquals(Severity.ERROR, b.severity());
        assertTrue(b.message().contains("(unsound)") && b.message().contains("use better instead")
                && b.message().contains("reached through app@0.1.0 -> foo@1.0.0 -> banned@0.3.0"), b.message());
        assertEquals(Severity.NOTE, only(v, "allowed-by-wrapper").severity());

        v = Workspace.check(Workspace.write(dir, "[bans]\ndeny = [{ crate = \"wrapped\", wrappers = [\"foo\"] }]\n"));
        Finding w = v.findings().stream().filter(f -> f.code().equals("banned")).findFirst().orElseThrow();
        assertEquals(List.of("bar"), w.data().get("unmatchedWrappers"));
    }

    @Test
    void allowListReportsEveryOtherCrateInTheGraph() {
        Verdict v = Workspace.check(Workspace.write(dir, """
                [bans]
                multiple-versions = "allow"
                allow = ["foo", "bar", "shared", "devtool", "ghost"]
                """));
        assertEquals(List.of("not-allowed banned@0.3.0", "not-allowed wrapped@1.0.0", "unmatched-allow ghost"), codes(v));
    }

    @Test
    void excludeDevDropsTheDevOnlyPackages() {
        Verdict v = Workspace.check(Workspace.write(dir, """
                [graph]
                exclude-dev = true
                [bans]
                multiple-versions = "allow"
                allow = ["foo", "bar", "shared", "banned", "wrapped"]
                """));
        assertEquals(List.of(), codes(v), "devtool is dev-only, so outside the graph");
    }

    @Test
    void featureBansKnowMemberFeaturesFromTheManifestsAndFailClosedBelowThem() {
        // app's [features]: default = [], extra = ["dep:opt"]; without --metadata only app's features are known.
        Verdict v = Workspace.check(Workspace.write(dir, """
                [graph]
                features = ["extra"]
                [bans]
                features = [
                    { crate = "app", deny = ["extra"] },
                    { crate = "shared", allow = ["std"] },
                ]
                """));
        assertEquals(List.of("feature-banned app@0.1.0", "feature-set-unknown shared@0.9.0", "feature-set-unknown shared@1.0.0",
                "feature-set-unknown shared@2.0.0", "feature-set-unknown shared@3.0.0"), codes(v).stream()
                .filter(c -> c.startsWith("feature")).toList());
        assertEquals(Outcome.FAIL, v.outcome());

        v = Workspace.check(Workspace.write(dir, """
                [graph]
                no-default-features = true
                [bans]
                workspace-default-features = "deny"
                external-default-features = "warn"
                """));
        assertEquals(List.of("feature-set-unknown external-default-features"), codes(v).stream()
                .filter(c -> !c.startsWith("duplicate")).toList(), "app has no default feature on");
        assertEquals(Severity.WARNING, only(v, "feature-set-unknown").severity());

        v = Workspace.check(Workspace.write(dir, "[bans]\nworkspace-default-features = \"deny\"\n"));
        assertEquals(List.of("default-feature-enabled app@0.1.0"), codes(v).stream().filter(c -> !c.startsWith("duplicate")).toList());
    }
}
