package dev.tollgate.api.findings;

import java.util.Collection;

/**
 * Lists quoted in a finding's message stay short whatever the input: a config array of 100,000
 * entries is quoted as its first few and how many more (the finding's data keeps the whole list),
 * and each item past {@link Repeat#MAX_VALUE} characters has its middle elided.
 */
public final class Quoted {
    private Quoted() {
    }

    /**
     * {@code a, b, c (and 99997 more)}: the first {@code max} items joined by {@code separator}, then the count of the rest.
     *
     * @param separator what goes between two items, e.g. {@code ", "}
     * @param items     the items, in the order to quote them; each is {@link String#valueOf(Object)}, elided
     *                  as {@link Repeat#elide} does
     * @param max       how many items to quote, 0 or more
     * @return the quoted items, then {@code " (and N more)"} when some are left out; "" for no items
     * @throws NullPointerException {@code separator} or {@code items} is null
     */
    public static String join(String separator, Collection<?> items, int max) {
        java.util.Objects.requireNonNull(separator, "separator");
        java.util.Objects.requireNonNull(items, "items");
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (Object o : items) {
            if (i == max) break;
            if (i > 0) b.append(separator);
            b.append(Repeat.elide(String.valueOf(o)));
            i++;
        }
        int more = items.size() - i;
        if (more > 0) b.append(" (and ").append(more).append(" more)");
        return b.toString();
    }
}
