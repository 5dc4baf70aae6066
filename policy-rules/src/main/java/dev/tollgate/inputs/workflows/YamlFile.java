package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML file of {@code .github/}, composed by SnakeYAML into a node tree with exact positions,
 * read as hostile input: bounded size, nesting, aliases and work. Every way it can fail is a
 * {@link Problem} with the file's line, never an exception that escapes or a hang.
 */
final class YamlFile {
    /** Larger files are refused: GitHub's own limit for a workflow is far below this. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 50;
    /** Nodes the readers may visit in one file (aliases make a small file a large tree). */
    static final int MAX_VISITS = 200_000;

    /** Why a file could not be read; {@code line} is 1-based (0: the whole file). */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Problem(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        Problem(Node at, String message) {
            this(at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, message);
        }
    }

    final String display;
    final String text;
    final String[] lines;
    final Node root;
    private int visits;

    private YamlFile(String display, String text, Node root) {
        this.display = display;
        this.text = text;
        this.lines = text.split("\r\n|\r|\n", -1);
        this.root = root;
    }

    /** Reads and composes {@code file}; throws {@link Problem} when it cannot be read. */
    static YamlFile read(Path file, String display) {
        // A file that is no regular file, links outside the repository or passes the reader's limit
        // cannot be judged: an input error (exit 2), not a finding.
        return parse(dev.tollgate.inputs.io.InputFiles.readBytes(file, display, dev.tollgate.inputs.io.InputFiles.Kind.WORKFLOW), display);
    }

    static YamlFile parse(byte[] bytes, String display) {
        if (bytes.length > MAX_BYTES) throw new Problem(0, 0, "larger than " + (MAX_BYTES >> 10) + " KiB; not read");
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (m == null) throw new Problem(0, 0, "malformed YAML: " + oneLine(what));
            throw new Problem(m.getLine() + 1, m.getColumn() + 1, "malformed YAML: " + oneLine(what));
        } catch (YAMLException e) {
            // The composer's limits (aliases, nesting) carry no position: find it with the events.
            throw locate(text, options, "malformed YAML: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw locate(text, options, "nested too deeply to read");
        } catch (RuntimeException e) {
            throw new Problem(0, 0, "malformed YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
        return new YamlFile(display, text, root);
    }

    /**
     * Walks the events of a document the composer refused, to put the refusal on a line: the event
     * where nesting passes {@link #MAX_DEPTH} or the non-scalar aliases pass {@link #MAX_ALIASES},
     * else the last event read.
     */
    static Problem locate(String text, LoaderOptions options, String fallback) {
        java.util.Set<String> collections = new java.util.HashSet<>();
        int depth = 0;
        int aliases = 0;
        Mark last = null;
        try {
            for (org.yaml.snakeyaml.events.Event e : new Yaml(options).parse(new StringReader(text))) {
                last = e.getStartMark();
                if (e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c) {
                    if (c.getAnchor() != null) collections.add(c.getAnchor());
                    if (++depth > MAX_DEPTH) {
                        return new Problem(last.getLine() + 1, last.getColumn() + 1, "nested more than " + MAX_DEPTH + " levels deep");
                    }
                } else if (e instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                } else if (e instanceof org.yaml.snakeyaml.events.AliasEvent a && collections.contains(a.getAnchor())) {
                    if (++aliases > MAX_ALIASES) {
                        return new Problem(last.getLine() + 1, last.getColumn() + 1,
                                "more than " + MAX_ALIASES + " aliases of lists or mappings (an alias bomb?)");
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the position of the last event read is the best there is
        }
        return last == null ? new Problem(0, 0, fallback) : new Problem(last.getLine() + 1, last.getColumn() + 1, fallback);
    }

    /** UTF-8 only: an invalid byte is reported on its line. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new Problem(line, at - lineStart + 1, "not valid UTF-8 (byte 0x"
                    + Integer.toHexString(bytes[at] & 0xff) + ")");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    // --- reading the tree ---------------------------------------------------------------------

    private Node lastVisited;

    private void visit(Node n) {
        if (n != null) lastVisited = n;
        if (++visits > MAX_VISITS) {
            String what = "too large to check (more than " + MAX_VISITS + " nodes after aliases)";
            throw lastVisited != null ? new Problem(lastVisited, what) : new Problem(0, 0, what);
        }
    }

    Location at(Node n) {
        return Location.of(display, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    /** The entries of a mapping by key text, in file order; a duplicate key is a problem. */
    Map<String, NodeTuple> mapping(Node n) {
        visit(n);
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (!(n instanceof MappingNode m)) return entries;
        for (NodeTuple t : m.getValue()) {
            visit(t.getKeyNode());
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) continue;
            NodeTuple first = entries.putIfAbsent(key, t);
            if (first != null) {
                throw new Problem(t.getKeyNode(), "duplicate key `" + key + "` (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
        }
        return entries;
    }

    /** The value of {@code key} in mapping {@code n}, or null. */
    Node get(Node n, String key) {
        NodeTuple t = mapping(n).get(key);
        return t == null ? null : t.getValueNode();
    }

    static Node value(NodeTuple t) {
        return t == null ? null : t.getValueNode();
    }

    /** A scalar's text; "" for null, a non-scalar or an absent node. */
    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    /** A scalar as a one-element list, a sequence's scalars, or empty. */
    List<String> scalars(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            if (!s.getValue().isEmpty()) out.add(s.getValue());
        } else if (n instanceof SequenceNode q) {
            for (Node e : q.getValue()) {
                visit(e);
                if (e instanceof ScalarNode s) out.add(s.getValue());
            }
        }
        return out;
    }

    List<Node> sequence(Node n) {
        if (!(n instanceof SequenceNode q)) return List.of();
        for (Node e : q.getValue()) visit(e);
        return q.getValue();
    }

    /**
     * A node as plain, read-only Java values, for rules that need a key no fact field models (a job's
     * {@code timeout-minutes}): mappings (in file order), lists, and scalars as YAML resolves them
     * ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, or null). Every node counts against
     * the file's visit budget, so aliases cannot make it large.
     */
    Object plain(Node n) {
        visit(n);
        if (n instanceof ScalarNode s) return scalarValue(s);
        if (n instanceof SequenceNode q) {
            List<Object> out = new ArrayList<>();
            for (Node e : q.getValue()) out.add(plain(e));
            return java.util.Collections.unmodifiableList(out);
        }
        if (n instanceof MappingNode) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> e : mapping(n).entrySet()) out.put(e.getKey(), plain(e.getValue().getValueNode()));
            return java.util.Collections.unmodifiableMap(out);
        }
        return null;
    }

    /** A mapping node as {@link #plain} values; empty for anything else. */
    @SuppressWarnings("unchecked")
    Map<String, Object> plainMap(Node n) {
        return n instanceof MappingNode ? (Map<String, Object>) plain(n) : Map.of();
    }

    private static Object scalarValue(ScalarNode s) {
        String v = s.getValue();
        org.yaml.snakeyaml.nodes.Tag t = s.getTag();
        if (org.yaml.snakeyaml.nodes.Tag.NULL.equals(t)) return null;
        if (org.yaml.snakeyaml.nodes.Tag.BOOL.equals(t)) {
            String l = v.toLowerCase(java.util.Locale.ROOT);
            return l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y");
        }
        try {
            if (org.yaml.snakeyaml.nodes.Tag.INT.equals(t)) return Long.parseLong(v.replace("_", ""));
            if (org.yaml.snakeyaml.nodes.Tag.FLOAT.equals(t)) return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            return v;   // 0x1f, 0o17, .inf: kept as written
        }
        return v;
    }

    /** Scalar values of a mapping (non-scalars as ""), for {@code with:}, {@code env:} and {@code permissions:}. */
    Map<String, String> scalarMap(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : mapping(n).entrySet()) out.put(e.getKey(), scalar(e.getValue().getValueNode()));
        return out;
    }

    /**
     * The comment after a scalar value on its last line ({@code uses: a/b@sha # v1.2.3}): the
     * text after the scalar's end, which for a quoted value is after its closing quote, so a
     * {@code #} inside quotes is never taken for a comment. "" when there is none.
     */
    String trailingComment(Node value) {
        // A block scalar (`uses: >-`) ends at the start of a later line: what follows it there is the
        // next line's comment or key, never this value's. Its text is on its own lines, so it has no
        // comment on the same line as the ref (issue 19: `# v4` on the following line was taken).
        if (isBlock(value)) return "";
        Mark end = value.getEndMark();
        int line = end.getLine();
        if (line < 0 || line >= lines.length) return "";
        String raw = lines[line];
        int col = Math.min(end.getColumn(), raw.length());
        String rest = raw.substring(col);
        int hash = -1;
        if (rest.stripLeading().startsWith("#")) {
            hash = rest.indexOf('#');
        } else {
            // In a flow collection the scalar may be followed by `}` or `,` before the comment.
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '"' || c == '\'') return "";
                if (c == '#' && i > 0 && Character.isWhitespace(rest.charAt(i - 1))) {
                    hash = i;
                    break;
                }
            }
        }
        if (hash < 0) return "";
        return rest.substring(hash + 1).trim();
    }

    /** Whether a scalar is a block scalar ({@code |} or {@code >}). */
    static boolean isBlock(Node n) {
        return n instanceof ScalarNode s && (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED);
    }
}
