package dev.tollgate.inputs.cargo;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every version requirement the corpus RustSec database writes ({@code patched}, {@code unaffected},
 * {@code [affected.functions]}), crossed with every version in the corpus lockfiles plus the boundary
 * versions of each requirement, is decided the same way by {@link VersionReq} and by an independent
 * model written here from the Cargo book's desugaring table: each comparator is an interval of SemVer
 * precedence, and a pre-release version also needs a comparator with its major.minor.patch and a
 * pre-release (the semver crate's rule).
 */
class SemverCorpusTest {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    @Test
    void agreesWithTheIntervalModelOnTheWholeCorpus() throws IOException {
        Set<String> reqs = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Corpus.file("advisory-db/crates"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                boolean inVersions = false;
                boolean inArray = false;
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.equals("```") && inVersions) break;
                    if (l.startsWith("[")) inVersions = l.equals("[versions]") || l.equals("[affected.functions]");
                    if (!inVersions) continue;
                    if (l.startsWith("patched") || l.startsWith("unaffected") || l.startsWith("\"") || inArray) {
                        String values = l.contains("=") && !inArray ? l.substring(l.indexOf('=') + 1) : l;
                        Matcher m = QUOTED.matcher(values);
                        while (m.find()) reqs.add(m.group(1));
                        inArray = values.contains("[") && !values.contains("]") || (inArray && !values.contains("]"));
                    }
                }
            }
        }
        assertTrue(reqs.size() > 600, "requirements found: " + reqs.size());

        Set<String> versions = new TreeSet<>();
        for (String lock : List.of("zeroclaw/head/Cargo.lock", "zeroclaw/pre-rationalise/Cargo.lock",
                "cargo-metadata/cargo-deny-06_Cargo.lock")) {
            for (String line : Files.readAllLines(Corpus.file(lock))) {
                if (line.startsWith("version = \"")) versions.add(line.substring(11, line.length() - 1));
            }
        }
        assertTrue(versions.size() > 500, "versions found: " + versions.size());

        List<VersionReq.Version> all = new ArrayList<>();
        for (String v : versions) all.add(VersionReq.Version.parse(v));
        List<VersionReq> parsed = new ArrayList<>();
        for (String r : reqs) parsed.add(VersionReq.parse(r)); // every corpus requirement parses
        // boundary versions: each comparator's version, one patch/minor/major either side, and a pre-release of it
        Set<String> edges = new TreeSet<>();
        for (VersionReq r : parsed) {
            for (VersionReq.Comparator c : r.comparators()) {
                long mi = c.minor() == null ? 0 : c.minor();
                long pa = c.patch() == null ? 0 : c.patch();
                for (long[] d : new long[][] {{0, 0, 0}, {0, 0, 1}, {0, 1, 0}, {1, 0, 0}}) {
                    edges.add((c.major() + d[0]) + "." + (mi + d[1]) + "." + (pa + d[2]));
                    edges.add((c.major() + d[0]) + "." + (mi + d[1]) + "." + (pa + d[2]) + "-alpha.1");
                }
                if (pa > 0) edges.add(c.major() + "." + mi + "." + (pa - 1));
                if (mi > 0) edges.add(c.major() + "." + (mi - 1) + ".99");
                if (!c.pre().isEmpty()) edges.add(c.major() + "." + mi + "." + pa + "-" + c.pre() + ".1");
            }
        }
        for (String e : edges) all.add(VersionReq.Version.parse(e));

        long checked = 0;
        long matched = 0;
        List<String> disagreements = new ArrayList<>();
        for (VersionReq r : parsed) {
            for (VersionReq.Version v : all) {
                boolean got = r.matches(v);
                boolean model = IntervalModel.matches(r, v);
                if (got != model && disagreements.size() < 20) disagreements.add(r + " ~ " + v + ": " + got + " vs model " + model);
                checked++;
                if (got) matched++;
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(checked > 500_000, "pairs: " + checked);
        assertTrue(matched > 0 && matched < checked);
    }

    /** The Cargo book's desugaring: each comparator as [lower, upper) in SemVer precedence. */
    static final class IntervalModel {
        static boolean matches(VersionReq r, VersionReq.Version v) {
            for (VersionReq.Comparator c : r.comparators()) {
                if (!inInterval(c, v)) return false;
            }
            if (v.pre().isEmpty()) return true;
            for (VersionReq.Comparator c : r.comparators()) {
                if (c.major() == v.major() && c.minor() != null && c.minor() == v.minor() && c.patch() != null
                        && c.patch() == v.patch() && !c.pre().isEmpty()) return true;
            }
            return false;
        }

        private static VersionReq.Version ver(long a, long b, long c, String pre) {
            return new VersionReq.Version(a, b, c, pre);
        }

        /** The lowest version of the next major / minor / patch: X.Y.Z-0 sorts below every other X.Y.Z pre-release. */
        private static VersionReq.Version floor(long a, long b, long c) {
            return ver(a, b, c, "0");
        }

        static boolean inInterval(VersionReq.Comparator c, VersionReq.Version v) {
            long M = c.major();
            Long m = c.minor();
            Long p = c.patch();
            VersionReq.Version exactLow = ver(M, m == null ? 0 : m, p == null ? 0 : p, c.pre());
            VersionReq.Version nextUp = m == null ? floor(M + 1, 0, 0) : p == null ? floor(M, m + 1, 0) : null;
            switch (c.op()) {
                case EXACT, WILDCARD -> {
                    if (nextUp == null) return v.compareTo(exactLow) == 0;
                    // =1.2 is 1.2.x releases; a pre-release of 1.2.x never equals a comparator without one
                    return v.pre().isEmpty() && v.compareTo(exactLow) >= 0 && v.compareTo(nextUp) < 0;
                }
                case GREATER -> {
                    if (nextUp == null) return v.compareTo(exactLow) > 0;
                    return v.compareTo(nextUp) >= 0;
                }
                case GREATER_EQ -> {
                    return v.compareTo(exactLow) >= 0;
                }
                case LESS -> {
                    if (nextUp == null) return v.compareTo(exactLow) < 0;
                    return v.compareTo(ver(M, m == null ? 0 : m, 0, "0")) < 0;
                }
                case LESS_EQ -> {
                    if (nextUp == null) return v.compareTo(exactLow) <= 0;
                    return v.compareTo(nextUp) < 0 && (v.pre().isEmpty() || v.compareTo(ver(M, m == null ? 0 : m, 0, "")) < 0);
                }
                case TILDE -> {
                    VersionReq.Version up = m == null ? floor(M + 1, 0, 0) : floor(M, m + 1, 0);
                    if (p == null && !v.pre().isEmpty() && v.major() == M && (m == null || v.minor() == m)) return false;
                    return v.compareTo(exactLow) >= 0 && v.compareTo(up) < 0;
                }
                case CARET -> {
                    VersionReq.Version up;
                    if (M > 0 || m == null) up = floor(M + 1, 0, 0);
                    else if (m > 0 || p == null) up = floor(0, m + 1, 0);
                    else up = floor(0, 0, p + 1);
                    if (p == null && !v.pre().isEmpty() && v.major() == M && (m == null || v.minor() == m)) return false;
                    return v.compareTo(exactLow) >= 0 && v.compareTo(up) < 0;
                }
                default -> throw new AssertionError(c.op());
            }
        }
    }
}
