//! `parse_key_result` against real key-result sentences of many shapes, labelled by hand.
//! Most come from the public guides in `tests/corpus/okrs.yaml`; every field is asserted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::sentence::{Bound, Direction, ParsedKeyResult, parse_key_result};

#[derive(Debug, Default)]
struct Expect {
    text: &'static str,
    direction: Option<Direction>,
    metric: Option<&'static str>,
    baseline: Option<f64>,
    target: Option<f64>,
    unit: Option<&'static str>,
    change: Option<(f64, bool)>,
    bound: Option<Bound>,
    deadline: Option<&'static str>,
    has_number: bool,
}

fn kr(text: &'static str) -> Expect {
    Expect {
        text,
        ..Expect::default()
    }
}

impl Expect {
    fn dir(mut self, d: Direction) -> Self {
        self.direction = Some(d);
        self
    }
    fn metric(mut self, m: &'static str) -> Self {
        self.metric = Some(m);
        self
    }
    fn between(mut self, b: f64, t: f64) -> Self {
        self.baseline = Some(b);
        self.target = Some(t);
        self.has_number = true;
        self
    }
    fn target(mut self, t: f64) -> Self {
        self.target = Some(t);
        self.has_number = true;
        self
    }
    fn unit(mut self, u: &'static str) -> Self {
        self.unit = Some(u);
        self
    }
    fn by(mut self, amount: f64, percent: bool) -> Self {
        self.change = Some((amount, percent));
        self.has_number = true;
        self
    }
    fn bound(mut self, b: Bound) -> Self {
        self.bound = Some(b);
        self
    }
    fn deadline(mut self, d: &'static str) -> Self {
        self.deadline = Some(d);
        self
    }

    fn check(&self, got: &ParsedKeyResult) -> Vec<String> {
        let mut wrong = Vec::new();
        let mut field = |name: &str, ok: bool, want: String, have: String| {
            if !ok {
                wrong.push(format!("{name}: want {want}, got {have}"));
            }
        };
        field(
            "direction",
            got.direction == self.direction,
            format!("{:?}", self.direction),
            format!("{:?}", got.direction),
        );
        field(
            "metric",
            got.metric.as_deref() == self.metric,
            format!("{:?}", self.metric),
            format!("{:?}", got.metric),
        );
        field(
            "baseline",
            close(got.baseline, self.baseline),
            format!("{:?}", self.baseline),
            format!("{:?}", got.baseline),
        );
        field(
            "target",
            close(got.target, self.target),
            format!("{:?}", self.target),
            format!("{:?}", got.target),
        );
        field(
            "unit",
            got.unit.as_deref() == self.unit,
            format!("{:?}", self.unit),
            format!("{:?}", got.unit),
        );
        let change = got.change.map(|c| (c.amount, c.percent));
        field(
            "change",
            change == self.change,
            format!("{:?}", self.change),
            format!("{change:?}"),
        );
        field(
            "bound",
            got.bound == self.bound,
            format!("{:?}", self.bound),
            format!("{:?}", got.bound),
        );
        field(
            "deadline",
            got.deadline.as_deref() == self.deadline,
            format!("{:?}", self.deadline),
            format!("{:?}", got.deadline),
        );
        field(
            "has_number",
            got.has_number == self.has_number,
            format!("{}", self.has_number),
            format!("{}", got.has_number),
        );
        wrong
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

use Direction::{Achieve, Decrease, Increase, Maintain};

fn table() -> Vec<Expect> {
    vec![
        // from X to Y, both directions, with units and magnitudes
        kr("Raise website conversion from 1.5% to 4%")
            .dir(Increase)
            .metric("website conversion")
            .between(1.5, 4.0)
            .unit("%"),
        kr("Grow qualified pipeline from $50k to $200k")
            .dir(Increase)
            .metric("qualified pipeline")
            .between(50_000.0, 200_000.0)
            .unit("$"),
        kr("Reduce 30-day churn from 40% to 10%")
            .dir(Decrease)
            .metric("30-day churn")
            .between(40.0, 10.0)
            .unit("%"),
        kr("Reduce average follow-up time from 72h to 24h")
            .dir(Decrease)
            .metric("average follow-up time")
            .between(72.0, 24.0)
            .unit("h"),
        kr("Raise NPS from 25 to 50")
            .dir(Increase)
            .metric("nps")
            .between(25.0, 50.0),
        kr("Raise close rate from 15% to 30%")
            .dir(Increase)
            .metric("close rate")
            .between(15.0, 30.0)
            .unit("%"),
        kr("Reduce complaints from 20/month to 5/month")
            .dir(Decrease)
            .metric("complaints")
            .between(20.0, 5.0),
        kr("Reduce delivery cost from 45% to 30% of revenue")
            .dir(Decrease)
            .metric("delivery cost")
            .between(45.0, 30.0)
            .unit("%"),
        kr("Reduce churn from 8% to 4%")
            .dir(Decrease)
            .metric("churn")
            .between(8.0, 4.0)
            .unit("%"),
        kr("Increase enterprise NPS from 32 to 50")
            .dir(Increase)
            .metric("enterprise nps")
            .between(32.0, 50.0),
        kr("Reduce time-to-value from 14 days to 3 days")
            .dir(Decrease)
            .metric("time-to-value")
            .between(14.0, 3.0)
            .unit("days"),
        kr("Increase checkout completion rate from 62% to 78%")
            .dir(Increase)
            .metric("checkout completion rate")
            .between(62.0, 78.0)
            .unit("%"),
        kr("Improve our Net Promoter score from 20 to 45.")
            .dir(Increase)
            .metric("net promoter score")
            .between(20.0, 45.0),
        kr("Increase customer retention from 40% to 70% for first time users.")
            .dir(Increase)
            .metric("customer retention")
            .between(40.0, 70.0)
            .unit("%"),
        kr("Increase daily active teams from 10K to 25K")
            .dir(Increase)
            .metric("daily active teams")
            .between(10_000.0, 25_000.0),
        kr("Increase 7-day activation rate from 31% to 55% by end of Q2.")
            .dir(Increase)
            .metric("7-day activation rate")
            .between(31.0, 55.0)
            .unit("%")
            .deadline("by end of q2"),
        kr("Increase integration adoption from 12% to 35% of MAU")
            .dir(Increase)
            .metric("integration adoption")
            .between(12.0, 35.0)
            .unit("%"),
        kr("Cut blended CAC payback from 14 months to 9 months")
            .dir(Decrease)
            .metric("blended cac payback")
            .between(14.0, 9.0)
            .unit("months"),
        kr("Increase monthly active users from 10,000 to 15,000.")
            .dir(Increase)
            .metric("monthly active users")
            .between(10_000.0, 15_000.0),
        kr("Raise customer satisfaction (CSAT) from 4.1 to 4.5.")
            .dir(Increase)
            .metric("customer satisfaction csat")
            .between(4.1, 4.5),
        kr("Increase trial-to-paid conversion from 12% to 20%.")
            .dir(Increase)
            .metric("trial-to-paid conversion")
            .between(12.0, 20.0)
            .unit("%"),
        kr("Decrease refund rate from 0.5% to 0.2%")
            .dir(Decrease)
            .metric("refund rate")
            .between(0.5, 0.2)
            .unit("%"),
        kr("Cut median page load on mobile from 3.2 s to 1.5 s")
            .dir(Decrease)
            .metric("median page load on mobile")
            .between(3.2, 1.5)
            .unit("s"),
        kr("Lift net promoter score of returning buyers from 31 to 45")
            .dir(Increase)
            .metric("net promoter score of returning buyers")
            .between(31.0, 45.0),
        kr("KR2: Decrease tickets per 1,000 orders from 48 to 30")
            .dir(Decrease)
            .metric("tickets per 1000 orders")
            .between(48.0, 30.0),
        // the verb says improve, the numbers say down
        kr("Improve page load time from 3.2 s to 1.5 s")
            .dir(Decrease)
            .metric("page load time")
            .between(3.2, 1.5)
            .unit("s"),
        // mixed time units are compared in the target's unit
        kr("Cut onboarding time from 4 hours to 15 minutes")
            .dir(Decrease)
            .metric("onboarding time")
            .between(240.0, 15.0)
            .unit("min"),
        // "Metric: Verb from … to …"
        kr("30-day retention: Increase from 52% to 65% by Q2 end")
            .dir(Increase)
            .metric("30-day retention")
            .between(52.0, 65.0)
            .unit("%")
            .deadline("by q2 end"),
        kr("Expansion revenue: Grow from $12k/month to $25k/month by Q2 end")
            .dir(Increase)
            .metric("expansion revenue")
            .between(12_000.0, 25_000.0)
            .unit("$")
            .deadline("by q2 end"),
        kr("Session frequency: Increase from 3.2 sessions/week to 5 sessions/week by Q2 end")
            .dir(Increase)
            .metric("session frequency")
            .between(3.2, 5.0)
            .deadline("by q2 end"),
        // arrows and "to under"
        kr("Cut average wait time from 12h → 3h")
            .dir(Decrease)
            .metric("average wait time")
            .between(12.0, 3.0)
            .unit("h"),
        kr("Reduce average PRD writing time from 3.2 hrs to under 1 hr")
            .dir(Decrease)
            .metric("average prd writing time")
            .between(3.2, 1.0)
            .unit("h")
            .bound(Bound::AtMost),
        kr("reduce time-to-value on mobile from 8 minutes to under 4 minutes")
            .dir(Decrease)
            .metric("time-to-value on mobile")
            .between(8.0, 4.0)
            .unit("min")
            .bound(Bound::AtMost),
        kr("Get non-paid loop sources from 18% of new signups up to 35%")
            .dir(Increase)
            .metric("non-paid loop sources")
            .between(18.0, 35.0)
            .unit("%"),
        // target only
        kr("Increase uptime to 99.9% this quarter")
            .dir(Increase)
            .metric("uptime")
            .target(99.9)
            .unit("%")
            .deadline("this quarter"),
        kr("Grow ARR to $1.2M by end of Q3")
            .dir(Increase)
            .metric("arr")
            .target(1_200_000.0)
            .unit("$")
            .deadline("by end of q3"),
        kr("Increase the share of recurring subscriptions vs one-time deals to 85%")
            .dir(Increase)
            .metric("share of recurring subscriptions vs one-time deals")
            .target(85.0)
            .unit("%"),
        kr("Reduce average time to resolution to 6 hours for customer support requests.")
            .dir(Decrease)
            .metric("average time to resolution")
            .target(6.0)
            .unit("h"),
        kr("Ship to 10,000 beta users")
            .dir(Achieve)
            .metric("beta users")
            .target(10_000.0),
        // a number and what it counts
        kr("Reach 10,000 monthly organic visits")
            .dir(Achieve)
            .metric("monthly organic visits")
            .target(10_000.0),
        kr("Generate 500 qualified leads via social")
            .dir(Achieve)
            .metric("qualified leads")
            .target(500.0),
        kr("Hire 2 salespeople")
            .dir(Achieve)
            .metric("salespeople")
            .target(2.0),
        kr("Sign 1,200 new customers")
            .dir(Achieve)
            .metric("new customers")
            .target(1200.0),
        kr("Reach 2k weekly active users")
            .dir(Achieve)
            .metric("weekly active users")
            .target(2000.0),
        kr("Weekly active users reach 50K")
            .dir(Achieve)
            .metric("weekly active users")
            .target(50_000.0),
        kr("Engineering satisfaction score reaches 4.5/5")
            .dir(Achieve)
            .metric("engineering satisfaction score")
            .target(4.5),
        kr("Revenue of 250K")
            .dir(Achieve)
            .metric("revenue")
            .target(250_000.0),
        kr("Achieve 4.5+ app store rating")
            .dir(Achieve)
            .metric("app store rating")
            .target(4.5),
        kr("Achieve CSAT of 90%+")
            .dir(Achieve)
            .metric("csat")
            .target(90.0)
            .unit("%"),
        kr("Publish 20 blog posts on SEO keywords")
            .dir(Achieve)
            .metric("blog posts on seo keywords")
            .target(20.0),
        kr("Run 10 paid campaigns")
            .dir(Achieve)
            .metric("paid campaigns")
            .target(10.0),
        kr("Reach 1 million page views on the recipe blog")
            .dir(Achieve)
            .metric("page views on the recipe blog")
            .target(1e6),
        kr("Sign twelve restaurant groups as partners")
            .dir(Achieve)
            .metric("restaurant groups as partners")
            .target(12.0),
        // relative changes, multipliers
        kr("Increase the number of social media followers by 10%.")
            .dir(Increase)
            .metric("number of social media followers")
            .by(10.0, true),
        kr("Increase the number of mentions in the media by 2%.")
            .dir(Increase)
            .metric("number of mentions in the media")
            .by(2.0, true),
        kr("Reduce customer churn by 2%.")
            .dir(Decrease)
            .metric("customer churn")
            .by(2.0, true),
        kr("Increase organic search traffic to our website by 20%")
            .dir(Increase)
            .metric("organic search traffic to our website")
            .by(20.0, true),
        kr("Reduce support tickets by 30%")
            .dir(Decrease)
            .metric("support tickets")
            .by(30.0, true),
        kr("Increase revenue by 20% by end of Q3 2026")
            .dir(Increase)
            .metric("revenue")
            .by(20.0, true)
            .deadline("by end of q3 2026"),
        kr("Increase B2B revenue by $2M")
            .dir(Increase)
            .metric("b2b revenue")
            .by(2e6, false)
            .unit("$"),
        kr("Double the number of paying teams in H2")
            .dir(Increase)
            .metric("number of paying teams")
            .by(100.0, true)
            .deadline("in h2"),
        kr("Halve the time to first response")
            .dir(Decrease)
            .metric("time to first response")
            .by(50.0, true),
        kr("Grow revenue 3x")
            .dir(Increase)
            .metric("revenue")
            .by(200.0, true),
        // bounds and guardrails
        kr("Keep p95 latency under 800 ms")
            .dir(Maintain)
            .metric("p95 latency")
            .target(800.0)
            .unit("ms")
            .bound(Bound::AtMost),
        kr("Keep CAC under $50")
            .dir(Maintain)
            .metric("cac")
            .target(50.0)
            .unit("$")
            .bound(Bound::AtMost),
        kr("Reduce churn to less than 1% monthly")
            .dir(Decrease)
            .metric("churn")
            .target(1.0)
            .unit("%")
            .bound(Bound::AtMost),
        kr("Increase average subscription size to at least $295 per month")
            .dir(Increase)
            .metric("average subscription size")
            .target(295.0)
            .unit("$")
            .bound(Bound::AtLeast),
        kr("Achieve >40% adoption for new features")
            .dir(Achieve)
            .metric("adoption for new features")
            .target(40.0)
            .unit("%")
            .bound(Bound::AtLeast),
        kr("Maintain 99.9% uptime")
            .dir(Maintain)
            .metric("uptime")
            .target(99.9)
            .unit("%"),
        kr("Maintain a 90 percent customer satisfaction rate")
            .dir(Maintain)
            .metric("customer satisfaction rate")
            .target(90.0)
            .unit("%"),
        kr("Keep gross margin at or above 42%")
            .dir(Maintain)
            .metric("gross margin")
            .target(42.0)
            .unit("%")
            .bound(Bound::AtLeast),
        // no numbers: tasks and vague statements
        kr("Launch the new website")
            .dir(Achieve)
            .metric("new website"),
        kr("Implement CRM").dir(Achieve).metric("crm"),
        kr("Improve retention").dir(Increase).metric("retention"),
        kr("Reduce customer churn.")
            .dir(Decrease)
            .metric("customer churn"),
        kr("Increase the average order value.")
            .dir(Increase)
            .metric("average order value"),
        kr("Launch v2.2 of the mobile app")
            .dir(Achieve)
            .metric("v2.2 of the mobile app"),
        kr("Renegotiate supplier contracts")
            .dir(Achieve)
            .metric("supplier contracts"),
        kr("- Ship guest checkout by March 7")
            .dir(Achieve)
            .metric("guest checkout")
            .deadline("by march 7"),
    ]
}

#[test]
fn reads_real_key_result_sentences() {
    let table = table();
    assert!(
        table.len() >= 60,
        "at least 60 sentences, have {}",
        table.len()
    );
    let failures: Vec<String> = table
        .iter()
        .filter_map(|row| {
            let wrong = row.check(&parse_key_result(row.text));
            (!wrong.is_empty()).then(|| format!("{:?}\n    {}", row.text, wrong.join("\n    ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} sentences misread:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

#[test]
fn baseline_and_target_only_when_both_differ() {
    assert_eq!(
        parse_key_result("Raise NPS from 25 to 50").baseline_and_target(),
        Some((25.0, 50.0))
    );
    assert_eq!(
        parse_key_result("Keep NPS from 40 to 40").baseline_and_target(),
        None
    );
    assert_eq!(parse_key_result("Reach 50 NPS").baseline_and_target(), None);
}

proptest::proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,80}") {
        let parsed = parse_key_result(&text);
        if let Some((b, t)) = parsed.baseline_and_target() {
            proptest::prop_assert!(b.is_finite() && t.is_finite() && b != t);
        }
    }

    #[test]
    fn never_panics_on_number_soup(text in "[0-9$€%.,kKmMbx/ -]{0,40}(from|to|by|under|at least)?[0-9.,%kM ]{0,20}") {
        let _ = parse_key_result(&text);
    }
}

/// Bounds written after the number, and verbs in their past and "-ing" forms.
#[test]
fn trailing_bounds_and_inflected_verbs() {
    let climb = parse_key_result("Complete the climb in six days or fewer");
    assert_eq!(
        (climb.bound, climb.target, climb.unit.as_deref()),
        (Some(Bound::AtMost), Some(6.0), Some("days"))
    );
    let sessions = parse_key_result("Conduct 30 or more user interviews");
    assert_eq!(
        (sessions.bound, sessions.target),
        (Some(Bound::AtLeast), Some(30.0))
    );
    // "or" between two numbers is not a bound.
    assert_eq!(parse_key_result("Sign 3 or 4 partners").bound, None);
    // Past and "-ing" forms take the direction of their verb.
    assert_eq!(
        parse_key_result("Reduced churn from 5% to 3%").direction,
        Some(Direction::Decrease)
    );
    assert_eq!(
        parse_key_result("Increasing weekly active users to 40k").direction,
        Some(Direction::Increase)
    );
    assert_eq!(
        parse_key_result("Hiring 3 engineers").verb.as_deref(),
        Some("hiring")
    );
}
