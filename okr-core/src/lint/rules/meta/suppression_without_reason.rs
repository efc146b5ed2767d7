use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds suppressions (`lint: { allow: [...] }`) that do not say why.
    ///
    /// ## Why is this bad?
    /// A silenced rule without a reason cannot be reviewed: the next reader does not know
    /// whether the exception still holds, or ever did.
    ///
    /// ## Example
    /// ```yaml
    /// lint: { allow: [{ rule: OKR102 }] }
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// lint: { allow: [{ rule: OKR102, reason: "a compliance deadline; the outcome is the audit" }] }
    /// ```
    ///
    /// ## Sources
    /// Ruff and Clippy practice (reasons on `noqa`/`allow`); derived.
    RULE {
        name: "suppression-without-reason",
        scope: Document,
        check: check,
    }
}

/// Reported by the suppression pass, which sees every finding first.
fn check(_: &Context<'_>, _: &mut Sink<'_>) {}
