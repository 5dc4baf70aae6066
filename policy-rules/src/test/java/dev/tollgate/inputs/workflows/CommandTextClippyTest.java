package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.WorkflowJob;
import dev.tollgate.api.facts.WorkflowStep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the extractor and the facts read from text, so that workflows.drl reads booleans only. */
class CommandTextClippyTest {

    @Test
    void aScriptRunsClippyDirectlyOrThroughAToolchain() {
        assertEquals(true, CommandText.callsCargoClippy("set -e\ncargo clippy --workspace\n"));
        assertEquals(true, CommandText.runsClippy("set -e\ncargo clippy --workspace\n"));
        assertEquals(false, CommandText.callsCargoClippy("cargo +nightly clippy -- -D warnings"));
        assertEquals(true, CommandText.runsClippy("cargo +nightly clippy -- -D warnings"));
        assertEquals(true, CommandText.runsClippy("cargo +stable fmt && cargo +stable clippy --workspace"));
        assertEquals(false, CommandText.runsClippy("cargo test"));
    }

    @Test
    void continueOnErrorAsWrittenMayLetAJobOrStepFail() {
        for (String[] c : new String[][] {{"", "false"}, {"false", "false"}, {" FALSE ", "false"}, {"${{ false }}", "false"},
                {"true", "true"}, {"${{ matrix.experimental }}", "true"}, {"${{ }}", "false"}}) {
            boolean expected = Boolean.parseBoolean(c[1]);
            assertEquals(expected, WorkflowJob.builder().continueOnError(c[0]).build().mayContinue(), c[0]);
            assertEquals(expected, WorkflowStep.builder().continueOnError(c[0]).build().mayContinue(), c[0]);
        }
    }
}
