//! `deskcheck decode CODE [--json]`: the technician types the read-out code the user reads
//! out, and gets the list of results back. A wrong code is never decoded into something
//! else: it is refused with what is wrong, on stderr, with exit code 3 (could not run).

use clap::Args;

use super::EXIT_OK;
use super::output::{self, DecodeOutput};
use crate::i18n;
use crate::model::{SCHEMA_VERSION, Status};
use crate::readout;

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The code, e.g. 1QX-4MD-2PXK (case, dashes and spaces don't matter; quote it if it has spaces).
    pub code: String,
    /// Print what the code carries as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &DecodeArgs) -> anyhow::Result<i32> {
    let lang = i18n::current();
    let decoded = readout::decode(&args.code).map_err(|err| anyhow::anyhow!(err.message_in(lang)))?;
    let lines = decoded.lines(lang);
    if args.json {
        let code = decoded.code().to_string();
        output::print(&DecodeOutput { schema_version: SCHEMA_VERSION, status: Status::Ok, code, decoded, lines })?;
    } else {
        println!("{}", crate::t!("cli-decode-heading", code = decoded.code().to_string()));
        for line in lines {
            println!("  {line}");
        }
    }
    Ok(EXIT_OK)
}
