package dev.tollgate.inputs.workflows;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.FindingCode;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** [workflows.levels] accepts exactly the codes the workflows rules declare, read from their metadata. */
class WorkflowsCodesTest {
    @Test
    void settingsKnowEveryDeclaredCode() {
        Set<String> declared = new TreeSet<>();
        for (FindingCode c : Tollgate.engine(EngineOptions.bundled()).codes()) {
            if ("workflows".equals(c.policy())) declared.add(c.code());
        }
        assertEquals(declared, WorkflowsCodes.declared());
    }

    @Test
    void commentedCodesAreNotDeclared() {
        assertEquals(Set.of("a-code", "b-code"), WorkflowsCodes.parse("""
                // @code("in-a-comment")
                rule "a"
                    @code("a-code")
                /*
                    @code("in-a-block")
                */
                rule "b"
                    @code( "b-code" )
                    @doc("names @code(\"x\") in its text")
                """));
    }
}
