package dev.tollgate.api.facts;

import java.util.List;

/**
 * A file of a scanned crate that some {@code [bans.build]} check looks at: one that a script extension, a bypass
 * path or glob matches, whose header says executable, or that could not be read. Files nothing matches give no fact.
 *
 * @param packageId     the crate ({@code name@version})
 * @param path          relative to the crate root, with {@code /}
 * @param executable    {@code elf}, {@code pe}, {@code mach} or {@code archive} (only with include-archives) by its
 *                      header; "" when none
 * @param interpreter   the interpreter of a {@code #!} script ({@code python3} for {@code #!/usr/bin/env python3}),
 *                      "" when not a script
 * @param extensions    the script-extension globs its name matches ({@code *.py})
 * @param allowPath     the index of the crate's bypass {@code allow} entry naming it, -1 when none
 * @param sha256        its SHA-256, computed when that {@code allow} entry gives a checksum, else ""
 * @param allowGlobs    the crate's bypass {@code allow-globs} that match it
 * @param error         why it could not be read (a symlink out of the crate, an I/O error), "" when it was
 */
public record BuildFile(String packageId, String path, String executable, String interpreter, List<String> extensions,
                        int allowPath, String sha256, List<String> allowGlobs, String error) {
    /**
     * Copies {@code extensions} and {@code allowGlobs} (the fact is immutable); a null {@code executable},
     * {@code interpreter}, {@code sha256} or {@code error} becomes "".
     *
     * @param packageId   the crate ({@code name@version})
     * @param path        relative to the crate root, with {@code /}
     * @param executable  {@code elf}, {@code pe}, {@code mach} or {@code archive} (only with include-archives) by its
     *                    header; "" when none
     * @param interpreter the interpreter of a {@code #!} script ({@code python3} for {@code #!/usr/bin/env python3}),
     *                    "" when not a script
     * @param extensions  the script-extension globs its name matches ({@code *.py})
     * @param allowPath   the index of the crate's bypass {@code allow} entry naming it, -1 when none
     * @param sha256      its SHA-256, computed when that {@code allow} entry gives a checksum, else ""
     * @param allowGlobs  the crate's bypass {@code allow-globs} that match it
     * @param error       why it could not be read (a symlink out of the crate, an I/O error), "" when it was
     */
    public BuildFile {
        executable = executable == null ? "" : executable;
        interpreter = interpreter == null ? "" : interpreter;
        extensions = List.copyOf(extensions);
        sha256 = sha256 == null ? "" : sha256;
        allowGlobs = List.copyOf(allowGlobs);
        error = error == null ? "" : error;
    }
}
