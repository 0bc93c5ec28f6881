"""Guidance for the voivode's step on an appeal (art. 132-133 k.p.a.), version 1, edited later in the admin."""

from django.db import migrations

ARTICLES = [
    {
        "slug": "odwolanie-od-decyzji-wojewody",
        "title": "Odwołanie od decyzji wojewody: samokontrola albo przekazanie Szefowi Urzędu",
        "steps": ["appeal_review"],
        "purposes": [],
        "legal_basis": "art. 127, 127a, 129, 132, 133, 138 k.p.a.; art. 112a ust. 4, art. 210 ust. 3 ustawy o cudzoziemcach",
        "body": """Od decyzji wojewody stronie przysługuje odwołanie do Szefa Urzędu do Spraw Cudzoziemców, wnoszone za pośrednictwem wojewody w terminie 14 dni od dnia doręczenia decyzji (art. 127 § 1 i art. 129 § 1–2 k.p.a.). W MOS cudzoziemiec wnosi odwołanie na koncie; otrzymuje urzędowe poświadczenie odbioru, a odwołanie trafia do Twojej kolejki jako zadanie „Odwołanie”. Odwołanie wniesione po terminie system odrzuca, podając ostatni dzień terminu.

Masz 7 dni od dnia otrzymania odwołania. Jeżeli uznasz, że odwołanie zasługuje w całości na uwzględnienie, możesz wydać nową decyzję, w której uchylisz lub zmienisz zaskarżoną decyzję (art. 132 § 1 k.p.a.). Od nowej decyzji stronie ponownie przysługuje odwołanie (art. 132 § 3 k.p.a.), więc system otwiera nowy termin 14 dni od jej doręczenia.

Jeżeli odwołania nie uwzględniasz w całości, przekaż je wraz z aktami sprawy Szefowi Urzędu (art. 133 k.p.a.). Gdy 7 dni upłynie bez Twojej decyzji, system przekaże akta sam. Szef Urzędu rozpatruje sprawę w ciągu 90 dni (art. 112a ust. 4 i art. 210 ust. 3 ustawy o cudzoziemcach): utrzymuje decyzję w mocy, uchyla ją i orzeka co do istoty, uchyla ją i przekazuje sprawę do ponownego rozpatrzenia (wtedy sprawa wraca do Twojej oceny merytorycznej) albo umarza postępowanie odwoławcze (art. 138 k.p.a.).

Decyzja staje się ostateczna po upływie terminu do wniesienia odwołania, z dniem zrzeczenia się prawa do odwołania przez stronę (art. 127a k.p.a.) albo z decyzją Szefa Urzędu. Z tym dniem wygasa zaświadczenie o legalności pobytu (art. 108 ustawy o cudzoziemcach), a po ostatecznej odmowie cudzoziemiec ma 30 dni na opuszczenie Polski (art. 299 ust. 6 ustawy o cudzoziemcach).""",
    },
]


def add_guidance(apps, schema_editor):
    article_model = apps.get_model("workflows", "KnowledgeArticle")
    version_model = apps.get_model("workflows", "KnowledgeArticleVersion")
    fields = ["title", "body", "steps", "purposes", "legal_basis", "is_published"]
    for data in ARTICLES:
        if article_model.objects.filter(slug=data["slug"]).exists():
            continue
        article = article_model.objects.create(**data, version=1, is_published=True)
        version_model.objects.create(
            article=article,
            number=1,
            title=article.title,
            body=article.body,
            steps=article.steps,
            purposes=article.purposes,
            legal_basis=article.legal_basis,
            changed_fields=fields,
        )


def remove_guidance(apps, schema_editor):
    apps.get_model("workflows", "KnowledgeArticle").objects.filter(slug__in=[a["slug"] for a in ARTICLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("workflows", "0011_appeal_period_appeal_and_finality")]

    operations = [migrations.RunPython(add_guidance, remove_guidance)]
