//! `polibrief report CODE`: one country's report, quickly, as a file to
//! attach: HTML with everything inlined, or PDF with `--pdf`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_OK, EXIT_SITE_ERRORS, EXIT_USAGE, Format, exit, print_err, report, usage_error};
use crate::pipeline;

pub(crate) struct ReportArgs {
    pub(crate) code: String,
    pub(crate) site_dir: PathBuf,
    pub(crate) pdf: bool,
    pub(crate) out: Option<PathBuf>,
}

pub(crate) fn run(args: ReportArgs) -> ExitCode {
    if !args.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            args.site_dir.display()
        ));
    }
    if args.pdf && !crate::pipeline::PDF_AVAILABLE {
        return usage_error("--pdf needs a polibrief built with PDF support: `cargo build --release --features pdf`");
    }
    let extension = if args.pdf { "pdf" } else { "html" };
    let out =
        args.out.unwrap_or_else(|| PathBuf::from(format!("{}-report.{extension}", args.code.to_ascii_lowercase())));
    match pipeline::run_report(&args.site_dir, &args.code, args.pdf) {
        Ok(bytes) => {
            if let Err(e) = write_file(&out, &bytes) {
                print_err(&format!("error: cannot write `{}`: {e}", out.display()));
                return exit(EXIT_USAGE);
            }
            print_err(&format!("wrote the report of {} to {}", args.code.to_ascii_uppercase(), out.display()));
            exit(EXIT_OK)
        }
        Err(diagnostics) => {
            report(&diagnostics, Format::Human);
            print_err("no report written");
            exit(EXIT_SITE_ERRORS)
        }
    }
}

/// Write beside the target and rename, so a failed write leaves no half file.
fn write_file(out: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let temp = out.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, out).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}
