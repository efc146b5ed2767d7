//! Writes a generated organisation: `okr-gen OBJECTIVES [json|yaml] > file` (JSON compact).

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let objectives: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let format = args.next().unwrap_or_else(|| "json".into());
    let doc = okr_benches::generate(objectives);
    // Compact JSON, as machines exchange it (pretty-printing doubles the size).
    let text = if format == "yaml" {
        okr_core::to_yaml(&doc)
    } else {
        serde_json::to_string(&doc).map_err(|e| okr_core::Error::Serialize(e.to_string()))
    };
    match text {
        Ok(text) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
        Err(err) => {
            eprintln!("okr-gen: {err}");
            std::process::exit(2);
        }
    }
}
