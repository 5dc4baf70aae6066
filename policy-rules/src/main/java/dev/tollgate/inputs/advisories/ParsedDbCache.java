package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.Advisory;
import dev.tollgate.api.facts.AdvisoryKind;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed advisories of one database state, in a small binary file under the user cache
 * directory, so that a run does not parse 1,205 Markdown files again. The key says exactly which
 * state: the commit of a database Tollgate fetched itself, or a fingerprint of every file's path,
 * size and modification time for a directory the user gave. A different state has a different key,
 * so a stale entry is never read; plain data only (no Java deserialization), and the cache is never
 * read from the repository under review. Files are 0600 in 0700 directories whatever the umask, and
 * an entry another user owns or may write is not read ({@link PrivateCache}).
 */
final class ParsedDbCache {
    private static final int FORMAT = 1;

    private ParsedDbCache() {
    }

    static Path file(Path cacheDir, String key) {
        return cacheDir.resolve("advisory-dbs").resolve("parsed-" + key + ".bin");
    }

    /** The cached advisories and notes for {@code key}, or null (absent, unreadable, another format). */
    static Entry read(Path file, String key) {
        // another user's entry, or one others may write, could say anything: not read (PrivateCache)
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !PrivateCache.isPrivate(file)
                || !PrivateCache.isPrivate(file.getParent())) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key)) return null;
            int skipped = in.readInt();
            int files = in.readInt();
            String updated = in.readUTF();
            String dateSource = in.readUTF();
            int n = in.readInt();
            List<Advisory> advisories = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                String crate = in.readUTF();
                String kindName = in.readUTF();
                advisories.add(new Advisory(id, crate, AdvisoryKind.of(kindName), kindName, in.readUTF(), in.readUTF(), in.readUTF(),
                        list(in), list(in), list(in), in.readUTF(), in.readUTF(), false, list(in), list(in), list(in), list(in),
                        list(in), location(in)));
            }
            int m = in.readInt();
            List<InputNote> notes = new ArrayList<>(m);
            for (int i = 0; i < m; i++) notes.add(new InputNote(in.readUTF(), in.readUTF(), in.readUTF(), location(in)));
            return new Entry(advisories, notes, skipped, files, updated, dateSource);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes an entry (atomically: a reader sees the old file or the whole new one); failures only cost speed. */
    static void write(Path file, String key, Entry e) {
        try {
            if (!PrivateCache.claim(file.getParent())) return;
            Path tmp = Files.createTempFile(file.getParent(), ".parsed-", ".tmp");
            PrivateCache.privatize(tmp);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeUTF(key);
                out.writeInt(e.skipped());
                out.writeInt(e.files());
                out.writeUTF(e.updated());
                out.writeUTF(e.dateSource());
                out.writeInt(e.advisories().size());
                for (Advisory a : e.advisories()) {
                    out.writeUTF(a.id());
                    out.writeUTF(a.crate());
                    out.writeUTF(a.kindName());
                    out.writeUTF(a.date());
                    out.writeUTF(a.url());
                    out.writeUTF(a.title());
                    list(out, a.aliases());
                    list(out, a.patched());
                    list(out, a.unaffected());
                    out.writeUTF(a.source());
                    out.writeUTF(a.cvss());
                    list(out, a.categories());
                    list(out, a.keywords());
                    list(out, a.os());
                    list(out, a.arch());
                    list(out, a.functions());
                    location(out, a.origin());
                }
                out.writeInt(e.malformed().size());
                for (InputNote n : e.malformed()) {
                    out.writeUTF(n.policy());
                    out.writeUTF(n.kind());
                    out.writeUTF(n.message());
                    location(out, n.origin());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ignored) {
            // an unwritable cache costs speed, not correctness
        }
    }

    record Entry(List<Advisory> advisories, List<InputNote> malformed, int skipped, int files, String updated, String dateSource) {
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(in.readUTF());
        return l;
    }

    private static void list(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) out.writeUTF(s);
    }

    private static Location location(DataInputStream in) throws IOException {
        return new Location(in.readUTF(), in.readInt(), in.readInt());
    }

    private static void location(DataOutputStream out, Location l) throws IOException {
        out.writeUTF(l.file() == null ? "" : l.file());
        out.writeInt(l.line());
        out.writeInt(l.column());
    }
}
