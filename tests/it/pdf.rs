//! PDF country reports (`build --pdf`, `report CODE --pdf`).
//!
//! With the `pdf` feature: the PDFs of the data fixture are read back with
//! poppler's `pdfinfo` and `pdftotext` (poppler-utils; .ci/run installs it)
//! and must carry what the HTML report of the same build shows. Without
//! the feature: `--pdf` is a usage error that names the feature.

#[cfg(not(feature = "pdf"))]
mod without_the_feature {
    use crate::support::*;
    use predicates::prelude::*;

    #[test]
    fn pdf_output_needs_the_pdf_feature() {
        let site = TestSite::fixture("data-basic");
        site.command()
            .args(["build", ".", "--pdf"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--features pdf"))
            .stderr(predicate::str::contains("PDF support"));
        assert!(!site.path().join("public").exists());
        site.command()
            .args(["report", "MA", "--pdf", "--out", "ma.pdf"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--features pdf"));
        assert!(!site.path().join("ma.pdf").exists());
    }
}

#[cfg(feature = "pdf")]
mod with_the_feature {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use crate::support::*;
    use predicates::prelude::*;

    /// The fixture built with `--pdf` into `out` (relative to the site).
    fn build(site: &TestSite, out: &str) -> PathBuf {
        site.command().args(["build", ".", "--pdf", "--out", out]).assert().success();
        site.path().join(out)
    }

    fn poppler(tool: &str, args: &[&str]) -> String {
        let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
            panic!("cannot run `{tool}` ({e}): install poppler-utils (apt-get install -y poppler-utils)")
        });
        assert!(output.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).expect("UTF-8 output")
    }

    /// `pdfinfo`'s fields.
    fn info(pdf: &Path) -> Vec<(String, String)> {
        poppler("pdfinfo", &["-isodates", pdf.to_str().unwrap()])
            .lines()
            .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
            .collect()
    }

    fn field<'a>(info: &'a [(String, String)], key: &str) -> &'a str {
        info.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no {key} in {info:?}"))
    }

    /// The text of the PDF, whitespace collapsed.
    fn text(pdf: &Path) -> String {
        normalize(&poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]))
    }

    /// The addresses the PDF's links go to (`pdfinfo -url`).
    fn links(pdf: &Path) -> Vec<String> {
        poppler("pdfinfo", &["-url", pdf.to_str().unwrap()])
            .lines()
            .skip(1)
            .filter_map(|l| l.split_whitespace().nth(2).map(str::to_string))
            .collect()
    }

    /// The lines of the PDF as laid out (`pdftotext -layout`), whitespace
    /// collapsed: a table row reads on one line.
    fn layout_lines(pdf: &Path) -> Vec<String> {
        poppler("pdftotext", &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]).lines().map(normalize).collect()
    }

    /// Text without any whitespace: a PDF wraps long lines anywhere a
    /// space or a slash allows, so texts are compared squeezed.
    fn squeeze(text: &str) -> String {
        text.split_whitespace().collect()
    }

    /// What the HTML report of the same build shows, as its reader reads
    /// it: name, indicator titles and ranks, value notes, chart titles,
    /// what the typology rests on (class, thin evidence, sensitivity,
    /// measures and context items with their meta lines and descriptions)
    /// and every source as cited.
    struct Expected {
        name: String,
        /// Texts the PDF must carry, each whole.
        texts: Vec<String>,
        /// Rows of the diaspora and corridor tables, cells joined by spaces.
        rows: Vec<String>,
    }

    fn expected(out: &Path, code: &str) -> Expected {
        let html = std::fs::read_to_string(out.join(format!("countries/{code}/report/index.html"))).unwrap();
        let page = Page(scraper::Html::parse_document(&html));
        let first_text = |css: &str| -> Vec<String> {
            page.select(css).iter().map(|e| normalize(e.text().next().unwrap_or_default())).collect()
        };
        let mut texts = first_text(".indicator-table tbody th");
        for css in [
            // Rank with its year and order, or "not ranked".
            ".indicator-table tbody td:nth-child(4)",
            ".table-notes li",
            ".chart__title",
            ".typology-class",
            ".notice",
            ".typology-thin",
            ".typology-sensitivity p",
            ".typology-sensitivity li",
            "h3[id^=measures-]",
            // Measures, earlier measures and context items: title and meta line.
            ".measure__title",
            ".measure__description",
            "#context-title",
            "#context-title + p",
            "#diaspora-title",
            "#corridors-title",
            // The captions of the report's own tables (the charts' data tables are left out).
            "#indicators-caption, #diaspora-caption, #corridors-caption",
            // Sources as cited: author, title, date, identifier; indicators'
            // with publisher, dataset, database version, retrieval, licence.
            ".source-list li",
            "#profile-sources",
        ] {
            texts.extend(page.texts(css).into_iter().filter(|t| !t.is_empty()));
        }
        let cell = scraper::Selector::parse("th, td").unwrap();
        let cells = |css: &str| -> Vec<Vec<String>> {
            page.select(css)
                .iter()
                .map(|tr| tr.select(&cell).map(|c| normalize(&c.text().collect::<String>())).collect())
                .collect()
        };
        let mut rows = cells(".diaspora-table tr");
        let mut origins = cells(".origin-table tr");
        // The PDF says a source shared by every origin group once, below the table.
        let sources: std::collections::BTreeSet<String> =
            origins.iter().skip(1).filter_map(|row| row.last().cloned()).collect();
        if let [source] = Vec::from_iter(sources).as_slice() {
            for row in &mut origins {
                row.pop();
            }
            texts.push(format!("Source of every row: {source}."));
        }
        rows.extend(origins);
        let rows = rows.into_iter().map(|row| row.join(" ")).collect();
        Expected { name: page.text("#report-title"), texts, rows }
    }

    /// The PDF carries every text and table row of the HTML report.
    fn assert_carries(pdf: &Path, expected: &Expected) {
        let pdf_text = text(pdf);
        assert!(pdf_text.contains(&expected.name), "no country name {:?}", expected.name);
        let squeezed = squeeze(&pdf_text);
        for s in &expected.texts {
            assert!(squeezed.contains(&squeeze(s)), "the PDF lacks {s:?}:\n{pdf_text}");
        }
        let lines = layout_lines(pdf);
        for row in &expected.rows {
            assert!(lines.iter().any(|l| l == row), "the PDF lacks the table row {row:?}:\n{}", lines.join("\n"));
        }
    }

    #[test]
    fn build_writes_a_pdf_report_per_country_with_the_report_content() {
        let site = TestSite::fixture("data-basic");
        let out = build(&site, "out");
        for code in ["de", "es", "it", "ma", "tr"] {
            let pdf = out.join(format!("countries/{code}/report.pdf"));
            assert!(pdf.is_file(), "no {}", pdf.display());
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{code}: not a PDF");
            // The document language (config.yaml's, `en` by default) and tags.
            assert!(bytes.windows(9).any(|w| w == b"/Lang(en)"), "{code}: no document language");
            assert!(bytes.windows(13).any(|w| w == b"/Marked true/"), "{code}: not a tagged PDF");

            let info = info(&pdf);
            let pages: usize = field(&info, "Pages").parse().unwrap();
            assert!((1..=8).contains(&pages), "{code}: {pages} pages");
            let expected = expected(&out, code);
            assert_eq!(field(&info, "Title"), format!("{}: country report", expected.name));
            assert_eq!(field(&info, "Author"), "Data fixture");
            assert_eq!(field(&info, "Subject"), "Data fixture");
            assert_eq!(field(&info, "Page size"), "595.276 x 841.89 pts (A4)");
            // The creation date is the data's date, never the clock.
            assert!(field(&info, "CreationDate").starts_with("2025-04-01"), "{info:?}");

            assert_carries(&pdf, &expected);
            let pdf_text = text(&pdf);
            assert!(pdf_text.contains("Summary") && pdf_text.contains("Sources"));
            assert!(
                pdf_text.contains(&format!("https://org.example/sub/countries/{code}/report/")),
                "permalink written out"
            );
        }
        // The report page links to its PDF.
        let html = std::fs::read_to_string(out.join("countries/es/report/index.html")).unwrap();
        assert!(html.contains("/sub/countries/es/report.pdf"));
    }

    #[test]
    fn country_pages_link_to_their_pdf_report() {
        let site = TestSite::fixture("data-basic");
        let out = build(&site, "out");
        for code in ["de", "es", "it", "ma", "tr"] {
            let html = std::fs::read_to_string(out.join(format!("countries/{code}/index.html"))).unwrap();
            let page = Page(scraper::Html::parse_document(&html));
            let pdfs: Vec<String> = page.attrs("a[href]", "href").into_iter().filter(|h| h.ends_with(".pdf")).collect();
            assert_eq!(pdfs, [format!("/sub/countries/{code}/report.pdf")], "{code}");
            assert!(out.join(format!("countries/{code}/report.pdf")).is_file());
        }
        // Other pages do not.
        let html = std::fs::read_to_string(out.join("countries/index.html")).unwrap();
        assert!(!html.contains("report.pdf"));
    }

    /// A long note on Spain's latest naturalisation rate.
    const NOTE: &str = "Provisional: computed from the national register (https://example.org/a/very/long/address/of/the/register) before revision.";

    #[test]
    fn a_value_note_is_a_numbered_note_below_the_table() {
        let site = TestSite::fixture("data-basic");
        let path = "data/indicators/naturalisation-rate.yaml";
        let yaml = std::fs::read_to_string(site.path().join(path)).unwrap();
        let noted = format!("ES: {{2021: 1.9, 2022: {{value: 2.3, note: \"{NOTE}\"}}}}");
        site.write(path, &yaml.replace("ES: {2021: 1.9, 2022: 2.3}", &noted));
        let out = build(&site, "out");
        let pdf = out.join("countries/es/report.pdf");
        let pdf_text = text(&pdf);
        // The note is read whole (a long address may wrap), after the
        // table, numbered like its marker.
        let squeezed: String = pdf_text.split_whitespace().collect();
        let squeeze = |s: &str| -> String { s.split_whitespace().collect() };
        let note = squeeze(&format!("Notes 1. Naturalisations per 100 resident non-EU citizens: {NOTE}"));
        let at = squeezed.find(&note).unwrap_or_else(|| panic!("no numbered note:\n{pdf_text}"));
        let row = squeeze("Naturalisations per 100 resident non-EU citizens (per 100) 2.31 2022");
        let row = squeezed.find(&row).unwrap_or_else(|| panic!("no row:\n{pdf_text}"));
        assert!(row < at, "the note follows the table");
        // The table keeps its layout: the row reads on one line, its value
        // followed by the marker 1 and the year.
        let layout = poppler("pdftotext", &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
        let line = layout
            .lines()
            .find(|l| l.contains("Naturalisations per 100 resident non-EU citizens"))
            .unwrap_or_else(|| panic!("the title is broken:\n{layout}"));
        assert!(normalize(line).contains("2.31 2022"), "{line:?}");
        assert!(!layout.lines().any(|l| normalize(l) == "Provisional:"), "no word-per-line cell:\n{layout}");
    }

    #[test]
    fn a_destination_report_has_its_corridors() {
        let site = TestSite::fixture("data-basic");
        let out = build(&site, "out");
        let es = out.join("countries/es/report.pdf");
        let es_text = text(&es);
        for s in [
            "The largest origin groups with data living in Spain are citizens of Morocco (812,000, 2022) and Türkiye (4,321, 2022).",
            "Corridors into Spain",
        ] {
            assert!(es_text.contains(s), "ES lacks {s:?}:\n{es_text}");
        }
        // The table as the HTML report's: a row per origin, with the
        // corridor; the one source of every row is said once below it.
        let lines = layout_lines(&es);
        for line in [
            "Origin Citizens Year Corridor",
            "Morocco 812,000 2022 Morocco → Spain",
            "Türkiye 4,321 2022 Türkiye → Spain",
            "Source of every row: Eurostat, population by citizenship.",
        ] {
            assert!(lines.iter().any(|l| l == line), "ES lacks the line {line:?}:\n{}", lines.join("\n"));
        }
        assert_eq!(expected(&out, "es").rows.len(), 3, "the HTML report's header and two origins");
        // The corridor cell links to the corridor page, written out in full.
        let links = links(&es);
        for url in ["https://org.example/sub/corridors/ma-es/", "https://org.example/sub/corridors/tr-es/"] {
            assert!(links.iter().any(|l| l == url), "no link to {url}: {links:?}");
        }
        let ma_text = text(&out.join("countries/ma/report.pdf"));
        assert!(!ma_text.contains("Corridors into"));

        // Türkiye's group from its profile's diaspora entry: two sources,
        // a Source column.
        edit(
            &site,
            "data/indicators/corridor-population.yaml",
            "  TR-ES: {2021: 4100, 2022: {value: 4321, flag: p}}\n",
            "",
        );
        let out = build(&site, "mixed");
        let es = out.join("countries/es/report.pdf");
        let lines = layout_lines(&es);
        for line in [
            "Origin Citizens Year Corridor Source",
            "Morocco 812,000 2022 Morocco → Spain Eurostat, population by citizenship",
            "Türkiye 4,321 2022 Türkiye → Spain INE, Continuous register statistics",
        ] {
            assert!(lines.iter().any(|l| l == line), "ES lacks the line {line:?}:\n{}", lines.join("\n"));
        }
        assert!(!text(&es).contains("Source of every row"));
        assert_carries(&es, &expected(&out, "es"));
    }

    /// Replaces `from` (which must be there) in a file of the site.
    fn edit(site: &TestSite, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(site.path().join(path)).unwrap();
        assert!(text.contains(from), "{path} lacks {from:?}");
        site.write(path, &text.replace(from, to));
    }

    #[test]
    fn the_reports_show_the_evidence_as_the_html_reports_do() {
        let site = TestSite::fixture("data-basic");
        // Morocco: a measure coded by its kind's rule, a context item (an
        // act of the EU) and a source with author, date and identifier.
        let ma = "data/countries/ma.yaml";
        edit(
            &site,
            ma,
            "  - title: Dual nationality accepted by default\n    mode: passive\n    effect: concordant\n",
            "  - title: Dual nationality accepted by default\n    kind: dual-nationality-kept\n",
        );
        edit(
            &site,
            ma,
            "sources:\n  - id: ine-2022",
            "  - title: EU Talent Partnership with Morocco\n    actor: eu\n    since: 2021\n    description: |\n      Training and mobility schemes *agreed* with the EU.\n    sources: [talent]\n\
             sources:\n  - id: talent\n    author: European Commission\n    title: Talent Partnerships\n    date: 2021-06-11\n    identifier: COM(2021) 1 final\n    url: https://home-affairs.ec.europa.eu/talent\n  - id: ine-2022",
        );
        // An indicator source with its publisher and database version.
        edit(
            &site,
            "data/indicators/employment-rate.yaml",
            "  dataset: lfsa_ergan\n",
            "  publisher: Eurostat\n  dataset: lfsa_ergan\n  updated: 2025-01-10\n",
        );
        // Italy's naturalisation rate only in a year other than the compared one; Spain's with a note.
        edit(
            &site,
            "data/indicators/naturalisation-rate.yaml",
            "  ES: {2021: 1.9, 2022: 2.3}",
            "  ES: {2021: 1.9, 2022: {value: 2.3, note: Derived from two counts.}}\n  IT: {2021: 0.9}",
        );
        let out = build(&site, "out");
        let expected: Vec<(&str, Expected)> = ["es", "it", "ma", "tr"].map(|c| (c, expected(&out, c))).into();
        let has = |code: &str, text: &str| {
            let e = &expected.iter().find(|(c, _)| *c == code).unwrap().1;
            assert!(e.texts.iter().any(|t| t == text), "the HTML report of {code} lacks {text:?}: {:?}", e.texts);
        };
        // What the HTML reports show (so that carrying it means something).
        has("es", "3 of 3 in 2022 (highest first)");
        has("es", "Naturalisations per 100 resident non-EU citizens: Derived from two counts.");
        has(
            "es",
            "Employment rate of non-EU citizens aged 20-64: Eurostat, Eurostat, employment rates by citizenship, dataset lfsa_ergan, database version of 2025-01-10, retrieved 2025-01-15. Licence: CC BY 4.0.",
        );
        has("it", "not ranked");
        has("ma", "Dual nationality accepted by default Dual nationality · weight 2");
        has("ma", "EU Talent Partnership with Morocco by the EU · since 2021");
        has("ma", "Training and mobility schemes agreed with the EU.");
        has("ma", "European Commission, Talent Partnerships, 2021-06-11, COM(2021) 1 final.");
        has("ma", "Profile, measures and context");
        has(
            "tr",
            "Thin evidence. The class rests on 2 current measures of the origin state, fewer than the 3 the method asks for before a placement is read with confidence.",
        );
        for (code, e) in &expected {
            if ["ma", "tr"].contains(code) {
                let sure = e.texts.iter().any(|t| t.starts_with("Robust") || t.starts_with("Fragile"));
                assert!(sure, "{code}: no sensitivity in {:?}", e.texts);
            }
            assert_carries(&out.join(format!("countries/{code}/report.pdf")), e);
        }
        // Measure sources are numbered as in the list; addresses are links.
        let ma_pdf = out.join("countries/ma/report.pdf");
        assert!(text(&ma_pdf).contains("Sources: Talent Partnerships [1]"), "{}", text(&ma_pdf));
        let links = links(&ma_pdf);
        for url in ["https://home-affairs.ec.europa.eu/talent", "https://org.example/sub/typology/method/"] {
            assert!(links.iter().any(|l| l == url), "no link to {url}: {links:?}");
        }
    }

    #[test]
    fn the_reports_carry_charts_measures_and_diaspora() {
        let site = TestSite::fixture("data-basic");
        let out = build(&site, "out");
        let es = out.join("countries/es/report.pdf");
        let es_text = text(&es);
        // Spain's indicators come with their charts, whose summaries are printed.
        let page = Page(scraper::Html::parse_document(
            &std::fs::read_to_string(out.join("countries/es/report/index.html")).unwrap(),
        ));
        let charts = page.texts(".chart__title");
        assert!(page.count(".indicator-table tbody tr") > 0 && !charts.is_empty());
        for chart in &charts {
            assert!(es_text.contains(chart.as_str()), "ES lacks the chart {chart:?}");
        }
        assert!(es_text.contains("Latest value") && es_text.contains("Rank"));
        // Chart text (axis labels) is text in the PDF, in the vendored font.
        let fonts = poppler("pdffonts", &[es.to_str().unwrap()]);
        assert!(fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"), "{fonts}");
        assert!(!fonts.to_lowercase().contains("libertinus"), "no serif fallback: {fonts}");

        let ma_text = text(&out.join("countries/ma/report.pdf"));
        for s in [
            "Measures towards nationals abroad",
            "Ministry for Moroccans living abroad",
            "weight 3 · since 2002",
            "A ministry that supports integration abroad.",
            "Earlier measures (not counted)",
            "Amicales watched over emigrant associations",
            "Citizens of Morocco in EU countries",
            "Destination Citizens",
            "https://www.refworld.org/ma-nationality-code",
        ] {
            assert!(ma_text.contains(s), "MA lacks {s:?}:\n{ma_text}");
        }
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let site = TestSite::fixture("data-basic");
        let first = build(&site, "first");
        let second = build(&site, "second");
        for code in ["de", "es", "it", "ma", "tr"] {
            let path = format!("countries/{code}/report.pdf");
            let a = std::fs::read(first.join(&path)).unwrap();
            let b = std::fs::read(second.join(&path)).unwrap();
            assert!(a == b, "{path} differs between two builds");
        }
    }

    #[test]
    fn report_command_writes_one_pdf() {
        let site = TestSite::fixture("data-basic");
        site.command()
            .args(["report", "MA", "--pdf", "--out", "x.pdf"])
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote the report of MA to x.pdf"));
        let pdf = site.path().join("x.pdf");
        let info = info(&pdf);
        assert_eq!(field(&info, "Title"), "Morocco: country report");
        let out = build(&site, "out");
        // The same document as the build's.
        assert!(std::fs::read(&pdf).unwrap() == std::fs::read(out.join("countries/ma/report.pdf")).unwrap());
        let expected = expected(&out, "ma");
        // A source without address, cited whole.
        assert!(expected.texts.iter().any(|t| t == "Hassan II Foundation, teaching programme report."));
        assert_carries(&pdf, &expected);
    }

    #[test]
    fn data_cannot_inject_typst_markup() {
        // Typst's markup and code characters in every kind of field.
        let hostile = "#panic(\"boom\") $x$ *b* _i_ `r` <l> @ref = - + / \\\\ [x] ~ \\\" #{1+1}";
        let site = TestSite::fixture("data-basic");
        let ma = std::fs::read_to_string(site.path().join("data/countries/ma.yaml")).unwrap();
        let ma = ma
            .replace("name: Morocco", &format!("name: '{}'", format!("Morocco {hostile}").replace('\'', "''")))
            .replace(
                "  Morocco keeps close ties with its citizens abroad.",
                "  Morocco keeps close ties \\#panic(\"md\") with its citizens abroad <em>x</em> &amp; `#raw`.",
            )
            .replace(
                "title: Ministry for Moroccans living abroad",
                &format!("title: '{}'", hostile.replace('\'', "''")),
            );
        // A context item (an act of the EU) with the same text as its title.
        let ma = ma.replace(
            "sources:\n  - id: ine-2022",
            &format!(
                "  - title: '{}'\n    actor: eu\n    sources: [ine-2022]\nsources:\n  - id: ine-2022",
                hostile.replace('\'', "''")
            ),
        );
        // An expert classification, with the same text as its rationale.
        let ma =
            format!("{ma}\ntypology:\n  class: passive-discordance\n  rationale: '{}'\n", hostile.replace('\'', "''"));
        site.write("data/countries/ma.yaml", &ma);
        let out = build(&site, "out");
        let pdf_text = text(&out.join("countries/ma/report.pdf"));
        // Printed as written: in the title block, the running header, the
        // headings, the summary and the measure title.
        assert!(pdf_text.matches(&format!("Morocco {hostile}")).count() >= 5, "{pdf_text}");
        assert!(pdf_text.contains(&format!("Active concordance {hostile} weight 3")), "{pdf_text}");
        assert!(pdf_text.contains(&format!("Expert classification: Passive discordance. {hostile}")), "{pdf_text}");
        assert!(pdf_text.contains(&format!("{hostile} by the EU")), "{pdf_text}");
        // Markdown fields: converted from HTML, then text too.
        assert!(pdf_text.contains("close ties #panic("), "{pdf_text}");
        assert!(pdf_text.contains("<em>x</em> & #raw."), "{pdf_text}");
    }
}
