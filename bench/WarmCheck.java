import dev.tollgate.api.CheckFacts;
import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.verdict.Verdict;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The facts for {@code evaluate} come from {@code PolicyEngine.facts(request)}, the extraction
 * {@code check} runs, evaluated against the policies it says run; the harness uses policy-api only, as an
 * embedder would, and fails when the evaluated verdict differs from {@code check}'s.
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

        // the facts check reads, extracted once through the API, and the policies check runs on them
        CheckFacts extracted = engine.facts(request);
        List<Object> facts = extracted.facts();
        Set<String> run = extracted.policies();
        for (int i = 0; i < warmup; i++) same(first, engine.evaluate(facts, run), "warm-up evaluate");
        long[] eval = new long[n];
        cpuStart = OS.getProcessCpuTime();
        for (int i = 0; i < (only.equals("check") ? 0 : n); i++) {
            w0 = System.nanoTime();
            Verdict v = engine.evaluate(facts, run);
            eval[i] = System.nanoTime() - w0;
            same(first, v, "evaluate");
        }
        if (!only.equals("check")) print("evaluate", median(eval), (OS.getProcessCpuTime() - cpuStart) / n);
        System.out.println("facts " + facts.size() + " findings " + first.findings().size() + " outcome " + first.outcome());
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
