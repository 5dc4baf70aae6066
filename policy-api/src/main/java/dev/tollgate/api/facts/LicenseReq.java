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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.license = license;
        b.orLater = orLater;
        b.exception = exception;
        b.ref = ref;
        b.osi = osi;
        b.fsf = fsf;
        b.copyleft = copyleft;
        return b;
    }

    /** Builds a {@link LicenseReq} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String license = "";
        private boolean orLater;
        private String exception = "";
        private boolean ref;
        private boolean osi;
        private boolean fsf;
        private boolean copyleft;

        private Builder() {
        }

        /**
         * Sets {@code license}.
         *
         * @param license the canonical SPDX id ({@code Apache-2.0}) or the whole ref ({@code LicenseRef-foo}, {@code DocumentRef-d:LicenseRef-foo})
         * @return this builder
         */
        public Builder license(String license) {
            this.license = license;
            return this;
        }

        /**
         * Sets {@code orLater}.
         *
         * @param orLater this version or any later one
         * @return this builder
         */
        public Builder orLater(boolean orLater) {
            this.orLater = orLater;
            return this;
        }

        /**
         * Sets {@code exception}.
         *
         * @param exception the canonical exception id after {@code WITH}, or null
         * @return this builder
         */
        public Builder exception(String exception) {
            this.exception = exception;
            return this;
        }

        /**
         * Sets {@code ref}.
         *
         * @param ref a {@code LicenseRef-} (not on the SPDX list)
         * @return this builder
         */
        public Builder ref(boolean ref) {
            this.ref = ref;
            return this;
        }

        /**
         * Sets {@code osi}.
         *
         * @param osi OSI approved (SPDX license list)
         * @return this builder
         */
        public Builder osi(boolean osi) {
            this.osi = osi;
            return this;
        }

        /**
         * Sets {@code fsf}.
         *
         * @param fsf FSF free/libre (SPDX license list)
         * @return this builder
         */
        public Builder fsf(boolean fsf) {
            this.fsf = fsf;
            return this;
        }

        /**
         * Sets {@code copyleft}.
         *
         * @param copyleft a copyleft license (see docs/policies/licenses.md for the classification)
         * @return this builder
         */
        public Builder copyleft(boolean copyleft) {
            this.copyleft = copyleft;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link LicenseReq}
         */
        public LicenseReq build() {
            return new LicenseReq(license, orLater, exception, ref, osi, fsf, copyleft);
        }
    }
}
