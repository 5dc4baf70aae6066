package dev.tollgate.runner;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start is most of a CLI run: about 1,100 classes of Drools, Jackson and our own load and
 * verify before the first rule fires. An AppCDS archive maps them pre-parsed and pre-verified; with
 * C1 only the run is about twice as fast (docs/performance.md). {@code java -jar} cannot pass JVM
 * flags from the manifest, so the launcher JVM starts a child JVM with them and relays its exit code;
 * the launcher itself loads only this class and the JDK's process API.
 *
 * <p>A dynamic archive is valid for one JDK build and one jar (its path, size and time) only. Which
 * archive the child gets:
 * <ol>
 *   <li>the one built beside the jar ({@code policy-runner.jsa}), when its identity file
 *       ({@code policy-runner.jsa.jvm}, written by the training run) names this JVM and this jar;
 *   <li>else one made for this JVM and jar on first use, in the user cache directory
 *       ({@code $XDG_CACHE_HOME/tollgate/cds}, else {@code ~/.cache/tollgate/cds}): the first
 *       {@code check} or {@code plan} run dumps its classes into a temporary file
 *       ({@code -XX:ArchiveClassesAtExit}), renamed into place after the run, so a concurrent run
 *       never maps a half-written file. The JVM fails a run, with a message, when it cannot write
 *       the dump, so it is asked to only when the directory takes a new file and has room;
 *   <li>else, as before the cache: the archive beside the jar if there is one (the child runs
 *       without it, silently, but C1 and Serial GC still help), or no relaunch.
 * </ol>
 * A cached archive is mapped only when {@link #trustworthy}: this user's, writable by no one else,
 * with the size, time, inode and end checksums recorded beside it when it was made; a child that
 * crashes while mapping one (a damage the record does not see) makes the launcher delete it and run
 * once more without it. A dumping child writes its answer to a file before the JVM dumps at exit, so
 * a dump that fails (a full disk) changes neither the exit code nor stdout. The JVM's messages go to
 * stderr, its crash report to the temporary directory, never a core; cache directories are 0700,
 * files 0600, whatever the umask (docs/performance.md, section 2 "Start-up").
 *
 * <p>On JDK {@value #AOT_FEATURE}+ the cache holds an AOT cache instead ({@code .aot}: classes loaded and
 * linked ahead of time, JEP 483/514), keyed, trusted and healed the same way: the first {@code check}
 * or {@code plan} records its configuration ({@code -XX:AOTMode=record}, one run at a time, under
 * {@link #pendingFile}), and {@link AotCacheAssembler} makes the cache in the background. A failed
 * attempt ({@link #failedFile}) or {@code TOLLGATE_NO_AOT_CACHE} leaves that JVM on the dynamic archive.
 *
 * <p>Not {@code -XX:+AutoCreateSharedArchive} (JDK 19+): it rewrites the file in place, and a JVM
 * that opens a file still being written prints a warning (measured on JDK 25).
 *
 * <p>No relaunch when: already relaunched, {@code TOLLGATE_NO_RELAUNCH} is set, or not running from
 * a jar. {@code TOLLGATE_NO_ARCHIVE_CACHE} turns the cache off (neither read nor written). Under
 * {@code CI=true} an archive in the cache is used but none is made, unless
 * {@code TOLLGATE_ARCHIVE_CACHE=write} ({@link #writesArchives}).
 */
final class FastStart {
    static final String RELAUNCHED = "tollgate.relaunched";
    /**
     * Set on the child the launcher starts: its exit codes are shifted by {@link #CODE_SHIFT}, so any
     * other status (a rule's {@code System.exit(0)}, a JVM that failed to start, a signal) is told apart
     * from an answer and becomes 2, never 0 or 1.
     */
    static final String SHIFTED = "tollgate.shiftedExit";
    static final int CODE_SHIFT = 40;
    /** Free space the cache directory needs before a run may dump an archive into it (about 12–25 MB). */
    static final long MIN_FREE = 256L << 20;
    /** Test hook: the free space to require instead of {@link #MIN_FREE} (a "full disk"). */
    static final String MIN_FREE_PROPERTY = "tollgate.archiveCache.minFree";
    /** First four bytes of a dynamic CDS archive (0xf00baba8, little-endian), JDK 17 to 25. */
    private static final int DYNAMIC_MAGIC = 0xf00baba8;
    /** Set on a dumping child: the file its Main writes its (shifted) exit code to before the JVM dumps. */
    static final String ANSWER_FILE = "tollgate.answerFile";
    /** Bytes at each end of a cached archive covered by its recorded checksum. */
    private static final int EDGE = 64 << 10;
    /** First four bytes of a JDK 25 AOT cache (a static archive, 0xf00baba2, little-endian). */
    static final int AOT_CACHE_MAGIC = 0xf00baba2;
    /** First four bytes of a JDK 25 AOT configuration ({@code -XX:AOTMode=record}), 0xcafea07c, little-endian. */
    static final int AOT_CONFIG_MAGIC = 0xcafea07c;
    /** The first JDK whose AOT cache the launcher uses (JEP 483 is in 24; 25 is the tested, long-term one). */
    static final int AOT_FEATURE = 25;
    /** How long a recorded configuration may be in assembly before another run records again (a killed assembler). */
    static final long AOT_PENDING_MILLIS = 10 * 60_000L;

    private FastStart() {
    }

    /**
     * Runs the child JVM and returns its exit code, or -1 when this JVM should run the CLI itself.
     * This runs in the launcher JVM, before anything is warm: it uses java.io.File and plain string
     * methods, no lambdas and no {@code +} on strings, because each first invokedynamic call costs
     * tens of milliseconds of method-handle set-up there.
     */
    static int relaunchIfUseful(String[] args) {
        if (System.getProperty(RELAUNCHED) != null || System.getenv("TOLLGATE_NO_RELAUNCH") != null) return -1;
        for (String a : args) {
            if (a.equals("--debug")) debug = true;
        }
        File dump = null;
        File cached = null;
        File answerFile = null;
        File aotRecording = null;
        try {
            File jar = ownJar();
            if (jar == null) return -1;
            File shipped = archiveFor(jar);
            String jvm = jvmAndJar(jar);
            String identity = jvm.concat(stamp(jar));
            File archive = null;
            boolean fromCache = false;
            boolean aot = false;
            boolean useCache = System.getenv("TOLLGATE_NO_ARCHIVE_CACHE") == null;
            File dir = useCache ? cacheDir() : null;
            // JDK 25+: an AOT cache (classes loaded and linked, call sites resolved ahead of time) made for
            // this JVM and jar by an earlier run is the fastest start; the first run records its configuration
            // and a background process assembles the cache (AotCacheAssembler).
            File aotCache = useCache && aotCapable() ? cachedAotCache(dir, jvm, identity) : null;
            if (aotCache != null) {
                if (trustworthy(aotCache)) {
                    archive = aotCache;
                    cached = aotCache;
                    fromCache = true;
                    aot = true;
                } else if (trains(args) && writesArchives() && !aotFailed(aotCache)) {
                    dump = newAotConfigFile(aotCache, Long.getLong(MIN_FREE_PROPERTY, MIN_FREE));
                    if (dump != null) {
                        answerFile = new File(dump.getPath().concat(".answer"));
                        aot = true;
                        aotRecording = aotCache;
                    } else {
                        aotCache = null;   // another run is recording or assembling one: no dynamic dump meanwhile
                    }
                }
            }
            if (archive == null && dump == null) {
                if (shipped.isFile() && identity.equals(readSmall(identityFileFor(shipped)))) {
                    archive = shipped;
                } else if (useCache) {
                    cached = cachedArchive(dir, jvm, identity);
                    if (trustworthy(cached)) {
                        archive = cached;
                        fromCache = true;
                    } else if (trains(args) && writesArchives() && (!aotCapable() || aotCache != null)) {
                        // on JDK 25+ a dynamic archive is made only when this JVM could not make an AOT cache
                        dump = newDumpFile(cached, Long.getLong(MIN_FREE_PROPERTY, MIN_FREE));
                        if (dump != null) answerFile = new File(dump.getPath().concat(".answer"));
                    }
                }
            }
            if (archive == null && dump == null) {
                if (!shipped.isFile() || shipped.lastModified() < jar.lastModified()) return -1;
                archive = shipped;
            }
            Process child = start(jar, archive, dump, answerFile, aot, args);
            StopChild stop = new StopChild(child);
            Runtime.getRuntime().addShutdownHook(stop);
            int status = child.waitFor();
            if (dump != null && !isAnswer(status)) {
                // The dump runs after the verdict was written: a dump that failed (a full disk) must not change it.
                String answered = readSmall(answerFile);
                if (answered != null && isAnswer(parse(answered))) status = parse(answered);
            }
            if (fromCache && (status == 1 || status > 128 && status < 160)) {
                // A damaged archive crashes the JVM as it maps it (exit 1, as no core is dumped, or a
                // signal): forget the archive and run once without it, unless the launcher is stopping.
                forget(cached);
                notice("the cached start-up archive crashed the JVM; removed, the run repeated without it");
                synchronized (stop) {
                    if (stop.stopped) return 2;
                    child = start(jar, null, null, null, false, args);
                    stop.child = child;
                }
                status = child.waitFor();
            }
            int code = answer(status);
            if (dump != null) {
                if (aot) {
                    assemble(jar, dump, aotCache, code);
                } else {
                    keep(dump, cached, code);
                }
                dump = null;
            }
            return relayed(code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } catch (Exception e) {
            // Anything odd about the environment: run in this JVM, slower but the same.
            return -1;
        } finally {
            if (dump != null) {
                dump.delete();
                if (aotRecording != null) pendingFile(aotRecording).delete();   // a stopped recording: the next run may record
            }
            if (answerFile != null) answerFile.delete();
        }
    }

    private static boolean isAnswer(int status) {
        return status >= CODE_SHIFT && status <= CODE_SHIFT + 2;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The child JVM: with {@code archive} mapped, or dumping into {@code dump}, or neither. With {@code aot}
     * (JDK 25+), {@code archive} is an AOT cache and {@code dump} the AOT configuration the run records.
     */
    private static Process start(File jar, File archive, File dump, File answerFile, boolean aot, String[] args) throws IOException {
        List<String> cmd = new ArrayList<>(24 + args.length);
        cmd.add(javaCommand());
        if (dump != null) {
            if (aot) {
                cmd.add("-XX:AOTMode=record");
                cmd.add("-XX:AOTConfiguration=".concat(dump.getPath()));
                // "AOTConfiguration recorded: ..." is printed by the VM at exit: not a word on a first run
                cmd.add("-XX:+UnlockDiagnosticVMOptions");
                cmd.add("-XX:-DisplayVMOutput");
            } else {
                cmd.add("-XX:ArchiveClassesAtExit=".concat(dump.getPath()));
            }
            cmd.add("-D".concat(ANSWER_FILE).concat("=").concat(answerFile.getPath()));
        } else if (archive != null) {
            cmd.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=").concat(archive.getPath()));
            // A cached archive damaged on disk crashes the JVM, whose fatal error banner goes to stdout
            // whatever the flags: not a word from it, the launcher runs again without the archive.
            if (!archive.equals(archiveFor(jar))) cmd.add("-XX:+SuppressFatalErrorMessage");
        }
        if (!aot) cmd.add("-Xshare:auto");   // the AOT flags refuse any -Xshare
        addChildFlags(cmd);
        cmd.add("-D".concat(RELAUNCHED).concat("=1"));
        cmd.add("-D".concat(SHIFTED).concat("=1"));
        cmd.add("-cp");
        cmd.add(jar.getPath());
        cmd.add(Main.class.getName());
        for (String a : args) cmd.add(a);
        return new ProcessBuilder(cmd).inheritIO().start();
    }

    /** This JVM's {@code java}. */
    static String javaCommand() {
        return new File(new File(System.getProperty("java.home"), "bin"), "java").getPath();
    }

    /**
     * The flags every child has, and the AOT cache's assembly too (an AOT cache is made for the flags
     * of the JVM that uses it): quiet, crash reports out of the checkout, C1 only, Serial GC, UTF-8.
     */
    static void addChildFlags(List<String> cmd) {
        // A mismatched archive or AOT cache (another JDK, a moved jar) must cost speed, never print warnings.
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        if (aotCapable()) {
            cmd.add("-Xlog:aot*=off");
            cmd.add("-Xlog:cds*=off");
        }
        // The JVM's own messages (a failed dump, a crash) go to stderr, never into a JSON stdout; a crash
        // report goes to the temporary directory, never into the checkout, and no core file is written.
        cmd.add("-XX:+DisplayVMOutputToStderr");
        cmd.add("-XX:ErrorFile=".concat(errorFile(-1).getPath()));
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        // UTF-8 output and default charset whatever the locale (JDK 17 follows LANG; 18+ only stdout).
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-Dstderr.encoding=UTF-8");
    }

    /**
     * Whether this JVM gets an AOT cache instead of a dynamic archive: JDK {@value #AOT_FEATURE} or later
     * (JEP 483/514/515), unless {@code TOLLGATE_NO_AOT_CACHE} is set (then the dynamic archive, as on JDK 17).
     */
    static boolean aotCapable() {
        if (System.getenv("TOLLGATE_NO_AOT_CACHE") != null) return false;
        String v = System.getProperty("java.specification.version", "");
        int feature = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;   // "1.8" and the like
            feature = feature * 10 + (c - '0');
            if (feature > 10_000) return false;
        }
        return feature >= AOT_FEATURE;
    }

    /** Set when the command line has {@code --debug}: the launcher then says what its start-up path did. */
    private static boolean debug;

    /** With {@code TOLLGATE_TIMINGS} set or {@code --debug}, one line on stderr about the start-up path; else nothing. */
    static void notice(String what) {
        if (!debug && System.getenv("TOLLGATE_TIMINGS") == null) return;
        System.err.println("tollgate: start-up: ".concat(what));
    }

    /** The child's fatal error report, in the temporary directory: {@code %p} for {@code pid} -1. */
    static File errorFile(long pid) {
        String p = pid < 0 ? "%p" : Long.toString(pid);
        return new File(System.getProperty("java.io.tmpdir"), "tollgate-hs_err_pid".concat(p).concat(".log"));
    }

    /**
     * Whether the cached archive may be mapped: a regular file (not a link) of this user, writable by
     * no one else, whose size, time, inode and first and last 64 KiB are those recorded beside it
     * ({@link #recordFile}) when it was made. Anything else damaging it is caught by the crash it causes.
     */
    static boolean trustworthy(File archive) {
        String recorded = readSmall(recordFile(archive));
        if (recorded == null) return false;
        try {
            java.nio.file.Path p = archive.toPath();
            java.util.Map<String, Object> a = java.nio.file.Files.readAttributes(p, "unix:mode,uid,ino,size,lastModifiedTime,isRegularFile",
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!Boolean.TRUE.equals(a.get("isRegularFile"))) return false;
            int mode = ((Integer) a.get("mode")).intValue();
            if ((mode & 022) != 0) return false;
            Object me = java.nio.file.Files.getAttribute(new File("/proc/self").toPath(), "unix:uid");
            if (!me.equals(a.get("uid"))) return false;
            return recorded.equals(record(archive, a));
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** {@code x.jsa} → {@code x.jsa.id}: the archive's size, time, inode and checksums when it was made. */
    static File recordFile(File archive) {
        return new File(archive.getParentFile(), archive.getName().concat(".id"));
    }

    private static String record(File archive, java.util.Map<String, Object> a) throws IOException {
        long size = ((Long) a.get("size")).longValue();
        StringBuilder b = new StringBuilder(96).append("tollgate-cds-record 1\n").append(size).append(' ')
                .append(((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis()).append(' ')
                .append(a.get("ino")).append('\n');
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(archive, "r")) {
            int n = (int) Math.min(size, EDGE);
            byte[] buf = new byte[n];
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            f.readFully(buf, 0, n);
            crc.update(buf, 0, n);
            f.seek(size - n);
            f.readFully(buf, 0, n);
            crc.update(buf, 0, n);
            b.append(Long.toHexString(crc.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String record(File archive) throws IOException {
        return record(archive, java.nio.file.Files.readAttributes(archive.toPath(), "unix:size,lastModifiedTime,ino",
                java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** Removes a cached archive and its record (a crash showed it damaged); errors are ignored. */
    static void forget(File archive) {
        recordFile(archive).delete();
        archive.delete();
    }

    /**
     * The launcher's exit code for the child's status: its answer (shifted by {@link #CODE_SHIFT}, so
     * that no other way of ending can pass for one), 2 when its Main has said why it has none, and 2
     * with one line for anything else: a rule's System.exit, a JVM killed by a signal (128 + its
     * number) or aborted. Exit 1 means "the gate fails", which a crash must never look like.
     */
    static int answer(int childStatus) {
        if (isAnswer(childStatus)) return childStatus - CODE_SHIFT;
        if (childStatus == 2) return 2;   // the child's Main.NoVerdict has said why
        String why = childStatus > 128 && childStatus < 160 ? "was killed by signal ".concat(Integer.toString(childStatus - 128))
                : "ended with exit code ".concat(Integer.toString(childStatus));
        System.err.println("tollgate: internal error: the Java process running the check ".concat(why)
                .concat(", without a verdict"));
        return 2;
    }

    /** An exit code passed on: 0, 1 and 2 as they are; anything else is 2 with one line. */
    static int relayed(int code) {
        if (code == 0 || code == 1 || code == 2) return code;
        System.err.println("tollgate: internal error: the check ended with exit code ".concat(Integer.toString(code)));
        return 2;
    }

    /** The jar this class was loaded from, or null when it was not loaded from a jar file. */
    static File ownJar() throws java.net.URISyntaxException {
        java.security.CodeSource source = FastStart.class.getProtectionDomain().getCodeSource();
        if (source == null) return null;
        File jar = new File(source.getLocation().toURI());
        return jar.isFile() && jar.getName().endsWith(".jar") ? jar : null;
    }

    /** {@code policy-runner.jar} → {@code policy-runner.jsa} beside it. */
    static File archiveFor(File jar) {
        String name = jar.getName();
        return new File(jar.getParentFile(), name.substring(0, name.length() - 4).concat(".jsa"));
    }

    /** {@code policy-runner.jsa} → {@code policy-runner.jsa.jvm}: the {@link #identity} the archive was made for. */
    static File identityFileFor(File archive) {
        return new File(archive.getParentFile(), archive.getName().concat(".jvm"));
    }

    /**
     * What a dynamic archive depends on, as text: this JVM's build and files (the base CDS archive it
     * extends, the runtime image) and the jar's path, size and time. Written beside the archive by the
     * training run ({@code CdsTraining}), compared by the launcher.
     */
    static String identity(File jar) {
        return jvmAndJar(jar).concat(stamp(jar));
    }

    private static String jvmAndJar(File jar) {
        String home = System.getProperty("java.home");
        StringBuilder b = new StringBuilder(400);
        b.append("tollgate-cds 1\n");
        b.append(System.getProperty("java.vm.vendor")).append('\n');
        b.append(System.getProperty("java.vm.name")).append('\n');
        b.append(System.getProperty("java.vm.version")).append('\n');
        b.append(System.getProperty("os.arch")).append('\n');
        b.append(home).append('\n');
        b.append(stamp(new File(home, "lib/modules")));
        b.append(stamp(new File(home, "lib/server/classes.jsa")));
        b.append(jar.getPath()).append('\n');
        return b.toString();
    }

    private static String stamp(File f) {
        StringBuilder b = new StringBuilder(40);
        return b.append(f.length()).append(' ').append(f.lastModified()).append('\n').toString();
    }

    /**
     * The per-JDK archive for {@code identity}: {@code policy-runner-<JVM and jar path>-<identity>.jsa};
     * the first part is shared by every build of the jar at that path on this JVM.
     */
    static File cachedArchive(File dir, String jvmAndJar, String identity) {
        StringBuilder name = new StringBuilder(64).append("policy-runner-")
                .append(hash(jvmAndJar)).append('-').append(hash(identity)).append(".jsa");
        return new File(dir, name.toString());
    }

    /** The per-JDK AOT cache for {@code identity}: {@link #cachedArchive}'s name, ending {@code .aot}. */
    static File cachedAotCache(File dir, String jvmAndJar, String identity) {
        String name = cachedArchive(dir, jvmAndJar, identity).getName();
        return new File(dir, name.substring(0, name.length() - 4).concat(".aot"));
    }

    /** {@code x.aot} → {@code x.aot.pending}: a run is recording, or a background process assembling, {@code x.aot}. */
    static File pendingFile(File aotCache) {
        return new File(aotCache.getParentFile(), aotCache.getName().concat(".pending"));
    }

    /** {@code x.aot} → {@code x.aot.failed}: this JVM could not make {@code x.aot}; its runs use a dynamic archive. */
    static File failedFile(File aotCache) {
        return new File(aotCache.getParentFile(), aotCache.getName().concat(".failed"));
    }

    /** Whether an earlier attempt to make this AOT cache failed (then the dynamic archive serves this JVM and jar). */
    static boolean aotFailed(File aotCache) {
        return failedFile(aotCache).exists();
    }

    /**
     * A new temporary file beside {@code target} for the AOT configuration a run records, or null when
     * another run is recording or assembling that cache (its {@link #pendingFile}, younger than
     * {@link #AOT_PENDING_MILLIS}), or the directory cannot take it ({@link #newDumpFile}). The caller
     * holds the pending file until the cache is assembled or given up.
     */
    static File newAotConfigFile(File target, long minFree) {
        File dir = target.getParentFile();
        if (!dir.isDirectory() && !makePrivateDirs(dir)) return null;
        if (dir.getUsableSpace() < minFree) return null;
        File pending = pendingFile(target);
        try {
            if (!pending.createNewFile()) {
                if (System.currentTimeMillis() - pending.lastModified() < AOT_PENDING_MILLIS) return null;
                pending.delete();   // left by a killed run or assembler
                if (!pending.createNewFile()) return null;
            }
            ownerOnly(pending, false);
        } catch (IOException | SecurityException e) {
            return null;
        }
        File config = newDumpFile(target, 0);
        if (config == null) pending.delete();
        return config;
    }

    /**
     * After a run that recorded an AOT configuration: a complete one of a run that did its work (exit 0
     * or 1) is assembled into {@code target} by a background JVM ({@link AotCacheAssembler}, its output
     * discarded, so nothing waits for it: the assembly takes seconds); the next runs use the cache once
     * it is in place. A run that answered but recorded nothing usable marks the cache failed (this JVM
     * then gets a dynamic archive); a usage error just gives the attempt up.
     */
    static void assemble(File jar, File config, File target, int code) {
        File pending = pendingFile(target);
        boolean answered = code == 0 || code == 1;
        if (!answered || !startsWithMagic(config, AOT_CONFIG_MAGIC)) {
            if (answered) markFailed(target);
            config.delete();
            pending.delete();
            return;
        }
        ownerOnly(config, false);
        List<String> cmd = new ArrayList<>(16);
        cmd.add(javaCommand());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:ErrorFile=".concat(errorFile(-1).getPath()));
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-cp");
        cmd.add(jar.getPath());
        cmd.add(AotCacheAssembler.class.getName());
        cmd.add(config.getPath());
        cmd.add(target.getPath());
        try {
            Process p = new ProcessBuilder(cmd).directory(target.getParentFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            notice("recorded this JVM's start-up; its AOT cache is being assembled in the background");
        } catch (IOException | RuntimeException e) {
            config.delete();
            pending.delete();
        }
    }

    /** Marks the AOT cache {@code target} as one this JVM could not make (errors ignored). */
    static void markFailed(File target) {
        try {
            if (failedFile(target).createNewFile()) ownerOnly(failedFile(target), false);
        } catch (IOException | SecurityException e) {
            // the next run tries again
        }
        notice("no AOT cache could be made for this JVM; a class-data archive is used instead");
    }

    /** The user cache directory's {@code cds} folder: the one {@code EngineOptions.defaultCacheDir} names. */
    static File cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return new File(new File(xdg, "tollgate"), "cds");
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) {
            return new File(new File(local, "tollgate"), "cds");
        }
        return new File(new File(new File(System.getProperty("user.home"), ".cache"), "tollgate"), "cds");
    }

    /**
     * Whether this run may make an archive for the cache. Not under {@code CI=true} (GitHub Actions,
     * GitLab, most CI services set it), unless {@code TOLLGATE_ARCHIVE_CACHE=write}: a CI job usually
     * starts with an empty cache directory and throws it away, so the dump (0.6-0.8 s) would be paid on
     * every job and used by none. A job that keeps the directory between runs (actions/cache) sets it.
     */
    static boolean writesArchives() {
        if ("write".equals(System.getenv("TOLLGATE_ARCHIVE_CACHE"))) return true;
        return !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Only a real run makes an archive worth keeping: not {@code --version}, {@code explain} or help. */
    static boolean trains(String[] args) {
        if (args.length == 0 || !(args[0].equals("check") || args[0].equals("plan"))) return false;
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) return false;
        }
        return true;
    }

    /**
     * A new, empty temporary file beside {@code target} for the child's dump, or null when the
     * directory cannot be made, takes no new file, or has less than {@code minFree} bytes free: the
     * JVM would then fail the run with a message of its own.
     */
    static File newDumpFile(File target, long minFree) {
        File dir = target.getParentFile();
        if (!dir.isDirectory() && !makePrivateDirs(dir)) return null;
        if (dir.getUsableSpace() < minFree) return null;
        StringBuilder name = new StringBuilder(96).append(target.getName()).append('.')
                .append(Long.toHexString(System.nanoTime())).append(".tmp");
        File tmp = new File(dir, name.toString());
        try {
            if (!tmp.createNewFile()) return null;
            ownerOnly(tmp, false);
            return tmp;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Makes {@code dir} and its missing parents, each readable, writable and searchable by the owner only. */
    static boolean makePrivateDirs(File dir) {
        File parent = dir.getParentFile();
        if (parent != null && !parent.isDirectory() && !makePrivateDirs(parent)) return false;
        if (!dir.mkdir() && !dir.isDirectory()) return false;
        ownerOnly(dir, true);
        return true;
    }

    /** Mode 0700 (a directory) or 0600 (a file), whatever the umask. */
    static void ownerOnly(File f, boolean dir) {
        f.setReadable(false, false);
        f.setWritable(false, false);
        f.setExecutable(false, false);
        f.setReadable(true, true);
        f.setWritable(true, true);
        if (dir) f.setExecutable(true, true);
    }

    /**
     * After the dump run: a complete archive (the JVM writes its header last) of a run that did its
     * work (exit 0 or 1) becomes {@code target} by an atomic rename; anything else is deleted. Then
     * archives of earlier builds of the same jar on this JVM (never valid again) and temporary files
     * of killed runs are removed. Errors are ignored: the cache is only ever a speed-up.
     */
    static boolean keep(File dump, File target, int code) {
        return install(dump, target, (code == 0 || code == 1) && startsWithMagic(dump, DYNAMIC_MAGIC));
    }

    /**
     * {@code made} (a dump, or an assembled AOT cache) becomes {@code target} when {@code whole}: owner-only,
     * its record written first, both renamed into place; else it is deleted. Then the files of earlier
     * builds of the same jar on this JVM and abandoned temporary files are removed.
     */
    static boolean install(File dump, File target, boolean whole) {
        boolean kept = whole;
        if (kept) {
            // The JVM makes the dump anew (mode 0444 less the umask): owner-only, then its record, then the
            // rename (which keeps size, time and inode), so a run that sees the archive also sees its record.
            ownerOnly(dump, false);
            File record = new File(dump.getPath().concat(".id"));
            try {
                java.nio.file.Files.write(record.toPath(), record(dump).getBytes("UTF-8"));
                ownerOnly(record, false);
                kept = record.renameTo(recordFile(target)) && dump.renameTo(target);
            } catch (IOException | RuntimeException e) {
                kept = false;
            }
            record.delete();
        }
        if (!kept) {
            dump.delete();
            return false;
        }
        String name = target.getName();
        String build = name.substring(0, name.lastIndexOf('-') + 1);
        String ext = name.substring(name.lastIndexOf('.'));   // .jsa or .aot
        File[] files = target.getParentFile().listFiles();
        if (files == null) return true;
        long old = System.currentTimeMillis() - 3_600_000L;
        for (File f : files) {
            String n = f.getName();
            boolean earlierBuild = n.startsWith(build) && !n.startsWith(name)
                    && (n.endsWith(ext) || n.endsWith(ext.concat(".id")) || n.endsWith(ext.concat(".failed")));
            boolean abandoned = n.startsWith("policy-runner-") && (n.endsWith(".tmp") || n.endsWith(".tmp.id")
                    || n.endsWith(".tmp.answer")) && f.lastModified() < old;
            if (earlierBuild || abandoned) f.delete();
        }
        return true;
    }

    static boolean startsWithMagic(File f, int expected) {
        byte[] b = new byte[4];
        try (InputStream in = new FileInputStream(f)) {
            if (in.readNBytes(b, 0, 4) != 4) return false;
        } catch (IOException e) {
            return false;
        }
        int magic = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        return magic == expected;
    }

    /** A small text file's content, or null when it cannot be read. */
    static String readSmall(File f) {
        try (InputStream in = new FileInputStream(f)) {
            return new String(in.readNBytes(8192), "UTF-8");
        } catch (IOException e) {
            return null;
        }
    }

    /** 64-bit FNV-1a of the string's chars, as 16 hex digits. */
    static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()).concat(hex);
    }

    /** When the launcher is stopped (Ctrl-C, a CI timeout), the child stops too. */
    private static final class StopChild extends Thread {
        Process child;
        boolean stopped;

        StopChild(Process child) {
            this.child = child;
        }

        @Override
        public synchronized void run() {
            stopped = true;
            child.destroy();
        }
    }
}
