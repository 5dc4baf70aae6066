use anyhow::Context;
use demo_core::Job;

fn main() -> anyhow::Result<()> {
    let name = std::env::args().nth(1).unwrap_or_else(|| "nightly".to_owned());
    let job = Job::new(&name, 3).context("invalid job")?;
    println!("{} (retries: {})", job.name, job.retries);
    Ok(())
}
