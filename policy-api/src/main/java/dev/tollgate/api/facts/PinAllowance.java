package dev.tollgate.api.facts;

import java.util.regex.Pattern;

/**
 * An entry of {@code [workflows] allow-unpinned} in tollgate.toml: {@code uses:} refs that may stay
 * unpinned, and why. {@code pattern} is a glob over {@code action@ref} or {@code action}
 * ({@code *} any characters, {@code ?} one).
 *
 * @param pattern the glob, e.g. {@code actions/*} or {@code docker/build-push-action@v6}; matched ignoring case
 * @param reason  why the refs may stay unpinned, as written
 * @param origin  the entry's {@code pattern} value in tollgate.toml
 */
public record PinAllowance(String pattern, String reason, Location origin) {
    /**
     * Whether a {@code uses:} ref may stay unpinned by this entry.
     *
     * @param action {@code owner/repo[/path]}
     * @param ref    what follows {@code @}
     * @return whether {@code pattern} matches {@code action} or {@code action@ref}, ignoring case
     */
    public boolean covers(String action, String ref) {
        Pattern p = glob(pattern);
        return p.matcher(action).matches() || p.matcher(action + "@" + ref).matches();
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}
