"""Words for the benchmark corpus: topics, sentences, lists and quotes in English and French.

The generator in :mod:`bench.corpus` draws from these to write bodies that look like the
demo's posts: plain sentences about health, safety, rights and daily life, headings, lists,
a quote, links and a passage in the other language.  Nothing here may trip the site's
respectful-language check or its never-publish list: the corpus must pass ``publish.py check``
without a warning.
"""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    """A subject a post can be about, in both languages, with the category it belongs to."""

    category: str
    en: str
    fr: str
    tags_en: tuple[str, ...]
    tags_fr: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("health", "Getting tested", "Se faire dépister", ("testing", "STI", "clinics"), ("dépistage", "ITSS")),
    Topic("health", "Nurse evenings", "Les soirées infirmière", ("nurse", "health"), ("infirmière", "santé")),
    Topic("health", "Looking after your teeth", "Prendre soin de ses dents", ("dental", "health"), ("dents", "santé")),
    Topic("health", "Sleep after night shifts", "Dormir après le travail de nuit", ("sleep",), ("sommeil",)),
    Topic("health", "PrEP and PEP", "La PrEP et la PPE", ("PrEP", "HIV"), ("PrEP", "VIH")),
    Topic("safety", "Screening new clients", "Filtrer les nouveaux clients", ("screening",), ("filtrage",)),
    Topic("safety", "Working with a buddy", "Travailler en duo", ("buddy system",), ("entraide",)),
    Topic(
        "safety", "Online ads and privacy", "Annonces en ligne et vie privée", ("privacy", "online"), ("vie privée",)
    ),
    Topic("safety", "Keeping your phone private", "Protéger son téléphone", ("privacy", "phones"), ("téléphone",)),
    Topic("safety", "Harm reduction supplies", "Le matériel de réduction des méfaits", ("harm reduction",), ("RdM",)),
    Topic("rights", "Police stops", "Les interpellations policières", ("police", "rights"), ("police", "droits")),
    Topic("rights", "Your rights as a tenant", "Vos droits de locataire", ("housing", "rights"), ("logement",)),
    Topic("rights", "Going to court", "Aller à la cour", ("court", "legal help"), ("cour", "aide juridique")),
    Topic("rights", "The law in plain words", "La loi en mots simples", ("law",), ("loi",)),
    Topic("rights", "Immigration questions", "Questions d'immigration", ("immigration",), ("immigration",)),
    Topic("daily-life", "Free meals this season", "Les repas gratuits de la saison", ("food",), ("alimentation",)),
    Topic(
        "daily-life", "Taxes for independent workers", "Les impôts des travailleurs autonomes", ("taxes",), ("impôts",)
    ),
    Topic("daily-life", "Opening a bank account", "Ouvrir un compte bancaire", ("banking", "money"), ("banque",)),
    Topic("daily-life", "Finding a warm place in winter", "Trouver un endroit chaud l'hiver", ("winter",), ("hiver",)),
    Topic("daily-life", "Getting your ID back", "Refaire ses papiers", ("ID", "paperwork"), ("papiers",)),
    Topic("community", "Peer gatherings", "Les rencontres entre pairs", ("peers", "community"), ("pairs",)),
    Topic("community", "The December 17 vigil", "La vigile du 17 décembre", ("December 17",), ("17 décembre",)),
    Topic("community", "Sex workers' day picnic", "Le pique-nique de la journée des TDS", ("June 2",), ("2 juin",)),
    Topic("community", "Art night at the drop-in", "La soirée d'art à la halte", ("art",), ("art",)),
    Topic("community", "Becoming a peer worker", "Devenir pair aidant·e", ("peer work",), ("travail de pair",)),
    Topic("news", "New outreach route", "Un nouveau trajet de travail de rue", ("outreach",), ("travail de rue",)),
    Topic("news", "Holiday hours", "Les horaires des fêtes", ("hours",), ("horaires",)),
    Topic("news", "Our text line", "Notre ligne texto", ("text line",), ("ligne texto",)),
    Topic("news", "A new counsellor", "Une nouvelle conseillère", ("counselling", "team"), ("counselling",)),
    Topic("news", "What we heard this year", "Ce que vous nous avez dit cette année", ("survey",), ("sondage",)),
)

# Second halves of titles: "Getting tested: questions we hear".
ANGLES: tuple[tuple[str, str], ...] = (
    ("what to expect", "à quoi s'attendre"),
    ("questions we hear", "les questions qu'on entend"),
    ("a peer's notes", "les notes d'une paire"),
    ("step by step", "étape par étape"),
    ("in winter", "en hiver"),
    ("for newcomers", "pour les nouvelles personnes"),
    ("what changed", "ce qui a changé"),
    ("the short version", "la version courte"),
    ("what we learned", "ce qu'on a appris"),
    ("tips from the team", "les conseils de l'équipe"),
    ("a checklist", "une liste à cocher"),
    ("myths and facts", "mythes et réalités"),
)

SUMMARIES = {
    "en": (
        "{topic}: what we know, what helps, and who to ask at the drop-in.",
        "A practical guide, written with peers and checked by the team: {topic}.",
        "{topic}: everything in one place, with the questions people ask us most.",
        "{topic}, explained simply: your choices, your rights and where to get support.",
    ),
    "fr": (
        "{topic} : ce qu'on sait, ce qui aide et à qui demander à la halte.",
        "Un guide pratique sur un sujet qui revient souvent, écrit avec des pairs et relu par l'équipe.",
        "{topic} : tout au même endroit, avec les questions qu'on nous pose le plus.",
        "{topic}, expliqué simplement : vos choix, vos droits et où trouver du soutien.",
    ),
}

HEADINGS = {
    "en": (
        "Before you go",
        "What happens next",
        "Your choices",
        "What the law says",
        "Where to find us",
        "Questions people ask",
        "If something goes wrong",
        "What peers told us",
        "Looking after yourself",
        "Money and paperwork",
        "Getting there",
        "What it costs",
        "Who can help",
        "In short",
    ),
    "fr": (
        "Avant d'y aller",
        "Ce qui se passe ensuite",
        "Vos choix",
        "Ce que dit la loi",
        "Où nous trouver",
        "Les questions qu'on nous pose",
        "Si quelque chose tourne mal",
        "Ce que les pairs nous ont dit",
        "Prendre soin de soi",
        "Argent et papiers",
        "Pour s'y rendre",
        "Ce que ça coûte",
        "Qui peut aider",
        "En bref",
    ),
}

SENTENCES = {
    "en": (
        "You decide what you share with us, and you can stop a conversation at any time.",
        "Our staff and peer workers have heard it all before, so there is nothing to explain or justify.",
        "Most of what we offer is free, and none of it depends on whether you keep working or not.",
        "If you are not sure where to start, text the line and someone will answer within the evening.",
        "The nurse comes to the drop-in every {day} from {time}, and no appointment is needed.",
        "Bring a friend if that makes it easier; they are welcome to wait with you in the kitchen.",
        "Many people tell us the first visit is the hardest, and that it gets simpler after that.",
        "We keep no list of who comes in, and we never share anything with the police or your landlord.",
        "Write down the questions you want to ask, because it is easy to forget them once you are there.",
        "Keep a copy of any paper you sign, and ask for the name of the person you spoke with.",
        "It took our team {number} tries to get the forms right, so do not worry if it takes you a few.",
        "Some clinics still ask for a health card, but several will see you without one if you ask.",
        "A peer worker can come with you, sit in the waiting room and help you remember what was said.",
        "Workers who use a buddy system tell us they feel calmer, even when nothing goes wrong.",
        "Tell someone you trust where you are going and when you expect to be back.",
        "If a client makes you uneasy, you are allowed to leave, whatever was agreed before.",
        "Police officers must tell you why they stopped you, and you may ask whether you are free to go.",
        "You do not have to answer questions about your work, and you can ask to speak to a lawyer.",
        "The legal clinic answers general questions for free and can refer you to a lawyer who knows the field.",
        "Landlords cannot evict you because of what you do for a living, and the tribunal can hear your case.",
        "Independent workers can deduct some of their costs, such as a phone plan or supplies.",
        "A bank cannot refuse to open an account only because you have no fixed address.",
        "In winter, the drop-in stays open later on the coldest nights, and there is always soup.",
        "The kitchen serves a hot meal on {day} evenings, cooked by people who know what a long night is.",
        "Our outreach van stops at the usual places between {time} and midnight, with coffee and supplies.",
        "Harm reduction supplies are free, and you can take as much as you need for yourself and your friends.",
        "Naloxone kits are at the front desk, and anyone on the team can show you how to use one in five minutes.",
        "We changed the schedule after {number} people told us the old hours did not work for them.",
        "Peers from the collective meet once a month to share a meal, the news and whatever is on their mind.",
        "Anyone who does or has done sex work is welcome, whatever their gender, age or situation.",
        "We mark December 17 together every year, to remember those we lost and to demand safety for everyone.",
        "Counselling is offered in French and English, at the drop-in, by phone or over a coffee somewhere neutral.",
        "You can use a nickname with us; what matters is that we know how to reach you if you want us to.",
        "Your phone keeps more about you than you think: photos, locations and old messages.",
        "Turning off location sharing in your photos takes a minute and protects you for a long time.",
        "Use a separate number for work if you can, and keep it out of your personal accounts.",
        "Ads that show your face or a tattoo can be found by anyone with a reverse image search.",
        "Last year we answered {number} messages on the text line, most of them late in the evening.",
        "If you missed a court date, call the legal clinic first: there is often more room than people think.",
        "Sleep is the first thing to go when the nights are busy, and the last thing people talk about.",
        "The dental clinic keeps two places every week for people who come through the drop-in.",
        "PrEP is a pill that prevents HIV, and the nurse can tell you whether it suits you.",
        "After a risk, PEP works best within the first hours, so go to an emergency room without waiting.",
        "We will never ask you to stop working in exchange for help; you choose what you want from us.",
    ),
    "fr": (
        "C'est vous qui décidez ce que vous nous confiez, et vous pouvez arrêter la conversation à tout moment.",
        "Notre équipe et nos pairs ont déjà tout entendu : il n'y a rien à expliquer ni à justifier.",
        "Presque tout ce qu'on offre est gratuit, et rien ne dépend du fait que vous continuiez ou non à travailler.",
        "Si vous ne savez pas par où commencer, écrivez à la ligne texto : quelqu'un répondra dans la soirée.",
        "L'infirmière vient à la halte chaque {day} dès {time}, sans rendez-vous.",
        "Venez avec une amie si c'est plus facile; elle peut vous attendre à la cuisine.",
        "Beaucoup de gens nous disent que la première visite est la plus difficile, et que c'est plus simple ensuite.",
        "On ne garde aucune liste des personnes qui passent, et on ne partage rien avec la police ni le propriétaire.",
        "Notez les questions que vous voulez poser : c'est facile de les oublier une fois sur place.",
        "Gardez une copie de chaque papier que vous signez, et demandez le nom de la personne à qui vous avez parlé.",
        "Il a fallu {number} essais à l'équipe pour bien remplir les formulaires : ne vous en faites pas.",
        "Certaines cliniques demandent encore la carte d'assurance maladie, mais plusieurs vous recevront sans elle.",
        "Une paire aidante peut vous accompagner, attendre avec vous et vous aider à retenir ce qui a été dit.",
        "Les personnes qui travaillent en duo nous disent se sentir plus calmes, même quand tout va bien.",
        "Dites à une personne de confiance où vous allez et quand vous comptez revenir.",
        "Si un client vous met mal à l'aise, vous avez le droit de partir, peu importe ce qui était convenu.",
        "La police doit vous dire pourquoi elle vous interpelle, et vous pouvez demander si vous êtes libre de partir.",
        "Vous n'avez pas à répondre aux questions sur votre travail, et vous pouvez demander à parler à un·e avocat·e.",
        "La clinique juridique répond gratuitement aux questions générales et connaît des avocates du milieu.",
        "Un propriétaire ne peut pas vous expulser à cause de votre travail, et le tribunal peut entendre votre cause.",
        "Les travailleuses autonomes peuvent déduire une partie de leurs frais, comme un forfait de téléphone.",
        "Une banque ne peut pas refuser d'ouvrir un compte seulement parce que vous n'avez pas d'adresse fixe.",
        "L'hiver, la halte reste ouverte plus tard les nuits les plus froides, et il y a toujours de la soupe.",
        "La cuisine sert un repas chaud le {day} soir, préparé par des gens qui savent ce qu'est une longue nuit.",
        "La camionnette du travail de rue s'arrête aux endroits habituels entre {time} et minuit, avec du café.",
        "Le matériel de réduction des méfaits est gratuit : prenez-en autant qu'il vous faut, pour vous et vos amies.",
        "Les trousses de naloxone sont à l'accueil, et toute l'équipe peut vous montrer comment s'en servir.",
        "On a changé l'horaire après que {number} personnes nous ont dit que les anciennes heures n'allaient pas.",
        "Les pairs du collectif se rencontrent chaque mois pour partager un repas, les nouvelles et ce qui les occupe.",
        "Toute personne qui fait ou a fait du travail du sexe est la bienvenue, peu importe son genre ou son âge.",
        "On souligne le 17 décembre chaque année, pour se souvenir et réclamer la sécurité de toutes et tous.",
        "Le counselling est offert en français et en anglais, à la halte, au téléphone ou autour d'un café.",
        "Vous pouvez utiliser un surnom; ce qui compte, c'est de savoir comment vous joindre si vous le voulez.",
        "Votre téléphone en garde plus sur vous que vous ne le pensez : photos, positions et vieux messages.",
        "Désactiver la position dans vos photos prend une minute et vous protège longtemps.",
        "Si vous le pouvez, utilisez un numéro séparé pour le travail, loin de vos comptes personnels.",
        "Une annonce qui montre votre visage ou un tatouage peut être retrouvée par une recherche d'image inversée.",
        "L'an dernier, on a répondu à {number} messages sur la ligne texto, surtout tard le soir.",
        "Si vous avez manqué une date de cour, appelez d'abord la clinique juridique : il y a souvent des solutions.",
        "Le sommeil est la première chose qu'on perd quand les nuits sont chargées, et la dernière dont on parle.",
        "La clinique dentaire garde deux places chaque semaine pour les personnes qui passent par la halte.",
        "La PrEP est un comprimé qui prévient le VIH, et l'infirmière peut vous dire si elle vous convient.",
        "Après un risque, la PPE fonctionne mieux dans les premières heures : allez à l'urgence sans attendre.",
        "On ne vous demandera jamais d'arrêter de travailler en échange d'aide; c'est vous qui choisissez.",
    ),
}

LIST_ITEMS = {
    "en": (
        "a piece of ID, if you have one (it is not required)",
        "the name of any medication you take",
        "**condoms, lube and gloves**, free at the front desk",
        "a charged phone and a number to call if plans change",
        "the address of the place, written down rather than in your messages",
        "the date and time of your next appointment",
        "a friend's number you know by heart",
        "your own rules, decided before you meet anyone",
        "a copy of the lease, if the problem is about housing",
        "receipts for the costs you can deduct",
        "**water and something to eat** for the long nights",
        "an agreed word that means *come and get me*",
    ),
    "fr": (
        "une pièce d'identité, si vous en avez une (ce n'est pas obligatoire)",
        "le nom des médicaments que vous prenez",
        "**des condoms, du lubrifiant et des gants**, gratuits à l'accueil",
        "un téléphone chargé et un numéro à appeler si les plans changent",
        "l'adresse du lieu, notée ailleurs que dans vos messages",
        "la date et l'heure de votre prochain rendez-vous",
        "le numéro d'une amie que vous connaissez par cœur",
        "vos propres règles, décidées avant de rencontrer qui que ce soit",
        "une copie du bail, si le problème concerne le logement",
        "les reçus des frais que vous pouvez déduire",
        "**de l'eau et quelque chose à manger** pour les longues nuits",
        "un mot convenu qui veut dire *viens me chercher*",
    ),
}

QUOTES = {
    "en": (
        "Nobody asked me why I was there. They just asked what I needed tonight.",
        "The first time, I only came in for coffee. Now I bring my friends.",
        "Knowing someone would pick up the phone at two in the morning changed how I work.",
        "I wrote my own rules on a card in my wallet. I read it before every first meeting.",
    ),
    "fr": (
        "Personne ne m'a demandé pourquoi j'étais là. On m'a juste demandé ce dont j'avais besoin ce soir.",
        "La première fois, je suis seulement venue pour un café. Maintenant, j'emmène mes amies.",
        "Savoir que quelqu'un répondrait au téléphone à deux heures du matin a changé ma façon de travailler.",
        "J'ai écrit mes règles sur une carte dans mon portefeuille. Je la relis avant chaque première rencontre.",
    ),
}

# A passage in the other language, marked so that screen readers pronounce it right.
OTHER_LANGUAGE = {
    "en": (
        'Our French-speaking peers call it <span lang="fr">la débrouille</span>: getting by with what is at hand.',
        'The sign on the door says <span lang="fr">Bienvenue, ici on ne juge personne</span>, and we mean it.',
        'At the vigil we read the names and then say together <span lang="fr">on ne vous oublie pas</span>.',
        'The legal clinic\'s leaflet is titled <span lang="fr">Connaître ses droits</span>, and it is worth a read.',
        'Ask for the <span lang="fr">trousse de départ</span>, the starter kit the team puts together each week.',
    ),
    "fr": (
        'Nos pairs anglophones disent <span lang="en">nothing about us without us</span> : rien sur nous sans nous.',
        'Sur la porte, l\'affiche dit aussi <span lang="en">Everyone welcome, no questions asked</span>.',
        "La brochure en anglais s'appelle <span lang=\"en\">Know your rights</span>; demandez-la à l'accueil.",
        'Pendant la vigile, on lit les noms puis on dit ensemble <span lang="en">we remember</span>.',
        'Les collègues de Toronto parlent de <span lang="en">bad date lists</span> pour les signalements entre pairs.',
    ),
}

# Outside sites a post may link to (addresses only: a link makes no request).
EXTERNAL_LINKS = {
    "en": (
        (
            "the federal government's page on taxes for the self-employed",
            "https://www.canada.ca/en/services/taxes.html",
        ),
        ("CATIE's fact sheets on HIV prevention", "https://www.catie.ca/"),
        ("the legal clinic's plain-language guides", "https://example.org/legal-clinic/guides"),
        ("the tenants' association", "https://example.org/tenants"),
    ),
    "fr": (
        (
            "la page du gouvernement sur les impôts des travailleurs autonomes",
            "https://www.canada.ca/fr/services/impots.html",
        ),
        ("les fiches de CATIE sur la prévention du VIH", "https://www.catie.ca/fr"),
        ("les guides en langage clair de la clinique juridique", "https://example.org/clinique-juridique/guides"),
        ("l'association des locataires", "https://example.org/locataires"),
    ),
}

LINK_SENTENCES = {
    "en": (
        "For more, read {link}.",
        "We wrote about a related question earlier: see {link}.",
        "If you want the details, {link} explains them well.",
    ),
    "fr": (
        "Pour en savoir plus, lisez {link}.",
        "On a déjà écrit sur une question voisine : voyez {link}.",
        "Si vous voulez les détails, {link} les explique bien.",
    ),
}

QUOTE_ATTRIBUTION = {"en": "— a peer worker", "fr": "— une paire aidante"}
DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi"),
}
TIMES = {"en": ("6 pm", "7 pm", "8 pm", "9 pm"), "fr": ("18 h", "19 h", "20 h", "21 h")}
