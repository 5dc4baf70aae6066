package dev.tollgate.inputs.prmode;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.PolicyChange;
import dev.tollgate.api.facts.PolicyChange.Effect;
import dev.tollgate.api.facts.PolicyChange.Kind;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two versions of a TOML policy file (deny.toml, tollgate.toml, {@code .cargo/config.toml})
 * key by key, and says of each difference whether it lets more through, less, or cannot be ranked.
 * The ranking is a fact about the schema (which arrays allow, which deny, which words are levels), so
 * it lives here with the parsing; how loudly a change is reported is the {@code pr-mode} rules' call.
 *
 * <ul>
 *   <li>Level words ({@code deny > warn > allow}, {@code error > warning > note > off}) and the
 *       advisory scopes ({@code all > workspace|transitive > none}) are ranked; a lower one weakens.</li>
 *   <li>An array whose name allows something ({@code allow}, {@code allow-git}, {@code skip},
 *       {@code exceptions}, {@code exclude}, {@code wrappers}, ...): an entry added weakens, one
 *       removed tightens. An array that denies ({@code deny}): the other way round. An absent array is
 *       an empty one, so a deleted {@code [bans]} table removes each of its deny entries.</li>
 *   <li>Table entries of arrays are matched by their {@code crate}, {@code id} or {@code name}, so an
 *       entry that gains a wrapper is compared inside, not reported as removed and added.</li>
 *   <li>Anything else that differs (a pattern, a URL, a target list, a boolean) is a change that
 *       cannot be ranked: still reported, for a person to judge.</li>
 * </ul>
 */
final class PolicyDiff {
    /** Arrays whose entries let something through. */
    static final Set<String> ALLOWING = Set.of("allow", "allow-git", "allow-registry", "github", "gitlab", "bitbucket",
            "skip", "skip-tree", "exceptions", "exclude", "wrappers", "ignore", "bypass", "allow-globs", "allow-wildcard-paths",
            "allowed", "private", "clarify", "allow-actions", "allowed-actions", "types");
    /** Arrays whose entries keep something out. */
    static final Set<String> DENYING = Set.of("deny", "deny-multiple-versions", "required", "require");
    /** Booleans where true lets more through. */
    static final Set<String> LOOSENING_FLAGS = Set.of("allow-wildcard-paths", "allow-build-scripts", "allow-git-index");

    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("deny", 3), Map.entry("error", 3), Map.entry("warn", 2), Map.entry("warning", 2),
            Map.entry("note", 1), Map.entry("allow", 0), Map.entry("off", 0));
    private static final Map<String, Integer> SCOPES = Map.of("all", 2, "workspace", 1, "transitive", 1, "none", 0);
    private static final int MAX_VALUE = 160;

    private final String file;
    private final List<PolicyChange> out = new ArrayList<>();

    private PolicyDiff(String file) {
        this.file = file;
    }

    /**
     * The differences from {@code base} to {@code head}; either may be null (the file is absent there).
     *
     * @param file the head's file as findings name it
     */
    static List<PolicyChange> compare(String file, DenyTable base, DenyTable head) {
        PolicyDiff d = new PolicyDiff(file);
        d.table(List.of(), base, head, head, List.of());
        return d.out;
    }

    /**
     * @param headRoot the head's whole file (for positions), or null
     * @param headPath the path of {@code head} inside {@code headRoot} (keys; array entries as their index)
     */
    private void table(List<String> key, DenyTable base, DenyTable head, DenyTable headRoot, List<Object> headPath) {
        Set<String> keys = new LinkedHashSet<>();
        if (base != null) keys.addAll(base.keySet());
        if (head != null) keys.addAll(head.keySet());
        for (String k : keys) {
            Object b = base == null ? null : base.get(List.of(k));
            Object h = head == null ? null : head.get(List.of(k));
            List<String> sub = append(key, k);
            Location at = head != null && h != null ? head.at(k) : nearest(head, headPath, headRoot);
            value(sub, b, h, at, head, k, headRoot, headPath);
        }
    }

    private void value(List<String> key, Object b, Object h, Location at, DenyTable headParent, String name,
                       DenyTable headRoot, List<Object> headPath) {
        if (b == null && h == null || same(b, h)) return;
        String last = key.get(key.size() - 1);
        if ((b == null || b instanceof DenyTable) && (h == null || h instanceof DenyTable)) {
            DenyTable ht = (DenyTable) h;
            table(key, (DenyTable) b, ht, headRoot, ht == null ? headPath : appendObj(headPath, name));
            return;
        }
        if ((b == null || b instanceof DenyArray) && (h == null || h instanceof DenyArray)) {
            array(key, (DenyArray) b, (DenyArray) h, at);
            return;
        }
        if (b != null && h != null) {
            add(key, Kind.CHANGED, changedEffect(last, b, h), render(b), render(h), at);
        } else if (h != null) {
            add(key, Kind.ADDED, addedEffect(last, h), "", render(h), at);
        } else {
            add(key, Kind.REMOVED, removedEffect(last, b), render(b), "", at);
        }
    }

    private void array(List<String> key, DenyArray b, DenyArray h, Location arrayAt) {
        String last = key.get(key.size() - 1);
        boolean allowing = ALLOWING.contains(last);
        boolean denying = DENYING.contains(last);
        Map<String, Integer> baseIds = ids(b);
        Map<String, Integer> headIds = ids(h);
        for (Map.Entry<String, Integer> e : headIds.entrySet()) {
            Object hv = h.get(e.getValue());
            Location at = h.at(e.getValue());
            Integer bi = baseIds.get(e.getKey());
            if (bi == null) {
                add(key, Kind.ADDED, allowing ? Effect.WEAKENS : denying ? Effect.TIGHTENS : Effect.CHANGES, "", render(hv), at);
            } else {
                Object bv = b.get(bi);
                if (same(bv, hv)) continue;
                if (bv instanceof DenyTable bt && hv instanceof DenyTable ht) {
                    List<String> entryKey = append(key.subList(0, key.size() - 1), last + "[" + e.getKey() + "]");
                    entryTable(entryKey, bt, ht, at);
                } else {
                    add(key, Kind.CHANGED, Effect.CHANGES, render(bv), render(hv), at);
                }
            }
        }
        // [bans] allow (and a [bans.features] entry's allow) is an allowlist only while it has entries:
        // emptied, it lets every crate in
        boolean emptiedAllowlist = last.equals("allow") && key.get(0).equals("bans") && headIds.isEmpty();
        for (Map.Entry<String, Integer> e : baseIds.entrySet()) {
            if (headIds.containsKey(e.getKey())) continue;
            add(key, Kind.REMOVED, emptiedAllowlist ? Effect.WEAKENS : allowing ? Effect.TIGHTENS : denying ? Effect.WEAKENS : Effect.CHANGES,
                    render(b.get(e.getValue())), "", arrayAt);
        }
    }

    /** Two entries of an array with the same identity: their keys compared, positioned at the head's entry. */
    private void entryTable(List<String> key, DenyTable b, DenyTable h, Location entryAt) {
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(h.keySet());
        for (String k : keys) {
            Object bv = b.get(List.of(k));
            Object hv = h.get(List.of(k));
            Location at = hv != null && h.at(k).isKnown() ? h.at(k) : entryAt;
            if (bv instanceof DenyTable || hv instanceof DenyTable) {
                if (!same(bv, hv)) {
                    add(append(key, k), bv == null ? Kind.ADDED : hv == null ? Kind.REMOVED : Kind.CHANGED, Effect.CHANGES,
                            bv == null ? "" : render(bv), hv == null ? "" : render(hv), at);
                }
                continue;
            }
            value(append(key, k), bv, hv, at, h, k, null, List.of());
        }
    }

    /** An array's entries by identity: a table's crate, id or name; anything else its rendering. */
    private static Map<String, Integer> ids(DenyArray a) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (a == null) return out;
        for (int i = 0; i < a.size(); i++) {
            Object v = a.get(i);
            String id = null;
            if (v instanceof DenyTable t) {
                for (String k : List.of("crate", "id", "name")) {
                    if (t.get(List.of(k)) instanceof String s) {
                        id = s;
                        break;
                    }
                }
            }
            if (id == null) id = renderFull(v);
            String unique = id;
            for (int n = 2; out.containsKey(unique); n++) unique = id + "#" + n;
            out.put(unique, i);
        }
        return out;
    }

    private static Effect changedEffect(String key, Object b, Object h) {
        if (b instanceof String bs && h instanceof String hs) {
            Integer rb = LEVELS.get(bs);
            Integer rh = LEVELS.get(hs);
            if (rb == null || rh == null) {
                rb = SCOPES.get(bs);
                rh = SCOPES.get(hs);
            }
            if (rb != null && rh != null && !rb.equals(rh)) return rh < rb ? Effect.WEAKENS : Effect.TIGHTENS;
            return Effect.CHANGES;
        }
        if (b instanceof Boolean bb && h instanceof Boolean hb && LOOSENING_FLAGS.contains(key)) {
            return hb && !bb ? Effect.WEAKENS : Effect.TIGHTENS;
        }
        if (key.equals("confidence-threshold") && b instanceof Number bn && h instanceof Number hn) {
            return hn.doubleValue() < bn.doubleValue() ? Effect.WEAKENS : Effect.TIGHTENS;
        }
        return Effect.CHANGES;
    }

    /**
     * A key the base lacks, so its default applied there: a loosening flag set to true, or the lowest
     * level, cannot be stricter than any default; the highest level cannot be looser.
     */
    private static Effect addedEffect(String key, Object h) {
        if (h instanceof Boolean hb && LOOSENING_FLAGS.contains(key)) return hb ? Effect.WEAKENS : Effect.TIGHTENS;
        if (h instanceof String s && (Integer.valueOf(0).equals(LEVELS.get(s)) || "none".equals(s))) return Effect.WEAKENS;
        if (h instanceof String s && Integer.valueOf(3).equals(LEVELS.get(s))) return Effect.TIGHTENS;
        return Effect.CHANGES;
    }

    /** A key the head lacks, so its default applies: removing the highest level cannot make the gate stricter. */
    private static Effect removedEffect(String key, Object b) {
        if (b instanceof Boolean bb && LOOSENING_FLAGS.contains(key)) return bb ? Effect.TIGHTENS : Effect.CHANGES;
        if (b instanceof String s && Integer.valueOf(3).equals(LEVELS.get(s))) return Effect.WEAKENS;
        if (b instanceof String s && "all".equals(s)) return Effect.WEAKENS;
        return Effect.CHANGES;
    }

    private void add(List<String> key, Kind kind, Effect effect, String base, String head, Location at) {
        out.add(new PolicyChange(file, String.join(".", key), kind, effect, base, head, at.isKnown() ? at : Location.file(file)));
    }

    /** Where the head has the closest enclosing table of a key it no longer has. */
    private Location nearest(DenyTable head, List<Object> headPath, DenyTable headRoot) {
        if (head != null && headRoot != null && !headPath.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Object o : headPath) if (o instanceof String s) keys.add(s);
            Location at = headRoot.at(keys);
            if (at.isKnown()) return at;
        }
        return Location.file(file);
    }

    /**
     * Whether two values are the same setting: tables key by key (in any order), arrays element by
     * element, numbers by value (1 and 1.0), everything else as parsed. Positions and file names do not
     * count, and nothing is compared through its rendering (which is cut for display).
     */
    static boolean same(Object b, Object h) {
        if (b == null || h == null) return b == h;
        if (b instanceof Number bn && h instanceof Number hn) return bn.doubleValue() == hn.doubleValue();
        if (b instanceof DenyArray ba && h instanceof DenyArray ha) {
            if (ba.size() != ha.size()) return false;
            for (int i = 0; i < ba.size(); i++) if (!same(ba.get(i), ha.get(i))) return false;
            return true;
        }
        if (b instanceof DenyTable bt && h instanceof DenyTable ht) {
            if (!bt.keySet().equals(ht.keySet())) return false;
            for (String k : bt.keySet()) if (!same(bt.get(List.of(k)), ht.get(List.of(k)))) return false;
            return true;
        }
        if (b instanceof DenyArray || b instanceof DenyTable || h instanceof DenyArray || h instanceof DenyTable) return false;
        return b.equals(h);
    }

    /** A value as TOML writes it, cut in the middle past {@value #MAX_VALUE} characters. */
    static String render(Object v) {
        String s = renderFull(v);
        if (s.length() <= MAX_VALUE) return s;
        int half = MAX_VALUE / 2;
        return s.substring(0, half) + " … " + s.substring(s.length() - half);
    }

    private static String renderFull(Object v) {
        if (v instanceof String s) return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        if (v instanceof DenyArray a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(renderFull(a.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof DenyTable t) {
            StringBuilder sb = new StringBuilder("{ ");
            boolean first = true;
            for (String k : t.keySet()) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(k.matches("[A-Za-z0-9_-]+") ? k : renderFull(k)).append(" = ").append(renderFull(t.get(List.of(k))));
            }
            return sb.append(first ? "}" : " }").toString();
        }
        return String.valueOf(v);
    }

    private static List<String> append(List<String> key, String k) {
        List<String> out = new ArrayList<>(key);
        out.add(k);
        return out;
    }

    private static List<Object> appendObj(List<Object> path, String k) {
        List<Object> out = new ArrayList<>(path);
        out.add(k);
        return out;
    }
}
