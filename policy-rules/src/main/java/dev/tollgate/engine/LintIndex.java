package dev.tollgate.engine;

import dev.tollgate.engine.RuleCheck.Emit;
import dev.tollgate.engine.RuleCheck.Meta;
import dev.tollgate.engine.RuleCheck.Parsed;
import dev.tollgate.engine.RuleCheck.RuleText;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped rule files as the lint reads them ({@link RuleCheck#parse}), written next to their compiled
 * classes at build time by {@code PrecompileRules} (policy-rules-compiler). {@code check --rules DIR} lints the custom files
 * together with the shipped ones (a code declared twice, a rule name used twice, a reference to a shipped
 * code); with this index it parses only the custom files. It is part of the build like the compiled
 * classes, so it is trusted like them; a test checks it equals a parse of the shipped sources.
 *
 * <p>Format: a version, then per file its origin, package and position, and per rule its name, position,
 * metadata, emissions and own emission, then the file's names of Tollgate internals; strings in modified UTF-8 ({@link DataOutputStream#writeUTF}).
 */
public final class LintIndex {
    public static final String RESOURCE = "META-INF/tollgate/rules.lint";
    private static final int VERSION = 2;

    private LintIndex() {
    }

    public static byte[] write(List<Parsed> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(files.size());
            for (Parsed f : files) {
                out.writeUTF(f.origin());
                out.writeBoolean(f.pkg() != null);
                if (f.pkg() != null) out.writeUTF(f.pkg());
                out.writeInt(f.pkgLine());
                out.writeInt(f.pkgColumn());
                out.writeInt(f.rules().size());
                for (RuleText r : f.rules()) {
                    out.writeUTF(r.origin());
                    out.writeUTF(r.name());
                    out.writeInt(r.line());
                    out.writeInt(r.column());
                    out.writeInt(r.meta().size());
                    for (Map.Entry<String, Meta> m : r.meta().entrySet()) {
                        out.writeUTF(m.getKey());
                        meta(out, m.getValue());
                    }
                    out.writeInt(r.emits().size());
                    for (Emit e : r.emits()) {
                        out.writeUTF(e.policy());
                        out.writeUTF(e.code());
                        out.writeInt(e.line());
                        out.writeInt(e.column());
                    }
                    out.writeBoolean(r.ownEmit() != null);
                    if (r.ownEmit() != null) meta(out, r.ownEmit());
                }
                out.writeInt(f.internals().size());
                for (Meta m : f.internals()) meta(out, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The index on the class path of {@code loader}; null when there is none. */
    static List<Parsed> read(ClassLoader loader) {
        byte[] data;
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) return null;
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return read(data);
    }

    static List<Parsed> read(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readInt();
            if (version != VERSION) throw new IllegalStateException(RESOURCE + " has version " + version + ", not " + VERSION);
            int files = in.readInt();
            List<Parsed> out = new ArrayList<>(files);
            for (int i = 0; i < files; i++) {
                String origin = in.readUTF();
                String pkg = in.readBoolean() ? in.readUTF() : null;
                int pkgLine = in.readInt();
                int pkgColumn = in.readInt();
                int n = in.readInt();
                List<RuleText> rules = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    String ruleOrigin = in.readUTF();
                    String name = in.readUTF();
                    int line = in.readInt();
                    int column = in.readInt();
                    int metas = in.readInt();
                    Map<String, Meta> meta = new LinkedHashMap<>();
                    for (int k = 0; k < metas; k++) meta.put(in.readUTF(), meta(in));
                    int emitCount = in.readInt();
                    List<Emit> emits = new ArrayList<>(emitCount);
                    for (int k = 0; k < emitCount; k++) emits.add(new Emit(in.readUTF(), in.readUTF(), in.readInt(), in.readInt()));
                    Meta own = in.readBoolean() ? meta(in) : null;
                    rules.add(new RuleText(ruleOrigin, name, line, column, meta, emits, own));
                }
                int internalCount = in.readInt();
                List<Meta> internals = new ArrayList<>(internalCount);
                for (int k = 0; k < internalCount; k++) internals.add(meta(in));
                out.add(new Parsed(origin, pkg, pkgLine, pkgColumn, rules, internals));
            }
            if (in.read() != -1) throw new IllegalStateException(RESOURCE + " has bytes after its last file");
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is damaged: " + e, e);
        }
    }

    private static void meta(DataOutputStream out, Meta m) throws IOException {
        out.writeUTF(m.value());
        out.writeInt(m.line());
        out.writeInt(m.column());
    }

    private static Meta meta(DataInputStream in) throws IOException {
        return new Meta(in.readUTF(), in.readInt(), in.readInt());
    }
}
