package dev.tollgate.engine;

import dev.tollgate.engine.RuleCheck.RuleText;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The finding codes a shipped rule file declares, read from its rules' {@code @code} metadata (the
 * one place a code is spelt), for input readers that accept codes as configuration keys
 * ({@code [workflows.levels]}) before the engine is built.
 */
public final class BundledCodes {
    private static final Map<String, Set<String>> BY_FILE = new ConcurrentHashMap<>();

    private BundledCodes() {
    }

    /** The codes declared in the shipped {@code rules/<file>} (for example {@code workflows.drl}). */
    public static Set<String> declaredIn(String file) {
        return BY_FILE.computeIfAbsent(file, f -> {
            String source = RuleCheck.bundledSource(BundledCodes.class.getClassLoader(), f);
            RuleFile rf = new RuleFile(f, "(bundled) " + f, source);
            Set<String> out = new TreeSet<>();
            for (RuleText r : RuleCheck.rules(rf, RuleFile.stripComments(source))) {
                if (r.meta().containsKey("code") && !r.references()) out.add(r.meta().get("code").value());
            }
            return Collections.unmodifiableSet(out);
        });
    }
}
