package dev.tollgate.api.facts;

/**
 * Where a fact came from, so a finding can point at it. {@code file} is relative to the repository
 * root (forward slashes); {@code line} and {@code column} are 1-based, 0 when unknown.
 *
 * @param file   relative to the repository root, with {@code /} (e.g. {@code crates/app/Cargo.toml}); a path given on
 *               the command line as given; null for {@link #NONE}
 * @param line   1-based; 0 when unknown (the file alone)
 * @param column 1-based; 0 when unknown
 */
public record Location(String file, int line, int column) {
    /** No location: a fact that comes from no file (shown as ""). */
    public static final Location NONE = new Location(null, 0, 0);

    /**
     * A position in a file.
     *
     * @param file   relative to the repository root
     * @param line   1-based; 0 or less when unknown
     * @param column 1-based; 0 or less when unknown
     * @return the location, a negative line or column made 0
     */
    public static Location of(String file, int line, int column) {
        return new Location(file, Math.max(0, line), Math.max(0, column));
    }

    /**
     * A file without a position (a setting that is absent points at its file).
     *
     * @param file relative to the repository root
     * @return the location, line and column 0
     */
    public static Location file(String file) {
        return new Location(file, 0, 0);
    }

    /**
     * Whether the location names a file.
     *
     * @return false for {@link #NONE}
     */
    public boolean isKnown() {
        return file != null;
    }

    @Override
    public String toString() {
        if (file == null) return "";
        if (line <= 0) return file;
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
