package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code tollgate} command: its name, what it does, its options, and how it runs. The
 * dispatcher ({@link Cli}) parses the options, handles {@code --help}, and maps exceptions to exit
 * codes; a command only reads its parsed options and does its work.
 */
abstract class Command {
    /** The command's name as typed ({@code check}, {@code explain}). */
    abstract String name();

    /** One line for the command list. */
    abstract String summary();

    /** What follows the options in the usage line ({@code CODE}), or "". */
    String operands() {
        return "";
    }

    /** The command's own options; {@code --help} and {@code --debug} are added by the dispatcher. */
    abstract List<Option> options();

    /** Runs the command and returns its exit code. */
    abstract int run(CommandLine line, PrintWriter out, PrintWriter err) throws Exception;

    /** {@code --rules DIR} (repeatable) and {@code --cache-dir DIR}: every command that loads rules takes both. */
    static List<Option> ruleOptions() {
        return List.of(
                valued("rules", "DIR", "Add the .drl files in DIR; a file named like a shipped one replaces it (repeatable)."),
                valued("cache-dir", "DIR", "Where compiled custom rules are cached (default: the user cache directory)."));
    }

    /** The engine options those two options ask for. */
    static EngineOptions engineOptions(CommandLine line) {
        List<Path> dirs = new ArrayList<>();
        String[] rules = line.getOptionValues("rules");
        if (rules != null) for (String r : rules) dirs.add(Path.of(r));
        String cache = line.getOptionValue("cache-dir");
        return EngineOptions.bundled().withRuleDirs(dirs).withCacheDir(cache == null ? null : Path.of(cache));
    }

    /**
     * Compiled rules are code that Tollgate loads, and the repository under review is written by
     * whoever proposes the change: a cache directory inside it (given with --cache-dir, or the
     * default one) is a usage error, whether or not it exists yet.
     */
    static void cacheOutsideRepo(CommandLine line, Path repo) {
        String given = line.getOptionValue("cache-dir");
        Path cache = given != null ? Path.of(given) : EngineOptions.defaultCacheDir();
        Path realRepo;
        try {
            realRepo = repo.toRealPath();
        } catch (java.io.IOException e) {
            return; // a missing repository is reported where it is read
        }
        if (realPath(cache).startsWith(realRepo)) {
            throw new Cli.UsageException((given != null ? "--cache-dir " + given : "the cache directory " + cache)
                    + " is inside the repository under review (" + repo + "); compiled rules are code, so keep their cache"
                    + " outside the checkout (--cache-dir DIR)");
        }
    }

    /** The real path of {@code p}, resolving its nearest existing ancestor when it does not exist yet. */
    private static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (java.io.IOException e) {
            return abs;
        }
    }

    static Option valued(String name, String label, String description) {
        return Option.builder().longOpt(name).hasArg().argName(label).desc(description).get();
    }

    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    final Options allOptions() {
        Options o = new Options();
        for (Option opt : options()) o.addOption(opt);
        o.addOption(flag("debug", "Show stack traces of internal errors."));
        o.addOption(Option.builder("h").longOpt("help").desc("Show this help and exit.").get());
        return o;
    }
}
