//! Drafting a team's objective from a parent key result: the mission → company → team
//! cascade, with the key result's measure carried down as a starting point.

use crate::model::{Document, Ids, KeyResult, Objective, ObjectiveKind};

/// Why a draft could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DraftError {
    /// No key result has this id.
    #[error("no key result with id `{0}`; `okr tree` lists the ids")]
    UnknownKeyResult(String),
    /// No team has this id.
    #[error("no team with id `{0}`; add it under `teams:` first")]
    UnknownTeam(String),
}

/// Drafts an objective for `team` that aligns to key result `kr_id`.
///
/// The draft names the parent key result in its title for the team to rewrite in its own
/// words, and carries the key result's measure (metric, threshold…) as its first key
/// result. Its id is `<TEAM>-<KR>` (made unique).
///
/// ```
/// let doc = okr_core::from_yaml_str(r#"
/// cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
/// teams: [{ id: co }, { id: web, name: Web Shop, parent: co }]
/// objectives:
///   - id: O1
///     title: Become the brand cooks trust
///     owner: co
///     key_results:
///       - { id: O1-KR1, title: Raise repeat purchase rate from 18% to 26%, metric: { start: 18, target: 26, unit: "%" } }
/// "#)?;
/// let draft = okr_core::cascade::draft_child(&doc, "O1-KR1", "web").unwrap();
/// assert_eq!(draft.id, "WEB-O1-KR1");
/// assert_eq!(draft.owner.as_deref(), Some("web"));
/// assert_eq!(draft.aligned_ids().collect::<Vec<_>>(), ["O1-KR1"]);
/// assert_eq!(draft.key_results[0].metric.as_ref().map(|m| m.target), Some(26.0));
/// # Ok::<(), okr_core::Error>(())
/// ```
pub fn draft_child(document: &Document, kr_id: &str, team: &str) -> Result<Objective, DraftError> {
    let (parent, kr) = document
        .objectives
        .iter()
        .find_map(|o| {
            o.key_results
                .iter()
                .find(|kr| kr.id.as_deref() == Some(kr_id))
                .map(|kr| (o, kr))
        })
        .ok_or_else(|| DraftError::UnknownKeyResult(kr_id.to_owned()))?;
    let team_entry = document
        .teams
        .iter()
        .find(|t| t.id == team)
        .ok_or_else(|| DraftError::UnknownTeam(team.to_owned()))?;

    let taken = |id: &str| {
        document
            .objectives
            .iter()
            .any(|o| o.id == id || o.key_results.iter().any(|kr| kr.id.as_deref() == Some(id)))
    };
    let base = format!("{}-{}", team.to_uppercase(), kr_id);
    let id = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|candidate| !taken(candidate) && !taken(&format!("{candidate}-KR1")))
        .unwrap_or(base);

    let metric_words = crate::parse_key_result(&kr.title)
        .metric
        .unwrap_or_else(|| kr.title.to_lowercase());
    let team_name = team_entry.name.as_deref().unwrap_or(team);
    let carried = KeyResult {
        id: Some(format!("{id}-KR1")),
        title: kr.title.clone(),
        owner: None,
        weight: None,
        due: kr.due,
        metric: kr.metric.clone(),
        threshold: kr.threshold.clone(),
        binary: kr.binary.clone(),
        milestones: kr.milestones.clone(),
        from_children: None,
        change_note: None,
        check_ins: Vec::new(),
        lint: None,
        extra: Default::default(),
        bare: false,
    };
    Ok(Objective {
        id,
        title: format!(
            "{team_name}: what we change so that {metric_words} moves (rewrite in the team's words)"
        ),
        owner: Some(team.to_owned()),
        cycle: parent.cycle.clone(),
        kind: Some(parent.kind.unwrap_or(ObjectiveKind::Aspirational)),
        aligns_to: Some(Ids::One(kr_id.to_owned())),
        key_results: vec![carried],
        ..Objective::default()
    })
}
