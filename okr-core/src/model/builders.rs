//! `with_*` builders for the model types. The types are `#[non_exhaustive]` (a new field
//! is not a breaking change), so code outside this crate builds them from a constructor
//! and these setters, in one expression:
//!
//! ```
//! use okr_core::model::{Document, KeyResult, Metric, Objective, Team};
//! let document = Document::default()
//!     .with_teams([Team::new("web")])
//!     .with_objectives([Objective::new("O1", "Delight returning customers")
//!         .with_owner("web")
//!         .with_key_results([KeyResult::new("Raise NPS from 30 to 45")
//!             .with_id("K1")
//!             .with_metric(Metric::new(30.0, 45.0).with_unit("points"))])]);
//! assert!(document.validate().is_empty());
//! let reloaded = okr_core::from_yaml_str(&okr_core::to_yaml(&document).unwrap()).unwrap();
//! assert_eq!(reloaded, document);
//! ```

use super::{
    Allow, Binary, CheckIn, Cycle, Document, HistoryEntry, Ids, KeyResult, LintSection, Metric,
    Milestone, Objective, ObjectiveKind, Person, Team, Threshold,
};
use chrono::NaiveDate;

/// Setters of optional fields: `with_x(value)` sets `x` to `Some(value)`.
macro_rules! optional {
    ($ty:ident { $($method:ident => $field:ident : $t:ty),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = concat!("Sets `", stringify!($field), "`.")]
                #[must_use]
                pub fn $method(mut self, value: impl Into<$t>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

/// Setters of list fields: `with_xs(items)` replaces the list.
macro_rules! lists {
    ($ty:ident { $($method:ident => $field:ident : $t:ty),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = concat!("Sets `", stringify!($field), "`.")]
                #[must_use]
                pub fn $method(mut self, items: impl IntoIterator<Item = $t>) -> Self {
                    self.$field = items.into_iter().collect();
                    self
                }
            )*
        }
    };
}

lists!(Document {
    with_cycles => cycles: Cycle,
    with_teams => teams: Team,
    with_people => people: Person,
    with_objectives => objectives: Objective,
    with_history => history: HistoryEntry,
});
optional!(Document { with_lint => lint: LintSection });

optional!(Objective {
    with_owner => owner: String,
    with_cycle => cycle: String,
    with_kind => kind: ObjectiveKind,
    with_aligns_to => aligns_to: Ids,
    with_weight => weight: f64,
    with_carried_from => carried_from: String,
    with_lint => lint: LintSection,
});
lists!(Objective { with_key_results => key_results: KeyResult });

optional!(KeyResult {
    with_id => id: String,
    with_owner => owner: Ids,
    with_weight => weight: f64,
    with_due => due: NaiveDate,
    with_metric => metric: Metric,
    with_threshold => threshold: Threshold,
    with_binary => binary: Binary,
    with_from_children => from_children: bool,
    with_change_note => change_note: String,
    with_lint => lint: LintSection,
});
impl KeyResult {
    /// Sets `milestones`.
    #[must_use]
    pub fn with_milestones(mut self, milestones: impl IntoIterator<Item = Milestone>) -> Self {
        self.milestones = Some(milestones.into_iter().collect());
        self
    }

    /// Sets `check_ins` (kept in date order by whoever adds them).
    #[must_use]
    pub fn with_check_ins(mut self, check_ins: impl IntoIterator<Item = CheckIn>) -> Self {
        self.check_ins = check_ins.into_iter().collect();
        self
    }
}

optional!(Metric { with_current => current: f64, with_unit => unit: String });
optional!(Threshold { with_current => current: f64, with_unit => unit: String });
optional!(Binary { with_probability => probability: f64 });
optional!(Milestone { with_weight => weight: f64 });
optional!(Cycle { with_name => name: String });
optional!(Team { with_name => name: String, with_parent => parent: String });
optional!(Person { with_name => name: String, with_team => team: String });
optional!(Allow { with_reason => reason: String });
lists!(LintSection { with_allow => allow: Allow });

impl Threshold {
    /// A level to stay at or above: `min`.
    pub fn at_least(min: f64) -> Self {
        Threshold {
            min: Some(min),
            ..Threshold::default()
        }
    }

    /// A level to stay at or below: `max`.
    pub fn at_most(max: f64) -> Self {
        Threshold {
            max: Some(max),
            ..Threshold::default()
        }
    }

    /// A band to stay within: `min` to `max`.
    pub fn between(min: f64, max: f64) -> Self {
        Threshold {
            min: Some(min),
            max: Some(max),
            ..Threshold::default()
        }
    }
}

impl Binary {
    /// A yes/no key result, done or not.
    pub fn new(done: bool) -> Self {
        Binary {
            done,
            ..Binary::default()
        }
    }
}

impl Milestone {
    /// A milestone, not done yet.
    pub fn new(title: impl Into<String>) -> Self {
        Milestone {
            title: title.into(),
            ..Milestone::default()
        }
    }

    /// Marks it done (or not).
    #[must_use]
    pub fn with_done(mut self, done: bool) -> Self {
        self.done = done;
        self
    }
}

impl Allow {
    /// A suppression of `rule` (a code or name).
    pub fn new(rule: impl Into<String>) -> Self {
        Allow {
            rule: rule.into(),
            ..Allow::default()
        }
    }
}
