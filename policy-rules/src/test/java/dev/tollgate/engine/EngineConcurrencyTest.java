package dev.tollgate.engine;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.InputError;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.RepositoryFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One engine, many threads: every evaluation of the same inputs gives an equal verdict. */
class EngineConcurrencyTest {
    static final Path DEMO = Corpus.projectRoot().resolve("test-fixtures/demo");

    @Test
    void eightThreadsTimesAThousandEvaluationsAgree() throws Exception {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        RepositoryFacts.Result read = RepositoryFacts.load(new RepositoryFacts.Request(DEMO, null, null, Set.of("sources"), Set.of()));
        Verdict first = engine.evaluate(read.facts(), Set.of("sources"));
        // The demo (README): 3 errors and 2 warnings from the sources policy and its deny.toml.
        assertEquals(Outcome.FAIL, first.outcome());
        assertEquals(3, first.count(Severity.ERROR));
        assertEquals(2, first.count(Severity.WARNING));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    int same = 0;
                    for (int i = 0; i < 1000; i++) {
                        if (engine.evaluate(read.facts(), Set.of("sources")).equals(first)) same++;
                    }
                    return same;
                }));
            }
            for (Future<Integer> f : futures) assertEquals(1000, f.get());
        } finally {
            pool.shutdown();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("8 threads x 1000 evaluations of the demo facts: " + ms + " ms");
    }

    @Test
    void checkingARepositoryFromManyThreadsAgreesWithTheFacts() throws Exception {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        Verdict first = engine.check(CheckRequest.of(DEMO).withPolicies(Set.of("sources")));
        assertEquals(new java.util.TreeSet<>(dev.tollgate.api.Policies.ALL), engine.policies());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Verdict>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) futures.add(pool.submit(() -> engine.check(CheckRequest.of(DEMO).withPolicies(Set.of("sources")))));
            for (Future<Verdict> f : futures) assertEquals(first, f.get());
        } finally {
            pool.shutdown();
        }
        // A second engine, built on its own, renders the verdict identically.
        Verdict again = Tollgate.engine(EngineOptions.bundled()).check(CheckRequest.of(DEMO).withPolicies(Set.of("sources")));
        assertEquals(first.toString(), again.toString());
        assertEquals(5, first.findings().size());
    }

    @Test
    void checkReportsBadRequestsAndInputs() {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.check(CheckRequest.of(DEMO).withPolicies(Set.of("nonsense"))));
        assertTrue(e.getMessage().startsWith("unknown policy `nonsense`"), e.getMessage());
        InputError in = assertThrows(InputError.class, () -> engine.check(CheckRequest.of(DEMO.resolve("no-such-dir"))));
        assertTrue(in.getMessage().endsWith("no-such-dir: repository directory not found"), in.getMessage());
    }
}
