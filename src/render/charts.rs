//! Charts on pages: the `chart(...)` shortcode and the charts generated
//! pages show. (Filled in with the chart kinds.)

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::shortcodes::ShortcodeCall;
use crate::site::Site;
use crate::source::SourceFile;

pub(crate) fn shortcode(site: &Site, tera: &Tera, source: &SourceFile, call: &ShortcodeCall) -> Result<String, Diagnostic> {
    let _ = (site, tera);
    Err(Diagnostic::error("no-data", "charts are not available yet").at_offset(source, call.offset))
}
