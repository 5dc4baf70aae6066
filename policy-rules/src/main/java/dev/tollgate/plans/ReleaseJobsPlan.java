package dev.tollgate.plans;

import dev.tollgate.inputs.releasejobs.ReleaseGraph;
import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.facts.JobNeeds;
import dev.tollgate.api.facts.PublishJob;
import dev.tollgate.api.facts.ReleaseArtifact;
import dev.tollgate.api.facts.ReleaseJob;

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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("base", base);
        List<Object> build = new ArrayList<>();
        for (ReleaseArtifact a : graph.artifacts()) {
            if (!runs(a.buildJob())) continue;
            if (a.targets().isEmpty()) build.add(entry("job", a.buildJob(), "artifact", a.name()));
            for (String t : a.targets()) {
                Map<String, Object> e = entry("job", a.buildJob(), "artifact", a.name());
                e.put("target", t);
                build.add(e);
            }
        }
        List<Object> publish = new ArrayList<>();
        List<Object> announce = new ArrayList<>();
        for (PublishJob p : graph.publish()) {
            if (!runs(p.job())) continue;
            Map<String, Object> e = entry("job", p.job(), "name", p.name());
            e.put("needs", needs.getOrDefault(p.job(), List.of()));
            (p.announce() ? announce : publish).add(e);
        }
        root.put("build", Map.of("include", build));
        root.put("publish", Map.of("include", publish));
        root.put("announce", Map.of("include", announce));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("build", !build.isEmpty());
        run.put("publish", !publish.isEmpty());
        run.put("announce", !announce.isEmpty());
        root.put("run", run);
        Map<String, Boolean> jobs = new LinkedHashMap<>();
        for (ReleaseArtifact a : graph.artifacts()) jobs.put(a.buildJob(), runs(a.buildJob()));
        for (PublishJob p : graph.publish()) jobs.put(p.job(), runs(p.job()));
        root.put("jobs", jobs);
        root.put("reasons", runs);
        root.put("affected", affected.affected());
        return PlanJson.compact(root);
    }

    private static Map<String, Object> entry(String k1, String v1, String k2, String v2) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(k1, v1);
        e.put(k2, v2);
        return e;
    }
}
