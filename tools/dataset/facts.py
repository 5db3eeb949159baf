"""Hand-coded facts read by build_dataset.py.

Everything here comes from the shared research notes (shared/data/origins.csv,
origins.md, sources.md, destinations.csv, series/README.md). Nothing is added
from memory: a fact the notes mark UNVERIFIED is not coded. Each measure names
the ids of its sources (SOURCES below, all with a URL taken from the notes) and
carries a `why` line that build_dataset.py copies into CODING.md.

Cells: mode active|passive x effect concordant|discordant; weight 1..3.
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
# Sources used by measures (and diaspora). id -> title, url, year (optional).
# Titles describe the document; they are not invented headlines.
# --------------------------------------------------------------------------
SOURCES = {
    "eurostat-migr-pop1ctz": {
        "title": "Eurostat, Population on 1 January by age group, sex and citizenship (migr_pop1ctz)",
        "url": "https://ec.europa.eu/eurostat/databrowser/view/migr_pop1ctz/default/table",
        "year": 2025,
    },
    "globalcit-cld-2020": {
        "title": "GLOBALCIT Citizenship Law Dataset v1.0 (Vink et al.), coding as of 2020, "
                 "variables dualcit_comb and L05, copy in mpvink/making-citizenship-regimes-more-comparable-globally",
        "url": "https://github.com/mpvink/making-citizenship-regimes-more-comparable-globally",
    },
    # Morocco
    "maghress-fh2-1990": {
        "title": "La Gazette du Maroc (via Maghress), on the Hassan II Foundation for Moroccans Residing Abroad",
        "url": "https://www.maghress.com/fr/lagazette/11686",
    },
    "lavieeco-fh2-2019": {
        "title": "La Vie éco, on the priorities of the Hassan II Foundation for Moroccans abroad (August 2019)",
        "url": "https://www.lavieeco.com/societe/fondation-hassan-ii-pour-les-mre-priorite-a-la-preservation-de-lidentite-culturelle/",
        "year": 2019,
    },
    "mgsog-migration-brief-10": {
        "title": "Maastricht Graduate School of Governance, Migration policy brief No. 10 (2012), citing de Haas (2007)",
        "url": "https://docslib.org/doc/12532584/",
        "year": 2012,
    },
    "mpi-europe-interact-2014": {
        "title": "MPI Europe, report by Desiderio and Weinar mapping origin-country institutions "
                 "that engage with emigrants' integration (INTERACT, 2014)",
        "url": "https://www.migrationpolicy.org/research/immigrant-integration-europe-developing-governance-diaspora-engagement",
        "year": 2014,
    },
    "wiesbrock-emaa-social-security": {
        "title": "A. Wiesbrock, chapter on the social security rights of third-country nationals "
                 "under the Euro-Mediterranean Association Agreements",
        "url": "https://9dok.net/article/social-security-rights-country-nationals-euro.qvl6nng0",
    },
    "oalib-2191980": {
        "title": "OALib paper 2191980, on social-security rules of the EC-Maghreb cooperation agreements",
        "url": "http://www.oalib.com/paper/2191980",
    },
    "ec-talent-partnerships": {
        "title": "European Commission, DG Migration and Home Affairs, Talent Partnerships",
        "url": "https://home-affairs.ec.europa.eu/policies/migration-and-asylum/legal-migration-and-resettlement/talent-partnerships_en",
        "year": 2025,
    },
    # Türkiye
    "turkishnews-ytb-blue-card": {
        "title": "Turkish News, interview with the YTB chair on the Blue Card and the Overseas Citizens' Registry",
        "url": "https://turkishnews.com/en/content/news/world/page/60",
    },
    "swp-2019-rp07": {
        "title": "SWP (German Institute for International and Security Affairs), Research Paper 2019/RP 07, on Turkey's diaspora policy",
        "url": "https://www.swp-berlin.org/10.18449/2019RP07/",
        "year": 2019,
    },
    "wikili-ytb": {
        "title": "Amt für Auslandstürken (YTB), encyclopaedia entry (de.wiki.li)",
        "url": "https://de.wiki.li/Amt_f%C3%BCr_Auslandst%C3%BCrken",
    },
    "swp-2014-aydin": {
        "title": "Y. Aydın, The New Turkish Diaspora Policy, SWP Research Paper 10/2014",
        "url": "https://9dok.net/document/yd7ln50g-the-new-turkish-diaspora-policy.html",
        "year": 2014,
    },
    "touteduc-eile-turkey": {
        "title": "ToutEduc, on Turkey accepting the replacement of ELCO by EILE",
        "url": "http://www.touteduc.fr/fr/archives/id-18739-elco-enseignement-des-langues-et-cultures-d-origine-la-turquie-accepte-son-remplacement-par-l-eile",
    },
    "cafepedagogique-2021-eile-turkey": {
        "title": "Café pédagogique, publication of the Franco-Turkish EILE agreement (19 April 2021)",
        "url": "https://cafepedagogique.net/2021/04/19/eile-l-accord-franco-turc-publie",
        "year": 2021,
    },
    "eu-decision-2012-776": {
        "title": "Council Decision 2012/776/EU, recitals on EEC-Turkey Association Council Decision No 3/80",
        "url": "https://www.legislation.gov.uk/eudn/2012/776/contents/data.html",
        "year": 2012,
    },
    "com-2012-152-memorandum": {
        "title": "Explanatory memorandum of COM(2012)152 on the coordination of social security with Turkey (Parlementaire Monitor)",
        "url": "https://parlementairemonitor.nl/9353000/1/j4nvhdfdk3hydzq_j9tvgajcor7dxyk_j9vvij5epmj1ey0/viybs025lkwg",
        "year": 2012,
    },
    # Ukraine
    "onlineua-2025-multiple-citizenship": {
        "title": "Online.ua, President signs the law on multiple citizenship (July 2025)",
        "url": "https://news.online.ua/en/zelenskyy-signed-the-law-on-multiple-citizenship-895245/",
        "year": 2025,
    },
    "censor-2025-citizenship-list": {
        "title": "Censor.net, first states named for multiple citizenship (August 2025)",
        "url": "https://censor.net/en/news/3570699/",
        "year": 2025,
    },
    "prensalatina-2025-multiple-citizenship": {
        "title": "Prensa Latina, Ukraine legalises multiple citizenship (16 July 2025)",
        "url": "https://www.prensalatina.com.br/2025/07/16/zelensky-sancionou-lei-para-legalizar-a-cidadania-multipla-na-ucrania",
        "year": 2025,
    },
    "swissinfo-2024-consular": {
        "title": "Swissinfo, Ukraine suspends consular services for military-age men abroad (April 2024)",
        "url": "https://www.swissinfo.ch/eng/ukraine-suspends-consular-services-for-military-age-men-abroad/76273790",
        "year": 2024,
    },
    "pravda-2024-consular": {
        "title": "Ukrainska Pravda, on the suspension of consular services for men abroad (23 April 2024)",
        "url": "https://www.pravda.com.ua/eng/news/2024/04/23/7452615/",
        "year": 2024,
    },
    # Albania
    "respublica-2025-albania-diaspora-vote": {
        "title": "Respublica, Albania's first diaspora vote (2025)",
        "url": "https://respublica.edu.mk/blog-en/politics/albania-to-make-history-with-upcoming-diaspora-vote/?lang=en",
        "year": 2025,
    },
    "keyt-2024-albania-vote-abroad": {
        "title": "KEYT (AP), Albanians abroad will vote for the first time in parliamentary elections (5 December 2024)",
        "url": "https://keyt.com/news/2024/12/05/albanians-abroad-will-vote-for-the-first-time-in-parliamentary-elections-set-for-may/",
        "year": 2024,
    },
    "politiko-2025-diaspora-ballots": {
        "title": "Politiko, share of diaspora postal ballots returned (April 2025)",
        "url": "https://politiko.al/english/e-tjera/vota-e-diaspores-rreth-45-e-emigranteve-kane-kthyer-votat-nga-jashte-kry-i530864",
        "year": 2025,
    },
    # India
    "indembangola-oci": {
        "title": "Embassy of India in Angola, OCI card page (Constitution art. 9)",
        "url": "https://indembangola.gov.in/oci_card.html",
    },
    "thehindu-oci": {
        "title": "The Hindu, What is an OCI card and how to apply for it",
        "url": "https://www.thehindu.com/news/national/What-is-an-OCI-card-and-how-to-apply-for-it/article17012971.ece",
    },
    "wikipedia-oci": {
        "title": "Wikipedia, Overseas Citizenship of India",
        "url": "https://en.wikipedia.org/wiki/Overseas_Citizenship_of_India",
    },
    "ani-2019-pdot": {
        "title": "ANI, over 50,000 covered under MEA's pre-departure orientation programme (31 July 2019)",
        "url": "https://www.aninews.in/news/world/asia/over-50000-covered-under-meas-pre-departure-orientation-programme20190731094657/",
        "year": 2019,
    },
    "orissadiary-2023-pkvy": {
        "title": "Orissa Diary, training under the Pravasi Kaushal Vikas Yojana (2023)",
        "url": "https://orissadiary.com/1-lakh-29-thousand-trained-under-pravasi-kaushal-vikas-yojana-to-equip-people-with-soft-skills-to-compete-in-foreign-destinations/",
        "year": 2023,
    },
    "scconline-2016-ssa": {
        "title": "SCC Online, India's social security agreements with 18 countries (17 March 2016)",
        "url": "https://www.scconline.com/blog/post/2016/03/17/agreement-on-social-security-is-signed-between-india-and-18-other-countries/",
        "year": 2016,
    },
    # China
    "cn-nationality-law-1980": {
        "title": "Nationality Law of the People's Republic of China (1980), English text",
        "url": "http://www.ccgp-fushun.com/english/government/207126.htm",
    },
    "wikisum-ocao": {
        "title": "WikiSum, Overseas Chinese Affairs Office of the State Council",
        "url": "https://wikisum.wiki/wiki/Overseas_Chinese_Affairs_Office_of_the_State_Council",
    },
    "wikimili-ocao": {
        "title": "WikiMili, Overseas Chinese Affairs Office",
        "url": "https://wikimili.com/en/Overseas_Chinese_Affairs_Office",
    },
    "jamestown-ufwd-2018": {
        "title": "Jamestown Foundation, on the reorganisation of the United Front Work Department",
        "url": "https://jamestown.org/program/reorganizing-the-united-front-work-department-new-structures-for-a-new-era-of-diaspora-and-religious-affairs-work/",
    },
    # Philippines
    "ecodal-ra-9189": {
        "title": "Republic Act No. 9189, the Overseas Absentee Voting Act of 2003 (e-codal)",
        "url": "https://sites.google.com/view/e-codal/political/omnibus-election-code/other-election-laws/ra-no-9189-the-overseas-absentee-voting-act",
        "year": 2003,
    },
    "cpca-oav": {
        "title": "Kasama (CPCA Brisbane), on overseas absentee voting registration",
        "url": "https://cpcabrisbane.org/Kasama/2012/V26n1/OAV.htm",
        "year": 2012,
    },
    "owwa-pdos": {
        "title": "OWWA Online, Pre-Departure Orientation Seminar (PDOS)",
        "url": "https://owwaonline.com/pdos/",
    },
    "gma-pdos": {
        "title": "GMA News, OFW guide to the required pre-departure orientation seminar",
        "url": "https://gmanetwork.com/news/pinoyabroad/dispatch/248571/ofw-guide-the-required-pre-departure-orientation-seminar/story",
    },
    # Senegal
    "rfi-2017-senegal-deputies": {
        "title": "RFI, bill creating deputies for Senegalese abroad (4 January 2017)",
        "url": "http://www.rfi.fr/afrique/20170104-senegal-depute-etranger-projet-loi-assemblee-nationale-code-electoral",
        "year": 2017,
    },
    "chemama-1035": {
        "title": "Chemama.net, on the deputies of the Senegalese abroad (2017)",
        "url": "http://chemama.net/node/1035",
        "year": 2017,
    },
    # Egypt
    "citizenshiprightsafrica-egypt": {
        "title": "Citizenship Rights in Africa Initiative, Egypt allows 44 citizens to acquire foreign nationalities without retaining Egyptian citizenship",
        "url": "http://citizenshiprightsafrica.org/egypt-allows-44-citizens-to-acquire-foreign-nationalities-without-retaining-egyptian-citizenship/",
    },
    "allafrica-2020-egypt-vote-abroad": {
        "title": "AllAfrica, on the vote of Egyptians abroad in the 2020 parliamentary elections (October 2020)",
        "url": "https://fr.allafrica.com/stories/202010210982.html",
        "year": 2020,
    },
    "allafrica-2020-egypt-seats": {
        "title": "AllAfrica, Egyptian minister on seats for Egyptians abroad (October 2020)",
        "url": "https://fr.allafrica.com/stories/202010180257.html",
        "year": 2020,
    },
    # Algeria
    "elmoudjahid-18219": {
        "title": "El Moudjahid, on the deputies of the national community abroad and voters registered abroad (2017)",
        "url": "http://www.elmoudjahid.com/fr/flash-actu/18219",
        "year": 2017,
    },
    "djazairess-264786": {
        "title": "Djazairess, on the overseas electoral zones of the National People's Assembly",
        "url": "https://djazairess.com/fr/lnr/264786",
    },
    # Tunisia
    "francowiki-tunisians-abroad": {
        "title": "Franco.wiki, Circonscriptions des Tunisiens de l'étranger",
        "url": "https://franco.wiki/fr/Circonscriptions_des_Tunisiens_de_l'%C3%A9tranger.html",
    },
    "kapitalis-2011-constituent-vote": {
        "title": "Kapitalis, Tunisians abroad and the 2011 Constituent Assembly election",
        "url": "https://kapitalis.com/archive/190-politik/6436-engouement-des-tunisiens-a-letranger-pour-lelection-de-la-constituante",
        "year": 2011,
    },
    "cafepedagogique-2020-elco-tunisia": {
        "title": "Café pédagogique, a 2017 ELCO agreement published only now (4 May 2020)",
        "url": "https://www.cafepedagogique.net/2020/05/04/elco-un-accord-de-2017-publie-seulement-maintenant/",
        "year": 2020,
    },
    # Russia
    "rezolut-2014-notification": {
        "title": "Rezolut Law, Russians required to report another citizenship or a foreign residence permit from 6 August 2014",
        "url": "https://rezolut-law.ru/en/legal-news/from-august-6-2014-russians-will-be-required-to-report-whether-they-have-citizenship-or-a-residence-permit-of-a-foreign-state/",
        "year": 2014,
    },
    "kremlin-45846": {
        "title": "President of Russia, signing of the law on notification of another citizenship (2014)",
        "url": "http://en.kremlin.ru/acts/news/45846/print",
        "year": 2014,
    },
    "stmgroup-2014-dual-citizenship": {
        "title": "STM Group, reporting requirements for Russians with dual citizenship (29 October 2014)",
        "url": "https://info.stmgroupplc.com/reporting-requirements-russians-dual-citizenship-29th-october-2014",
        "year": 2014,
    },
    # Ecuador
    "eluniverso-voto-exterior": {
        "title": "El Universo, opinion column on voting from abroad",
        "url": "https://www.eluniverso.com/opinion/columnistas/el-voto-en-el-exterior-nota",
    },
    "scielo-2018-ecuador": {
        "title": "SciELO México, article on external voting (2018)",
        "url": "https://scielo.org.mx/scielo.php?pid=S0185-013X2018000400755&script=sci_arttext",
        "year": 2018,
    },
    # Colombia
    "aceproject-colombia": {
        "title": "ACE Electoral Knowledge Network, Colombia: representation of emigrants in the Congress",
        "url": "https://aceproject.org/ace-en/topics/va/annex/country-case-studies/colombia-representation-of-emigrants-in-the",
    },
    "idea-114045": {
        "title": "International IDEA, voting from abroad, Colombia case",
        "url": "https://idea.int/node/114045",
    },
    "voicesofny-2018-colombia": {
        "title": "Voices of NY, Colombians abroad ask for more representatives (May 2018)",
        "url": "http://voicesofny.org/2018/05/colombians-abroad-ask-for-more-representatives-back-home/",
        "year": 2018,
    },
}

# --------------------------------------------------------------------------
# Origin summaries (own words, from origins.md). build_dataset.py appends a
# generated sentence on the largest EU communities (Eurostat). Facts that no
# coded measure carries are linked inline to their source.
# --------------------------------------------------------------------------
ORIGIN_SUMMARIES = {
    "MA": (
        "Morocco lets its citizens keep their nationality when they naturalise abroad. "
        "Until the early 1990s the state kept watch over its emigrants and discouraged them from "
        "integrating or organising politically abroad; it then turned to encouraging integration "
        "while keeping ties. Its bodies for Moroccans abroad include the Hassan II Foundation, "
        "which offers legal and social assistance, and an advisory [Council of the Moroccan "
        "Community Abroad](https://ccme.org.ma/en/ccme); how Moroccans abroad can vote from "
        "abroad was not verified."
    ),
    "TR": (
        "Türkiye tolerates dual nationality, and former citizens who gave up Turkish nationality to "
        "naturalise elsewhere can hold the Blue Card, which keeps their Turkish ID number and some "
        "civil rights. Citizens abroad have voted from abroad since 2014, and the Presidency for "
        "Turks Abroad (YTB) supports diaspora associations, including their participation in "
        "host-country politics. Religious and cultural bodies (DİTİB, the Yunus Emre Institutes) "
        "are also part of its diaspora policy, but the sources used do not say how they bear on "
        "integration, so they are not coded."
    ),
    "UA": (
        "Until 2025 a Ukrainian who voluntarily took another nationality could lose Ukrainian "
        "citizenship; a 2025 law allows multiple citizenship with states on a government list, "
        "and how it has been applied since was not verified. In spring 2024 consulates stopped "
        "taking new applications from men of military age abroad for several weeks and resumed "
        "them only on condition of updated military registration. Eurostat's citizenship detail "
        "for Poland, a major destination, is missing from the source used."
    ),
    "AL": (
        "Albania accepts dual nationality. Citizens abroad voted from abroad, by post, for the "
        "first time in the May 2025 parliamentary election, after a decision of parliament in "
        "2024. No diaspora institution was verified for this dataset, and Greece, a major "
        "destination, is missing from the Eurostat breakdown used."
    ),
    "IN": (
        "India does not allow dual citizenship: Indian citizenship ends when a citizen "
        "voluntarily acquires another. Former citizens can instead hold Overseas Citizenship of "
        "India, a status with a lifelong visa and partial parity but no vote. The state runs a "
        "voluntary pre-departure orientation programme and has social-security agreements with "
        "a number of EU member states."
    ),
    "CN": (
        "China does not recognise dual nationality, and a Chinese national settled abroad who "
        "voluntarily naturalises there loses Chinese nationality. Work with overseas Chinese, "
        "which analysts describe as aimed at keeping influence over the diaspora, was moved into "
        "the Communist Party's United Front Work Department in 2018. There are no direct national "
        "elections, so voting from abroad does not apply."
    ),
    "PH": (
        "The Philippines accepts dual citizenship and has let citizens vote from abroad since the "
        "Overseas Absentee Voting Act of 2003. Emigrants and overseas workers must attend a "
        "pre-departure orientation seminar on their rights, the destination's culture and the "
        "government services open to them, run by the Commission on Filipinos Overseas and the "
        "Overseas Workers Welfare Administration."
    ),
    "SN": (
        "Senegal accepts dual nationality. Since 2017 Senegalese abroad elect their own deputies "
        "to the National Assembly, in overseas departments that include two in Europe. Diaspora "
        "affairs sit with the [Ministry of Foreign Affairs and Senegalese Abroad](https://www.dakaractu.com/Assistance-des-senegalais-de-l-exterieur-Permettez-nous-d-accueillir-nos-compatriotes-et-de-recueillir-leurs-doleances_a240972.html)."
    ),
    "EG": (
        "Egyptians need prior permission from the Interior Ministry to take a foreign nationality, "
        "and keeping Egyptian nationality is not automatic. Egyptians abroad voted by post through "
        "the missions in the 2020 parliamentary elections, and the EU has launched a Talent "
        "Partnership with Egypt. A [ministry for emigration and Egyptians abroad](http://www.egypttoday.com/Article/1/21353/Cabinet-to-draft-a-new-policy-targeting-Egyptian-expats) "
        "existed in 2017-2020; later changes were not verified."
    ),
    "DZ": (
        "Algeria accepts dual nationality. Algerians abroad elect their own deputies to the "
        "National People's Assembly, and a [consultative council for the national community "
        "abroad](https://djazairess.com/fr/liberte/134117) was created in 2009. France is the main "
        "destination, but its Eurostat breakdown by citizenship stops in 2018."
    ),
    "TN": (
        "Tunisians abroad elect their own deputies; their number of seats was cut when parliament "
        "was reduced in 2022. Under a 2017 agreement with France, Arabic classes for Tunisian "
        "children moved to a model run under the French education ministry's control. Whether "
        "Tunisians lose their nationality when they naturalise abroad is unclear in the sources, "
        "so it is not coded."
    ),
    "RU": (
        "Russians keep their citizenship when they naturalise abroad. Since 2014, however, "
        "citizens must declare another nationality or a foreign residence permit unless they live "
        "permanently abroad, and failing to do so is a criminal offence. Voting from abroad and "
        "diaspora institutions were not verified."
    ),
    "RS": (
        "Serbia lets its emigrants keep Serbian citizenship when they naturalise abroad. It "
        "[chose to end](https://archive.nossenateurs.fr/intervention/2636829) its ELCO "
        "heritage-language courses in France rather than move to the new EILE model. Voting from "
        "abroad and diaspora institutions were not verified."
    ),
    "EC": (
        "Ecuador accepts dual nationality. Emigrants have voted from abroad since 2006, and the "
        "2008 Constitution lets them elect members of the National Assembly, including members "
        "for the overseas constituency. Diaspora institutions were not verified."
    ),
    "CO": (
        "Colombia accepts dual nationality. Colombians abroad have voted for president since the "
        "1960s and for the Senate since the 1990s, and since 2002 they elect their own member of "
        "the House of Representatives. Diaspora institutions were not verified."
    ),
}

# --------------------------------------------------------------------------
# Measures. Order = order in the file. `why` goes to CODING.md.
# --------------------------------------------------------------------------
_DUAL_OK_WHY = ("legal default (GLOBALCIT CLD 2020: no loss on voluntary foreign acquisition), "
                "not an integration programme -> passive; removes the cost of naturalising in the "
                "destination -> concordant; weight 2 (clear effect; one step below the loss rule)")
_VOTE_WHY = ("a law aimed at citizens abroad -> active; keeps a political voice that does not "
             "depend on return or on staying un-naturalised, and is not a demand to stay apart "
             "from the host society -> concordant; weight 1 because its bearing on integration "
             "in the destination is indirect")
_SOCSEC_WHY = ("an agreement the origin state concluded for its workers abroad -> active; equal "
               "treatment/aggregation of insurance periods supports labour-market and social "
               "integration -> concordant; weight 1 (indirect effect on integration outcomes)")
_TALENT_WHY = ("skills and legal-pathway partnership the origin state joined -> active; prepares "
               "migrants for work in the EU -> concordant; weight 1 (scale and content per country "
               "not documented in the notes)")


def _dual_ok(country_word, extra=""):
    return {
        "title": "Nationality kept on naturalisation abroad",
        "mode": "passive", "effect": "concordant", "weight": 2,
        "description": (
            f"{country_word} nationality is not lost when a citizen voluntarily acquires another "
            "nationality, so naturalising in the destination does not cost the origin "
            f"nationality.{extra}"
        ),
        "sources": ["globalcit-cld-2020"],
        "why": _DUAL_OK_WHY,
    }


MEASURES = {
    "MA": [
        _dual_ok("Moroccan"),
        {
            "title": "Control of emigrants and discouragement of integration (until the early 1990s)",
            "mode": "active", "effect": "discordant", "weight": 2,
            "description": (
                "Until the early 1990s the Moroccan state sought to control its emigrants and to "
                "keep them from integrating or organising politically in their countries of "
                "residence. The source gives no exact end year, so none is recorded."
            ),
            "sources": ["mgsog-migration-brief-10"],
            "why": ("deliberate state policy aimed at emigrants -> active; discouraging integration "
                    "and political organisation abroad -> discordant; weight 2 because the source "
                    "documents the intent, not the size of its effect; historical, but no `until` "
                    "because the source says only 'early 1990s'"),
        },
        {
            "title": "Encouragement of integration while keeping ties (since the 1990s)",
            "mode": "active", "effect": "concordant", "weight": 2,
            "description": (
                "After the early 1990s Moroccan policy turned from control to encouraging "
                "emigrants to integrate in their countries of residence while keeping their ties "
                "with Morocco."
            ),
            "sources": ["mgsog-migration-brief-10", "mpi-europe-interact-2014"],
            "why": ("stated policy orientation towards emigrants -> active; encourages integration "
                    "-> concordant; weight 2 (clear, documented shift; no outcome measure)"),
        },
        {
            "title": "Hassan II Foundation: legal and social assistance abroad",
            "mode": "active", "effect": "concordant", "weight": 2,
            "since": 1990,
            "description": (
                "The Hassan II Foundation for Moroccans Residing Abroad, set up in 1990, helps "
                "emigrants with problems linked to emigration; its remit includes legal and "
                "social assistance and support for their initiatives."
            ),
            "sources": ["maghress-fh2-1990", "lavieeco-fh2-2019"],
            "why": ("a state-created body serving emigrants -> active; legal and social assistance "
                    "in the country of residence -> concordant; weight 2 (direct services). Its "
                    "language/culture teaching is not coded separately (direction not sourced)"),
        },
        {
            "title": "Equal treatment in social security with the EU",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 1976,
            "description": (
                "The 1976 cooperation agreement already provided non-discrimination, aggregation "
                "of insurance periods and free transfer of pensions; the Euro-Mediterranean "
                "Association Agreement (Decision 2000/204/EC) keeps an equal-treatment clause."
            ),
            "sources": ["oalib-2191980", "wiesbrock-emaa-social-security"],
            "why": _SOCSEC_WHY,
        },
        {
            "title": "EU Talent Partnership",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": "Morocco is one of the countries with which the EU has launched a Talent Partnership on skills and legal migration pathways.",
            "sources": ["ec-talent-partnerships"],
            "why": _TALENT_WHY,
        },
    ],
    "TR": [
        _dual_ok("Turkish"),
        {
            "title": "Blue Card for former citizens",
            "mode": "active", "effect": "concordant", "weight": 2,
            "description": (
                "Citizens who give up Turkish nationality with permission, for example to "
                "naturalise where dual nationality is not allowed, can hold the Blue Card (Mavi "
                "Kart), keeping their Turkish ID number and some civil rights; YTB moved them to "
                "an Overseas Citizens' Registry so that the number stays usable for banking and "
                "property."
            ),
            "sources": ["turkishnews-ytb-blue-card"],
            "why": ("a status designed for emigrants who renounce -> active; lowers the cost of "
                    "naturalising in states that require renunciation -> concordant; weight 2"),
        },
        {
            "title": "Voting from abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2014,
            "description": "Turkish citizens abroad have voted from abroad since the 2014 presidential election.",
            "sources": ["swp-2019-rp07"],
            "why": _VOTE_WHY,
        },
        {
            "title": "Presidency for Turks Abroad (YTB): support for host-country participation",
            "mode": "active", "effect": "concordant", "weight": 2,
            "since": 2010,
            "description": (
                "YTB, created by law in 2010, coordinates with Turkish citizens and associations "
                "abroad and supports their political participation in the host country, while "
                "strengthening their ties with Türkiye."
            ),
            "sources": ["wikili-ytb", "swp-2014-aydin"],
            "why": ("government agency for citizens abroad -> active; its documented task includes "
                    "supporting participation in the host country -> concordant; weight 2. Its "
                    "loyalty/identity side (SWP 2019) is not coded discordant: the notes do not "
                    "say it hinders integration"),
        },
        {
            "title": "Turkish-language teaching in French schools under French supervision (EILE)",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2021,
            "description": (
                "Under a Franco-Turkish agreement published in 2021, Turkish-language classes in "
                "France moved from ELCO to EILE: Türkiye chooses and pays the teachers, who must "
                "know French and work under the supervision of the French education ministry."
            ),
            "sources": ["touteduc-eile-turkey", "cafepedagogique-2021-eile-turkey"],
            "why": ("a programme the origin state staffs and pays -> active; heritage-language "
                    "teaching placed inside the host school system under host supervision, with "
                    "French required of teachers -> concordant; weight 1 (one destination, a few "
                    "hours a week)"),
        },
        {
            "title": "Social security coordination (EEC-Turkey Decision No 3/80)",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 1980,
            "description": (
                "Decision No 3/80 of the EEC-Turkey Association Council applies member states' "
                "social-security schemes to Turkish workers; the Court of Justice found its "
                "non-discrimination and residence-waiver clauses directly effective, although "
                "the implementing regulation was never adopted."
            ),
            "sources": ["eu-decision-2012-776", "com-2012-152-memorandum"],
            "why": _SOCSEC_WHY,
        },
    ],
    "UA": [
        {
            "title": "Nationality lost on naturalisation abroad",
            "mode": "passive", "effect": "discordant", "weight": 3,
            "description": (
                "Voluntary acquisition of a foreign nationality was a ground for losing Ukrainian "
                "citizenship (GLOBALCIT, 2020). A 2025 law lifts this only for states on a "
                "government list, so no end year is recorded."
            ),
            "sources": ["globalcit-cld-2020"],
            "why": ("legal default, not aimed at integration -> passive; naturalising costs the "
                    "origin nationality -> discordant; weight 3 (strong, direct effect on "
                    "naturalisation). No `until`: the 2025 law covers only listed states and its "
                    "application is unverified"),
        },
        {
            "title": "Multiple citizenship allowed with listed states (2025 law)",
            "mode": "passive", "effect": "concordant", "weight": 1,
            "since": 2025,
            "description": (
                "A law signed in July 2025 allows multiple citizenship with states on a "
                "government list (reported criteria: EU membership or sanctions against Russia); "
                "the first states named in August 2025 included Germany, Poland and Czechia. How "
                "it has been applied since was not verified."
            ),
            "sources": ["onlineua-2025-multiple-citizenship", "censor-2025-citizenship-list",
                        "prensalatina-2025-multiple-citizenship"],
            "why": ("toleration of dual nationality, with geopolitical rather than integration "
                    "criteria -> passive; removes the loss rule for listed destinations -> "
                    "concordant; weight 1 because it covers only listed states and its "
                    "implementation is unverified"),
        },
        {
            "title": "Suspension of consular services for men of military age",
            "mode": "active", "effect": "discordant", "weight": 2,
            "since": 2024, "until": 2024,
            "description": (
                "From 23 April 2024 consulates stopped accepting new applications, including for "
                "passports, from male citizens aged 18 to 60 abroad, except documents to return "
                "home. Services resumed after the mobilisation law took effect on 18 May 2024, on "
                "condition of updated military-registration data."
            ),
            "sources": ["swissinfo-2024-consular", "pravda-2024-consular"],
            "why": ("deliberate policy decision -> active; withholding documents that residence, "
                    "family and naturalisation procedures need -> discordant; weight 2 (clear "
                    "effect, limited to about four weeks); `until: 2024` because the sources say "
                    "services resumed in May 2024"),
        },
    ],
    "AL": [
        _dual_ok("Albanian"),
        {
            "title": "Postal voting from abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2024,
            "description": (
                "Parliament voted in July 2024 to let citizens abroad vote from abroad; they "
                "first did so by post in the parliamentary election of 11 May 2025, after "
                "registering on an online platform."
            ),
            "sources": ["respublica-2025-albania-diaspora-vote", "keyt-2024-albania-vote-abroad",
                        "politiko-2025-diaspora-ballots"],
            "why": _VOTE_WHY,
        },
    ],
    "IN": [
        {
            "title": "Nationality lost on naturalisation abroad",
            "mode": "passive", "effect": "discordant", "weight": 3,
            "description": (
                "Under article 9 of the Constitution, Indian citizenship ends when a citizen "
                "voluntarily acquires a foreign one, so naturalising in the destination costs "
                "Indian citizenship."
            ),
            "sources": ["indembangola-oci", "globalcit-cld-2020"],
            "why": ("constitutional default, not aimed at integration -> passive; naturalising "
                    "costs the origin citizenship -> discordant; weight 3"),
        },
        {
            "title": "Overseas Citizenship of India (OCI) for former citizens",
            "mode": "active", "effect": "concordant", "weight": 2,
            "since": 2005,
            "description": (
                "Since the Citizenship (Amendment) Act 2005, former citizens can hold OCI status, "
                "a lifelong visa with partial parity but no vote or public office; PIO cards were "
                "merged into it in 2015 and a March 2021 notification narrowed its rights."
            ),
            "sources": ["thehindu-oci", "wikipedia-oci"],
            "why": ("a status created for emigrants who naturalised abroad -> active; softens the "
                    "cost of losing citizenship -> concordant; weight 2 (partial: no political "
                    "rights, curtailed in 2021)"),
        },
        {
            "title": "Pre-Departure Orientation Training (PDOT)",
            "mode": "active", "effect": "concordant", "weight": 2,
            "since": 2018,
            "description": (
                "The Ministry of External Affairs started a voluntary one-day orientation in "
                "January 2018 on the language, culture and rules of destination countries, later "
                "run under the Pravasi Kaushal Vikas Yojana."
            ),
            "sources": ["ani-2019-pdot", "orissadiary-2023-pkvy"],
            "why": ("programme for departing emigrants -> active; prepares for language, culture "
                    "and rules of the destination -> concordant; weight 2 (voluntary, one day)"),
        },
        {
            "title": "Bilateral social security agreements with EU states",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": (
                "By March 2016 India had social security agreements (posting exemption, "
                "exportability of benefits, totalisation) with 18 countries, among them Belgium, "
                "Germany, Denmark, Luxembourg, France, the Netherlands, Hungary, Finland, Sweden, "
                "Czechia, Austria and Portugal."
            ),
            "sources": ["scconline-2016-ssa"],
            "why": _SOCSEC_WHY,
        },
    ],
    "CN": [
        {
            "title": "No dual nationality: nationality lost on naturalisation abroad",
            "mode": "passive", "effect": "discordant", "weight": 3,
            "since": 1980,
            "description": (
                "The 1980 Nationality Law does not recognise dual nationality; a Chinese national "
                "settled abroad who voluntarily acquires a foreign nationality loses Chinese "
                "nationality."
            ),
            "sources": ["cn-nationality-law-1980", "globalcit-cld-2020"],
            "why": ("legal default -> passive; naturalising costs the origin nationality -> "
                    "discordant; weight 3"),
        },
        {
            "title": "Overseas Chinese work aimed at retaining influence (united front)",
            "mode": "active", "effect": "discordant", "weight": 1,
            "description": (
                "Analysts describe overseas-Chinese work (qiaowu) as aimed at retaining influence "
                "over the diaspora; the Overseas Chinese Affairs Office was folded into the "
                "Communist Party's United Front Work Department in 2018 and survives as an "
                "external name."
            ),
            "sources": ["wikisum-ocao", "wikimili-ocao", "jamestown-ufwd-2018"],
            "why": ("deliberate state/party work aimed at the diaspora -> active; retaining "
                    "influence and control over emigrants pulls against integration -> "
                    "discordant; weight 1 because the sources describe aims, not effects on "
                    "integration"),
        },
    ],
    "PH": [
        _dual_ok("Philippine"),
        {
            "title": "Voting from abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2003,
            "description": (
                "The Overseas Absentee Voting Act (RA 9189, 2003), amended by RA 10590 in 2013, "
                "lets citizens abroad register at posts abroad and vote from abroad."
            ),
            "sources": ["ecodal-ra-9189", "cpca-oav"],
            "why": _VOTE_WHY,
        },
        {
            "title": "Mandatory Pre-Departure Orientation Seminar (PDOS)",
            "mode": "active", "effect": "concordant", "weight": 2,
            "description": (
                "Departing overseas workers (OWWA) and emigrants (Commission on Filipinos "
                "Overseas) must attend a country-specific seminar on contract rights, the "
                "destination's culture, health and safety, financial literacy and government "
                "services. Secondary sites disagree on its start year, so none is recorded."
            ),
            "sources": ["owwa-pdos", "gma-pdos"],
            "why": ("compulsory programme for departing emigrants -> active; prepares them for "
                    "the destination -> concordant; weight 2 (mandatory but a short seminar)"),
        },
    ],
    "SN": [
        _dual_ok("Senegalese"),
        {
            "title": "Deputies elected by Senegalese abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2017,
            "description": (
                "A law adopted in January 2017 created 15 National Assembly seats elected by "
                "Senegalese abroad in eight overseas departments, two of them in Europe; they "
                "were first filled in the July 2017 legislative election."
            ),
            "sources": ["rfi-2017-senegal-deputies", "chemama-1035"],
            "why": _VOTE_WHY,
        },
    ],
    "EG": [
        {
            "title": "Prior permission needed to acquire a foreign nationality",
            "mode": "passive", "effect": "discordant", "weight": 2,
            "since": 1975,
            "description": (
                "Under Law 26 of 1975 Egyptians need prior permission from the Interior Ministry "
                "to acquire a foreign nationality; permission may or may not allow them to keep "
                "Egyptian nationality, and without it they remain Egyptian in Egypt's eyes."
            ),
            "sources": ["citizenshiprightsafrica-egypt", "globalcit-cld-2020"],
            "why": ("legal default from 1975 -> passive; an authorisation step and no automatic "
                    "retention raise the cost of naturalising (GLOBALCIT: dual nationality not "
                    "accepted for emigrants) -> discordant; weight 2 (less than outright loss)"),
        },
        {
            "title": "Postal voting from abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": (
                "Egyptians abroad voted by post through embassies and missions in the 2020 "
                "parliamentary elections; the minister in charge said seats in parliament are "
                "reserved for Egyptians abroad."
            ),
            "sources": ["allafrica-2020-egypt-vote-abroad", "allafrica-2020-egypt-seats"],
            "why": _VOTE_WHY,
        },
        {
            "title": "EU Talent Partnership",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": "Egypt is one of the countries with which the EU has launched a Talent Partnership on skills and legal migration pathways.",
            "sources": ["ec-talent-partnerships"],
            "why": _TALENT_WHY,
        },
    ],
    "DZ": [
        _dual_ok("Algerian"),
        {
            "title": "Deputies elected by Algerians abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": (
                "Eight deputies of the National People's Assembly represent Algerians abroad, "
                "two for each of four overseas zones (two of the zones are in France)."
            ),
            "sources": ["elmoudjahid-18219", "djazairess-264786"],
            "why": _VOTE_WHY,
        },
        {
            "title": "Equal treatment in social security with the EU",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2005,
            "description": (
                "The EU-Algeria Association Agreement (Decision 2005/690/EC) includes equal "
                "treatment in social security for Algerian workers."
            ),
            "sources": ["wiesbrock-emaa-social-security"],
            "why": _SOCSEC_WHY,
        },
    ],
    "TN": [
        {
            "title": "Deputies elected by Tunisians abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2011,
            "description": (
                "From 2011 to 2022 Tunisians abroad elected 18 of 217 deputies in six overseas "
                "constituencies; decree-law 2022-55 of September 2022 reduced this to 10 of 161 "
                "seats."
            ),
            "sources": ["francowiki-tunisians-abroad", "kapitalis-2011-constituent-vote"],
            "why": _VOTE_WHY,
        },
        {
            "title": "Arabic teaching in French schools under French control (EILE)",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2017,
            "description": (
                "A Franco-Tunisian agreement signed on 31 March 2017 (published in May 2020) "
                "moved Arabic classes from ELCO to EILE, giving the French education ministry "
                "control of teachers and programmes."
            ),
            "sources": ["cafepedagogique-2020-elco-tunisia"],
            "why": ("an agreement the origin state concluded on teaching its language to "
                    "emigrants' children -> active; places it under host-school control -> "
                    "concordant; weight 1 (one destination)"),
        },
        {
            "title": "EU Talent Partnership",
            "mode": "active", "effect": "concordant", "weight": 1,
            "description": "Tunisia is one of the countries with which the EU has launched a Talent Partnership on skills and legal migration pathways.",
            "sources": ["ec-talent-partnerships"],
            "why": _TALENT_WHY,
        },
        {
            "title": "Equal treatment in social security with the EU",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 1998,
            "description": (
                "The EU-Tunisia Association Agreement (Decision 98/238/EC) includes equal "
                "treatment in social security for Tunisian workers."
            ),
            "sources": ["wiesbrock-emaa-social-security"],
            "why": _SOCSEC_WHY,
        },
    ],
    "RU": [
        _dual_ok("Russian"),
        {
            "title": "Duty to declare another citizenship or foreign residence permit",
            "mode": "active", "effect": "discordant", "weight": 1,
            "since": 2014,
            "description": (
                "Since August 2014 citizens must notify the authorities within 60 days of another "
                "citizenship or a foreign residence permit, unless they reside permanently abroad; "
                "failing to do so is a criminal offence (Criminal Code art. 330.2). The Duma "
                "justified it by loyalty concerns."
            ),
            "sources": ["rezolut-2014-notification", "kremlin-45846", "stmgroup-2014-dual-citizenship"],
            "why": ("deliberate law -> active; monitoring of foreign status, justified by loyalty, "
                    "penalises acquiring it -> discordant; weight 1 because citizens residing "
                    "permanently abroad are exempt"),
        },
    ],
    "RS": [
        _dual_ok("Serbian", " Naturalising foreigners, by contrast, must in principle renounce their previous nationality."),
    ],
    "EC": [
        _dual_ok("Ecuadorian"),
        {
            "title": "Voting from abroad and overseas constituency",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 2006,
            "description": (
                "Ecuadorians abroad first voted from abroad in the 2006 presidential election; "
                "the 2008 Constitution (art. 63) and the Code of Democracy extend it to members "
                "of the National Assembly, including members for the overseas constituency. "
                "Voting is optional for emigrants."
            ),
            "sources": ["eluniverso-voto-exterior", "scielo-2018-ecuador"],
            "why": _VOTE_WHY,
        },
    ],
    "CO": [
        _dual_ok("Colombian"),
        {
            "title": "Voting from abroad and a House seat for Colombians abroad",
            "mode": "active", "effect": "concordant", "weight": 1,
            "since": 1961,
            "description": (
                "Law 39 of 1961 let Colombians abroad vote for president (first in 1962); they "
                "have voted for the Senate since the 1991 Constitution and elect a member of the "
                "House for Colombians abroad since 2002 (two seats from 2014, cut back to one by "
                "the 2015 reform)."
            ),
            "sources": ["aceproject-colombia", "idea-114045", "voicesofny-2018-colombia"],
            "why": _VOTE_WHY,
        },
    ],
}

# Facts in the notes that were deliberately NOT coded, per origin (for CODING.md).
NOT_CODED = {
    "MA": [
        "External voting: UNVERIFIED in the notes.",
        "CCME (2007, constitutional 2011) and the Mohammedia Foundation announced in 2024: consultative / announced bodies; their effect on integration is not documented.",
        "Arabic-language and religious programmes (teachers, Ramadan delegations, ELCO): the direction of their effect is not established by the sources; the teacher figures come from a low-quality mirror site.",
        "Operation Marhaba (summer transit help) and remittances: not about integration in the destination.",
        "`until` for the control policy: the source says 'early 1990s' only, so no year is recorded.",
    ],
    "TR": [
        "Identity/loyalty component of diaspora policy (SWP 2019): the notes do not say it hinders integration.",
        "DİTİB/Diyanet imams and Yunus Emre Institutes: direction of effect not sourced.",
    ],
    "UA": [
        "External voting: UNVERIFIED.",
        "Implementation of the 2025 multiple-citizenship law: UNVERIFIED (the law itself is coded with weight 1).",
        "Conditioning of consular services on military registration after May 2024: described in the suspension measure, not coded separately.",
    ],
    "AL": ["Diaspora institutions: UNVERIFIED.", "Remittances: not about integration."],
    "IN": [
        "Voting by non-resident citizens: UNVERIFIED (only the OCI no-vote rule is sourced).",
        "Ministry of Overseas Indian Affairs / MEA division: existence only, merger date UNVERIFIED, no documented integration activity.",
    ],
    "CN": ["External voting: not applicable (no direct national elections)."],
    "PH": [
        "RA 9225 (dual citizenship law): not read; the measure rests on GLOBALCIT only.",
        "PDOS start year: sources disagree (1983 vs 1993), so no `since`.",
        "CFO/OWWA/DMW as institutions: coded through the PDOS they run, not separately.",
    ],
    "SN": [
        "Ministry of Foreign Affairs and Senegalese Abroad: no documented integration activity in the notes.",
        "Remittances: not about integration.",
    ],
    "EG": [
        "Ministry of Emigration and Egyptian Expatriates' Affairs: no documented integration activity; later changes UNVERIFIED.",
        "Social security: the source only says the EU-Egypt provisions are weaker than the Maghreb ones, without their content.",
    ],
    "DZ": [
        "Consultative Council (2009) and Secretary of State (2013): no documented integration activity.",
        "ELCO courses in France: the notes say they were being converted to EILE from 2020, but no Algeria-specific agreement is sourced.",
    ],
    "TN": [
        "Dual citizenship: GLOBALCIT codes a loss provision but the notes mark practical application UNVERIFIED ('unclear'), so it is not coded.",
        "Office des Tunisiens à l'Étranger: UNVERIFIED.",
    ],
    "RU": ["External voting and diaspora institutions: UNVERIFIED."],
    "RS": [
        "External voting and diaspora institutions: UNVERIFIED.",
        "Ending ELCO courses in France rather than moving to EILE: the effect on integration is not clear from the source.",
    ],
    "EC": [
        "Diaspora institutions (SENAMI): UNVERIFIED.",
        "Number of overseas assembly seats: UNVERIFIED.",
    ],
    "CO": ["Diaspora institutions (Colombia Nos Une): UNVERIFIED."],
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
