use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::vocabulary::QUALIFIER_WORDS;

declare_rule! {
    /// Finds key results that count raw totals: views, followers, downloads, sign-ups ever.
    ///
    /// ## Why is this bad?
    /// Totals can only grow, so they look like progress whatever happens; page views or
    /// logins rarely show that anyone got value. Rates, ratios and qualified counts (active,
    /// paying, retained users) tell the truth.
    ///
    /// ## Example
    /// ```yaml
    /// - Reach 1 million page views on the recipe blog
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// - Raise the share of blog readers who start a recipe from 3% to 8%
    /// ```
    /// Not reported when the key result has a rate, ratio, "% of", "per …", or a qualifier
    /// such as active, qualified, paying, retained, monthly.
    ///
    /// ## Sources
    /// Sources: K (totals "can only grow"; ratios better; logins/views rarely
    /// good), OT, OK, KO.
    RULE {
        name: "vanity-metric",
        scope: Objective,
        check: check,
    }
}

const VANITY: &[&str] = &[
    "total",
    "cumulative",
    "all-time",
    "views",
    "pageviews",
    "page-views",
    "impressions",
    "visits",
    "visitors",
    "hits",
    "followers",
    "likes",
    "fans",
    "downloads",
    "installs",
    "logins",
    "log-ins",
    "registrations",
    "signups",
    "sign-ups",
    "mentions",
];
const VANITY_PHRASES: &[&[&str]] = &[
    &["emails", "sent"],
    &["registered", "accounts"],
    &["features", "shipped"],
    &["page", "views"],
];
const RATE_MARKERS: &[&str] = &[
    "rate",
    "ratio",
    "per",
    "percentage",
    "share",
    "conversion",
    "%",
];

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for kr in cx.key_results() {
        let words = kr.words;
        let vanity = words.iter().find(|w| VANITY.contains(w)).or_else(|| {
            VANITY_PHRASES
                .iter()
                .find(|p| words.has_phrase(p))
                .map(|p| p[0])
        });
        let Some(term) = vanity else { continue };
        let measured_well = kr.parsed.unit.as_deref() == Some("%")
            || words.has_any(QUALIFIER_WORDS)
            || words.has_any(RATE_MARKERS)
            || kr.parsed.change.is_some_and(|c| c.percent) && words.has_any(&["retention"])
            || words.has_phrase(&["of", "users"]);
        if measured_well {
            continue;
        }
        sink.report(
            kr.path(),
            kr.id().or(Some(&kr.objective.id)),
            format!("key result {} counts {term}, a total that can only grow", quote(&kr.kr.title)),
            "measure a rate or a qualified count instead (conversion, active or retained users, share of …)",
        );
    }
}
