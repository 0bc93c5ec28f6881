"""The suspension article (0014) learns that a refusal is an order of its own, sent with its reason and no zażalenie
(art. 101 § 3 and 142 k.p.a.): a new version of it, as an edit in the admin would be, saying which field changed."""

from django.db import migrations

SLUG = "zawieszenie-postepowania-na-wniosek-strony"
PARAGRAPH = """Odmowa zawieszenia również następuje w drodze postanowienia (art. 98 § 1 w związku z art. 123 k.p.a.). System wysyła stronie „Postanowienie o odmowie zawieszenia postępowania” z podanym przez Ciebie powodem; przeczytaj projekt przed wysłaniem. Powód napisz tak, by strona mogła go zrozumieć i zakwestionować: wskaż, który warunek art. 98 § 1 nie jest spełniony (sprzeciw innej strony, zagrożenie dla interesu społecznego) albo dlaczego zawieszenie nie jest w tej sprawie uzasadnione. Postępowanie toczy się dalej, a termin załatwienia sprawy biegnie. Zażalenie na to postanowienie nie służy: według linii orzeczniczej sądów administracyjnych ustalonej po nowelizacji z 2010 r. art. 101 § 3 k.p.a. przewiduje je tylko na postanowienie o zawieszeniu postępowania albo o odmowie podjęcia zawieszonego postępowania. Pouczenie mówi więc, że strona może je zaskarżyć w odwołaniu od decyzji (art. 142 k.p.a.). Zażalenie, które mimo to wpłynie, przekaż Szefowi Urzędu, który stwierdzi jego niedopuszczalność (art. 134 w związku z art. 144 k.p.a.)."""


def add_paragraph(apps, schema_editor):
    article_model = apps.get_model("workflows", "KnowledgeArticle")
    version_model = apps.get_model("workflows", "KnowledgeArticleVersion")
    article = article_model.objects.filter(slug=SLUG).first()
    if article is None or PARAGRAPH in article.body:
        return
    latest = version_model.objects.filter(article=article).order_by("-number").first()
    article.body = f"{article.body.rstrip()}\n\n{PARAGRAPH}"
    article.version = (latest.number if latest else article.version) + 1
    article.save(update_fields=["body", "version", "updated_at"])
    version_model.objects.create(
        article=article,
        number=article.version,
        title=article.title,
        body=article.body,
        steps=article.steps,
        purposes=article.purposes,
        legal_basis=article.legal_basis,
        changed_fields=["body"],
    )


def remove_paragraph(apps, schema_editor):
    article_model = apps.get_model("workflows", "KnowledgeArticle")
    version_model = apps.get_model("workflows", "KnowledgeArticleVersion")
    article = article_model.objects.filter(slug=SLUG).first()
    if article is None or PARAGRAPH not in article.body:
        return
    version_model.objects.filter(article=article, number=article.version, body=article.body).delete()
    article.body = article.body.replace(f"\n\n{PARAGRAPH}", "").replace(PARAGRAPH, "").rstrip()
    article.version = max(article.version - 1, 1)
    article.save(update_fields=["body", "version", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [("workflows", "0017_guidance_for_the_second_instance")]

    operations = [migrations.RunPython(add_paragraph, remove_paragraph)]
