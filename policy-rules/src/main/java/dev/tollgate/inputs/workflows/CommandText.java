package dev.tollgate.inputs.workflows;

import java.util.Collection;

/**
 * What the workflows extractor reads out of command text and cron strings, so that
 * {@code rules/workflows.drl} decides on fact fields ({@code RunCommand.deniesWarnings},
 * {@code RunCommand.checksAdvisories}, {@code Workflow.daily}, {@code WorkflowJob.failsOnBadResults})
 * and parses nothing itself.
 */
final class CommandText {
    private CommandText() {
    }

    /** Whether a command, with the {@code RUSTFLAGS} it runs with, turns warnings into errors. */
    static boolean deniesWarnings(String text, String rustflags) {
        String all = text + " " + rustflags;
        return all.contains("-D warnings") || all.contains("-Dwarnings") || all.contains("--deny warnings")
                || all.contains("--deny=warnings") || all.contains("-D=warnings");
    }

    /**
     * Whether a {@code cargo deny} command runs the advisories check: it names {@code advisories}, or
     * {@code check} with no check list (every check) or a list without bans, licenses and sources.
     */
    static boolean checksAdvisories(String tool, String text) {
        if (!tool.equals("cargo deny")) return false;
        if (text.contains("advisories")) return true;
        String[] w = text.trim().split("\\s+");
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("check")) {
                for (int j = i + 1; j < w.length; j++) {
                    if (w[j].equals("bans") || w[j].equals("licenses") || w[j].equals("sources")) return false;
                }
                return true;
            }
        }
        return false;
    }

    /** Whether a cron expression runs at least once every day. */
    static boolean isDaily(String cron) {
        String[] f = cron.trim().split("\\s+");
        return f.length >= 5 && f[2].equals("*") && f[3].equals("*")
                && (f[4].equals("*") || f[4].equals("0-6") || f[4].equals("*/1"));
    }

    /** Whether one of some cron expressions runs at least once every day. */
    static boolean anyDaily(Collection<String> crons) {
        for (String c : crons) if (isDaily(c)) return true;
        return false;
    }

    /**
     * Whether a gate's scripts (its steps' {@code if}, {@code run}, {@code env} and {@code with} text,
     * joined) fail on failed and cancelled results of the jobs it needs.
     */
    static boolean failsOnBadResults(String text) {
        return (text.contains("failure") && text.contains("cancelled"))
                || text.matches("(?s).*!=\\s*['\"]success['\"].*");
    }

    /** Whether a script's text runs {@code cargo clippy}. */
    static boolean callsCargoClippy(String text) {
        return text.contains("cargo clippy");
    }

    /** Whether a script's text runs clippy: {@code cargo clippy}, or a toolchain's ({@code cargo +nightly clippy}). */
    static boolean runsClippy(String text) {
        return text.contains("cargo clippy") || text.contains("cargo +") && text.contains(" clippy");
    }
}
