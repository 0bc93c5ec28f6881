"""The office's knowledge base: guidance per step and purpose beside each task, edited in the admin with every
version kept, searched in Polish (PostgreSQL full-text or trigram; SQLite a simple search)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import AdministratorFactory, ApplicantFactory, EmployerFactory, SecondInstanceFactory
from workflows import knowledge
from workflows.models import KnowledgeArticle, KnowledgeArticleVersion

from .conftest import open_task, staff_login, submit_case, submit_work_case

pytestmark = pytest.mark.django_db


def test_the_guidance_is_seeded_for_every_step_of_the_flow_with_its_legal_basis():
    from viewflow.workflow.nodes import View

    from workflows.flows import ResidencePermitFlow
    from workflows.services import APPLICANT_NODES, SECOND_INSTANCE_NODES

    articles = list(KnowledgeArticle.objects.all())
    assert len(articles) >= 8
    covered = {step for article in articles for step in article.steps}
    officer_steps = {
        node.name
        for node in ResidencePermitFlow.instance.nodes()
        if isinstance(node, View) and node.name not in APPLICANT_NODES
    }
    assert {"residence_card", "consult_consul", "payment", "delay_notice", "decide_suspension"} <= officer_steps
    assert officer_steps >= SECOND_INSTANCE_NODES  # the Head of the Office's officers have their guidance too
    assert officer_steps - covered == set()
    for article in articles:
        assert article.legal_basis and len(article.body) > 400
        assert not any(word in article.body.lower() for word in ("lorem", "todo", "placeholder", "xxx"))
        numbers = sorted(article.versions.values_list("number", flat=True))
        assert numbers == list(range(1, article.version + 1))  # seeded as version 1; a later seed is the next one


def test_a_task_shows_the_articles_for_its_step_and_purpose(client, django_capture_on_commit_callbacks, officer):
    work_case = submit_work_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    page = client.get(reverse("workflows:task", kwargs={"task_id": open_task(work_case, "formal_check").pk}))
    html = page.content.decode()
    assert "Guidance for this step" in html
    assert "Jak przeprowadzić kontrolę formalną wniosku o zezwolenie na pobyt czasowy i pracę" in html
    assert "Wezwanie do usunięcia braków formalnych" in html
    assert "Studia: co sprawdzić" not in html and "Kiedy i kogo pytać" not in html


@pytest.mark.parametrize(
    ("step", "title"),
    [
        ("consult_consul", "Zapytanie do konsula: kiedy, o co i jak długo czekać"),
        ("payment", "Opłata skarbowa: ile wynosi, wezwanie do zapłaty i zwrot wniosku"),
        ("formal_check", "Opłata skarbowa: ile wynosi, wezwanie do zapłaty i zwrot wniosku"),
        ("delay_notice", "Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 k.p.a.)"),
        ("decide_suspension", "Zawieszenie postępowania na wniosek strony (art. 98 k.p.a.)"),
        ("residence_card", "Karta pobytu po udzieleniu zezwolenia"),
    ],
)
def test_the_consul_stamp_duty_delay_suspension_and_card_steps_show_their_own_guidance(db, step, title):
    assert title in {article.title for article in knowledge.articles_for(step=step, purpose="work")}


def test_the_second_instance_step_has_guidance_on_admissibility_supplementary_evidence_and_the_outcomes(db):
    """Art. 127-144 k.p.a. from the Head of the Office's side: the deadlines and art. 134, art. 136, art. 138-139."""
    articles = {a.slug: a for a in KnowledgeArticle.objects.all() if "second_instance" in a.steps}
    titles = {a.title for a in knowledge.articles_for(step="second_instance", purpose="work")}
    assert {a.title for a in articles.values()} <= titles and len(articles) >= 3
    text = " ".join(a.body for a in articles.values())
    for rule in ("art. 129 § 1 i 2", "art. 132", "art. 134", "art. 136 § 1", "art. 138 § 1 pkt 1", "art. 138 § 2"):
        assert rule in text, rule
    assert "art. 139" in text and "na niekorzyść strony odwołującej się" in text
    assert "14 dni" in text and "7 dni" in text and "90 dni" in text
    assert "jest uprawnieniem wyłącznie wojewody" in text  # art. 132 is the voivode's, not the second instance's
    assert not set(articles) & {a.slug for a in knowledge.articles_for(step="formal_check", purpose="work")}


def test_the_suspension_guidance_says_a_refusal_is_an_order_with_its_reason_as_its_second_version(db):
    article = KnowledgeArticle.objects.get(slug="zawieszenie-postepowania-na-wniosek-strony")
    assert "Postanowienie o odmowie zawieszenia postępowania" in article.body and article.version == 2
    first, second = article.versions.order_by("number")
    assert "Postanowienie o odmowie zawieszenia" not in first.body and second.changed_fields == ["body"]


def test_articles_for_a_purpose_are_not_shown_for_another(db):
    titles = {a.title for a in knowledge.articles_for(step="review", purpose="studies")}
    assert "Studia: co sprawdzić w kontroli merytorycznej" in titles
    assert "Łączenie rodzin: co sprawdzić w kontroli merytorycznej" not in titles
    assert "Jak przeprowadzić kontrolę formalną wniosku o zezwolenie na pobyt czasowy i pracę" not in titles
    assert "Jakie dokumenty potwierdzają środki utrzymania" in titles  # for every purpose


def test_an_edit_in_the_admin_is_a_new_version_saying_who_changed_what(client):
    admin = AdministratorFactory()
    staff_login(client, admin)
    article = KnowledgeArticle.objects.get(slug="konsultacje-straz-graniczna-policja-abw-konsul")
    url = reverse("admin:workflows_knowledgearticle_change", args=[article.pk])
    assert client.get(url).status_code == 200
    data = {
        "title": article.title,
        "slug": article.slug,
        "body": article.body + "\n\nUzupełnienie: zapytanie do konsula wysyła się przez system.",
        "legal_basis": article.legal_basis,
        "steps": article.steps,
        "purposes": [],
        "is_published": "on",
        "translations-TOTAL_FORMS": "0",
        "translations-INITIAL_FORMS": "0",
        "versions-TOTAL_FORMS": "1",
        "versions-INITIAL_FORMS": "1",
        "versions-0-id": str(article.versions.get().pk),
        "versions-0-article": str(article.pk),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.version == 2 and article.updated_by == admin
    latest = KnowledgeArticleVersion.objects.get(article=article, number=2)
    assert latest.changed_by == admin and latest.changed_fields == ["body"]
    assert "Uzupełnienie" in latest.body and "Uzupełnienie" not in article.versions.get(number=1).body


def test_the_search_finds_a_word_in_another_form(client, officer):
    staff_login(client, officer)
    html = client.get(reverse("workflows:knowledge"), {"q": "odciski"}).content.decode()
    assert "Wezwanie do osobistego stawiennictwa i pobranie odcisków linii papilarnych" in html
    assert "Studia: co sprawdzić" not in html
    assert "Nothing" not in client.get(reverse("workflows:knowledge"), {"q": "konsula"}).content.decode()


@pytest.mark.postgres
def test_on_postgresql_odciski_finds_the_article_about_odciskow(db):
    assert connection.vendor == "postgresql"
    found = list(knowledge.search_articles("odciski"))
    assert found and "odcisków" in found[0].body
    assert found[0].slug == "wezwanie-do-stawiennictwa-odciski-linii-papilarnych"
    assert "środki" in knowledge.search_articles("środkach utrzymania").first().title.lower() or any(
        "środki" in a.title.lower() for a in knowledge.search_articles("środkach utrzymania")
    )
    assert list(knowledge.search_articles("zzzzqqq")) == []


def test_odd_and_hostile_queries_are_answered_never_a_500(client, officer):
    staff_login(client, officer)
    for query in ["'; DROP TABLE x; --", "a & b | !c", ":*", "odc:* & (", "ó" * 100, "\u0000x"]:
        assert client.get(reverse("workflows:knowledge"), {"q": query}).status_code in (200,)


@pytest.mark.parametrize("name", ["workflows:knowledge", "workflows:knowledge-article"])
def test_the_knowledge_base_is_for_office_staff_and_the_second_instance_only(client, name, officer):
    kwargs = {"slug": "rozstrzygniecie-odwolania-art-138-i-139"} if name.endswith("article") else {}
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for outsider in (ApplicantFactory(), EmployerFactory()):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
    staff_login(client, officer)
    assert client.get(url).status_code == 200
    staff_login(client, SecondInstanceFactory())
    page = client.get(url)
    assert page.status_code == 200 and "art. 138" in page.content.decode()
    assert f'href="{reverse("workflows:knowledge")}"' in page.content.decode()  # in the second instance's menu


def test_a_second_instance_task_shows_its_guidance_beside_the_task(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    from .test_role_matrix_appeals import refused_and_appealed

    forwarded = refused_and_appealed(django_capture_on_commit_callbacks, officer, supervisor, forward=True)
    staff_login(client, SecondInstanceFactory())
    task = open_task(forwarded, "second_instance")
    html = client.get(reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})).content.decode()
    assert "Guidance for this step" in html
    for article in (a for a in KnowledgeArticle.objects.all() if "second_instance" in a.steps):
        assert article.title in html
        assert reverse("workflows:knowledge-article", kwargs={"slug": article.slug}) in html
    assert "Jak przeprowadzić kontrolę formalną" not in html  # the first instance's steps are not the appeal's
    article = KnowledgeArticle.objects.get(slug="postepowanie-wyjasniajace-w-drugiej-instancji")
    opened = client.get(reverse("workflows:knowledge-article", kwargs={"slug": article.slug}))
    assert opened.status_code == 200 and "art. 136 § 1" in opened.content.decode()


def test_a_task_page_with_the_guidance_costs_no_more_queries_with_more_articles(
    client, django_capture_on_commit_callbacks, officer
):
    from tests.query_counts import queries_for

    application = submit_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    url = reverse("workflows:task", kwargs={"task_id": open_task(application, "formal_check").pk})
    few, _page = queries_for(client, url)
    for n in range(5):
        knowledge.save_article(
            article=KnowledgeArticle(slug=f"extra-{n}", title=f"Dodatkowe {n}", body="Treść.", steps=["formal_check"]),
            user=None,
        )
    many, page = queries_for(client, url)
    assert "Dodatkowe 4" in page and many == few


def test_a_translation_is_offered_to_a_reader_of_its_language_beside_the_polish_text(client, officer):
    from workflows.models import KnowledgeArticleTranslation

    article = KnowledgeArticle.objects.get(slug="laczenie-rodzin")
    KnowledgeArticleTranslation.objects.create(
        article=article, language="en", title="Family reunification: what to check", body="Check the marriage."
    )
    staff_login(client, officer)
    url = reverse("workflows:knowledge-article", kwargs={"slug": article.slug})
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Family reunification: what to check" in english and article.title in english
    assert "Family reunification" not in client.get(url, HTTP_ACCEPT_LANGUAGE="uk").content.decode()
