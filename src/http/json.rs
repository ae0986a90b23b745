//! Wire formats shared by every response (api-contract §1.6). The datetime format is a domain
//! rule (the store's audit snapshots use it too); it is re-exported here for the response types.

pub use crate::domain::time::{datetime, format_datetime, opt_datetime};
