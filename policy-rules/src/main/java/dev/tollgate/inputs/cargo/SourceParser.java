package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourceKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses Cargo source strings ({@code registry+URL}, {@code sparse+URL}, {@code git+URL?rev=..#commit})
 * and normalizes URLs into the keys that allow-lists match on. One normalization serves both sides
 * (lockfile sources and deny.toml entries), so that equal sources always compare equal.
 */
public final class SourceParser {
    /** The crates.io git index; cargo-deny's default {@code allow-registry}. */
    public static final String CRATES_IO_GIT = "https://github.com/rust-lang/crates.io-index";
    /** The crates.io sparse index. */
    public static final String CRATES_IO_SPARSE = "https://index.crates.io/";

    private SourceParser() {
    }

    /**
     * Parses a lockfile {@code source} value; null or empty gives {@link Source#LOCAL}.
     *
     * @throws IllegalArgumentException for a source with an unknown scheme prefix
     */
    public static Source parse(String raw) {
        if (raw == null || raw.isEmpty()) return Source.LOCAL;
        if (raw.startsWith("registry+")) {
            String url = raw.substring("registry+".length());
            return new Source(raw, SourceKind.REGISTRY, url, key(url), host(url), "", GitSpec.ANY, "", "");
        }
        if (raw.startsWith("sparse+")) {
            String url = raw.substring("sparse+".length());
            return new Source(raw, SourceKind.SPARSE_REGISTRY, url, key(raw), host(url), "", GitSpec.ANY, "", "");
        }
        if (raw.startsWith("git+")) {
            String rest = raw.substring("git+".length());
            String commit = "";
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                commit = rest.substring(hash + 1);
                rest = rest.substring(0, hash);
            }
            GitSpec spec = GitSpec.ANY;
            String ref = "";
            int q = rest.indexOf('?');
            String url = rest;
            if (q >= 0) {
                url = rest.substring(0, q);
                for (String pair : rest.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    String k = eq < 0 ? pair : pair.substring(0, eq);
                    // Cargo percent-encodes the value (a branch "feature/x" is written "feature%2Fx").
                    String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
                    GitSpec s = switch (k) {
                        case "rev" -> GitSpec.REV;
                        case "tag" -> GitSpec.TAG;
                        case "branch" -> GitSpec.BRANCH;
                        default -> null;
                    };
                    if (s != null && s.compareTo(spec) > 0) {
                        spec = s;
                        ref = v;
                    }
                }
            }
            String host = host(url);
            return new Source(raw, SourceKind.GIT, url, key(url), host, org(host, url), spec, ref, commit);
        }
        throw new IllegalArgumentException("unknown source kind: " + raw);
    }

    /**
     * The normalized identity of a URL: scheme kept, host lower-cased, query, fragment, trailing
     * slashes and a {@code .git} suffix removed. Both crates.io indexes give {@link Source#CRATES_IO_KEY}.
     * A {@code sparse+} prefix is significant (a sparse registry differs from a git one at the same URL)
     * except for crates.io.
     */
    public static String key(String url) {
        String u = url.trim();
        boolean sparse = false;
        if (u.startsWith("sparse+")) {
            sparse = true;
            u = u.substring("sparse+".length());
        } else if (u.startsWith("registry+") || u.startsWith("git+")) {
            u = u.substring(u.indexOf('+') + 1);
        }
        int cut = indexOfAny(u, '?', '#');
        if (cut >= 0) u = u.substring(0, cut);
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (u.endsWith(".git")) u = u.substring(0, u.length() - 4);
        int schemeEnd = u.indexOf("://");
        if (schemeEnd >= 0) {
            int hostStart = schemeEnd + 3;
            int pathStart = u.indexOf('/', hostStart);
            String hostPart = pathStart < 0 ? u.substring(hostStart) : u.substring(hostStart, pathStart);
            String path = pathStart < 0 ? "" : u.substring(pathStart);
            u = u.substring(0, schemeEnd).toLowerCase(Locale.ROOT) + "://" + hostPart.toLowerCase(Locale.ROOT) + path;
        }
        String plain = u;
        if (plain.equals(stripSlash(CRATES_IO_GIT)) || plain.equals(stripSlash(CRATES_IO_SPARSE))) {
            return Source.CRATES_IO_KEY;
        }
        return sparse ? "sparse+" + plain : plain;
    }

    /** Lower-case host of a URL, "" when it has none. */
    public static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The organization (first path segment, lower case) on github.com, gitlab.com and bitbucket.org. */
    public static String org(String host, String url) {
        if (!host.equals("github.com") && !host.equals("gitlab.com") && !host.equals("bitbucket.org")) return "";
        try {
            String path = new URI(url).getPath();
            if (path == null) return "";
            String p = path.startsWith("/") ? path.substring(1) : path;
            int slash = p.indexOf('/');
            return (slash < 0 ? p : p.substring(0, slash)).toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8. Unlike {@link java.net.URLDecoder}, a {@code +} stays a
     * plus (Cargo encodes spaces as {@code %20}), and a malformed escape is kept as written rather than
     * failing the whole lockfile.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            // Consecutive escapes form one UTF-8 sequence, so they are decoded together.
            while (i + 2 < s.length() && s.charAt(i) == '%'
                    && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                run.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            }
            if (run.size() > 0) {
                out.append(run.toString(java.nio.charset.StandardCharsets.UTF_8));
                run.reset();
            }
            if (i < s.length()) out.append(s.charAt(i++));
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }
}
