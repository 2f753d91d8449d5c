//! The `deskcheck` binary: the GUI without arguments, the headless CLI with them.

use std::sync::Arc;

use deskcheck::cli;

fn main() {
    let log = deskcheck::logging::init();
    let cli = cli::parse();
    let code = match &cli.command {
        // `--open` is the window's; a subcommand would silently ignore it.
        Some(_) if cli.open.is_some() => {
            eprintln!("deskcheck: --open opens a bundle in the window; use `deskcheck show BUNDLE` without a window");
            cli::EXIT_UNKNOWN
        }
        Some(command) => cli::execute(&cli, command, &log),
        None => run_gui(&cli, log),
    };
    std::process::exit(code);
}

fn run_gui(cli: &cli::Cli, log: deskcheck::logging::LogBuffer) -> i32 {
    let config = match cli::load_config(cli) {
        Ok(c) => c,
        Err(err) => {
            eprintln!("deskcheck: {err:#}");
            return cli::EXIT_UNKNOWN;
        }
    };
    let mut options = deskcheck::gui::GuiOptions::new(Arc::new(config), log);
    options.open_at_start = cli.open.clone();
    match deskcheck::gui::run(options) {
        Ok(_renderer) => cli::EXIT_OK,
        Err(err) => {
            eprintln!("deskcheck: could not open the window: {err}");
            cli::EXIT_UNKNOWN
        }
    }
}
