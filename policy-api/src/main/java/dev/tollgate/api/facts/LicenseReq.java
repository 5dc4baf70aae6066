package dev.tollgate.api.facts;

/**
 * One license term of an SPDX expression: a license (an SPDX id or a {@code LicenseRef-}), whether it
 * is "or later" ({@code +}, or a GNU {@code -or-later} id), and an optional {@code WITH} exception.
 * GNU ids are kept by their root, as cargo-deny's spdx crate does: {@code GPL-2.0}, {@code GPL-2.0-only}
 * are {@code GPL-2.0}; {@code GPL-2.0+} and {@code GPL-2.0-or-later} are {@code GPL-2.0} or later.
 *
 * @param license   the canonical SPDX id ({@code Apache-2.0}) or the whole ref
 *                  ({@code LicenseRef-foo}, {@code DocumentRef-d:LicenseRef-foo})
 * @param orLater   this version or any later one
 * @param exception the canonical exception id after {@code WITH}, or null
 * @param ref       a {@code LicenseRef-} (not on the SPDX list)
 * @param osi       OSI approved (SPDX license list)
 * @param fsf       FSF free/libre (SPDX license list)
 * @param copyleft  a copyleft license (see docs/policies/licenses.md for the classification)
 */
public record LicenseReq(String license, boolean orLater, String exception, boolean ref,
                         boolean osi, boolean fsf, boolean copyleft) {

    /**
     * Whether allowing {@code allowed} (a term of an allow list or exception) accepts this term, by
     * cargo-deny's rule: the same license (or, when this term says "or later", a later version of the
     * same family), and exactly the same exception. Allowing {@code X} does not accept {@code X WITH e}.
     *
     * @param allowed the allowed requirement; null accepts nothing
     * @return whether it accepts this term
     */
    public boolean satisfiedBy(LicenseReq allowed) {
        if (allowed == null) return false;
        if (!java.util.Objects.equals(exception, allowed.exception)) return false;
        if (ref || allowed.ref) return ref && allowed.ref && license.equals(allowed.license);
        if (license.equals(allowed.license)) return true;
        if (!orLater) return false;
        String a = allowed.license;
        String b = license;
        boolean aInv = a.startsWith("GFDL") && a.endsWith("-invariants");
        boolean bInv = b.startsWith("GFDL") && b.endsWith("-invariants");
        if (aInv != bInv) return false;
        if (aInv) {
            a = a.substring(0, a.length() - "-invariants".length());
            b = b.substring(0, b.length() - "-invariants".length());
        }
        int ad = a.lastIndexOf('-');
        int bd = b.lastIndexOf('-');
        String aBase = ad < 0 ? a : a.substring(0, ad);
        String bBase = bd < 0 ? b : b.substring(0, bd);
        return aBase.equals(bBase) && a.compareTo(b) >= 0;
    }

    /** The term as an SPDX expression writes it ({@code GPL-2.0-or-later WITH Classpath-exception-2.0}). */
    @Override
    public String toString() {
        return licenseText() + (exception == null ? "" : " WITH " + exception);
    }

    /**
     * The license alone, as the current SPDX list writes it: {@code MPL-2.0+}; GNU licenses with their
     * {@code -only} / {@code -or-later} suffix ({@code GPL-2.0} is written {@code GPL-2.0-only}).
     *
     * @return the license id without the exception
     */
    public String licenseText() {
        boolean gnu = !ref && (license.startsWith("GPL-") || license.startsWith("LGPL-") || license.startsWith("AGPL-")
                || license.startsWith("GFDL-"));
        if (gnu && !license.endsWith("-only") && !license.endsWith("-or-later") && !license.contains("-with-")) {
            return license + (orLater ? "-or-later" : "-only");
        }
        return license + (orLater ? "+" : "");
    }
}
