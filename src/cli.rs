//! The command line: clap definitions turned into validated command
//! arguments in one explicit step, then dispatch. Usage errors exit 2.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::{self, build::BuildArgs, check::CheckArgs};

#[derive(Debug, Parser)]
#[command(name = "polibrief", version, about = "Build policy-brief websites from YAML country data and Markdown", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into SITE_DIR/public (or --out DIR)
    Build {
        /// The site folder, with config.yaml, content/, data/
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Output folder (default: SITE_DIR/public); replaced as a whole when the build succeeds
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Publish under another address than config.yaml's base_url
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// How problems are printed: `human` (stderr) or `json` (one object per line on stdout)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Also write countries/<code>/report.pdf for every country (needs the `pdf` feature)
        #[arg(long)]
        pdf: bool,
        /// No progress line and no summary; problems are still printed
        #[arg(long, short)]
        quiet: bool,
        /// Print the time, items and items per second of each stage, and the peak memory:
        /// a table on stderr (`text`) or one JSON object on stdout (`json`)
        #[arg(long, value_enum, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "text")]
        timings: Option<TimingsArg>,
    },
    /// Write one country's report: HTML with everything inlined, or PDF
    Report {
        /// The country's ISO code, e.g. MA
        code: String,
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Write a PDF (needs the `pdf` feature) instead of HTML
        #[arg(long)]
        pdf: bool,
        /// Where to write it (default: <code>-report.html or .pdf here)
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Build the site into memory and serve it on 127.0.0.1; rebuild and reload open pages on every change
    Serve {
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Port to listen on (the next free one when taken; 0 for any)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but loopback lets other machines read the site
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// After each rebuild, print the time and items of each stage on stderr
        #[arg(long)]
        timings: bool,
    },
    /// Check the whole site without writing anything
    Check {
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Exit 1 when there are warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// Also check web links (needs the network; broken ones are warnings)
        #[arg(long)]
        external: bool,
        /// How problems are printed: `human` (stderr) or `json` (one object per line on stdout)
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum TimingsArg {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

impl From<FormatArg> for commands::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => commands::Format::Human,
            FormatArg::Json => commands::Format::Json,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { commands::EXIT_USAGE } else { commands::EXIT_OK };
            let _ = e.print();
            return commands::exit(code);
        }
    };
    match cli.command {
        Command::Build { site_dir, out, drafts, base_url, format, pdf, quiet, timings } => {
            let timings = timings.map(|t| match t {
                TimingsArg::Text => commands::build::Timings::Text,
                TimingsArg::Json => commands::build::Timings::Json,
            });
            commands::build::build(BuildArgs {
                site_dir,
                out,
                drafts,
                base_url,
                format: format.into(),
                pdf,
                quiet,
                timings,
            })
        }
        Command::Report { code, site_dir, pdf, out } => {
            commands::report::run(commands::report::ReportArgs { code, site_dir, pdf, out })
        }
        Command::Serve { site_dir, port, bind, open, drafts, timings } => {
            commands::serve::serve(commands::serve::ServeArgs { site_dir, bind, port, drafts, open, timings })
        }
        Command::Check { site_dir, drafts, deny_warnings, external, format } => {
            commands::check::check(CheckArgs { site_dir, drafts, deny_warnings, external, format: format.into() })
        }
    }
}
