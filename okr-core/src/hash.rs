//! Hash maps keyed by ids and words. foldhash is several times faster than std's
//! SipHash on such short keys, and still seeded at random per map, so crafted ids cannot
//! aim for collisions.

pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A set of short keys, hashed as [`HashMap`] hashes them.
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
