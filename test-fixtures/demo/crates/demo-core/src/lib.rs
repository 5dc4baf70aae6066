use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub name: String,
    pub retries: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("job name must not be empty")]
    EmptyName,
}

impl Job {
    pub fn new(name: &str, retries: u32) -> Result<Self, CoreError> {
        if name.trim().is_empty() {
            return Err(CoreError::EmptyName);
        }
        Ok(Self { name: name.to_owned(), retries })
    }
}
