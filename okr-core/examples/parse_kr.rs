//! Prints what the sentence parser reads from each line of standard input.
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let kr = okr_core::parse_key_result(&line);
        println!(
            "{line}\n    dir={:?} verb={:?} metric={:?} base={:?} target={:?} unit={:?} change={:?} bound={:?} deadline={:?} num={}",
            kr.direction.map(|d| d.as_str()),
            kr.verb,
            kr.metric,
            kr.baseline,
            kr.target,
            kr.unit,
            kr.change.map(|c| (c.amount, c.percent)),
            kr.bound,
            kr.deadline,
            kr.has_number
        );
    }
}
