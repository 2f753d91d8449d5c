//! Writes the JSON Schemas of every `--json` output to `schema/`, generated from the types:
//! `cargo run --example gen_schema` after changing an output type (the json_schema test
//! fails until the shipped files match).

use std::path::Path;

use deskcheck::cli::output::{schema_text, schemas};

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    std::fs::create_dir_all(&dir)?;
    for (name, schema) in schemas() {
        let path = dir.join(name);
        std::fs::write(&path, schema_text(&schema))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
