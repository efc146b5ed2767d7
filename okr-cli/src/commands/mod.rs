pub(crate) mod check;
pub(crate) mod checkin;
pub(crate) mod convert;
pub(crate) mod lint;
pub(crate) mod review;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod score;
