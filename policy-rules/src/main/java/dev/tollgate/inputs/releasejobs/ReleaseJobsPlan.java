package dev.tollgate.inputs.releasejobs;

import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.facts.JobNeeds;
import dev.tollgate.api.facts.PublishJob;
import dev.tollgate.api.facts.ReleaseArtifact;
import dev.tollgate.api.facts.ReleaseJob;
import dev.tollgate.inputs.affected.AffectedPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The release jobs the rules derived, read from the session: which jobs run, why, and what each
 * waits for; printed as job matrices a workflow feeds to {@code fromJSON()}.
 *
 * @param runs  job → reason, for the jobs that run
 * @param needs job → the running jobs it waits for
 */
public record ReleaseJobsPlan(String base, ReleaseGraph.Graph graph, Map<String, String> runs,
                              Map<String, List<String>> needs, AffectedPlan affected) {

    public static ReleaseJobsPlan of(Derivation d, ReleaseGraph.Graph graph, String base, AffectedPlan affected) {
        Map<String, String> runs = new TreeMap<>();
        for (ReleaseJob j : d.all(ReleaseJob.class)) runs.putIfAbsent(j.job(), j.reason());
        Map<String, TreeSet<String>> needs = new TreeMap<>();
        for (JobNeeds n : d.all(JobNeeds.class)) {
            if (runs.containsKey(n.job()) && runs.containsKey(n.needs())) {
                needs.computeIfAbsent(n.job(), k -> new TreeSet<>()).add(n.needs());
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        needs.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return new ReleaseJobsPlan(base, graph, runs, out, affected);
    }

    public boolean runs(String job) {
        return runs.containsKey(job);
    }

    /**
     * {@code {"base", "build":{"include":[{"job","artifact","target"}]}, "publish":{"include":[{"job","name","needs"}]},
     * "announce":{"include":[…]}, "run":{"build","publish","announce"}, "jobs":{job: bool}, "reasons":{job: why},
     * "affected":[…]}}. An empty {@code include} is what GitHub refuses as a matrix: guard the job with
     * {@code run.build}.
     */
    public String toMatrixJson() {
        StringBuilder s = new StringBuilder("{\"base\":").append(base == null ? "null" : AffectedPlan.quote(base));
        List<String> build = new ArrayList<>();
        for (ReleaseArtifact a : graph.artifacts()) {
            if (!runs(a.buildJob())) continue;
            if (a.targets().isEmpty()) {
                build.add("{\"job\":" + AffectedPlan.quote(a.buildJob()) + ",\"artifact\":" + AffectedPlan.quote(a.name()) + "}");
            }
            for (String t : a.targets()) {
                build.add("{\"job\":" + AffectedPlan.quote(a.buildJob()) + ",\"artifact\":" + AffectedPlan.quote(a.name())
                        + ",\"target\":" + AffectedPlan.quote(t) + "}");
            }
        }
        List<String> publish = new ArrayList<>();
        List<String> announce = new ArrayList<>();
        for (PublishJob p : graph.publish()) {
            if (!runs(p.job())) continue;
            StringBuilder e = new StringBuilder("{\"job\":").append(AffectedPlan.quote(p.job()))
                    .append(",\"name\":").append(AffectedPlan.quote(p.name())).append(",\"needs\":");
            AffectedPlan.array(e, needs.getOrDefault(p.job(), List.of()));
            e.append('}');
            (p.announce() ? announce : publish).add(e.toString());
        }
        s.append(",\"build\":{\"include\":[").append(String.join(",", build)).append("]}");
        s.append(",\"publish\":{\"include\":[").append(String.join(",", publish)).append("]}");
        s.append(",\"announce\":{\"include\":[").append(String.join(",", announce)).append("]}");
        s.append(",\"run\":{\"build\":").append(!build.isEmpty()).append(",\"publish\":").append(!publish.isEmpty())
                .append(",\"announce\":").append(!announce.isEmpty()).append('}');
        Map<String, Boolean> jobs = new LinkedHashMap<>();
        for (ReleaseArtifact a : graph.artifacts()) jobs.put(a.buildJob(), runs(a.buildJob()));
        for (PublishJob p : graph.publish()) jobs.put(p.job(), runs(p.job()));
        s.append(",\"jobs\":{");
        boolean first = true;
        for (Map.Entry<String, Boolean> e : jobs.entrySet()) {
            if (!first) s.append(',');
            first = false;
            s.append(AffectedPlan.quote(e.getKey())).append(':').append(e.getValue());
        }
        s.append("},\"reasons\":{");
        first = true;
        for (Map.Entry<String, String> e : runs.entrySet()) {
            if (!first) s.append(',');
            first = false;
            s.append(AffectedPlan.quote(e.getKey())).append(':').append(AffectedPlan.quote(e.getValue()));
        }
        s.append("},\"affected\":");
        AffectedPlan.array(s, affected.affected());
        return s.append('}').toString();
    }
}
