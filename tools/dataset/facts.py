"""Hand-coded facts read by build_dataset.py.

Everything here comes from the shared research notes (shared/data/origins.csv,
origins.md, eu-policy.md, sources.md, destinations.csv, series/README.md).
Nothing is added from memory: a fact the notes mark UNVERIFIED is not coded,
and a fact that rests only on a mirror, a wiki or a blog goes unless a primary
source for it was found (then that source is cited instead; see SOURCES).

Each measure has a `kind`: the coding rule of that kind of measure (in
src/typology.rs, CODING_RULES, printed on the site's method page) decides its
mode, effect and weight, and build_dataset.py copies them from RULES below,
which must agree with the Rust table (polibrief check refuses a measure coded
otherwise). Acts of the EU, of a destination state or of a bilateral
agreement are `context` items (actor eu | destination | bilateral): shown on
the country page, never coded. Each item names its sources and carries a
`why` line that build_dataset.py copies into CODING.md.
"""

# --------------------------------------------------------------------------
# Regions: UN M49 sub-region names (for Latin America and sub-Saharan Africa
# the M49 intermediate region, as the brief asks: "South America",
# "Western Africa"). Cyprus is in "Western Asia" in M49.
# Reference: https://unstats.un.org/unsd/methodology/m49/ (checked against a
# public copy of the M49 table, django-countries-hdx country_regions.py).
# --------------------------------------------------------------------------
REGIONS = {
    # EU member states
    "AT": "Western Europe", "BE": "Western Europe", "DE": "Western Europe",
    "FR": "Western Europe", "LU": "Western Europe", "NL": "Western Europe",
    "DK": "Northern Europe", "EE": "Northern Europe", "FI": "Northern Europe",
    "IE": "Northern Europe", "LT": "Northern Europe", "LV": "Northern Europe",
    "SE": "Northern Europe",
    "ES": "Southern Europe", "GR": "Southern Europe", "HR": "Southern Europe",
    "IT": "Southern Europe", "MT": "Southern Europe", "PT": "Southern Europe",
    "SI": "Southern Europe",
    "BG": "Eastern Europe", "CZ": "Eastern Europe", "HU": "Eastern Europe",
    "PL": "Eastern Europe", "RO": "Eastern Europe", "SK": "Eastern Europe",
    "CY": "Western Asia",
    # origin countries
    "MA": "Northern Africa", "DZ": "Northern Africa", "TN": "Northern Africa",
    "EG": "Northern Africa",
    "TR": "Western Asia",
    "UA": "Eastern Europe", "RU": "Eastern Europe",
    "AL": "Southern Europe", "RS": "Southern Europe",
    "IN": "Southern Asia",
    "CN": "Eastern Asia",
    "PH": "South-eastern Asia",
    "SN": "Western Africa",
    "EC": "South America", "CO": "South America",
}

# Display names that differ from the `name` column of origins.csv.
NAME_OVERRIDES = {
    "TR": "Türkiye",  # origins.csv: "Turkey (Türkiye)"; Eurostat label: "Türkiye"
}

# --------------------------------------------------------------------------
# Coding rules: kind -> (mode, effect, weight). A copy of CODING_RULES in
# src/typology.rs, where the reasoning of each rule lives (the site's method
# page prints it); `polibrief check` refuses a measure that departs from it.
# --------------------------------------------------------------------------
RULES = {
    "dual-nationality-kept": ("passive", "concordant", 2),
    "dual-nationality-by-permission": ("passive", "discordant", 2),
    "dual-nationality-lost": ("passive", "discordant", 3),
    "former-national-status": ("active", "concordant", 2),
    "voting-from-abroad": ("passive", "concordant", 1),
    "diaspora-body": ("active", "concordant", 1),
    "diaspora-services": ("active", "concordant", 2),
    "pre-departure-compulsory": ("active", "concordant", 2),
    "pre-departure-voluntary": ("active", "concordant", 1),
    "integration-encouraged": ("active", "concordant", 2),
    "homeland-loyalty": ("active", "discordant", 1),
    "emigrant-control": ("active", "discordant", 2),
    "foreign-status-declaration": ("active", "discordant", 1),
    "heritage-language-in-host-school": ("active", "concordant", 1),
    "heritage-language-outside-host-school": ("active", "discordant", 1),
    "documents-withheld": ("passive", "discordant", 2),
    "documents-conditional": ("passive", "discordant", 1),
}

# --------------------------------------------------------------------------
# Sources, as a reader cites them: author or body, title, date (YYYY,
# YYYY-MM or YYYY-MM-DD), identifier (document number, CELEX, DOI, dataset
# code), address. Primary sources where one exists; press where the fact is
# reported news. Mirrors, wikis, document-sharing sites and blogs from the
# research notes were replaced by a primary source or dropped with their
# claim (see NOT_CODED and CODING.md).
# --------------------------------------------------------------------------
EUR_LEX = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:"

SOURCES = {
    "eurostat-migr-pop1ctz": {
        "author": "Eurostat",
        "title": "Population on 1 January by age group, sex and citizenship",
        "date": "2025-03-13", "identifier": "dataset migr_pop1ctz",
        "url": "https://ec.europa.eu/eurostat/databrowser/view/migr_pop1ctz/default/table",
    },
    "globalcit-cld-2020": {
        "author": "Vink, M., van der Baaren, L., Bauböck, R., Honohan, I. and Manby, B.",
        "title": "GLOBALCIT Citizenship Law Dataset, v1.0 (laws in force on 1 January 2020), "
                 "mode L05: loss of citizenship on voluntary acquisition of another",
        "date": "2021", "identifier": "hdl:1814/73190",
        "url": "https://hdl.handle.net/1814/73190",
    },
    # France's heritage-language teaching (ELCO, EILE)
    "rtl-elco-2020": {
        "author": "RTL",
        "title": "Que sont les ELCO, les enseignements de langues que Macron souhaite supprimer",
        "url": "https://www.rtl.fr/actu/debats-societe/que-sont-les-elco-les-enseignements-de-langues-que-macron-souhaite-supprimer-7800122708",
    },
    "lci-elco-2020": {
        "author": "LCI",
        "title": "Séparatisme islamiste : que sont ces ELCO qu'Emmanuel Macron veut voir disparaître",
        "url": "https://www.lci.fr/politique/separatisme-islamiste-que-sont-ces-elco-qu-emmanuel-macron-veut-voir-disparaitre-2145898.html",
    },
    "banquedesterritoires-eile": {
        "author": "Banque des Territoires",
        "title": "Éducation : ce qu'implique la suppression des ELCO remplacés par les EILE",
        "url": "https://www.banquedesterritoires.fr/education-ce-quimplique-la-suppression-des-elco-remplaces-par-les-eile",
    },
    # EU instruments
    "ec-talent-partnerships": {
        "author": "European Commission, Directorate-General for Migration and Home Affairs",
        "title": "Talent Partnerships", "date": "2025",
        "url": "https://home-affairs.ec.europa.eu/policies/migration-and-asylum/legal-migration-and-resettlement/talent-partnerships_en",
    },
    "eu-new-pact-2020": {
        "author": "European Commission",
        "title": "Communication on a New Pact on Migration and Asylum",
        "date": "2020-09-23", "identifier": "COM(2020) 609 final, CELEX 52020DC0609",
        "url": EUR_LEX + "52020DC0609",
    },
    "eu-morocco-association-agreement": {
        "author": "Council of the European Union and European Commission",
        "title": "Decision 2000/204/EC, ECSC on the conclusion of the Euro-Mediterranean Agreement "
                 "establishing an association with the Kingdom of Morocco",
        "date": "2000", "identifier": "CELEX 32000D0204",
        "url": EUR_LEX + "32000D0204",
    },
    "eu-tunisia-association-agreement": {
        "author": "Council of the European Union and European Commission",
        "title": "Decision 98/238/EC, ECSC on the conclusion of the Euro-Mediterranean Agreement "
                 "establishing an association with the Republic of Tunisia",
        "date": "1998", "identifier": "CELEX 31998D0238",
        "url": EUR_LEX + "31998D0238",
    },
    "eu-algeria-association-agreement": {
        "author": "Council of the European Union",
        "title": "Decision 2005/690/EC on the conclusion of the Euro-Mediterranean Agreement "
                 "establishing an association with the People's Democratic Republic of Algeria",
        "date": "2005", "identifier": "CELEX 32005D0690",
        "url": EUR_LEX + "32005D0690",
    },
    "eu-decision-2012-776": {
        "author": "Council of the European Union",
        "title": "Council Decision 2012/776/EU on the position of the Union within the EEC-Turkey "
                 "Association Council on the coordination of social security systems (recitals on "
                 "Association Council Decision No 3/80)",
        "date": "2012", "identifier": "CELEX 32012D0776",
        "url": EUR_LEX + "32012D0776",
    },
    "eu-morocco-mobility-partnership": {
        "author": "Kingdom of Morocco, European Union and nine member states",
        "title": "Joint declaration establishing a Mobility Partnership between the Kingdom of "
                 "Morocco and the European Union and its Member States",
        "date": "2013-06-07", "identifier": "Council document 6139/13 ADD 1 REV 3",
        "url": "http://carim-south.eu/database/legal-module/joint-declaration-establishing-a-mobility-partnership-between-the-kingdom-of-morocco-and-the-european-union-and-its-member-states/",
    },
    "ec-tunisia-mobility-partnership": {
        "author": "European Commission",
        "title": "EU and Tunisia establish their Mobility Partnership (press release)",
        "date": "2014-03-03",
    },
    # Morocco
    "fh2-law-19-89": {
        "author": "Kingdom of Morocco",
        "title": "Law No. 19-89 creating the Hassan II Foundation for Moroccans Residing Abroad, "
                 "promulgated by Dahir No. 1-90-79 (text on the Foundation's website)",
        "date": "1990-07-13", "identifier": "Dahir No. 1-90-79; Law No. 19-89",
        "url": "https://fh2mre.ma/?p=1",
    },
    "lavieeco-fh2-2019": {
        "author": "La Vie éco",
        "title": "Fondation Hassan II pour les MRE : priorité à la préservation de l'identité culturelle",
        "date": "2019-08",
        "url": "https://www.lavieeco.com/societe/fondation-hassan-ii-pour-les-mre-priorite-a-la-preservation-de-lidentite-culturelle/",
    },
    "dehaas-2007": {
        "author": "Hein de Haas",
        "title": "Between courting and controlling: the Moroccan state and 'its' emigrants",
        "date": "2007", "identifier": "COMPAS Working Paper WP-07-54, University of Oxford",
        "url": "https://www.compas.ox.ac.uk/publication/wp-2007-054-dehass_morrocan_emigrants",
    },
    "mpi-europe-interact-2014": {
        "author": "Maria Vincenza Desiderio and Agnieszka Weinar (MPI Europe, INTERACT)",
        "title": "Supporting Immigrant Integration in Europe? Developing the Governance for Diaspora Engagement",
        "date": "2014-05",
        "url": "https://www.migrationpolicy.org/research/immigrant-integration-europe-developing-governance-diaspora-engagement",
    },
    "ccme": {
        "author": "Council of the Moroccan Community Abroad (CCME)",
        "title": "The CCME: presentation of the Council",
        "url": "https://ccme.org.ma/en/ccme",
    },
    # Türkiye
    "swp-2019-rp07": {
        "author": "German Institute for International and Security Affairs (SWP)",
        "title": "Research Paper 2019/RP 07, on Turkey's diaspora policy",
        "date": "2019", "identifier": "doi:10.18449/2019RP07",
        "url": "https://www.swp-berlin.org/10.18449/2019RP07/",
    },
    "turkishnews-ytb-blue-card": {
        "author": "Turkish News",
        "title": "Interview with the chair of YTB on the Blue Card and the Overseas Citizens' Registry",
        "url": "https://turkishnews.com/en/content/news/world/page/60",
    },
    "touteduc-eile-turkey": {
        "author": "ToutEduc",
        "title": "ELCO : la Turquie accepte son remplacement par l'EILE",
        "url": "http://www.touteduc.fr/fr/archives/id-18739-elco-enseignement-des-langues-et-cultures-d-origine-la-turquie-accepte-son-remplacement-par-l-eile",
    },
    "cafepedagogique-2021-eile-turkey": {
        "author": "Café pédagogique",
        "title": "EILE : l'accord franco-turc publié",
        "date": "2021-04-19",
        "url": "https://cafepedagogique.net/2021/04/19/eile-l-accord-franco-turc-publie",
    },
    # Ukraine
    "onlineua-2025-multiple-citizenship": {
        "author": "Online.ua",
        "title": "Zelenskyy signed the law on multiple citizenship",
        "date": "2025-07",
        "url": "https://news.online.ua/en/zelenskyy-signed-the-law-on-multiple-citizenship-895245/",
    },
    "censor-2025-citizenship-list": {
        "author": "Censor.net",
        "title": "First states named for multiple citizenship with Ukraine",
        "date": "2025-08",
        "url": "https://censor.net/en/news/3570699/",
    },
    "prensalatina-2025-multiple-citizenship": {
        "author": "Prensa Latina",
        "title": "Zelensky sancionou lei para legalizar a cidadania múltipla na Ucrânia",
        "date": "2025-07-16",
        "url": "https://www.prensalatina.com.br/2025/07/16/zelensky-sancionou-lei-para-legalizar-a-cidadania-multipla-na-ucrania",
    },
    "swissinfo-2024-consular": {
        "author": "Swissinfo",
        "title": "Ukraine suspends consular services for military-age men abroad",
        "date": "2024-04",
        "url": "https://www.swissinfo.ch/eng/ukraine-suspends-consular-services-for-military-age-men-abroad/76273790",
    },
    "pravda-2024-consular": {
        "author": "Ukrainska Pravda",
        "title": "Consular services suspended for men of military age abroad",
        "date": "2024-04-23",
        "url": "https://www.pravda.com.ua/eng/news/2024/04/23/7452615/",
    },
    # Albania
    "keyt-2024-albania-vote-abroad": {
        "author": "KEYT (Associated Press)",
        "title": "Albanians abroad will vote for the first time in parliamentary elections set for May",
        "date": "2024-12-05",
        "url": "https://keyt.com/news/2024/12/05/albanians-abroad-will-vote-for-the-first-time-in-parliamentary-elections-set-for-may/",
    },
    "politiko-2025-diaspora-ballots": {
        "author": "Politiko",
        "title": "Diaspora vote: about 45% of emigrants have returned their ballots",
        "date": "2025-04",
        "url": "https://politiko.al/english/e-tjera/vota-e-diaspores-rreth-45-e-emigranteve-kane-kthyer-votat-nga-jashte-kry-i530864",
    },
    # India
    "indembangola-oci": {
        "author": "Embassy of India, Luanda",
        "title": "OCI card (with article 9 of the Constitution of India)",
        "url": "https://indembangola.gov.in/oci_card.html",
    },
    "thehindu-oci": {
        "author": "The Hindu",
        "title": "What is an OCI card and how to apply for it",
        "url": "https://www.thehindu.com/news/national/What-is-an-OCI-card-and-how-to-apply-for-it/article17012971.ece",
    },
    "ani-2019-pdot": {
        "author": "ANI",
        "title": "Over 50,000 covered under MEA's pre-departure orientation programme",
        "date": "2019-07-31",
        "url": "https://www.aninews.in/news/world/asia/over-50000-covered-under-meas-pre-departure-orientation-programme20190731094657/",
    },
    "orissadiary-2023-pkvy": {
        "author": "Orissa Diary",
        "title": "1 lakh 29 thousand trained under Pravasi Kaushal Vikas Yojana",
        "date": "2023",
        "url": "https://orissadiary.com/1-lakh-29-thousand-trained-under-pravasi-kaushal-vikas-yojana-to-equip-people-with-soft-skills-to-compete-in-foreign-destinations/",
    },
    "ani-2019-overseas-indian-affairs": {
        "author": "ANI",
        "title": "Overseas Indian Affairs organised workshop for nodal officers on safe, orderly migration",
        "date": "2019-09-25",
        "url": "https://www.aninews.in/news/national/general-news/chennai-overseas-indian-affairs-organised-workshop-for-nodal-officers-on-safe-orderly-migration20190925221108/",
    },
    # China
    "jamestown-ufwd-2018": {
        "author": "Jamestown Foundation",
        "title": "Reorganizing the United Front Work Department: new structures for a new era of "
                 "diaspora and religious affairs work",
        "url": "https://jamestown.org/program/reorganizing-the-united-front-work-department-new-structures-for-a-new-era-of-diaspora-and-religious-affairs-work/",
    },
    # Philippines
    "lawphil-ra-10590": {
        "author": "Republic of the Philippines (text in the LawPhil Project)",
        "title": "Republic Act No. 10590, amending Republic Act No. 9189, the Overseas Absentee Voting Act of 2003",
        "date": "2013-05-27", "identifier": "Republic Act No. 10590",
        "url": "http://lawphil.net/statutes/repacts/ra2013/ra_10590_2013.html",
    },
    "gma-pdos": {
        "author": "GMA News",
        "title": "OFW guide: the required pre-departure orientation seminar",
        "url": "https://gmanetwork.com/news/pinoyabroad/dispatch/248571/ofw-guide-the-required-pre-departure-orientation-seminar/story",
    },
    # Senegal
    "rfi-2017-senegal-deputies": {
        "author": "RFI",
        "title": "Sénégal : des députés pour les Sénégalais de l'étranger",
        "date": "2017-01-04",
        "url": "http://www.rfi.fr/afrique/20170104-senegal-depute-etranger-projet-loi-assemblee-nationale-code-electoral",
    },
    "dakaractu-senegalais-exterieur": {
        "author": "Dakaractu",
        "title": "Assistance des Sénégalais de l'extérieur",
        "url": "https://www.dakaractu.com/Assistance-des-senegalais-de-l-exterieur-Permettez-nous-d-accueillir-nos-compatriotes-et-de-recueillir-leurs-doleances_a240972.html",
    },
    "allafrica-2017-senegal": {
        "author": "AllAfrica",
        "title": "Report on the Senegalese abroad and their deputies",
        "date": "2017-01",
        "url": "http://fr.allafrica.com/stories/201701070163.html",
    },
    # Egypt
    "citizenshiprightsafrica-egypt": {
        "author": "Citizenship Rights in Africa Initiative",
        "title": "Egypt allows 44 citizens to acquire foreign nationalities without retaining Egyptian citizenship",
        "url": "http://citizenshiprightsafrica.org/egypt-allows-44-citizens-to-acquire-foreign-nationalities-without-retaining-egyptian-citizenship/",
    },
    "allafrica-2020-egypt-vote-abroad": {
        "author": "AllAfrica",
        "title": "Egyptians abroad vote by post in the parliamentary elections",
        "date": "2020-10",
        "url": "https://fr.allafrica.com/stories/202010210982.html",
    },
    "egypttoday-ministry-emigration": {
        "author": "Egypt Today",
        "title": "Cabinet to draft a new policy targeting Egyptian expats",
        "url": "http://www.egypttoday.com/Article/1/21353/Cabinet-to-draft-a-new-policy-targeting-Egyptian-expats",
    },
    # Algeria
    "elmoudjahid-18219": {
        "author": "El Moudjahid",
        "title": "Deputies of the national community abroad and voters registered abroad",
        "date": "2017",
        "url": "http://www.elmoudjahid.com/fr/flash-actu/18219",
    },
    "algeria-decree-09-297": {
        "author": "People's Democratic Republic of Algeria",
        "title": "Presidential Decree No. 09-297 of 9 September 2009 creating the Consultative Council "
                 "of the National Community Abroad",
        "date": "2009-09-09", "identifier": "Presidential Decree No. 09-297",
    },
    # Tunisia
    "kapitalis-2011-constituent-vote": {
        "author": "Kapitalis",
        "title": "Engouement des Tunisiens à l'étranger pour l'élection de la Constituante",
        "date": "2011",
        "url": "https://kapitalis.com/archive/190-politik/6436-engouement-des-tunisiens-a-letranger-pour-lelection-de-la-constituante",
    },
    "cafepedagogique-2020-elco-tunisia": {
        "author": "Café pédagogique",
        "title": "ELCO : un accord de 2017 publié seulement maintenant",
        "date": "2020-05-04",
        "url": "https://www.cafepedagogique.net/2020/05/04/elco-un-accord-de-2017-publie-seulement-maintenant/",
    },
    # Russia
    "kremlin-45846": {
        "author": "President of Russia",
        "title": "Law on notification of another citizenship or a foreign residence permit signed",
        "date": "2014",
        "url": "http://en.kremlin.ru/acts/news/45846/print",
    },
    # Ecuador
    "eluniverso-voto-exterior": {
        "author": "El Universo",
        "title": "El voto en el exterior (opinion column)",
        "url": "https://www.eluniverso.com/opinion/columnistas/el-voto-en-el-exterior-nota",
    },
    "scielo-2018-ecuador": {
        "author": "SciELO México",
        "title": "Journal article on voting from abroad",
        "date": "2018",
        "url": "https://scielo.org.mx/scielo.php?pid=S0185-013X2018000400755&script=sci_arttext",
    },
    # Colombia
    "aceproject-colombia": {
        "author": "ACE Electoral Knowledge Network",
        "title": "Colombia: representation of emigrants in the Congress",
        "url": "https://aceproject.org/ace-en/topics/va/annex/country-case-studies/colombia-representation-of-emigrants-in-the",
    },
    "idea-114045": {
        "author": "International IDEA",
        "title": "Voting from abroad: the case of Colombia",
        "url": "https://idea.int/node/114045",
    },
}

# --------------------------------------------------------------------------
# Origin summaries (own words, from the notes). build_dataset.py appends a
# generated sentence on the largest EU communities (Eurostat).
# --------------------------------------------------------------------------
ORIGIN_SUMMARIES = {
    "MA": (
        "Morocco lets citizens who naturalise abroad keep their nationality. For three decades "
        "from the 1960s the state treated its emigrants' settling in Europe as a risk and kept "
        "watch over them; in the 1990s it reversed course and came to welcome their integration. "
        "Its Hassan II Foundation (1990) offers Moroccans abroad legal and social assistance, and "
        "an advisory Council of the Moroccan Community Abroad was created in 2007."
    ),
    "TR": (
        "Türkiye tolerates dual nationality, and former citizens who gave up Turkish nationality "
        "to naturalise elsewhere can hold the Blue Card, which keeps their Turkish ID number and "
        "some civil rights. Citizens abroad have voted from abroad since 2014. The Presidency for "
        "Turks Abroad (YTB) supports diaspora associations, including their part in host-country "
        "politics, while its diaspora policy also stresses loyalty and identity ties with "
        "Türkiye. In France, Türkiye now pays teachers of Turkish who work under French school "
        "supervision."
    ),
    "UA": (
        "A Ukrainian who voluntarily took another nationality could lose Ukrainian citizenship "
        "until 2025, when a law allowed multiple citizenship with states on a government list; "
        "the first states named included Germany, Poland and Czechia. In spring 2024 consulates "
        "stopped taking new applications from men of military age abroad for several weeks, and "
        "they have since served them only once their military registration is up to date. "
        "Eurostat's citizenship detail for Poland, a major destination, is missing from the "
        "source used."
    ),
    "AL": (
        "Albania accepts dual nationality. Citizens abroad voted from abroad, by post, for the "
        "first time in the parliamentary election of May 2025, after a decision of parliament in "
        "2024. Greece, a major destination, is missing from the Eurostat breakdown used."
    ),
    "IN": (
        "India does not allow dual citizenship: Indian citizenship ends when a citizen "
        "voluntarily acquires another. Former citizens can instead hold Overseas Citizenship of "
        "India, a status with a lifelong visa and partial parity but no vote. The Ministry of "
        "External Affairs runs a voluntary pre-departure orientation course and has a division "
        "for overseas Indian affairs."
    ),
    "CN": (
        "China does not recognise dual nationality, and a Chinese national settled abroad who "
        "voluntarily naturalises there loses Chinese nationality. Work with overseas Chinese, "
        "which analysts describe as aimed at keeping influence over the diaspora, was moved into "
        "the Communist Party's United Front Work Department in 2018. There are no direct national "
        "elections, so voting from abroad does not apply."
    ),
    "PH": (
        "The Philippines accepts dual citizenship and lets citizens vote from abroad under the "
        "Overseas Absentee Voting Act of 2003, amended in 2013. Emigrants and overseas workers "
        "must attend a pre-departure orientation seminar on their rights, the destination's "
        "culture and the government services open to them, run by the Commission on Filipinos "
        "Overseas and the Overseas Workers Welfare Administration."
    ),
    "SN": (
        "Senegal accepts dual nationality. Since 2017 Senegalese abroad elect their own deputies "
        "to the National Assembly, in overseas departments that include two in Europe, and "
        "affairs of the Senegalese abroad sit with the Ministry of Foreign Affairs."
    ),
    "EG": (
        "Egyptians need prior permission from the Interior Ministry to take a foreign nationality, "
        "and keeping Egyptian nationality is not automatic. Egyptians abroad voted by post "
        "through the missions in the 2020 parliamentary elections. A ministry for emigration and "
        "Egyptians abroad was at work from at least 2017 to 2020."
    ),
    "DZ": (
        "Algeria accepts dual nationality. Algerians abroad elect eight deputies of the National "
        "People's Assembly, and a consultative council for the national community abroad was "
        "created by decree in 2009. France is the main destination, but its Eurostat breakdown by "
        "citizenship stops in 2018."
    ),
    "TN": (
        "Tunisians abroad have elected their own deputies since 2011. The GLOBALCIT dataset "
        "records that Tunisians who voluntarily take another nationality can lose Tunisian "
        "nationality; the sources used do not show how often the rule is applied. Under a 2017 "
        "agreement with France, Arabic classes for Tunisian children moved to a scheme under the "
        "French education ministry's control."
    ),
    "RU": (
        "Russians keep their citizenship when they naturalise abroad. Since 2014, however, "
        "citizens must declare another nationality or a foreign residence permit unless they live "
        "permanently abroad, and failing to do so is a criminal offence."
    ),
    "RS": (
        "Serbia lets its emigrants keep Serbian citizenship when they naturalise abroad, while "
        "foreigners who naturalise in Serbia must in principle give up theirs. Serbia was one of "
        "France's partners in the ELCO scheme of heritage-language teaching, which ended in 2020."
    ),
    "EC": (
        "Ecuador accepts dual nationality. Emigrants have voted from abroad since 2006, and the "
        "2008 Constitution lets them elect members of the National Assembly, including members "
        "for the overseas constituency."
    ),
    "CO": (
        "Colombia accepts dual nationality. Colombians abroad have voted for president since the "
        "1960s and for the Senate since the 1990s, and since 2002 they elect their own member of "
        "the House of Representatives."
    ),
}

# --------------------------------------------------------------------------
# Measures (the origin state's own acts). Order = order in the file.
# `kind` decides mode, effect and weight (RULES); `why` goes to CODING.md
# and says which facts bring the measure under its rule.
# --------------------------------------------------------------------------


def _dual_kept(word, extra="", sources=("globalcit-cld-2020",)):
    return {
        "title": "Nationality kept on naturalisation abroad",
        "kind": "dual-nationality-kept",
        "description": (
            f"{word} nationality is not lost when a citizen voluntarily acquires another, so "
            f"naturalising in the destination does not cost it (GLOBALCIT, law in force in 2020).{extra}"
        ),
        "sources": list(sources),
        "why": "GLOBALCIT codes no loss on voluntary acquisition of another nationality (mode L05)",
    }


def _voting(title, description, sources, since=None):
    m = {"title": title, "kind": "voting-from-abroad", "description": description,
         "sources": sources, "why": "the notes source a law or an election in which nationals abroad voted"}
    if since:
        m["since"] = since
    return m


def _elco(word):
    return {
        "title": "Teachers of the heritage language under France's ELCO scheme",
        "kind": "heritage-language-outside-host-school",
        "until": 2020,
        "description": (
            f"{word} was one of the nine states whose agreements with France (signed between 1973 "
            "and 1986) set up the ELCO courses in the language and culture of origin, taught by "
            "teachers the partner states appointed, with curricula France did not control. France "
            "ended the scheme from September 2020."
        ),
        "sources": ["rtl-elco-2020", "banquedesterritoires-eile"],
        "why": "partner states appointed the teachers; France did not control teachers or curricula; "
               "ended 2020",
    }


MEASURES = {
    "MA": [
        _dual_kept("Moroccan"),
        {
            "title": "Watching emigrants and discouraging their integration",
            "kind": "emigrant-control",
            "since": 1960, "until": 1990,
            "description": (
                "For three decades from the 1960s, Rabat treated its emigrants' integration in Europe "
                "as a risk to remittances and to political control, and used its networks abroad to "
                "hold them back from it. The policy was reversed in the 1990s (the years recorded "
                "are the first of each decade the source names)."
            ),
            "sources": ["dehaas-2007"],
            "why": "de Haas documents deliberate control of emigrants and discouragement of integration, "
                   "ended during the 1990s",
        },
        {
            "title": "Encouragement of integration and a favourable view of dual citizenship",
            "kind": "integration-encouraged",
            "since": 1990,
            "description": (
                "In the 1990s the policy was reversed: the state set out to win its emigrants' "
                "goodwill and came to welcome both their integration and their holding a second "
                "nationality. The INTERACT mapping of origin-country institutions records the same "
                "turn."
            ),
            "sources": ["dehaas-2007", "mpi-europe-interact-2014"],
            "why": "a stated policy line towards emigrants, documented by two research sources",
        },
        {
            "title": "Hassan II Foundation: legal and social assistance for Moroccans abroad",
            "kind": "diaspora-services",
            "since": 1990,
            "description": (
                "The Hassan II Foundation for Moroccans Residing Abroad was set up by law in 1990 to "
                "keep Moroccans abroad connected with their country and to help with the problems "
                "life abroad brings. It offers legal and social assistance, backs emigrants' own "
                "projects and pays towards Arabic, cultural and religious teaching."
            ),
            "sources": ["fh2-law-19-89", "lavieeco-fh2-2019"],
            "why": "a state body whose legal and social assistance to emigrants is documented (one measure "
                   "for the body and its services)",
        },
        {
            "title": "Council of the Moroccan Community Abroad (CCME)",
            "kind": "diaspora-body",
            "since": 2007,
            "description": (
                "An advisory council created in 2007 and given constitutional standing in 2011; "
                "it gives opinions on, and evaluates, public policy towards Moroccans abroad."
            ),
            "sources": ["ccme"],
            "why": "an advisory body whose existence and remit are documented, with no service in the "
                   "destination",
        },
        _elco("Morocco"),
    ],
    "TR": [
        _dual_kept("Turkish"),
        {
            "title": "Blue Card for former citizens",
            "kind": "former-national-status",
            "description": (
                "Citizens who give up Turkish nationality with permission, for example to "
                "naturalise where dual nationality is not allowed, can hold the Blue Card (Mavi "
                "Kart), keeping their Turkish ID number and some civil rights; YTB moved them to "
                "an Overseas Citizens' Registry so that the number stays usable for banking and "
                "property."
            ),
            "sources": ["turkishnews-ytb-blue-card"],
            "why": "a status created for former nationals who renounced to naturalise",
        },
        _voting(
            "Voting from abroad",
            "Turkish citizens abroad have voted from abroad since the 2014 presidential election.",
            ["swp-2019-rp07"], since=2014),
        {
            "title": "Presidency for Turks Abroad (YTB): support for taking part in the host country",
            "kind": "diaspora-services",
            "description": (
                "YTB, a government agency for Turkish citizens and associations abroad, supports "
                "their participation in the political life of the host country while "
                "strengthening their ties with Türkiye."
            ),
            "sources": ["swp-2019-rp07"],
            "why": "a state body whose support for participation in the host country is documented",
        },
        {
            "title": "Loyalty and identity strand of diaspora policy",
            "kind": "homeland-loyalty",
            "description": (
                "Research on Türkiye's diaspora policy finds a strong emphasis on loyalty and "
                "identity ties with Türkiye alongside its support for participation abroad: the "
                "same agency that encourages taking part in the host country works to deepen "
                "emigrants' bond with home."
            ),
            "sources": ["swp-2019-rp07"],
            "why": "SWP documents a stated loyalty and identity orientation; no measure that stops "
                   "emigrants from settling is documented, hence homeland-loyalty rather than control",
        },
        {
            "title": "Teachers of Turkish in French schools under French supervision (EILE)",
            "kind": "heritage-language-in-host-school",
            "since": 2021,
            "description": (
                "Under a Franco-Turkish agreement published in April 2021, Türkiye chooses and "
                "pays the teachers of Turkish, who must know French at B2 level and work under "
                "the supervision of the French education ministry, a few hours a week."
            ),
            "sources": ["touteduc-eile-turkey", "cafepedagogique-2021-eile-turkey"],
            "why": "the origin state pays the teachers (its own act within France's EILE framework), "
                   "who teach under host supervision",
        },
        _elco("Türkiye"),
    ],
    "UA": [
        {
            "title": "Nationality lost on naturalisation abroad",
            "kind": "dual-nationality-lost",
            "until": 2025,
            "description": (
                "Voluntary acquisition of a foreign nationality was a ground for losing Ukrainian "
                "citizenship (GLOBALCIT, law in force in 2020) until the multiple-citizenship law "
                "of 2025."
            ),
            "sources": ["globalcit-cld-2020", "onlineua-2025-multiple-citizenship"],
            "why": "GLOBALCIT codes loss on voluntary acquisition (L05); replaced for the main EU "
                   "destinations by the 2025 law, hence `until: 2025`",
        },
        {
            "title": "Multiple citizenship with listed states, including the main EU destinations (2025 law)",
            "kind": "dual-nationality-kept",
            "since": 2025,
            "description": (
                "A law passed in June and signed in July 2025 allows multiple citizenship with "
                "states on a government list; the reported criteria include EU membership and "
                "sanctions against Russia, and the first states named, in August 2025, were "
                "Germany, Poland, Czechia, the United States and Canada. Naturalising in these "
                "main destinations no longer costs Ukrainian citizenship."
            ),
            "sources": ["onlineua-2025-multiple-citizenship", "censor-2025-citizenship-list",
                        "prensalatina-2025-multiple-citizenship"],
            "why": "the law in force for the main EU destinations (Germany and Czechia, the two largest "
                   "with data, and Poland) keeps the nationality",
        },
        {
            "title": "Suspension of consular services for men of military age",
            "kind": "documents-withheld",
            "since": 2024, "until": 2024,
            "description": (
                "From 23 April 2024 consulates stopped accepting new applications, including for "
                "passports, from male citizens aged 18 to 60 abroad, except documents to return "
                "home. Services resumed once the mobilisation law took effect on 18 May 2024."
            ),
            "sources": ["swissinfo-2024-consular", "pravda-2024-consular"],
            "why": "documents withheld from a group of nationals abroad for mobilisation, an end other "
                   "than their life abroad; ended in May 2024",
        },
        {
            "title": "Consular services conditional on military registration",
            "kind": "documents-conditional",
            "since": 2024,
            "description": (
                "Since May 2024 consulates serve men of military age abroad only once their "
                "military-registration data are up to date."
            ),
            "sources": ["swissinfo-2024-consular", "pravda-2024-consular"],
            "why": "documents issued on a condition unrelated to life abroad",
        },
    ],
    "AL": [
        _dual_kept("Albanian"),
        _voting(
            "Postal voting from abroad",
            "Parliament voted in July 2024 to let citizens abroad vote from abroad; they first did so "
            "by post in the parliamentary election of 11 May 2025, after registering online.",
            ["keyt-2024-albania-vote-abroad", "politiko-2025-diaspora-ballots"], since=2024),
    ],
    "IN": [
        {
            "title": "Nationality lost on naturalisation abroad",
            "kind": "dual-nationality-lost",
            "description": (
                "Under article 9 of the Constitution, Indian citizenship ends when a citizen "
                "voluntarily acquires another, so naturalising in the destination costs it."
            ),
            "sources": ["indembangola-oci", "globalcit-cld-2020"],
            "why": "the Constitution and GLOBALCIT (L05) record loss on voluntary acquisition",
        },
        {
            "title": "Overseas Citizenship of India (OCI) for former citizens",
            "kind": "former-national-status",
            "since": 2005,
            "description": (
                "Since the Citizenship (Amendment) Act 2005, former citizens can hold OCI status, "
                "a lifelong visa with partial parity with citizens but no vote or public office."
            ),
            "sources": ["thehindu-oci"],
            "why": "a status created for former nationals who naturalised abroad",
        },
        {
            "title": "Pre-Departure Orientation Training (PDOT)",
            "kind": "pre-departure-voluntary",
            "since": 2018,
            "description": (
                "The Ministry of External Affairs started a voluntary one-day course in January "
                "2018 on the language, culture and rules of destination countries; 129,062 people "
                "had been trained by 31 May 2023 under a wider skills programme."
            ),
            "sources": ["ani-2019-pdot", "orissadiary-2023-pkvy"],
            "why": "an orientation course for emigrants, voluntary",
        },
        {
            "title": "Overseas Indian Affairs division of the Ministry of External Affairs",
            "kind": "diaspora-body",
            "description": (
                "The work of the former Ministry of Overseas Indian Affairs is done by an "
                "Overseas Indian Affairs division of the Ministry of External Affairs, which, for "
                "example, trained officials on safe and orderly migration in 2019."
            ),
            "sources": ["ani-2019-overseas-indian-affairs"],
            "why": "a state body for nationals abroad; no service in the destination is documented",
        },
    ],
    "CN": [
        {
            "title": "No dual nationality: nationality lost on naturalisation abroad",
            "kind": "dual-nationality-lost",
            "description": (
                "China's nationality law does not recognise dual nationality; a Chinese national "
                "settled abroad who voluntarily acquires a foreign nationality loses Chinese "
                "nationality automatically (GLOBALCIT, law in force in 2020)."
            ),
            "sources": ["globalcit-cld-2020"],
            "why": "GLOBALCIT codes automatic loss on voluntary acquisition (L05)",
        },
        {
            "title": "Overseas Chinese work under the United Front Work Department",
            "kind": "emigrant-control",
            "description": (
                "Analysts describe work with overseas Chinese as aimed at keeping influence over "
                "the diaspora; in 2018 the Overseas Chinese Affairs Office of the State Council "
                "was folded into the Communist Party's United Front Work Department."
            ),
            "sources": ["jamestown-ufwd-2018"],
            "why": "a body whose documented aim is influence over emigrants, hence control rather than "
                   "an engagement body",
        },
    ],
    "PH": [
        _dual_kept("Philippine"),
        _voting(
            "Voting from abroad",
            "The Overseas Absentee Voting Act (Republic Act 9189, 2003), amended as the Overseas "
            "Voting Act by Republic Act 10590 in 2013, lets citizens abroad register and vote "
            "at posts abroad.",
            ["lawphil-ra-10590"], since=2003),
        {
            "title": "Compulsory Pre-Departure Orientation Seminar (PDOS)",
            "kind": "pre-departure-compulsory",
            "description": (
                "Departing overseas workers (through OWWA) and emigrants (through the Commission "
                "on Filipinos Overseas) must attend a seminar on their rights under the contract, "
                "the destination's culture, health and safety, managing money and remittances, "
                "and the government services open to them abroad."
            ),
            "sources": ["gma-pdos"],
            "why": "an orientation course that departing workers and emigrants must attend",
        },
        {
            "title": "Commission on Filipinos Overseas (CFO)",
            "kind": "diaspora-body",
            "description": "A government commission for Filipinos who emigrate; it runs their pre-departure seminar.",
            "sources": ["gma-pdos"],
            "why": "a state body for emigrants; its seminar is coded on its own, no service in the "
                   "destination is documented",
        },
        {
            "title": "Overseas Workers Welfare Administration (OWWA)",
            "kind": "diaspora-body",
            "description": "A government agency for the welfare of Filipino workers abroad; it runs their pre-departure seminar.",
            "sources": ["gma-pdos"],
            "why": "a state body for workers abroad; its seminar is coded on its own, no service in the "
                   "destination is documented",
        },
    ],
    "SN": [
        _dual_kept("Senegalese"),
        _voting(
            "Deputies elected by Senegalese abroad",
            "A law adopted in January 2017 created 15 National Assembly seats elected by Senegalese "
            "abroad in eight overseas departments, two of them in Europe.",
            ["rfi-2017-senegal-deputies"], since=2017),
        {
            "title": "Ministry of Foreign Affairs and Senegalese Abroad",
            "kind": "diaspora-body",
            "description": (
                "Affairs of Senegalese abroad sit with the Ministry of Foreign Affairs and "
                "Senegalese Abroad and its directorate for Senegalese abroad."
            ),
            "sources": ["dakaractu-senegalais-exterieur", "allafrica-2017-senegal"],
            "why": "a state body for nationals abroad; no service in the destination is documented",
        },
    ],
    "EG": [
        {
            "title": "Prior permission needed to acquire a foreign nationality",
            "kind": "dual-nationality-by-permission",
            "since": 1975,
            "description": (
                "Under Law 26 of 1975 Egyptians need prior permission from the Interior Ministry "
                "to acquire a foreign nationality; the permission may or may not let them keep "
                "Egyptian nationality, and permissions are published in the Official Gazette."
            ),
            "sources": ["citizenshiprightsafrica-egypt", "globalcit-cld-2020"],
            "why": "keeping the nationality depends on prior permission (GLOBALCIT L05, category of loss "
                   "with permission)",
        },
        _voting(
            "Postal voting from abroad",
            "Egyptians abroad voted by post through embassies and missions in the 2020 parliamentary "
            "elections.",
            ["allafrica-2020-egypt-vote-abroad"]),
        {
            "title": "Ministry of Emigration and Egyptian Expatriates' Affairs",
            "kind": "diaspora-body",
            "description": "A ministry for emigration and Egyptians abroad, at work from at least 2017 to 2020.",
            "sources": ["egypttoday-ministry-emigration"],
            "why": "a state body for nationals abroad; no service in the destination is documented",
        },
    ],
    "DZ": [
        _dual_kept("Algerian"),
        _voting(
            "Deputies elected by Algerians abroad",
            "Eight deputies of the National People's Assembly represent Algerians abroad, two for "
            "each of four overseas zones, two of which are in France; 955,426 voters were "
            "registered abroad for the May 2017 election.",
            ["elmoudjahid-18219"]),
        {
            "title": "Consultative Council of the National Community Abroad",
            "kind": "diaspora-body",
            "since": 2009,
            "description": (
                "Created by presidential decree in September 2009 as a consultative body on "
                "questions concerning Algerians abroad."
            ),
            "sources": ["algeria-decree-09-297"],
            "why": "a consultative body whose creation and remit are documented, with no service in the "
                   "destination",
        },
        _elco("Algeria"),
    ],
    "TN": [
        {
            "title": "Nationality can be lost on naturalisation abroad",
            "kind": "dual-nationality-lost",
            "description": (
                "GLOBALCIT records a provision under which Tunisians who voluntarily acquire "
                "another nationality can lose Tunisian nationality (law in force in 2020); the "
                "sources used do not show how often it is applied."
            ),
            "sources": ["globalcit-cld-2020"],
            "why": "GLOBALCIT codes a loss provision (L05, the same category as Ukraine's before 2025), "
                   "coded by the same rule as every other country",
        },
        _voting(
            "Deputies elected by Tunisians abroad",
            "Tunisians abroad have elected their own deputies since the Constituent Assembly "
            "election of 2011.",
            ["kapitalis-2011-constituent-vote"], since=2011),
        _elco("Tunisia"),
    ],
    "RU": [
        _dual_kept("Russian"),
        {
            "title": "Duty to declare another citizenship or a foreign residence permit",
            "kind": "foreign-status-declaration",
            "since": 2014,
            "description": (
                "Since August 2014 citizens must notify the authorities within 60 days of another "
                "citizenship or a foreign residence permit, unless they live permanently abroad; "
                "failing to do so is a criminal offence."
            ),
            "sources": ["kremlin-45846"],
            "why": "a duty, backed by penalties, to report a foreign status",
        },
    ],
    "RS": [
        _dual_kept("Serbian", " Foreigners who naturalise in Serbia, by contrast, must in principle give up their previous nationality."),
        _elco("Serbia"),
    ],
    "EC": [
        _dual_kept("Ecuadorian"),
        _voting(
            "Voting from abroad and an overseas constituency",
            "Ecuadorians abroad first voted from abroad in the 2006 presidential election; the 2008 "
            "Constitution (article 63) extends the vote to members of the National Assembly, "
            "including members for the overseas constituency. Voting is optional for emigrants.",
            ["scielo-2018-ecuador", "eluniverso-voto-exterior"], since=2006),
    ],
    "CO": [
        _dual_kept("Colombian"),
        _voting(
            "Voting from abroad and a House seat for Colombians abroad",
            "Law 39 of 1961 let Colombians abroad vote for president (first in 1962); they have "
            "voted for the Senate since the 1991 Constitution and elect a member of the House for "
            "Colombians abroad since 2002.",
            ["aceproject-colombia", "idea-114045"], since=1961),
    ],
}

# --------------------------------------------------------------------------
# Context: acts of the EU, of destination states or bilateral agreements
# that bear on the origin's emigrants (eu-policy.md, origins.md). Shown on
# the country page and in the EU chapter, never counted.
# --------------------------------------------------------------------------
_FRANCE_EILE = {
    "title": "France's replacement of ELCO by EILE",
    "actor": "destination",
    "since": 2020,
    "description": (
        "From September 2020 France replaced the ELCO courses with a scheme (EILE) in which it "
        "controls teachers and curricula; partner states could join it by agreement."
    ),
    "sources": ["rtl-elco-2020", "banquedesterritoires-eile"],
    "why": "a destination's reform of its own school provision",
}


def _talent(word):
    return {
        "title": "EU Talent Partnership",
        "actor": "eu",
        "description": (
            f"The EU has launched a Talent Partnership with {word}: cooperation on legal migration "
            "pathways, skills and training, with EU funding, announced in the 2020 Pact on "
            "Migration and Asylum."
        ),
        "sources": ["ec-talent-partnerships", "eu-new-pact-2020"],
        "why": "an EU instrument (eu-policy.md: context)",
    }


CONTEXT = {
    "MA": [
        {
            "title": "Equal treatment in social security under the EU association agreement",
            "actor": "eu",
            "since": 2000,
            "description": (
                "The Euro-Mediterranean Association Agreement between the EU and Morocco includes "
                "equal treatment with nationals in social security for Moroccan workers."
            ),
            "sources": ["eu-morocco-association-agreement"],
            "why": "an EU association agreement (eu-policy.md: context)",
        },
        {
            "title": "EU-Morocco Mobility Partnership",
            "actor": "eu",
            "since": 2013,
            "description": (
                "A joint declaration signed in June 2013 by Morocco, the EU and nine member states; "
                "its aims include information for qualified Moroccans on work and study in the EU, "
                "recognition of qualifications and the integration of Moroccans living legally in "
                "the EU."
            ),
            "sources": ["eu-morocco-mobility-partnership"],
            "why": "an EU instrument the origin state signed (eu-policy.md: context)",
        },
        _talent("Morocco"),
        _FRANCE_EILE,
    ],
    "TR": [
        {
            "title": "Social security of Turkish workers under EEC-Turkey Decision No 3/80",
            "actor": "eu",
            "since": 1980,
            "description": (
                "Decision No 3/80 of the EEC-Turkey Association Council applies member states' "
                "social-security schemes to Turkish workers; the Court of Justice found its "
                "non-discrimination and residence-waiver clauses directly effective."
            ),
            "sources": ["eu-decision-2012-776"],
            "why": "an EU Association Council decision (eu-policy.md: context)",
        },
        _FRANCE_EILE,
    ],
    "EG": [_talent("Egypt")],
    "DZ": [
        {
            "title": "Equal treatment in social security under the EU association agreement",
            "actor": "eu",
            "since": 2005,
            "description": (
                "The Euro-Mediterranean Association Agreement between the EU and Algeria includes "
                "equal treatment in social security for Algerian workers."
            ),
            "sources": ["eu-algeria-association-agreement"],
            "why": "an EU association agreement (eu-policy.md: context)",
        },
        _FRANCE_EILE,
    ],
    "TN": [
        {
            "title": "Franco-Tunisian agreement moving Arabic teaching to EILE",
            "actor": "bilateral",
            "since": 2017,
            "description": (
                "An agreement signed with France on 31 March 2017 and published in May 2020 moved "
                "Arabic classes for Tunisian children from ELCO to EILE, under the French "
                "education ministry's control of teachers and programmes."
            ),
            "sources": ["cafepedagogique-2020-elco-tunisia"],
            "why": "an agreement whose content the destination sets; no Tunisian act within it (such "
                   "as paying teachers) is documented",
        },
        {
            "title": "Equal treatment in social security under the EU association agreement",
            "actor": "eu",
            "since": 1998,
            "description": (
                "The Euro-Mediterranean Association Agreement between the EU and Tunisia includes "
                "equal treatment in social security for Tunisian workers."
            ),
            "sources": ["eu-tunisia-association-agreement"],
            "why": "an EU association agreement (eu-policy.md: context)",
        },
        {
            "title": "EU-Tunisia Mobility Partnership",
            "actor": "eu",
            "since": 2014,
            "description": (
                "Established in March 2014 by Tunisia, the EU and ten member states; its aims "
                "include better integration of Tunisians living legally in the EU and recognition "
                "of qualifications."
            ),
            "sources": ["ec-tunisia-mobility-partnership"],
            "why": "an EU instrument the origin state signed (eu-policy.md: context)",
        },
        _talent("Tunisia"),
    ],
    "RS": [_FRANCE_EILE],
}

# Facts in the notes that were deliberately NOT coded, per origin (for CODING.md).
NOT_CODED = {
    "MA": [
        "Voting from abroad: modalities not documented in the notes.",
        "Mohammedia Foundation (announced November 2024): announced, not yet set up.",
        "Arabic-language programmes (2019 figures) and Ramadan delegations: the figures rest on a mirror site; religious staff are not coded.",
        "Operation Marhaba (summer transit help) and remittances: not about life in the destination.",
        "1976 cooperation agreement on social security: the only source is an aggregator; the claim goes.",
    ],
    "TR": [
        "DİTİB/Diyanet imams and Yunus Emre Institutes: religious and cultural staff are not coded.",
        "YTB's founding date and legal basis: the only source was a wiki mirror.",
    ],
    "UA": ["Voting from abroad and diaspora institutions: not documented in the notes."],
    "AL": ["Diaspora institutions: not documented in the notes.", "Remittances: not about life in the destination."],
    "IN": [
        "Voting by non-resident citizens: not documented in the notes (only the OCI no-vote rule is).",
        "Bilateral social security agreements with EU states: the only source is a legal blog; the claim goes (it would be context, not coded).",
        "The 2021 narrowing of OCI rights: the only source is Wikipedia; the claim goes.",
    ],
    "CN": ["Voting from abroad: not applicable (no direct national elections)."],
    "PH": [
        "Republic Act 9225 (dual citizenship): not read; the measure rests on GLOBALCIT.",
        "PDOS start year: secondary sites disagree, so no `since`.",
        "Department of Migrant Workers: its founding law was not read and the only source is an unofficial app site.",
    ],
    "SN": ["Remittances: not about life in the destination."],
    "EG": [
        "Social security under the EU-Egypt association agreement: the only source compares it with the Maghreb agreements without giving its content.",
        "The ministry after 2020: not documented in the notes.",
    ],
    "DZ": [
        "Secretary of State for the national community abroad (2013): the only source is a news aggregator.",
        "Electoral zones abroad: the second source is a news aggregator; the first is kept.",
    ],
    "TN": [
        "Seat numbers after the 2022 decree-law: the only source is a wiki mirror; the claim goes.",
        "Office des Tunisiens à l'Étranger: not documented in the notes.",
    ],
    "RU": ["Voting from abroad and diaspora institutions: not documented in the notes."],
    "RS": [
        "Voting from abroad and diaspora institutions: not documented in the notes.",
        "Ending its ELCO courses rather than joining EILE: the only source is a mirror of Senate debates.",
    ],
    "EC": ["Diaspora institutions (SENAMI) and the number of overseas seats: not documented in the notes."],
    "CO": ["Diaspora institutions (Colombia Nos Une): not documented in the notes."],
}

# --------------------------------------------------------------------------
# Destination caveats (own words, from the `notes` column of destinations.csv
# and series/README.md), appended to the generated summary.
# --------------------------------------------------------------------------
DESTINATION_NOTES = {
    "CZ": "The count of non-EU citizens includes a large Ukrainian population under temporary protection; how such residents are counted differs between countries.",
    "FR": "France stopped reporting the breakdown by individual citizenship to Eurostat after 2018, so its corridor figures end in 2018.",
    "PL": "The count of non-EU citizens probably leaves out most Ukrainian temporary-protection beneficiaries, and the breakdown by individual citizenship is missing from the source used, so there are no corridor figures.",
    "GR": "The breakdown by individual citizenship is missing from the source used, so there are no corridor figures.",
    "HR": "The breakdown by individual citizenship is missing from the source used, so there are no corridor figures.",
    "CY": "The breakdown by individual citizenship is missing from the source used, so there are no corridor figures.",
    "MT": "The breakdown by individual citizenship is missing from the source used, so there are no corridor figures.",
    "RO": "Eurostat revised Romania's naturalisation rates sharply between releases, so that series should be read with caution.",
    "SK": "Its non-EU population is very small.",
}
