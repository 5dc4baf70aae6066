package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.ActionRef;
import dev.tollgate.api.facts.Workflow;
import dev.tollgate.api.facts.WorkflowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateIntegrityReaderTest {
    @TempDir
    Path repo;

    void write(String path, String text) throws IOException {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** No silent cap: 600 trivial workflows named to sort first still leave ci.yml read. */
    @Test
    void everyWorkflowIsReadHoweverMany() throws IOException {
        for (int i = 0; i < 600; i++) write(String.format(".github/workflows/%04d.yml", i), "on: push\njobs: {}\n");
        write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n");
        List<Object> facts = WorkflowsReader.read(repo);
        assertEquals(601, of(facts, Workflow.class).size());
        assertTrue(of(facts, ActionRef.class).stream().anyMatch(r -> r.file().equals(".github/workflows/ci.yml") && r.ref().equals("v4")));
        assertFalse(facts.stream().anyMatch(WorkflowProblem.class::isInstance));
    }
}
