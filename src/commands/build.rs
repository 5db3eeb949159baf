//! `polibrief build`: run the pipeline and write the site atomically.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::{EXIT_OK, EXIT_SITE_ERRORS, EXIT_USAGE, exit, plural, print_err, report, usage_error};
use crate::output::{self, absolute};
use crate::pipeline::{self, RunOptions};

pub(crate) struct BuildArgs {
    pub(crate) site_dir: PathBuf,
    pub(crate) out: Option<PathBuf>,
    pub(crate) drafts: bool,
    pub(crate) base_url: Option<String>,
    pub(crate) format: super::Format,
    pub(crate) pdf: bool,
}

pub(crate) fn build(args: BuildArgs) -> ExitCode {
    let started = Instant::now();
    if !args.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            args.site_dir.display()
        ));
    }
    let (site_dir, out_dir) = match resolve_dirs(&args) {
        Ok(dirs) => dirs,
        Err(message) => return usage_error(&message),
    };
    if let Some(problem) = output::refuse_output_dir(&site_dir, &out_dir) {
        return usage_error(&problem);
    }
    if let Some(Err(message)) = args.base_url.as_deref().map(crate::config::parse_base_url) {
        return usage_error(&format!("--base-url: {message}"));
    }
    if args.pdf && !crate::render::report_pages::PDF_AVAILABLE {
        return usage_error("--pdf needs a polibrief built with PDF support: `cargo build --release --features pdf`");
    }
    let options = RunOptions { drafts: args.drafts, base_url: args.base_url, strict_links: false, pdf: args.pdf };
    let result = pipeline::run(&site_dir, &options);
    report(&result.diagnostics, args.format);
    let Some(site_output) = result.output else {
        print_err(&format!("build failed: nothing was written; `{}` is unchanged", out_dir.display()));
        return exit(EXIT_SITE_ERRORS);
    };
    if let Err(e) = output::write_atomically(&site_output, &out_dir) {
        print_err(&format!("error: cannot write `{}`: {e}", out_dir.display()));
        return exit(EXIT_USAGE);
    }
    let pages = site_output.paths().filter(|p| p.ends_with(".html")).count();
    let files = site_output.len() - pages;
    print_err(&format!(
        "built {} and {} into {} in {:.2} s",
        plural(pages, "page"),
        plural(files, "other file"),
        out_dir.display(),
        started.elapsed().as_secs_f64()
    ));
    exit(EXIT_OK)
}

fn resolve_dirs(args: &BuildArgs) -> Result<(PathBuf, PathBuf), String> {
    let site_dir =
        std::fs::canonicalize(&args.site_dir).map_err(|e| format!("cannot open `{}`: {e}", args.site_dir.display()))?;
    let out = args.out.clone().unwrap_or_else(|| site_dir.join("public"));
    let out_dir = absolute(&out).map_err(|e| format!("cannot resolve `{}`: {e}", out.display()))?;
    Ok((site_dir, out_dir))
}
