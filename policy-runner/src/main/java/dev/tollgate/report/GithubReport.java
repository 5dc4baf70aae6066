package dev.tollgate.report;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;

/**
 * GitHub Actions workflow commands on standard output, which the runner turns into annotations on
 * the pull request: {@code ::error file=F,line=L,col=C,title=T::message}. Only a finding whose file
 * exists in the repository is attached to it (GitHub cannot place an annotation on a file it does
 * not have); any other finding becomes a plain {@code ::notice::} line naming its severity. The
 * last line is the verdict, as in the text report. At most {@value PerCode#MAX} findings of one code
 * are annotated, then one notice says how many more there are ({@link PerCode}).
 */
public final class GithubReport implements Report {
    private final ReportContext context;

    public GithubReport(ReportContext context) {
        this.context = context;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        PerCode.Cut cut = PerCode.cut(verdict.findings());
        for (Finding f : cut.shown()) {
            Location l = f.location();
            String file = RepoFiles.relative(l.file(), context.repoRoot());
            String title = "tollgate " + f.policy() + "/" + f.code() + (f.subject() == null ? "" : " " + f.subject());
            if (RepoFiles.exists(file, context.repoRoot())) {
                StringBuilder cmd = new StringBuilder("::").append(command(f.severity())).append(" file=").append(property(file));
                if (l.line() > 0) {
                    cmd.append(",line=").append(l.line());
                    if (l.column() > 0) cmd.append(",col=").append(l.column());
                }
                cmd.append(",title=").append(property(title)).append("::").append(data(f.message()));
                out.write(cmd.append('\n').toString());
            } else {
                String where = l.toString();
                out.write("::notice::" + data(f.severity().word() + ": " + title + (where.isEmpty() ? "" : " (" + where + ")")
                        + ": " + f.message()) + "\n");
            }
        }
        for (Map.Entry<String, Integer> more : cut.omitted().entrySet()) {
            int slash = more.getKey().indexOf('/');
            out.write("::notice::" + data("tollgate " + more.getKey() + ": "
                    + PerCode.moreLine(more.getKey().substring(slash + 1), more.getValue())) + "\n");
        }
        out.write(Printable.line(Printable.escape(Summary.verdictLine(verdict, evaluated))) + "\n");
    }

    static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /**
     * A command's message: control and bidi characters as visible escapes ({@link Printable}), then
     * {@code %}, CR and LF escaped, as the runner's toolkit does.
     */
    static String data(String s) {
        return Printable.escapeKeepingLineBreaks(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command property's value: the message escapes, and {@code :} and {@code ,} too. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
