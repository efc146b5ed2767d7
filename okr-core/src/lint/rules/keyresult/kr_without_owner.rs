use crate::lint::Severity;
use crate::lint::context::{Context, Sink};
use crate::lint::registry::declare_rule;

declare_rule! {
    /// Checks that key results have one owner, ideally a person.
    ///
    /// ## Why is this bad?
    /// A key result owned by nobody is followed up by nobody; one owned by many is owned by
    /// none. Studies of thousands of key results found single ownership makes goals more
    /// likely to be reached, yet fewer than half of teams assign owners consistently. The
    /// rule runs only in documents that name owners for key results or list people.
    ///
    /// ## Example
    /// ```yaml
    /// - { id: M1-KR4, title: Grow newsletter click-through from 2.5% to 4% }   # no owner
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - { id: M1-KR4, title: Grow newsletter click-through from 2.5% to 4%, owner: lea }
    /// ```
    /// No owner or more than two owners: warning; a team rather than a person: info.
    ///
    /// ## Sources
    /// Sources: OT (single owner, 7,857 KRs studied), LD, IN, pulse-okr,
    /// okrstraining.com (at most two owners).
    RULE {
        name: "kr-without-owner",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if !cx.tracks_owners() {
        return;
    }
    for kr in cx.key_results() {
        let id = kr.id().or(Some(&kr.objective.id));
        match &kr.kr.owner {
            None if !kr.kr.is_bare() => sink.report(
                kr.path(),
                id,
                format!(
                    "key result {} has no owner",
                    crate::lint::context::quote(&kr.kr.title)
                ),
                "add `owner:` with the one person who drives it",
            ),
            None => {}
            Some(owners) if owners.len() > 2 => sink.report(
                kr.path(),
                id,
                format!(
                    "key result has {} owners; shared by many, owned by none",
                    owners.len()
                ),
                "name one owner (two at most) who is answerable for it",
            ),
            Some(owners)
                if !cx.doc.people.is_empty()
                    && owners.len() == 1
                    && owners.iter().all(|o| cx.is_team(o) && !cx.is_person(o)) =>
            {
                sink.report_at(
                    Severity::Info,
                    kr.path(),
                    id,
                    format!(
                        "key result is owned by the team `{}`, not a person",
                        owners.iter().next().unwrap_or_default()
                    ),
                    "name the person in the team who drives it",
                );
            }
            Some(_) => {}
        }
    }
}
