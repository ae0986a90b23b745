//! A store failure that separates what a caller may answer (no such row, a constraint that
//! refused the write) from everything else. Store functions return `sqlx::Error` or this; a
//! caller that needs the distinction converts with `DbError::from`.

/// Why a store call failed.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A query that had to return a row returned none.
    #[error("row not found")]
    NotFound,
    /// A unique or foreign-key constraint refused the write.
    #[error("constraint violated: {0}")]
    Conflict(String),
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(d) if d.is_unique_violation() || d.is_foreign_key_violation() => {
                DbError::Conflict(d.message().to_string())
            }
            other => DbError::Other(other),
        }
    }
}
