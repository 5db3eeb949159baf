//! The code of every kind of problem polibrief reports: one variant per
//! distinct problem, with its severity and a line of explanation as
//! docs/diagnostics.md lists them (a test compares that page's table with
//! `Code::ALL`, and requires a section for each code).

/// Declares `Code` with its name, documented severity and summary.
macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:literal, $summary:literal;)*) => {
        /// A kind of problem. Stable: the name (`unknown-field`) is what
        /// `--format json` prints and what the documentation explains.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/diagnostics.md's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written (`unknown-field`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            /// The severity as documented: `error`, `warning`, or how it
            /// depends on the command.
            pub fn documented_severity(self) -> &'static str {
                match self {
                    $(Code::$variant => $severity,)*
                }
            }

            /// What the problem is, in a few words (the table's "in short").
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    Yaml = "yaml", "error", "YAML that cannot be read";
    YamlSyntax = "yaml-syntax", "error", "a second YAML document in one file";
    YamlTooComplex = "yaml-too-complex", "error", "YAML nested too deeply or with too many aliases";
    EmptyYaml = "empty-yaml", "error", "an empty YAML file or front matter";
    DuplicateKey = "duplicate-key", "error", "a key written twice in one mapping";
    UnknownField = "unknown-field", "error", "a field name that does not exist";
    UnknownValue = "unknown-value", "error", "a value not in the list of allowed values";
    MissingField = "missing-field", "error", "a required field is missing";
    WrongType = "wrong-type", "error", "text where a number belongs, and so on";
    InvalidUtf8 = "invalid-utf8", "error", "a file that is not UTF-8 text";
    FileTooLarge = "file-too-large", "error", "a text file over 16 MB";
    RefusedCharacter = "refused-character", "error", "a control character or noncharacter that no web page or feed can carry";
    Io = "io", "error", "a file that cannot be read";
    SymlinkOutsideSite = "symlink-outside-site", "error", "a link to a file outside the site folder";
    MissingConfig = "missing-config", "error", "no `config.yaml`";
    BadUrl = "bad-url", "error", "an address that is not a valid `http(s)` URL";
    BadLanguage = "bad-language", "error", "a `language` that is not a language code";
    EmptyField = "empty-field", "error", "a required text that is empty";
    BadDate = "bad-date", "error", "a date that is not `YYYY-MM-DD` or not a real day";
    MissingFrontMatter = "missing-front-matter", "error", "a page without front matter";
    UnclosedFrontMatter = "unclosed-front-matter", "error", "front matter without its closing `---`";
    BadSlug = "bad-slug", "error", "a `slug` with characters other than `a-z`, `0-9`, `-`";
    DuplicateUrl = "duplicate-url", "error", "two pages (or two narratives) at the same URL";
    NoSlug = "no-slug", "error", "a file or folder name with no letter or digit to make a URL from";
    NotMarkdown = "not-markdown", "warning", "a file in `content/` that is not Markdown";
    MisplacedNarrative = "misplaced-narrative", "error", "a narrative in a sub-folder of a generated folder";
    OrphanNarrative = "orphan-narrative", "error", "a narrative for a page that does not exist";
    UnknownTemplate = "unknown-template", "error", "a page's `template` does not exist";
    TemplateSyntax = "template-syntax", "error", "a template that cannot be read";
    TemplateBuild = "template-build", "error", "templates that do not fit together";
    TemplateRender = "template-render", "error", "a template that fails while drawing a page";
    NotATemplate = "not-a-template", "warning", "a file in `templates/` that is not a template";
    ShortcodeSyntax = "shortcode-syntax", "error", "a shortcode written wrongly";
    UnknownShortcode = "unknown-shortcode", "error", "a shortcode name that does not exist";
    UnknownArgument = "unknown-argument", "error", "an argument a shortcode does not take";
    MissingArgument = "missing-argument", "error", "a required shortcode argument is missing";
    NoData = "no-data", "error", "a shortcode with nothing to show";
    EmbedsTooLarge = "embeds-too-large", "error", "the shortcodes of one page make more than 4 MB of HTML";
    BadChart = "bad-chart", "error", "a chart that cannot be drawn as asked";
    BrokenLink = "broken-link", "warning (build), error (check)", "a link to a missing page or anchor";
    UnsafeUrl = "unsafe-url", "error", "a link or image whose address could run code (`javascript:` and the like)";
    NestingTooDeep = "nesting-too-deep", "error", "block quotes or lists nested more than 100 levels deep";
    OrphanPage = "orphan-page", "warning", "a page no chain of links from the home page reaches";
    ImageWithoutAlt = "image-without-alt", "warning", "a Markdown image without alt text";
    BrokenExternalLink = "broken-external-link", "warning", "a web link that does not answer (only with `check --external`)";
    Pdf = "pdf", "error", "a country report could not be typeset as PDF (only with `--pdf`)";
    IgnoredFile = "ignored-file", "warning", "a file in `data/` that is not read";
    BadCountryCode = "bad-country-code", "error", "a `code` that is not an ISO country code";
    CodeFileMismatch = "code-file-mismatch", "error", "a country `code` that does not match its file name";
    DuplicateCountry = "duplicate-country", "error", "two profiles with the same code";
    NoRoles = "no-roles", "error", "an empty `roles` list";
    UnknownCountry = "unknown-country", "error", "a country code without a profile, or that cannot be used there";
    MeasuresNeedOrigin = "measures-need-origin", "error", "`measures` or `context` on a country that is not an origin";
    TypologyNeedsOrigin = "typology-needs-origin", "error", "a `typology` classification on a country that is not an origin";
    BadWeight = "bad-weight", "error", "a measure weight outside 1-3";
    BadYear = "bad-year", "error", "a year outside 1900-2100, or `until` before `since`";
    BadId = "bad-id", "error", "a source or indicator id with characters other than `a-z`, `0-9`, `-`";
    DuplicateSource = "duplicate-source", "error", "a source id listed twice";
    UnknownSource = "unknown-source", "error", "a cited source that is not listed";
    UnusedSource = "unused-source", "warning", "a listed source that nothing cites";
    MeasureWithoutEvidence = "measure-without-evidence", "warning", "a measure without sources";
    ContextCoded = "context-coded", "error", "`kind`, `mode`, `effect` or `weight` on an act of the EU, a destination or a bilateral agreement";
    RuleMismatch = "rule-mismatch", "error", "a measure coded differently from the coding rule of its `kind`";
    WorkingNote = "working-note", "warning", "published text that reads like a note for the team (TODO, \"not verified\", \"before publishing\")";
    IdFileMismatch = "id-file-mismatch", "error", "an indicator `id` that does not match its file name";
    UnknownIndicator = "unknown-indicator", "error", "an indicator id that does not exist";
    BadCompare = "bad-compare", "error", "a `compare_with` that cannot be compared";
    WrongRole = "wrong-role", "error", "a corridor country without the needed role";
    BadCorridor = "bad-corridor", "error", "a corridor key that is not `ORIGIN-DESTINATION`";
    BadReference = "bad-reference", "error", "a `reference` key that is not an aggregate code";
    BadFlag = "bad-flag", "error", "an unknown, repeated or empty flag";
    BadValue = "bad-value", "error", "a value that is not a finite number";
    DuplicateOutput = "duplicate-output", "error", "two files at the same place in the output, or a file where a folder must be";
    NameTooLong = "name-too-long", "error", "a file or folder name of the output longer than 255 bytes";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code compares equal to its name (`code == "unknown-field"`).
impl PartialEq<&str> for Code {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_slugs() {
        let names: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len());
        assert!(names.iter().all(|n| crate::routes::is_slug(n)), "{names:?}");
        assert_eq!(Code::UnknownField.to_string(), "unknown-field");
    }
}
