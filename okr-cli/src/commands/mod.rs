pub(crate) mod check;
pub(crate) mod convert;
pub(crate) mod schema;
pub(crate) mod score;
