package dev.tollgate.report;

import dev.tollgate.api.findings.Finding;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The findings shown, in their order: per {@code policy/code}, the {@code max} most severe (errors, then
     * warnings, then notes; new before pre-existing; then in order), so the cap never hides an error behind
     * warnings of the same code, nor a new finding behind pre-existing ones.
     */
    static Cut cut(List<Finding> findings, int max) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            byKey.computeIfAbsent(f.policy() + "/" + f.code(), k -> new ArrayList<>()).add(i);
        }
        boolean[] show = new boolean[findings.size()];
        Map<String, Integer> omitted = new LinkedHashMap<>();
        Comparator<Integer> rank = Comparator
                .comparingInt((Integer i) -> findings.get(i).severity().ordinal())
                .thenComparingInt(i -> Boolean.TRUE.equals(findings.get(i).isNew()) ? 0 : 1)
                .thenComparingInt(i -> i);
        for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
            List<Integer> idx = e.getValue();
            if (idx.size() > max) {
                idx = new ArrayList<>(idx);
                idx.sort(rank);
                omitted.put(e.getKey(), idx.size() - max);
                idx = idx.subList(0, max);
            }
            for (int i : idx) show[i] = true;
        }
        List<Finding> shown = new ArrayList<>(Math.min(findings.size(), 1024));
        for (int i = 0; i < findings.size(); i++) if (show[i]) shown.add(findings.get(i));
        return new Cut(shown, omitted);
    }

    /** {@code … and 12 more unused-allowed-source findings (all are in --format json/sarif)}. */
    static String moreLine(String code, int n) {
        return "… and " + n + " more " + code + " finding" + (n == 1 ? "" : "s") + " (all are in --format json/sarif)";
    }
}
