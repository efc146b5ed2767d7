use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Finds suppressions that silence nothing, or name no rule.
    ///
    /// ## Why is this bad?
    /// Once the OKR is fixed, a leftover suppression would hide the problem if it came back,
    /// and a misspelled rule code silences nothing while looking like it does.
    ///
    /// ## Example
    /// ```yaml
    /// lint: { allow: [{ rule: OKR120, reason: typo for OKR102 }] }
    /// ```
    ///
    /// ## Use instead
    /// Remove the suppression, or fix the rule code (`okr rules` lists them).
    ///
    /// ## Sources
    /// Ruff (`RUF100` unused-noqa) practice; derived.
    RULE {
        name: "unused-suppression",
        scope: Document,
        check: check,
    }
}

/// Reported by the suppression pass, which sees every finding first.
fn check(_: &Context<'_>, _: &mut Sink<'_>) {}
