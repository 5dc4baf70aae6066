package dev.tollgate.inputs.advisories;

import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.Advisory;
import dev.tollgate.api.facts.AdvisoryDb;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a RustSec advisory database directory: every {@code crates/<name>/RUSTSEC-*.md}. One file that
 * cannot be read is a {@code malformed-advisory} note (a finding naming its file and line) and every
 * other file is still read; cargo-deny aborts the run on the first one instead.
 *
 * <p>The database's date is its last commit's when the directory is a git repository (read with JGit,
 * loaded only then), else the newest advisory {@code date}: the database cannot be older than that, so
 * staleness is never under-reported.
 *
 * <p>With a cache directory, the parsed result is kept in {@link ParsedDbCache}, keyed by the HEAD
 * commit for a checkout Tollgate fetched itself (it is reset to that commit, nobody edits it), and by
 * the commit plus every file's path, size and modification time for a directory the user gave.
 */
public final class AdvisoryDbReader {
    private AdvisoryDbReader() {
    }

    /** Reads without a cache. */
    public static AdvisoryDatabase read(Path dir, String display, String location, LocalDate today) {
        return read(dir, display, location, today, null, false);
    }

    /**
     * @param dir      the database root (holding {@code crates/})
     * @param display  how findings name the root ({@code advisory-db}, an absolute path)
     * @param location where it came from (the directory, or the URL it was fetched from)
     * @param today    the run's date
     * @param cacheDir where parsed databases are cached, or null for no cache
     * @param fetched  the directory is Tollgate's own checkout (its commit alone identifies its content)
     */
    public static AdvisoryDatabase read(Path dir, String display, String location, LocalDate today, Path cacheDir,
                                        boolean fetched) {
        Path crates = dir.resolve("crates");
        if (!Files.isDirectory(crates)) {
            throw InputException.at(dir.toString(), "not a RustSec advisory database (no crates/ directory)");
        }
        String root = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
        String commit = GitHeadFile.head(dir);
        List<Path> files = null;
        String key = null;
        if (cacheDir != null) {
            if (fetched && commit != null) {
                key = hash("commit", root, commit);
            } else {
                files = list(crates);
                key = hash("files", root, commit == null ? "" : commit, fingerprint(dir, files));
            }
            ParsedDbCache.Entry hit = ParsedDbCache.read(ParsedDbCache.file(cacheDir, key), key);
            if (hit != null) return database(hit, location, commit, root, today);
        }
        if (files == null) files = list(crates);
        ParsedDbCache.Entry parsed = parse(dir, root, files);
        if (commit != null || Files.exists(dir.resolve(".git"))) {
            GitDbInfo.Head head = GitDbInfo.head(dir);
            if (head != null) {
                commit = head.commit();
                parsed = new ParsedDbCache.Entry(parsed.advisories(), parsed.malformed(), parsed.skipped(), parsed.files(),
                        head.date(), "commit");
            }
        }
        if (key != null) ParsedDbCache.write(ParsedDbCache.file(cacheDir, key), key, parsed);
        return database(parsed, location, commit, root, today);
    }

    private static AdvisoryDatabase database(ParsedDbCache.Entry e, String location, String commit, String root, LocalDate today) {
        long age = e.updated().isEmpty() ? Long.MAX_VALUE : ChronoUnit.DAYS.between(LocalDate.parse(e.updated()), today);
        AdvisoryDb meta = new AdvisoryDb(location, commit == null ? "" : commit, e.updated(), age, e.dateSource(), e.files(),
                Location.file(root));
        return new AdvisoryDatabase(e.advisories(), e.malformed(), meta, e.skipped());
    }

    private static List<Path> list(Path crates) {
        List<Path> files = new ArrayList<>(1300);
        try (DirectoryStream<Path> crateDirs = Files.newDirectoryStream(crates)) {
            for (Path c : crateDirs) {
                if (!Files.isDirectory(c)) continue;
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(c, "*.md")) {
                    for (Path f : ds) files.add(f);
                }
            }
        } catch (IOException e) {
            throw InputException.at(crates.toString(), "cannot list the advisory database: " + e.getMessage());
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private static String fingerprint(Path dir, List<Path> files) {
        StringBuilder s = new StringBuilder(files.size() * 64);
        for (Path f : files) {
            s.append(dir.relativize(f)).append('\0');
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                s.append(a.size()).append('\0').append(a.lastModifiedTime().toMillis()).append('\n');
            } catch (IOException e) {
                s.append("?\n");
            }
        }
        return s.toString();
    }

    private static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParsedDbCache.Entry parse(Path dir, String root, List<Path> files) {
        Object[][] results = new Object[files.size()][];
        // Two workers: the parse is CPU-bound and CI machines have at least two cores.
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                Path f = files.get(i);
                String shown = root + "/" + dir.relativize(f).toString().replace('\\', '/');
                AdvisoryParser.Result r;
                String text;
                try {
                    // Not a regular file, a link out of the repository, too large: exit 2, never a note.
                    text = InputFiles.readText(f, shown, InputFiles.Kind.ADVISORY);
                } catch (InputException e) {
                    results[i] = new Object[] {shown, e};
                    continue;
                }
                try {
                    r = AdvisoryParser.parse(text, shown, f.getParent().getFileName().toString());
                } catch (InputException e) {
                    results[i] = new Object[] {shown, e};
                    continue;
                } catch (RuntimeException e) {
                    r = AdvisoryParser.Result.malformed(1, "cannot read: " + e.getMessage());
                }
                results[i] = new Object[] {shown, r};
            }
        };
        Thread helper = new Thread(work, "tollgate-advisories");
        helper.setDaemon(true);
        helper.start();
        work.run();
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the advisory database", e);
        }
        List<Advisory> advisories = new ArrayList<>(files.size());
        List<InputNote> malformed = new ArrayList<>();
        int skipped = 0;
        String newest = "";
        for (Object[] pair : results) {
            if (pair[1] instanceof InputException e) throw e;
        }
        for (Object[] pair : results) {
            String shown = (String) pair[0];
            AdvisoryParser.Result r = (AdvisoryParser.Result) pair[1];
            if (r.isMalformed()) {
                malformed.add(new InputNote(Policies.ADVISORIES, "malformed-advisory", r.problem(), Location.of(shown, r.line(), 0)));
            } else if (r.advisory() == null) {
                skipped++;
            } else {
                advisories.add(r.advisory());
                if (r.advisory().date().compareTo(newest) > 0) newest = r.advisory().date();
            }
        }
        return new ParsedDbCache.Entry(advisories, malformed, skipped, files.size(), newest, "newest-advisory");
    }
}
