"""Site settings for the Relais demo site (a fictional outreach program).

Build with ``make html`` or ``./publish.py build``; preview with
``./publish.py serve``.  Plain ``pelican`` works too, but skips the checks
that stop a broken or leaking build, so publish with ``publish.py``.
"""

from __future__ import annotations

from pathlib import Path

# --- Who we are ------------------------------------------------------------
SITENAME = "Lanterne"
SITE_DESCRIPTION = {
    "en": "Lantern Project: peer support, health and rights for sex workers in Port-Lumière.",
    "fr": "Projet Lanterne : soutien par les pairs, santé et droits des travailleuses et travailleurs du sexe à Port-Lumière.",
}
# Empty while previewing: links start at the site's root.  publishconf.py sets
# the public address.
SITEURL = ""
# The public address, for what is read elsewhere (feeds, sitemap, exports,
# forum snippets): those always need full links.
FEED_DOMAIN = "https://lanterne.example.org"
TIMEZONE = "America/Toronto"

# --- Reader safety ---------------------------------------------------------
# Where "Exit this page" (and Shift pressed three times) takes the reader: a
# neutral page that looks the same for everyone, one per language (or a
# single address).  Avoid sites that show personal content (mail, social).
QUICK_EXIT_URL = {"en": "https://weather.gc.ca/", "fr": "https://meteo.gc.ca/"}
# The translation_key of the pages that explain what the quick exit does.
QUICK_EXIT_SAFETY_PAGE = "safety"

# --- Languages -------------------------------------------------------------
# Each language is built under its own prefix: /en/…, /fr/….
# `city`: the city readers see beside every time ("Times are Port-Lumière
# time"), as each language writes it; the clocks are TIMEZONE's.
# `url_words`: the language's own word for each word of the URL settings
# below, so that French addresses are in French (/fr/evenements/,
# /fr/services/horaire/).  Choose them before the site is public: changing a
# word later breaks every link and bookmark to those pages.
DEFAULT_LANG = "en"
LANGUAGES = {
    "en": {"name": "English", "locale": "en_CA", "city": "Port-Lumière"},
    "fr": {
        "name": "Français",
        "locale": "fr_CA",
        "city": "Port-Lumière",
        "url_words": {
            "posts": "articles",
            "categories": "sujets",
            "tags": "mots-cles",
            "authors": "auteurs-et-autrices",
            "events": "evenements",
            "past": "passes",
            "calendar": "calendrier",
            "timetable": "horaire",
            "announcements": "annonces",
            "search": "recherche",
            "subscribe": "suivre",
            "info-cards": "cartes-de-poche",
            "feeds": "fils",
            "all": "articles",
            "bad-dates": "mauvais-clients",
            "bad-date-list": "liste-mauvais-clients",
            "lookup": "verifier",
            "sms": "textos",
            "report": "signaler",
            "sent": "envoye",
            "problem": "a-corriger",
            "busy": "indisponible",
        },
    },
}

# --- Categories --------------------------------------------------------------
# A post's `category:` is one of these keys; readers see the label of their language.
CATEGORIES = {
    "health": {"en": "Health", "fr": "Santé"},
    "safety": {"en": "Safety", "fr": "Sécurité"},
    "rights": {"en": "Rights and legal help", "fr": "Droits et aide juridique"},
    "daily-life": {"en": "Food, housing and daily life", "fr": "Alimentation, logement et quotidien"},
    "community": {"en": "Community", "fr": "Communauté"},
    "news": {"en": "News from the team", "fr": "Nouvelles de l'équipe"},
}

# --- Services ----------------------------------------------------------------
# A service's `category:` is one of these keys, its `audience:` some of the
# audience keys; readers see the label of their language.  The directory lists
# the categories in this order.
SERVICE_CATEGORIES = {
    "drop-in": {"en": "Drop-in", "fr": "Halte-accueil"},
    "health": {"en": "Health", "fr": "Santé"},
    "harm-reduction": {"en": "Harm reduction", "fr": "Réduction des méfaits"},
    "testing": {"en": "Testing", "fr": "Dépistage"},
    "counselling": {"en": "Counselling", "fr": "Counselling"},
    "case-management": {"en": "Case management", "fr": "Accompagnement"},
    "peer-support": {"en": "Peer support", "fr": "Soutien par les pairs"},
    "legal": {"en": "Legal help", "fr": "Aide juridique"},
    "employment": {"en": "Work and income", "fr": "Emploi et revenu"},
    "food-and-clothing": {"en": "Food and clothing", "fr": "Nourriture et vêtements"},
    "outreach": {"en": "Street outreach", "fr": "Travail de rue"},
    "phone-lines": {"en": "Phone and text lines", "fr": "Lignes téléphoniques et textos"},
}
SERVICE_AUDIENCES = {
    "everyone": {"en": "Everyone", "fr": "Tout le monde"},
    "sex-workers": {"en": "Sex workers of all genders", "fr": "TDS de tous les genres"},
    "women": {"en": "Women", "fr": "Femmes"},
    "men": {"en": "Men", "fr": "Hommes"},
    "trans-non-binary": {"en": "Trans and non-binary people", "fr": "Personnes trans et non binaires"},
    "youth": {"en": "Young people (under 25)", "fr": "Jeunes (moins de 25 ans)"},
}
# Printable wallet cards (one PDF per language, ten cards to a sheet). The
# front must not out the person who carries the card: keep the tagline
# neutral. Hours and the drop-in's note come from the two services named here
# (by translation_key).
INFO_CARDS_SAVE_AS = "info-cards.pdf"
INFO_CARDS = {
    "paper": "letter",  # or "a4"
    "contact_service": "text-and-phone-line",
    "drop_in_service": "drop-in",
    "words": {
        "en": {
            "tagline": "Health, rights and community in Port-Lumière",
            "text": "Text",
            "phone": "Call",
            "web": "Online",
            "drop_in": "Drop-in",
            "line_hours": "Text and phone answered",
        },
        "fr": {
            "tagline": "Santé, droits et communauté à Port-Lumière",
            "text": "Texto",
            "phone": "Téléphone",
            "web": "En ligne",
            "drop_in": "Halte-accueil",
            "line_hours": "Texto et téléphone répondus",
        },
    },
}
# Completes public addresses in the Open Referral export.
SERVICE_REGION = {"province": "QC", "country": "CA"}

# --- Where things are ------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# Images are re-encoded without metadata (EXIF, GPS…) and at most this wide,
# in pixels: sharp on a phone, light on a prepaid data plan.
IMAGE_MAX_WIDTH = 960
# content/images/ holds only JPEG, PNG, WebP and GIF images.  Larger ones are
# refused (opening them takes gigabytes of memory): at most this many
# megapixels, and files of at most this many megabytes.
IMAGE_MAX_MEGAPIXELS = 50
IMAGE_MAX_FILE_MB = 30
OUTPUT_PATH = "output"
THEME = "theme"
THEME_STATIC_DIR = "theme"

PLUGIN_PATHS = ["plugins"]
# `languages` comes first: its `finalized` step builds the other languages
# before the plugins that look at the whole site run theirs.
PLUGINS = ["languages", "yaml_front_matter", "theme_i18n", "theme_slots"]
# Reader safety (README: "Reader safety"): sanitise writers' HTML, keep every
# request on this site, clean images, quick exit, search.  `sanitiser` comes
# first so that the later body filters see clean HTML.
PLUGINS += ["sanitiser", "page_security", "images", "quick_exit", "search", "accessible_content"]
# Phone numbers in the text become tel: and sms: links (after the sanitiser).
PLUGINS += ["phone_links"]
# Services and guides (open_referral and info_cards use the services). The
# never_publish check searches the finished site, whatever its place here.
PLUGINS += ["services", "guides", "open_referral", "info_cards", "never_publish"]
# Feature plugins.  Forum announcements add their feed with the feed writer;
# the language check reads every file.  The sitemap reads the finished site,
# so it comes last.
PLUGINS += ["feeds", "events", "bad_dates", "report_intake", "calendars", "announcements", "language_check", "sitemap"]
# The drafts preview's "not published" banner (serve --drafts; never in a build).
PLUGINS += ["preview"]

# --- Forum announcements ----------------------------------------------------
# Every forum snippet ends with the footer of its language: who we are; that
# our services are free, confidential and non-judgemental and people choose
# what they want; how to reach us.  `short` says all that in one line, for
# the 280-character short text.  Never write the drop-in's address here.
ANNOUNCEMENT_FOOTER = {
    "en": {
        "about": "Lanterne offers peer support, health care and help with rights to sex workers in Port-Lumière.",
        "promise": "Everything we offer is free, confidential and without judgement, and you choose what you want from it.",
        "contact": [
            "Text line: 514-555-0142 (Monday to Friday, 1 pm to 10 pm)",
            "Phone: 514-555-0187",
            "Street outreach: Tuesday and Friday evenings",
        ],
        "short": "Lanterne, for sex workers: free, confidential, no judgement, you choose. Text 514-555-0142.",
    },
    "fr": {
        "about": "Le Projet Lanterne offre du soutien par les pairs, des soins de santé et de l'aide pour faire respecter ses droits aux travailleuses et travailleurs du sexe de Port-Lumière.",
        "promise": "Tout ce qu'on offre est gratuit, confidentiel et sans jugement, et c'est vous qui choisissez ce que vous voulez.",
        "contact": [
            "Ligne texto : 514-555-0142 (du lundi au vendredi, de 13 h à 22 h)",
            "Téléphone : 514-555-0187",
            "Travail de rue : le mardi et le vendredi soir",
        ],
        "short": "Lanterne, pour les TDS : gratuit, confidentiel, sans jugement, vous choisissez. Texto : 514-555-0142.",
    },
}

# --- Publishing day (publish.py status; README: "Publishing day") ------------
# Warn when a language has had no new post for this many days.
PUBLISHING_RHYTHM_DAYS = 31
# List notices, events and announcements that end within this many days, or
# ended as recently; drafts untouched for this many days; and this many of the
# most asked questions of content/questions.yml that no post answers yet.
STATUS_SOON_DAYS = 14
STATUS_STALE_DRAFT_DAYS = 30
STATUS_QUESTIONS = 5

# --- The bad date list (README.md, "The bad date list") -----------------------
# Editions older than this many months leave the site (their files stay).
BAD_DATES_KEEP_MONTHS = 12
# `check` warns about a report of something that happened more than this many
# months before its edition (still worth publishing if the date is right).
BAD_DATES_REPORT_WINDOW_MONTHS = 3
# The list's pages tell search engines not to index them, and stay out of the
# sitemap.  False lets them be found.
BAD_DATES_NOINDEX = True
# The printed edition, in both sizes: Letter for North American printers, A4
# for the rest of the world.
BAD_DATES_PAPER = ["letter", "a4"]
# What a report describes: the key used in the files, and its label in each language.
BAD_DATES_TYPES = {
    "physical-assault": {"en": "Physical assault", "fr": "Agression physique"},
    "sexual-assault": {"en": "Sexual assault", "fr": "Agression sexuelle"},
    "threats": {"en": "Threats", "fr": "Menaces"},
    "robbery": {"en": "Robbery", "fr": "Vol"},
    "refused-payment": {"en": "Refused to pay", "fr": "Refus de payer"},
    "condom-removal": {"en": "Removed the condom", "fr": "Retrait du condom"},
    "stalking": {"en": "Stalking", "fr": "Harcèlement criminel"},
    "harassment": {"en": "Harassment", "fr": "Harcèlement"},
    "drugging": {"en": "Drugging", "fr": "Drogue à son insu"},
    "weapon": {"en": "Weapon", "fr": "Arme"},
    "other": {"en": "Other", "fr": "Autre"},
}
# How to report, at the top of every edition (web, paper, text), in this
# order: answering_line, text_line, in_person, partners, and `form` once the
# program runs the report form (its page's address, without the language).
# Never put the drop-in's address here.
BAD_DATES_CHANNELS = {
    "answering_line": {
        "number": "514-555-0187",
        "note": {
            "en": "Call, or leave a message at any hour: we call back only if you ask. You don't have to give your name.",
            "fr": "Appelez, ou laissez un message à toute heure : on rappelle seulement si vous le demandez. Vous n'avez pas à donner votre nom.",
        },
    },
    "text_line": {
        "number": "514-555-0142",
        "note": {
            "en": "Monday to Friday, 1 pm to 10 pm. Delete the conversation afterwards if your phone is not safe.",
            "fr": "Du lundi au vendredi, de 13 h à 22 h. Effacez la conversation ensuite si votre téléphone n'est pas sûr.",
        },
    },
    "in_person": {
        "note": {
            "en": "At the drop-in, or to the outreach team on Tuesday and Friday evenings.",
            "fr": "Au centre, ou à l'équipe de rue le mardi et le vendredi soir.",
        },
    },
    "partners": {
        "note": {
            "en": "The staff of the mobile health clinic pass reports on to us, without your name.",
            "fr": "L'équipe de la clinique mobile nous transmet les signalements, sans votre nom.",
        },
    },
}

# The translation_key of the pages (content/pages/) that explain reporting at
# length; the list links to the one of its language.
BAD_DATES_HOW_TO_REPORT_PAGE = "how-to-report"

# --- Anonymous reports from the website (README.md, "Anonymous reports") -----
# The report form (/en/report/) is built when BAD_DATES_INTAKE is set and its
# public key is there.  `make html` and `make test` make the demo's key pair
# once: the public half in intake-public-key.txt (ignored by Git: each copy of
# the demo has its own), the private half outside the repository
# (~/.local/share/relais/intake-private.key).  A real program sets
# BAD_DATES_INTAKE unconditionally and commits its public key file (or writes
# the key itself here): a missing key file is then a warning, and an error
# for the public site.
# The file is named from this folder, so that sites whose settings import these keep finding it.
if (Path(__file__).parent / "intake-public-key.txt").exists():
    BAD_DATES_INTAKE = {
        "public_key": str(Path(__file__).parent / "intake-public-key.txt"),
        "path": "/report/send",
    }

# --- Respectful language -----------------------------------------------------
# Settings whose text readers see, checked like the content (see README.md).
LANGUAGE_CHECK_SETTINGS = [
    "SITENAME",
    "SITE_DESCRIPTION",
    "ANNOUNCEMENT_FOOTER",
    "BAD_DATES_TYPES",
    "BAD_DATES_CHANNELS",
]

# --- URLs (each language gets its prefix and its words: fr/articles/…) -------
ARTICLE_URL = "posts/{slug}/"
ARTICLE_SAVE_AS = "posts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "categories/{slug}/"
CATEGORY_SAVE_AS = "categories/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
ANNOUNCEMENTS_URL = "announcements/"
ANNOUNCEMENTS_SAVE_AS = "announcements/index.html"
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
SERVICE_URL = "services/{slug}/"
SERVICE_SAVE_AS = "services/{slug}/index.html"
SERVICES_URL = "services/"
SERVICES_SAVE_AS = "services/index.html"
TIMETABLE_URL = "services/timetable/"
TIMETABLE_SAVE_AS = "services/timetable/index.html"
# Open Referral (HSDS 3.0) export of each language's services; /services.json
# at the root holds the default language's.
OPEN_REFERRAL_SAVE_AS = "services.json"
GUIDE_URL = "guides/{slug}/"
GUIDE_SAVE_AS = "guides/{slug}/index.html"
GUIDE_PDF_SAVE_AS = "guides/{slug}/{slug}.pdf"
# The bad date list: its index, one page per edition (with its PDFs and text
# files beside it), and the lookup with the JSON its script searches.
BAD_DATES_INDEX_URL = "bad-dates/"
BAD_DATES_INDEX_SAVE_AS = "bad-dates/index.html"
BAD_DATES_URL = "bad-dates/{slug}/"
BAD_DATES_SAVE_AS = "bad-dates/{slug}/index.html"
BAD_DATES_PDF_SAVE_AS = "bad-dates/{slug}/bad-date-list-{slug}-{paper}.pdf"
BAD_DATES_TEXT_SAVE_AS = "bad-dates/{slug}/bad-date-list-{slug}.txt"
BAD_DATES_SMS_SAVE_AS = "bad-dates/{slug}/bad-date-list-{slug}-sms.txt"
BAD_DATES_LOOKUP_URL = "bad-dates/lookup/"
BAD_DATES_LOOKUP_SAVE_AS = "bad-dates/lookup/index.html"
BAD_DATES_LOOKUP_INDEX_SAVE_AS = "bad-dates/lookup/reports.json"
# The report form is always at report/ (the intake reads its answer pages there); this names it for the language links.
BAD_DATES_REPORT_URL = "report/"
GUIDES_URL = "guides/"
GUIDES_SAVE_AS = "guides/index.html"
INDEX_URL = ""
INDEX_SAVE_AS = "index.html"
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives"]
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Built once, at the root, for every language.
TEMPLATE_PAGES = {"root/index.html": "index.html", "root/404.html": "404.html"}

# Nothing unpublished is ever written: no drafts/ folder, no period archives.
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_URL = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# --- Events, feeds and calendar ----------------------------------------------
EVENT_URL = "events/{slug}/"
EVENT_SAVE_AS = "events/{slug}/index.html"
EVENTS_URL = "events/"
EVENTS_SAVE_AS = "events/index.html"
PAST_EVENTS_URL = "events/past/"
PAST_EVENTS_SAVE_AS = "events/past/index.html"
# "Add to my calendar" for one event, and every upcoming event of a language.
EVENT_ICS_URL = "events/{slug}.ics"
EVENT_ICS_SAVE_AS = "events/{slug}.ics"
CALENDAR_URL = "events/calendar.ics"
CALENDAR_SAVE_AS = "events/calendar.ics"
# The upcoming page looks this far ahead, showing up to this many dates of one event.
EVENTS_HORIZON_DAYS = 92
EVENTS_MAX_REPEATS = 3
# Each date of an event enters the events feed this many days before it.
EVENTS_FEED_LEAD_DAYS = 30
# The page listing every feed ("Follow us").
SUBSCRIBE_URL = "subscribe/"
SUBSCRIBE_SAVE_AS = "subscribe/index.html"
# Newest entries kept in each feed.
FEED_MAX_ITEMS = 20

# Feeds come from Relais' own feed plugin; Pelican's writer is off.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Markdown as the writer's guide shows it: pymdownx.fancylists reads numbered lists written
# `1.` or `1)`, keeps a numbered list and a bulleted list apart (a list starting at 3 starts
# at 3) and, with no other styles, never takes a line such as "A. Tremblay a dit" for a list;
# pymdownx.magiclink turns bare web addresses (https://…, www.…) and e-mail addresses into
# links.  What Python-Markdown cannot do (a list right under a line of text, items nested by
# two spaces), `check` points out.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {"permalink": False},
        "pymdownx.fancylists": {"additional_ordered_styles": []},
        "pymdownx.magiclink": {},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
RELATIVE_URLS = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
SLUGIFY_SOURCE = "basename"
