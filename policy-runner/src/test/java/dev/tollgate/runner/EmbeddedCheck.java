package dev.tollgate.runner;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * An embedder's program: it uses the types of policy-api and nothing else (ApiParityTest holds it to
 * that by its imports). {@code main} takes the options of {@code tollgate check} that a CheckRequest
 * mirrors and prints the verdict as {@link #lines} does.
 */
public final class EmbeddedCheck {
    private EmbeddedCheck() {
    }

    /** {@code --repo DIR [--policies LIST] [--metadata FILE] [--config FILE] [--advisory-db X] [--offline] [--base REF] [--head REF] [--pr-title T] [--cache-dir DIR] [--policy-from base|head] [--rules DIR]...}. */
    public static void main(String[] args) {
        for (String line : lines(check(args))) System.out.println(line);
    }

    public static Verdict check(String... args) {
        CheckRequest request = null;
        List<Path> rules = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--repo" -> request = CheckRequest.of(Path.of(v));
                case "--policies" -> request = request.withPolicies(new LinkedHashSet<>(List.of(v.split(","))));
                case "--rules" -> rules.add(Path.of(v));
                case "--metadata" -> request = request.withMetadata(Path.of(v));
                case "--config" -> request = request.withConfig(Path.of(v));
                case "--advisory-db" -> request = request.withAdvisoryDb(v);
                case "--offline" -> {
                    request = request.withOffline(true);
                    i--;
                }
                case "--base" -> request = request.withBase(v);
                case "--head" -> request = request.withHead(v);
                case "--pr-title" -> request = request.withPrTitle(v);
                case "--cache-dir" -> request = request.withCacheDir(Path.of(v));
                case "--policy-from" -> request = request.withPolicyFrom(CheckRequest.PolicyFrom.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(rules));
        return engine.check(request);
    }

    /** The outcome, the policies that ran, then each finding: policy, code, severity, FILE:LINE:COLUMN, subject, new, data keys, message. */
    public static List<String> lines(Verdict v) {
        List<String> out = new ArrayList<>();
        out.add(v.outcome().word() + " " + v.policies());
        for (Finding f : v.findings()) {
            Location l = f.location();
            out.add(f.policy() + " " + f.code() + " " + f.severity().word() + " " + l.file() + ":" + l.line() + ":" + l.column()
                    + " " + f.subject() + " new=" + f.isNew() + " data=" + new TreeSet<>(f.data().keySet()) + " " + f.message());
        }
        return out;
    }
}
