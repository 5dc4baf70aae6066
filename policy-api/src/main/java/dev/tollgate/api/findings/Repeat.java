package dev.tollgate.api.findings;

import dev.tollgate.api.facts.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A finding that may repeat once per entry of a config array (an unused {@code allow-git} entry, an
 * unused ignore, ...). A rule inserts it instead of the finding. The engine records it as it is
 * inserted, like a {@link Finding} (so no rule can delete or change it unseen), and when the rules
 * are done presents each {@link #group} ({@link #collapse}): a few as they are, each at its own
 * line, as cargo-deny reports them; thousands as one finding with their count ({@link #summary}),
 * so the output stays readable and linear. Presentation, like the reports' per-code cap: which
 * entries are a problem is the rules' decision, how many lines show it is not.
 *
 * @param group   what repeats, one sentence with no count: {@code "allow-git entries match no locked
 *                package; remove them"}; the summary's message is the count, then this
 * @param item    what a summary lists for this entry: the finding's subject unless the rule says otherwise
 *                (an unknown feature's name, where the subject is the crate)
 * @param finding the finding of this one entry
 */
public record Repeat(String group, String item, Finding finding) {
    /** Values quoted in a summary's data are cut to this many characters (their middle elided). */
    public static final int MAX_VALUE = 200;

    /**
     * A repeat.
     *
     * @param group   what repeats, one sentence with no count
     * @param item    what a summary lists for this entry; null: the finding's subject
     * @param finding the finding of this one entry
     * @throws NullPointerException {@code group} or {@code finding} is null
     */
    public Repeat {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(finding, "finding");
    }

    /**
     * A repeat that a summary lists by its finding's subject.
     *
     * @param group   what repeats, one sentence with no count
     * @param finding the finding of this one entry
     * @return the repeat
     * @throws NullPointerException {@code group} or {@code finding} is null
     */
    public static Repeat of(String group, Finding finding) {
        return new Repeat(group, finding.subject(), finding);
    }

    /**
     * A repeat that a summary lists as {@code item}.
     *
     * @param group   what repeats, one sentence with no count
     * @param item    what a summary lists for this entry (an unknown feature's name, where the subject is
     *                the crate); null: the finding's subject
     * @param finding the finding of this one entry
     * @return the repeat
     * @throws NullPointerException {@code group} or {@code finding} is null
     */
    public static Repeat of(String group, String item, Finding finding) {
        return new Repeat(group, item, finding);
    }

    /**
     * The key the repeats are grouped by: the same group sentence of the same policy and code, with the
     * same severity and newness (so a summary never mixes an error with a warning, or new with old).
     *
     * @return the key; equal for two repeats exactly when they belong to one group
     */
    public List<Object> key() {
        // a list, not a joined string: a policy, code or group holding the separator cannot make two keys equal
        return java.util.Arrays.asList(finding.policy(), finding.code(), finding.severity(), finding.isNew(), group);
    }

    /** Groups of at most this many repeats are reported as their findings, each at its own line. */
    public static final int FEW = 10;
    /** A summary lists this many entries in its data (and counts the rest). */
    public static final int LISTED = 20;

    /**
     * The findings that present some repeats: per {@link #key} (in the order groups first appear), the
     * findings themselves when there are at most {@link #FEW}, else one {@link #summary}.
     *
     * @param repeats the repeats the rules inserted
     * @return the findings to report for them; every repeat is in one of them
     */
    public static List<Finding> collapse(List<Repeat> repeats) {
        Map<List<Object>, List<Repeat>> groups = new java.util.LinkedHashMap<>();
        for (Repeat r : repeats) groups.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        List<Finding> out = new ArrayList<>();
        for (List<Repeat> g : groups.values()) {
            if (g.size() <= FEW) out.addAll(findings(g));
            else out.add(summary(g, LISTED));
        }
        return out;
    }

    /** File order: by file, line, column, then subject (so a summary's first entry is the file's first). */
    public static final Comparator<Finding> FILE_ORDER = Comparator
            .comparing((Finding f) -> f.location().file() == null ? "" : f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.subject() == null ? "" : f.subject())
            .thenComparing(Finding::message);

    /**
     * The findings of some repeats in file order (what a rule inserts when there are only a few).
     *
     * @param repeats {@link Repeat} or {@link Finding} objects, in any order
     * @return their findings, sorted by {@link #FILE_ORDER} (then by item); empty for no repeats
     * @throws ClassCastException an element is neither a {@link Repeat} nor a {@link Finding}
     */
    public static List<Finding> findings(List<?> repeats) {
        List<Finding> out = new ArrayList<>(repeats.size());
        for (Repeat r : sorted(repeats)) out.add(r.finding());
        return out;
    }

    /** File order ({@link #FILE_ORDER}), then the item. */
    private static final Comparator<Repeat> ORDER = Comparator.comparing(Repeat::finding, FILE_ORDER)
            .thenComparing(r -> r.item() == null ? "" : r.item());

    private static List<Repeat> repeats(List<?> items) {
        List<Repeat> out = new ArrayList<>(items.size());
        for (Object o : items) out.add(o instanceof Repeat r ? r : new Repeat("", ((Finding) o).subject(), (Finding) o));
        return out;
    }

    private static List<Repeat> sorted(List<?> repeats) {
        List<Repeat> out = repeats(repeats);
        out.sort(ORDER);
        return out;
    }

    /**
     * The {@code k} first of {@code all} in {@link #ORDER}, sorted, ties in list order (as a stable sort gives
     * them): a heap of {@code k}, so 100,000 repeats cost about one comparison each instead of a sort.
     */
    private static List<Repeat> first(List<Repeat> all, int k) {
        if (k >= all.size()) {
            List<Repeat> out = new ArrayList<>(all);
            out.sort(ORDER);
            return out;
        }
        Comparator<Integer> byOrder = (a, b) -> {
            int c = ORDER.compare(all.get(a), all.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        };
        java.util.PriorityQueue<Integer> largestFirst = new java.util.PriorityQueue<>(k + 1, byOrder.reversed());
        for (int i = 0; i < all.size(); i++) {
            if (largestFirst.size() < k) {
                largestFirst.add(i);
            } else if (byOrder.compare(i, largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(i);
            }
        }
        List<Integer> at = new ArrayList<>(largestFirst);
        at.sort(byOrder);
        List<Repeat> out = new ArrayList<>(k);
        for (int i : at) out.add(all.get(i));
        return out;
    }

    /**
     * One finding for many repeats of one group: at the first entry (in file order), about its subject
     * (elided past {@link #MAX_VALUE} characters), with the message
     * {@code "N <group> (the first: <item>; the first <listed> are in this finding's data)"} and the
     * data {@code count} (N), {@code entries} and {@code lines} (the first {@code listed} entries' items
     * and lines, in file order), {@code files} when they are in more than one file, and {@code more} (how
     * many are not listed). Nothing is dropped silently: every entry is counted.
     *
     * @param repeats the repeats of one group ({@link Repeat} or {@link Finding} objects), at least one
     * @param listed  how many entries to list in the data (a negative number lists none)
     * @return the summary finding, of the first entry's policy, code, severity and newness
     * @throws IllegalArgumentException {@code repeats} is empty
     * @throws ClassCastException       an element is neither a {@link Repeat} nor a {@link Finding}
     */
    public static Finding summary(List<?> repeats, int listed) {
        if (repeats.isEmpty()) throw new IllegalArgumentException("no repeats");
        String group = null;
        for (Object o : repeats) if (o instanceof Repeat r) { group = r.group(); break; }
        List<Repeat> all = repeats(repeats);
        int n = all.size();
        int shown = Math.min(Math.max(0, listed), n);
        List<Repeat> sorted = first(all, Math.max(1, shown));
        Finding first = sorted.get(0).finding();
        List<String> entries = new ArrayList<>(shown);
        List<Integer> lines = new ArrayList<>(shown);
        List<String> files = new ArrayList<>(shown);
        boolean manyFiles = false;
        for (int i = 0; i < shown; i++) {
            Finding f = sorted.get(i).finding();
            String item = sorted.get(i).item();
            entries.add(elide(item != null ? item : f.subject() != null ? f.subject() : f.message()));
            lines.add(f.location().line());
            files.add(f.location().file() == null ? "" : f.location().file());
        }
        for (int i = 0; i < n && !manyFiles; i++) manyFiles = !Objects.equals(all.get(i).finding().location().file(), first.location().file());
        String firstItem = sorted.get(0).item() != null ? sorted.get(0).item() : first.subject();
        String what = firstItem == null ? "" : "the first: " + elide(firstItem) + "; ";
        String message = n + " " + (group == null ? first.code() + " findings" : group) + " (" + what
                + (shown == n ? "all " + n : "the first " + shown) + " with their lines are in this finding's data)";
        Map<String, Object> data = new TreeMap<>();
        data.put("count", n);
        data.put("entries", List.copyOf(entries));
        data.put("lines", List.copyOf(lines));
        if (manyFiles) data.put("files", List.copyOf(files));
        data.put("more", n - shown);
        Location at = first.location();
        String subject = first.subject() == null ? null : elide(first.subject());
        return new Finding(first.policy(), first.code(), first.severity(), message, at, subject, first.isNew(), data);
    }

    /**
     * Text past {@link #MAX_VALUE} characters keeps its start and end, with the length between.
     *
     * @param s the text
     * @return {@code s} itself when it has at most {@link #MAX_VALUE} characters; else its first 120 and last
     *         60 characters around {@code …(N characters)…}, N its length
     * @throws NullPointerException {@code s} is null
     */
    public static String elide(String s) {
        if (java.util.Objects.requireNonNull(s, "s").length() <= MAX_VALUE) return s;
        return s.substring(0, 120) + "…(" + s.length() + " characters)…" + s.substring(s.length() - 60);
    }
}
