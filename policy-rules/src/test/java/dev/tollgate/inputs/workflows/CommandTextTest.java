package dev.tollgate.inputs.workflows;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command text and cron strings the extractor reads for rules/workflows.drl, which parses none. */
class CommandTextTest {
    @Test
    void warningsDeniedOnTheCommandLineOrInRustflags() {
        assertTrue(CommandText.deniesWarnings("cargo clippy -- -D warnings", ""));
        assertTrue(CommandText.deniesWarnings("cargo clippy -- --deny=warnings", ""));
        assertTrue(CommandText.deniesWarnings("cargo clippy", "-Dwarnings"));
        assertFalse(CommandText.deniesWarnings("cargo clippy --workspace", ""));
    }

    @Test
    void cargoDenyChecksAdvisoriesUnlessItsListLeavesThemOut() {
        assertTrue(CommandText.checksAdvisories("cargo deny", "cargo deny check"));
        assertTrue(CommandText.checksAdvisories("cargo deny", "cargo deny --all-features check advisories"));
        assertFalse(CommandText.checksAdvisories("cargo deny", "cargo deny check bans licenses"));
        assertFalse(CommandText.checksAdvisories("cargo deny", "cargo deny fetch"));
        assertFalse(CommandText.checksAdvisories("cargo audit", "cargo audit advisories"));
    }

    @Test
    void dailyCrons() {
        assertTrue(CommandText.anyDaily(List.of("0 0 * * 1", "23 5 * * *")));
        assertTrue(CommandText.isDaily("0 6 * * 0-6"));
        assertFalse(CommandText.isDaily("0 6 * * 1"));
        assertFalse(CommandText.isDaily("0 6 1 * *"));
        assertFalse(CommandText.anyDaily(List.of()));
    }

    @Test
    void gateScriptsThatFailOnBadResults() {
        assertTrue(CommandText.failsOnBadResults("contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled')"));
        assertTrue(CommandText.failsOnBadResults("test \"${{ needs.test.result }}\" != 'success' && exit 1"));
        assertFalse(CommandText.failsOnBadResults("echo done"));
    }
}
