import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.inputs.RepositoryFacts;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warm embedding benchmark of bench/warm.sh (issue 17, item 8): in one JVM, an engine built once
 * ({@code Tollgate.engine(EngineOptions.bundled())}), its first {@code check}, then {@code WARMUP}
 * checks, then {@code N} measured checks and {@code N} measured {@code evaluate}s of facts extracted
 * once. Prints one line per quantity, {@code name wall_ms cpu_ms}: wall time, and the CPU time of the
 * whole process (every thread: readers, the rule session's thread, the JIT, GC) over the same span;
 * for the repeated ones the median wall time and the mean CPU time (the process's CPU clock ticks in
 * 10 ms steps, too coarse for one 30 ms run).
 *
 * <p>The facts for {@code evaluate} come from {@code RepositoryFacts.load}, the internal extraction
 * {@code check} runs (with the same request and the same RunContext and note filtering as
 * {@code CheckRun}); {@code PolicyEngine.facts(CheckRequest)} will replace it (issue 17 item 2). The
 * harness fails when the evaluated verdict differs from {@code check}'s.
 *
 * <pre>java -cp CP:classes WarmCheck REPO ADVISORY_DB CACHE_DIR POLICIES WARMUP N [check|evaluate|both]</pre>
 */
public class WarmCheck {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        String db = args[1];
        Path cache = Path.of(args[2]);
        Set<String> policies = new LinkedHashSet<>(Arrays.asList(args[3].split(",")));
        int warmup = Integer.parseInt(args[4]);
        int n = Integer.parseInt(args[5]);
        Files.createDirectories(cache);

        long w0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        print("build", System.nanoTime() - w0, OS.getProcessCpuTime() - c0);

        CheckRequest request = CheckRequest.of(repo).withPolicies(policies).withAdvisoryDb(db).withOffline(true).withCacheDir(cache);
        w0 = System.nanoTime();
        c0 = OS.getProcessCpuTime();
        Verdict first = engine.check(request);
        print("first-check", System.nanoTime() - w0, OS.getProcessCpuTime() - c0);

        String only = args.length > 6 ? args[6] : "both";   // check, evaluate or both (profiling one of them)
        for (int i = 0; i < warmup; i++) same(first, engine.check(request), "warm-up check");
        long[] check = new long[n];
        long cpuStart = OS.getProcessCpuTime();
        for (int i = 0; i < (only.equals("evaluate") ? 0 : n); i++) {
            w0 = System.nanoTime();
            Verdict v = engine.check(request);
            check[i] = System.nanoTime() - w0;
            same(first, v, "check");
        }
        if (!only.equals("evaluate")) print("check", median(check), (OS.getProcessCpuTime() - cpuStart) / n);

        List<Object> facts = facts(repo, db, cache, policies);
        for (int i = 0; i < warmup; i++) same(first, engine.evaluate(facts, policies), "warm-up evaluate");
        long[] eval = new long[n];
        cpuStart = OS.getProcessCpuTime();
        for (int i = 0; i < (only.equals("check") ? 0 : n); i++) {
            w0 = System.nanoTime();
            Verdict v = engine.evaluate(facts, policies);
            eval[i] = System.nanoTime() - w0;
            same(first, v, "evaluate");
        }
        if (!only.equals("check")) print("evaluate", median(eval), (OS.getProcessCpuTime() - cpuStart) / n);
        System.out.println("facts " + facts.size() + " findings " + first.findings().size() + " outcome " + first.outcome());
    }

    /** What {@code check} evaluates for this request (CheckRun: the named policies' notes, RunContext of the evaluated). */
    private static List<Object> facts(Path repo, String db, Path cache, Set<String> policies) {
        RepositoryFacts.Result read = RepositoryFacts.load(new RepositoryFacts.Request(repo, null, null, policies, policies,
                RepositoryFacts.GitRange.NONE, new RepositoryFacts.AdvisoryDbSource(db, true, cache)));
        Set<String> evaluated = new java.util.TreeSet<>(read.evaluated());
        evaluated.retainAll(policies);
        List<Object> facts = new ArrayList<>(read.facts().size());
        for (Object f : read.facts()) {
            if (f instanceof InputNote note && !policies.contains(note.policy())) continue;
            facts.add(f instanceof RunContext rc ? new RunContext(evaluated, rc.lockfile(), rc.config()) : f);
        }
        return facts;
    }

    private static void same(Verdict expected, Verdict got, String what) {
        if (!expected.equals(got)) throw new AssertionError(what + " gave another verdict than the first check");
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void print(String name, long wallNanos, long cpuNanos) {
        System.out.printf("%s %.1f %.1f%n", name, wallNanos / 1e6, cpuNanos / 1e6);
    }
}
