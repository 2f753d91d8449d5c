//! The `deskcheck` binary: the GUI without arguments, the headless CLI with them.

use std::sync::Arc;

use deskcheck::{cli, i18n};

fn main() {
    let log = deskcheck::logging::init();
    let cli = cli::parse();
    // Before anything speaks: `--lang`, else the OS's language.
    i18n::set_default(cli.lang());
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
    // The window remembers its mode, language, contrast and text size for the next start.
    options.settings_path = deskcheck::gui::Settings::default_path();
    options.lang = cli.lang;
    options.open_at_start = cli.open.clone();
    match deskcheck::gui::run(options) {
        Ok(_renderer) => cli::EXIT_OK,
        Err(err) => {
            eprintln!("deskcheck: {}", deskcheck::t!("cli-could-not-open-window", error = err.to_string()));
            cli::EXIT_UNKNOWN
        }
    }
}
