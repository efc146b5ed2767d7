//! OKRs exported from other tools, read in the layouts their makers document, so an
//! organisation moving to okr keeps its objectives, key results and check-ins. Each
//! layout, field by field, and the documentation version it follows are in
//! `docs/vendors.md`.
//!
//! - [`okr_tracker`]: the okr-tracker REST API's key results (JSON).
//! - [`betterworks`]: Betterworks' OKR upload sheet (CSV; feature `csv`).

#[cfg(feature = "csv")]
pub mod betterworks;
pub mod okr_tracker;
