package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.AdvisoriesConfig;
import dev.tollgate.api.facts.Advisory;
import dev.tollgate.api.facts.AdvisoryCandidate;
import dev.tollgate.api.facts.AdvisoryIgnore;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.cargo.SourceParser;
import dev.tollgate.inputs.cargo.VersionReq;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a read advisory database, the locked packages and deny.toml's {@code [advisories]} table into
 * the facts {@code rules/advisories.drl} decides on: the advisories, one {@link AdvisoryCandidate} per
 * (advisory, locked package of that name) with the semver arithmetic done, the ignore entries and the
 * thresholds. Which candidates are affected, how they are classified and what to do is the rules' job.
 */
public final class AdvisoryFacts {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DURATION = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?");
    private static final Set<String> SCOPES = Set.of("all", "workspace", "transitive", "none");

    private AdvisoryFacts() {
    }

    /** The candidates for one lockfile's packages ({@code base}: the base commit's lockfile). */
    public static List<AdvisoryCandidate> candidates(List<Advisory> advisories, List<LockedPackage> packages, boolean base) {
        Map<String, List<Advisory>> byCrate = new HashMap<>();
        for (Advisory a : advisories) byCrate.computeIfAbsent(a.crate(), k -> new ArrayList<>(2)).add(a);
        List<AdvisoryCandidate> out = new ArrayList<>();
        for (LockedPackage p : packages) {
            List<Advisory> list = byCrate.get(p.name());
            if (list == null || p.member()) continue;
            VersionReq.Version v = VersionReq.Version.tryParse(p.version());
            for (Advisory a : list) out.add(candidate(a, p, v, base));
        }
        return out;
    }

    private static AdvisoryCandidate candidate(Advisory a, LockedPackage p, VersionReq.Version v, boolean base) {
        boolean sourceMatches = p.source().isRegistry()
                && (a.source().isEmpty() ? p.source().isCratesIo() : SourceParser.key(stripPrefix(a.source())).equals(p.source().key()));
        if (v == null) {
            // a version the semver crate would not read: treat as affected (fail closed), no fix arithmetic
            return new AdvisoryCandidate(a.id(), p.name(), p.version(), p.id(), base, sourceMatches, false, false,
                    !a.patched().isEmpty(), false, List.of());
        }
        boolean patched = anyMatches(a.patched(), v);
        boolean unaffected = anyMatches(a.unaffected(), v);
        List<String> fixes = new ArrayList<>();
        boolean compatible = false;
        for (String r : a.patched()) {
            VersionReq req = VersionReq.tryParse(r);
            if (req == null) continue;
            VersionReq.Version low = req.lowestAbove(v);
            if (low == null) continue;
            fixes.add(low.toString());
            if (VersionReq.compatible(v, low)) compatible = true;
        }
        return new AdvisoryCandidate(a.id(), p.name(), p.version(), p.id(), base, sourceMatches, patched, unaffected,
                !a.patched().isEmpty(), compatible, fixes);
    }

    private static String stripPrefix(String url) {
        for (String prefix : new String[] {"registry+", "sparse+"}) if (url.startsWith(prefix)) return url.substring(prefix.length());
        return url;
    }

    private static boolean anyMatches(List<String> reqs, VersionReq.Version v) {
        for (String r : reqs) {
            VersionReq req = VersionReq.tryParse(r);
            if (req != null && req.matches(v)) return true;
        }
        return false;
    }

    /** deny.toml's {@code [advisories]} thresholds. */
    public static AdvisoriesConfig config(DenyConfig deny, LocalDate today, boolean prMode) {
        return config(deny, today, prMode, false);
    }

    /** @param ignoresFromBase PR mode under the base's policy: the base's ignore entries are in force */
    public static AdvisoriesConfig config(DenyConfig deny, LocalDate today, boolean prMode, boolean ignoresFromBase) {
        DenyTable adv = deny.toml().getTable("advisories");
        String file = deny.displayPath();
        String unmaintained = scope(adv, "unmaintained", deny);
        String unsound = scope(adv, "unsound", deny);
        Level unused = Level.WARN;
        String u = adv == null ? null : adv.getString("unused-ignored-advisory");
        if (u != null) {
            unused = Level.parse(u);
            if (unused == null) throw at(deny.locationOf("advisories.unused-ignored-advisory"), file,
                    "`unused-ignored-advisory` must be deny, warn or allow, found `" + u + "`");
        }
        long staleness = 90;
        String s = adv == null ? null : adv.getString("maximum-db-staleness");
        if (s != null) staleness = days(s, deny.locationOf("advisories.maximum-db-staleness"), file);
        Location origin = adv == null ? Location.file(file) : deny.locationOf("advisories");
        return new AdvisoriesConfig(unmaintained, unsound, unused, staleness, today.toString(), prMode, origin,
                deny.locationOf("advisories.unmaintained"), deny.locationOf("advisories.unsound"),
                deny.locationOf("advisories.maximum-db-staleness"), ignoresFromBase);
    }

    private static String scope(DenyTable adv, String key, DenyConfig deny) {
        String v = adv == null ? null : adv.getString(key);
        if (v == null) return "all";
        if (!SCOPES.contains(v)) {
            throw at(deny.locationOf("advisories." + key), deny.displayPath(),
                    "`" + key + "` must be all, workspace, transitive or none, found `" + v + "`");
        }
        return v;
    }

    /** cargo-deny's ISO-8601 duration subset: {@code P90D}, {@code P12W}, {@code P1Y}, {@code P6M} (30 days). */
    static long days(String s, Location at, String file) {
        Matcher m = DURATION.matcher(s);
        if (!m.matches() || s.equals("P")) {
            throw at(at, file, "`maximum-db-staleness` must be an ISO-8601 duration such as P90D, found `" + s + "`");
        }
        long d = 0;
        if (m.group(1) != null) d += 365L * Long.parseLong(m.group(1));
        if (m.group(2) != null) d += 30L * Long.parseLong(m.group(2));
        if (m.group(3) != null) d += 7L * Long.parseLong(m.group(3));
        if (m.group(4) != null) d += Long.parseLong(m.group(4));
        return d;
    }

    /**
     * The {@code ignore} entries that name advisories: plain ids, or tables with {@code id}. Entries
     * that name a crate ({@code { crate = "..." }}, yanked-crate ignores) are not advisory ignores.
     */
    public static List<AdvisoryIgnore> ignores(DenyConfig deny, LocalDate today, boolean base) {
        DenyTable adv = deny.toml().getTable("advisories");
        if (adv == null) return List.of();
        DenyArray ignore = adv.getArray("ignore");
        if (ignore == null) return List.of();
        String file = deny.displayPath();
        List<AdvisoryIgnore> out = new ArrayList<>();
        for (int i = 0; i < ignore.size(); i++) {
            Object e = ignore.get(i);
            Location at = deny.locationOf(ignore, i);
            if (e instanceof String id) {
                if (id.contains("@") || !id.contains("-")) continue; // a crate spec
                out.add(new AdvisoryIgnore(id, "", "", "", false, base, at));
            } else if (e instanceof DenyTable t) {
                String id = t.getString("id");
                if (id == null) continue; // { crate = ... }: a yanked-crate ignore
                String reason = orEmpty(t.getString("reason"));
                String tracking = orEmpty(t.getString("tracking"));
                String expires = orEmpty(t.getString("expires"));
                if (!expires.isEmpty()) {
                    if (!DATE.matcher(expires).matches()) throw at(t.at("expires"), file, "`expires` must be a date, YYYY-MM-DD, found `" + expires + "`");
                    try {
                        LocalDate.parse(expires);
                    } catch (RuntimeException ex) {
                        throw at(t.at("expires"), file, "`expires` is not a calendar date: `" + expires + "`");
                    }
                }
                boolean expired = !expires.isEmpty() && LocalDate.parse(expires).isBefore(today);
                out.add(new AdvisoryIgnore(id, reason, tracking, expires, expired, base, at));
            } else {
                throw at(at, file, "an `ignore` entry is an advisory id or a table { id, reason }");
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static InputException at(Location l, String file, String msg) {
        return new InputException(l.file() == null ? file : l.file(), l.line(), l.column(), msg);
    }
}
