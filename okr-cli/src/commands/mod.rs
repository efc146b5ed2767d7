pub(crate) mod check;
pub(crate) mod convert;
pub(crate) mod lint;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod score;
