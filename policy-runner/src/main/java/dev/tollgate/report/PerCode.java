package dev.tollgate.report;

import dev.tollgate.api.findings.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety net of the reports for people (text, Markdown, GitHub annotations): at most
 * {@value #MAX} findings of one policy and code are shown, and the rest are one line with their
 * count ({@link #moreLine}). The rules already turn a config entry repeated thousands of times into
 * one finding; this keeps any other flood readable. JSON and SARIF keep every finding, and so does
 * the verdict: nothing here changes what passes or fails.
 */
final class PerCode {
    static final int MAX = 50;

    /**
     * @param shown   the findings to show, in their order
     * @param omitted per {@code policy/code}, in the order first met, how many are not shown
     */
    record Cut(List<Finding> shown, Map<String, Integer> omitted) {
        /** The omitted counts of one policy: code → count. */
        Map<String, Integer> omittedOf(String policy) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : omitted.entrySet()) {
                int slash = e.getKey().indexOf('/');
                if (e.getKey().substring(0, slash).equals(policy)) out.put(e.getKey().substring(slash + 1), e.getValue());
            }
            return out;
        }
    }

    private PerCode() {
    }

    static Cut cut(List<Finding> findings) {
        return cut(findings, MAX);
    }

    static Cut cut(List<Finding> findings, int max) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> omitted = new LinkedHashMap<>();
        List<Finding> shown = new ArrayList<>(Math.min(findings.size(), 1024));
        for (Finding f : findings) {
            String key = f.policy() + "/" + f.code();
            int n = seen.merge(key, 1, Integer::sum);
            if (n <= max) shown.add(f);
            else omitted.merge(key, 1, Integer::sum);
        }
        return new Cut(shown, omitted);
    }

    /** {@code … and 12 more unused-allowed-source findings (all are in --format json/sarif)}. */
    static String moreLine(String code, int n) {
        return "… and " + n + " more " + code + " finding" + (n == 1 ? "" : "s") + " (all are in --format json/sarif)";
    }
}
