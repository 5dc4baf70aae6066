use demo_core::Job;

pub trait Plugin {
    fn name(&self) -> &'static str;
    fn on_job(&self, job: &Job);
}

pub struct MetricsPlugin;

impl Plugin for MetricsPlugin {
    fn name(&self) -> &'static str {
        "metrics"
    }

    fn on_job(&self, job: &Job) {
        internal_metrics::counter("demo.jobs", &[("job", job.name.as_str())]).increment(1);
    }
}

#[cfg(feature = "widgets")]
pub fn render_banner(job: &Job) -> String {
    fancy_widgets::Banner::new(&job.name).render()
}
