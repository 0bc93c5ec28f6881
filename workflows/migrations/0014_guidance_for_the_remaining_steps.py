"""Guidance for the officer steps that had none (the consul, the stamp duty, the art. 36 notice, the suspension, the
residence card), version 1, written from the k.p.a. and the Act on Foreigners; edited later in the admin."""

from django.db import migrations

ARTICLES = [
    {
        "slug": "zapytanie-do-konsula",
        "title": "Zapytanie do konsula: kiedy, o co i jak długo czekać",
        "steps": ["consult_consul"],
        "purposes": [],
        "legal_basis": "art. 109 ustawy o cudzoziemcach; art. 7, 77 § 1 k.p.a.",
        "body": """Zapytanie do konsula nie jest obowiązkowe w każdej sprawie. Wojewoda zwraca się do konsula w razie potrzeby (art. 109 ustawy o cudzoziemcach), gdy fakty istotne dla rozstrzygnięcia można ustalić tylko za granicą: autentyczność dokumentu wydanego w państwie pochodzenia, stan cywilny lub pokrewieństwo (łączenie rodzin), wykształcenie, przebieg zatrudnienia albo pobytu poza Polską. Zapytanie zaznacza się przy kontroli formalnej; w aktach powinno być widać, dlaczego było potrzebne (art. 7 i art. 77 § 1 k.p.a. – wyczerpujące zebranie materiału dowodowego).

Pytaj konkretnie: wskaż dokument (rodzaj, numer, data i organ wydania) albo fakt, który konsul ma potwierdzić, i dołącz jego kopię z akt. Nie przekazuj konsulowi więcej danych osobowych, niż wymaga pytanie.

Konsul ma 30 dni na odpowiedź. W szczególnie uzasadnionych przypadkach termin można przedłużyć do 60 dni – system wymaga wtedy podania powodu, który trafia do akt. Brak odpowiedzi w terminie oznacza, że konsul nie zgłasza zastrzeżeń; sprawę rozpatruje się na podstawie zebranego materiału.

Odpowiedź konsula jest dowodem w sprawie: zapisz ją w zadaniu (bez zastrzeżeń albo z zastrzeżeniami i krótką notatką), a przy ocenie merytorycznej odnieś się do niej w uzasadnieniu decyzji, zwłaszcza gdy przemawia przeciwko cudzoziemcowi.""",
    },
    {
        "slug": "oplata-skarbowa-wezwanie-do-zaplaty",
        "title": "Opłata skarbowa: ile wynosi, wezwanie do zapłaty i zwrot wniosku",
        "steps": ["formal_check", "formal_check_again", "payment"],
        "purposes": [],
        "legal_basis": "art. 261 § 1–2 k.p.a.; ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej",
        "body": """Przy kontroli formalnej sprawdź, czy opłata skarbowa za zezwolenie została uiszczona w wysokości właściwej dla celu pobytu. Stawki: 440 zł – praca, Niebieska Karta UE, przeniesienie wewnątrz przedsiębiorstwa i mobilność długoterminowa; 170 zł – praca sezonowa; 85 zł – pobyt krótkoterminowy (art. 181 ust. 1 pkt 1 i 3 ustawy o cudzoziemcach); 340 zł – pozostałe cele pobytu czasowego (działalność gospodarcza, pracownik delegowany, studia, łączenie rodzin i inne); 640 zł – pobyt stały i rezydent długoterminowy UE. Pełnomocnictwo kosztuje 17 zł. Kwotę dla danej sprawy system podaje z danych formularza, łącznie ze zwolnieniami (np. posiadacze Karty Polaka przy pobycie stałym).

Opłatę wpłaca się na rachunek urzędu miasta, w którym ma siedzibę wojewoda. Potwierdzenie wpłaty jest załącznikiem do wniosku; sprawdź kwotę, datę i tytuł przelewu.

Jeżeli opłaty nie uiszczono lub uiszczono ją w niepełnej wysokości, zaznacz to w kontroli formalnej i wyznacz termin zapłaty od 7 do 14 dni od doręczenia wezwania (art. 261 § 1 k.p.a.). System nie przyjmie krótszego ani dłuższego terminu. Wezwanie można połączyć w jednym piśmie z wezwaniem do usunięcia braków, do przedłożenia dowodów i z wezwaniem do stawiennictwa (art. 106e ust. 2 ustawy o cudzoziemcach) – każde z własnym terminem.

Gdy wpłata wpłynie, zapisz ją w zadaniu „Opłata skarbowa”; sprawa toczy się dalej. Gdy termin upłynie bez zapłaty, podanie zwraca się wnioskodawcy (art. 261 § 2 k.p.a.) – to nie jest decyzja odmowna, lecz odrębne pismo; system wysyła je sam po upływie terminu.""",
    },
    {
        "slug": "zawiadomienie-o-niezalatwieniu-sprawy-w-terminie",
        "title": "Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 k.p.a.)",
        "steps": ["delay_notice"],
        "purposes": [],
        "legal_basis": "art. 35 § 5, art. 36 § 1, art. 37 k.p.a.; art. 112a ustawy o cudzoziemcach",
        "body": """Decyzję w sprawie pobytu czasowego wydaje się w terminie 60 dni (art. 112a ustawy o cudzoziemcach), a w sprawie pobytu stałego i rezydenta długoterminowego UE w terminie 6 miesięcy. Termin liczy się od dnia, w którym wniosek jest wolny od braków formalnych, a jeżeli wzywano do przedłożenia dowodów – od ich przedłożenia albo upływu terminu na to. Do terminu nie wlicza się okresów zawieszenia postępowania ani opóźnień z winy strony lub z przyczyn od urzędu niezależnych (art. 35 § 5 k.p.a.).

Zadanie pojawia się 14 dni przed upływem terminu, jeżeli decyzja nie została jeszcze wydana. Gdy wiesz, że sprawy nie da się załatwić w terminie, zawiadom o tym stronę (art. 36 § 1 k.p.a.). Zawiadomienie musi zawierać:
– przyczynę zwłoki, opisaną konkretnie (np. oczekiwanie na stanowisko organu konsultowanego, brak odpowiedzi konsula, potrzeba dodatkowego dowodu), a nie ogólną formułą o obciążeniu urzędu;
– nowy termin załatwienia sprawy, realny i późniejszy niż dotychczasowy;
– pouczenie o prawie do wniesienia ponaglenia (art. 37 k.p.a.), które system dodaje do pisma.

Przeczytaj projekt pisma przed wysłaniem. Po wysłaniu nowy termin jest widoczny na stronie sprawy i na koncie cudzoziemca. Jeżeli i ten termin okaże się niemożliwy do dotrzymania, wyślij kolejne zawiadomienie z nową przyczyną.""",
    },
    {
        "slug": "zawieszenie-postepowania-na-wniosek-strony",
        "title": "Zawieszenie postępowania na wniosek strony (art. 98 k.p.a.)",
        "steps": ["decide_suspension"],
        "purposes": [],
        "legal_basis": "art. 98, 101, 103 k.p.a.; art. 108 ustawy o cudzoziemcach",
        "body": """Cudzoziemiec może na swoim koncie poprosić o zawieszenie postępowania. Organ może zawiesić postępowanie na żądanie strony, na której wniosek zostało wszczęte, jeżeli nie sprzeciwiają się temu inne strony i nie zagraża to interesowi społecznemu (art. 98 § 1 k.p.a.). Zawieszenie jest uprawnieniem, nie obowiązkiem: jeżeli odmawiasz, podaj powód – system wymaga go i przekazuje stronie.

Zanim zawiesisz, upewnij się, że cudzoziemiec rozumie skutki, i napisz mu je w razie wątpliwości: postępowanie zawieszone na wniosek strony nie daje legalnego pobytu – zaświadczenie o legalności pobytu (art. 108 ustawy o cudzoziemcach) traci ważność z dniem zawieszenia. Zawieszenie wstrzymuje bieg terminów (art. 103 k.p.a.): termin na decyzję oraz terminy z wezwań stoją, a po podjęciu biegną dalej przez pozostałe dni.

Zawieszenie następuje w drodze postanowienia, na które przysługuje zażalenie (art. 101 § 1 i 3 k.p.a.); przeczytaj jego projekt przed wysłaniem. Postępowanie podejmuje się na wniosek strony – cudzoziemiec prosi o to na koncie, a system podejmuje postępowanie i wysyła pismo. Jeżeli w ciągu 3 lat od zawieszenia nikt nie zażąda podjęcia, wniosek uważa się za wycofany, a postępowanie umarza się (art. 98 § 2 k.p.a.); system robi to sam po upływie 3 lat.""",
    },
    {
        "slug": "karta-pobytu-po-udzieleniu-zezwolenia",
        "title": "Karta pobytu po udzieleniu zezwolenia",
        "steps": ["residence_card"],
        "purposes": [],
        "legal_basis": "art. 226, 229 ustawy o cudzoziemcach; rozporządzenie w sprawie opłat za karty pobytu (Dz.U. 2022 poz. 1583)",
        "body": """Cudzoziemcowi, który uzyskał zezwolenie na pobyt czasowy, pobyt stały albo pobyt rezydenta długoterminowego UE, wydaje się kartę pobytu (art. 226 ustawy o cudzoziemcach). Pierwszą kartę pobytu wydaje się z urzędu, bez odrębnego wniosku (art. 229 ust. 2); wyjątkiem jest m.in. cudzoziemiec, który uzyskał zezwolenie w celu połączenia z rodziną, a w dniu złożenia wniosku przebywał poza Polską – wtedy kartę wydaje się na jego wniosek (art. 229 ust. 4).

Kartę zamawia się po ostatecznej decyzji udzielającej zezwolenia, na podstawie odcisków linii papilarnych, wzoru podpisu i fotografii pobranych w sprawie. Sprawdź, czy opłata za wydanie karty (100 zł) została uiszczona, oraz czy dane na karcie odpowiadają decyzji: imiona i nazwisko, data urodzenia, obywatelstwo, okres ważności zezwolenia i adnotacja o dostępie do rynku pracy przy zezwoleniu na pobyt i pracę.

W zadaniu zapisz numer karty i dzień, od którego można ją odebrać. Cudzoziemiec widzi ten dzień na swoim koncie i w osi czasu sprawy. Kartę odbiera się osobiście (za małoletniego poniżej 13 lat – przedstawiciel ustawowy); przy odbiorze sprawdź tożsamość z dokumentem podróży.""",
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
    dependencies = [("workflows", "0013_merge_decision_appeal_endings")]

    operations = [migrations.RunPython(add_guidance, remove_guidance)]
