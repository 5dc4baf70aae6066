package dev.tollgate.rules;

import dev.tollgate.api.Policies;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * How a rule emits a finding: its identity (policy, code, default severity) is read from the
 * emitting rule's metadata, never retyped. In a consequence:
 *
 * <pre>
 * rule "workspace crate without rust-version"
 *     &#64;code("missing-rust-version") &#64;severity("error") &#64;doc("...")
 * when
 *     $m : WorkspaceMember( rustVersion == "" )
 * then
 *     insert(Findings.of(drools, $m.name() + " does not set rust-version").at($m.origin()).about($m.id()));
 * end
 * </pre>
 *
 * <ul>
 *   <li>policy: the rule's DRL package ({@code tollgate.sources} → {@code sources});</li>
 *   <li>code: the rule's {@code @code};</li>
 *   <li>severity: the {@code @severity} declared with that code. A setting that changes it is
 *       explicit: {@code .withSeverity($cfg.unknownGit().severity())}, where the
 *       declared severity is what no configuration gives.</li>
 * </ul>
 *
 * A rule that emits a code another rule declares (another condition for the same finding) names
 * it with {@code @code} alone, without {@code @severity} and {@code @doc}; its severity is the
 * declaring rule's. A rule without {@code @code} cannot emit: the call throws, which the engine
 * reports as a {@code rule-error}.
 */
public final class Findings {
    /** The codes declared in each knowledge base: code → declared severity. */
    private static final Map<KieBase, Map<String, Severity>> DECLARED = Collections.synchronizedMap(new WeakHashMap<>());

    private Findings() {
    }

    /** {@link #of(Object, String)} with no message yet, for a DRL function that writes it ({@code withMessage}). */
    public static Finding of(Object drools) {
        return of(drools, "");
    }

    /**
     * A finding of the emitting rule's policy and code, at the code's declared severity.
     *
     * @param drools  the consequence's {@code drools}
     * @param message what is wrong and what to do, for people
     */
    public static Finding of(Object drools, String message) {
        if (!(drools instanceof RuleContext context)) {
            throw new IllegalArgumentException("Findings.of takes the consequence's `drools`, not " + drools);
        }
        Rule rule = context.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String code = unquote(meta.get("code"));
        if (code == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" emits a finding but declares no @code");
        }
        Severity severity = Severity.parse(unquote(meta.get("severity")));
        if (severity == null) severity = declared(context.getKieRuntime().getKieBase(), code);
        if (severity == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" emits code `" + code + "`, which no rule declares with @severity");
        }
        return Finding.of(Policies.idOfPackage(rule.getPackageName()), code, severity, message);
    }

    /** The severity declared with {@code code} in {@code base}, or null. */
    private static Severity declared(KieBase base, String code) {
        Map<String, Severity> codes = DECLARED.get(base);
        if (codes == null) {
            codes = new HashMap<>();
            for (KiePackage p : base.getKiePackages()) {
                for (Rule r : p.getRules()) {
                    String c = unquote(r.getMetaData().get("code"));
                    Severity s = Severity.parse(unquote(r.getMetaData().get("severity")));
                    if (c != null && s != null) codes.putIfAbsent(c, s);
                }
            }
            DECLARED.put(base, codes);
        }
        return codes.get(code);
    }

    /** Rule metadata as Drools keeps it: a string literal may still carry its quotes. */
    public static String unquote(Object o) {
        if (o == null) return null;
        String s = o.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
