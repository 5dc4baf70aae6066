package dev.tollgate.api.facts;

/**
 * Where a fact came from, so a finding can point at it. {@code file} is relative to the repository
 * root (forward slashes); {@code line} and {@code column} are 1-based, 0 when unknown.
 */
public record Location(String file, int line, int column) {
    public static final Location NONE = new Location(null, 0, 0);

    public static Location of(String file, int line, int column) {
        return new Location(file, Math.max(0, line), Math.max(0, column));
    }

    public static Location file(String file) {
        return new Location(file, 0, 0);
    }

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
