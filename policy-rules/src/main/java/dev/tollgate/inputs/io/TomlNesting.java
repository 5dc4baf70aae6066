package dev.tollgate.inputs.io;

/**
 * A guard run over TOML text before any parser sees it: the TOML parsers Tollgate uses (tomlj's
 * ANTLR grammar, jackson-dataformat-toml) descend recursively into arrays and inline tables, so 5,000
 * nested <code>[</code> or <code>{</code> overflow the stack. One linear pass, which knows comments and the four
 * kinds of strings, refuses text nested deeper than {@link #MAX_DEPTH} at the bracket that passes it.
 */
public final class TomlNesting {
    /** Arrays and inline tables inside each other; Cargo's own files use fewer than ten. */
    public static final int MAX_DEPTH = 100;

    private TomlNesting() {
    }

    /** Throws an {@link InputException} at the first bracket nested deeper than {@link #MAX_DEPTH}. */
    public static void check(String text, String displayPath) {
        check(text, displayPath, 1, MAX_DEPTH);
    }

    /** As {@link #check(String, String)}, for text that starts at line {@code firstLine} of its file. */
    public static void check(String text, String displayPath, int firstLine, int max) {
        check(text, displayPath, firstLine, max, "arrays and inline tables");
    }

    /**
     * As {@link #check(String, String, int, int)}, naming what nests ({@code arrays and objects}):
     * JSON's strings are TOML's basic strings, and {@code #} or {@code '} occur in valid JSON only
     * inside them, so the same pass places JSON's nesting too.
     */
    public static void check(String text, String displayPath, int firstLine, int max, String what) {
        int depth = 0;
        int line = firstLine;
        int lineStart = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> {
                    line++;
                    lineStart = i + 1;
                    i++;
                }
                case '#' -> {
                    while (i < n && text.charAt(i) != '\n') i++;
                }
                case '"', '\'' -> {
                    boolean multi = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                    i += multi ? 3 : 1;
                    while (i < n) {
                        char s = text.charAt(i);
                        if (s == '\\' && c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '\n') {
                                line++;
                                lineStart = i + 2;
                            }
                            i += 2;
                            continue;
                        }
                        if (s == '\n') {
                            if (!multi) break; // an unterminated string: the parser reports it
                            line++;
                            lineStart = i + 1;
                        } else if (s == c && (!multi || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
                            i += multi ? 3 : 1;
                            while (multi && i < n && text.charAt(i) == c) i++; // """a"""" ends after the last quote
                            break;
                        }
                        i++;
                    }
                }
                case '[', '{' -> {
                    if (++depth > max) {
                        throw new InputException(displayPath, line, i - lineStart + 1, what + " nested deeper than "
                                + max + " levels; not read");
                    }
                    i++;
                }
                case ']', '}' -> {
                    if (depth > 0) depth--;
                    i++;
                }
                default -> i++;
            }
        }
    }
}
