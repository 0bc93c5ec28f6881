"""The first guidance of the knowledge base, written from the Act of 12 December 2013 on foreigners (as amended for
MOS by the Act of 21 November 2025, Dz.U. 2025 poz. 1794) and the Code of Administrative Procedure (k.p.a.), for the
steps the flow has. Each article is version 1, saved by nobody (the migration); officers edit them in the admin."""

from django.db import migrations

ALL_CONSULTATIONS = ["consult_border_guard", "consult_police", "consult_abw", "consult_labour_office"]

ARTICLES = [
    {
        "slug": "kontrola-formalna-wniosku-mos",
        "title": "Kontrola formalna wniosku złożonego w MOS",
        "steps": ["formal_check", "formal_check_again"],
        "purposes": [],
        "legal_basis": "art. 106c–106d, art. 108 ustawy o cudzoziemcach; art. 63–64 k.p.a.",
        "body": """Od 27 kwietnia 2026 r. wniosek o udzielenie zezwolenia na pobyt czasowy, stały i rezydenta długoterminowego UE składa się wyłącznie elektronicznie, w MOS. Wniosek istnieje dopiero wtedy, gdy został podpisany (profilem zaufanym, kwalifikowanym podpisem elektronicznym albo podpisem osobistym) i wydano urzędowe poświadczenie odbioru (UPO). Wniosku na papierze złożonego po tej dacie nie rozpatruje się.

Sprawdź kolejno: czy formularz jest wypełniony we wszystkich wymaganych punktach (tam, gdzie brak danych, powinno być wpisane „brak”); czy dołączono fotografię spełniającą wymogi (JPEG, co najmniej 684 × 883 piksele, najwyżej 2,5 MB, proporcje 35 × 45, twarz 70–80% kadru); czy dołączono kopię ważnego dokumentu podróży (a gdy cudzoziemiec go nie ma i nie może uzyskać – inny dokument tożsamości, art. 106 ust. 3); czy uiszczono opłatę skarbową właściwą dla celu pobytu; czy za małoletniego podpisał rodzic albo opiekun.

Zwróć uwagę na datę złożenia: wniosek złożony najpóźniej w ostatnim dniu legalnego pobytu i wolny od braków formalnych (albo z brakami usuniętymi w terminie) daje cudzoziemcowi prawo pobytu do dnia, w którym decyzja stanie się ostateczna (art. 108). Zamiast stempla w paszporcie cudzoziemiec otrzymuje w MOS zaświadczenie z kodem QR.

Braki formalne to braki samego wniosku (brak wymaganych danych, podpisu, fotografii, dokumentu podróży, opłaty). Brak dowodu na spełnienie warunków zezwolenia (np. umowy najmu, polisy) nie jest brakiem formalnym – o takie dowody wzywa się w toku postępowania (art. 106f: termin co najmniej 14 dni).""",
    },
    {
        "slug": "wezwanie-do-usuniecia-brakow-formalnych",
        "title": "Wezwanie do usunięcia braków formalnych",
        "steps": ["formal_check", "formal_check_again"],
        "purposes": [],
        "legal_basis": "art. 64 § 2, art. 57 § 4 k.p.a.; art. 106e ust. 2 ustawy o cudzoziemcach",
        "body": """Jeżeli wniosek ma braki formalne, wzywa się wnioskodawcę do ich usunięcia w terminie nie krótszym niż 7 dni od dnia doręczenia wezwania, z pouczeniem, że nieusunięcie braków spowoduje pozostawienie wniosku bez rozpoznania (art. 64 § 2 k.p.a.).

Wymień każdy brak osobno i konkretnie („brak fotografii spełniającej wymogi – przesłane zdjęcie ma 400 × 500 pikseli”), tak aby cudzoziemiec wiedział, co dokładnie przesłać. Jedno pismo może łączyć wezwanie do usunięcia braków z wezwaniem do osobistego stawiennictwa, do uiszczenia opłaty i do przedstawienia dowodów (art. 106e ust. 2).

Termin liczy się od doręczenia: pismo w MOS jest doręczone w chwili otwarcia, a jeżeli adresat go nie otworzy – po 14 dniach od udostępnienia. Gdy ostatni dzień terminu przypada na sobotę lub dzień ustawowo wolny od pracy, termin upływa następnego dnia roboczego (art. 57 § 4 k.p.a.).

Przed wysłaniem przeczytaj projekt pisma (oznaczony „PROJEKT”) – po zatwierdzeniu pismo zostaje opieczętowane i doręczone, a jego treści nie można już zmienić.""",
    },
    {
        "slug": "kontrola-formalna-zezwolenia-na-pobyt-i-prace",
        "title": "Jak przeprowadzić kontrolę formalną wniosku o zezwolenie na pobyt czasowy i pracę",
        "steps": ["formal_check", "formal_check_again", "review"],
        "purposes": ["work"],
        "legal_basis": "art. 114 ustawy o cudzoziemcach; ustawa z 20 marca 2025 r. (Dz.U. 2025 poz. 621)",
        "body": """Do wniosku o zezwolenie na pobyt czasowy i pracę należy załącznik nr 1, który wypełnia i podpisuje w MOS podmiot powierzający wykonywanie pracy (pracodawca) – po otrzymaniu linku e-mailem. Sprawdź, czy załącznik jest wypełniony i podpisany, czy dane pracodawcy i stanowiska zgadzają się z wnioskiem oraz czy okres pracy obejmuje okres wnioskowanego pobytu.

Od 1 czerwca 2025 r. nie ma już informacji starosty o rynku pracy (test rynku pracy zniesiono); nie wzywaj o nią. Starosta może natomiast ogłosić wykaz zawodów, w których zezwoleń się nie udziela – sprawdź, czy stanowisko z załącznika nie jest w wykazie właściwym dla miejsca pracy.

Wynagrodzenie wskazane w załączniku nie może być niższe od minimalnego wynagrodzenia za pracę w pełnej wysokości, niezależnie od wymiaru czasu pracy i rodzaju umowy (wytyczne urzędów), ani niższe od wynagrodzenia pracowników wykonujących porównywalną pracę.

Opłata skarbowa za zezwolenie na pobyt czasowy i pracę wynosi 440 zł. Brak załącznika nr 1 albo brak podpisu pracodawcy jest brakiem formalnym – wezwij do jego usunięcia.""",
    },
    {
        "slug": "wezwanie-do-stawiennictwa-odciski-linii-papilarnych",
        "title": "Wezwanie do osobistego stawiennictwa i pobranie odcisków linii papilarnych",
        "steps": ["book_appointment", "fingerprints"],
        "purposes": [],
        "legal_basis": "art. 106e, art. 106i ustawy o cudzoziemcach",
        "body": """Cudzoziemca wzywa się do osobistego stawiennictwa w celu pobrania odcisków linii papilarnych, złożenia wzoru podpisu i okazania oryginału dokumentu podróży, w terminie nie krótszym niż 7 dni od dnia doręczenia wezwania (art. 106e). Od cudzoziemca, który nie ukończył 6. roku życia, albo od którego pobranie odcisków jest fizycznie niemożliwe, odcisków się nie pobiera.

W wezwaniu podaj dzień, godzinę (czasu polskiego) i dokładne miejsce. Wybierz termin z wolnych terminów urzędu – godzina w wezwaniu, na stronie sprawy i w wiadomości e-mail jest ta sama.

Jeżeli cudzoziemiec nie stawi się bez usprawiedliwienia, postępowanie umarza się (art. 106i). Wyjątki: dziecko poniżej 6 lat, fizyczna niemożność oraz sytuacja, gdy niestawiennictwo wynikło z winy urzędu – wtedy wyznacza się nowy termin, nie krótszy niż 7 dni.

Po wizycie zapisz wynik: odciski pobrane, nowy termin albo niestawiennictwo bez usprawiedliwienia.""",
    },
    {
        "slug": "konsultacje-straz-graniczna-policja-abw-konsul",
        "title": "Kiedy i kogo pytać o zagrożenie: Straż Graniczna, Policja, ABW i konsul",
        "steps": ALL_CONSULTATIONS,
        "purposes": [],
        "legal_basis": "art. 109 ustawy o cudzoziemcach",
        "body": """Przed udzieleniem zezwolenia wojewoda zwraca się do komendanta oddziału Straży Granicznej, komendanta wojewódzkiego Policji i Szefa Agencji Bezpieczeństwa Wewnętrznego o informację, czy wjazd i pobyt cudzoziemca mogą stanowić zagrożenie dla obronności lub bezpieczeństwa państwa albo dla bezpieczeństwa i porządku publicznego (art. 109).

Do konsula (i do innych organów) zwraca się w razie potrzeby: gdy trzeba potwierdzić fakty ustalane za granicą, np. autentyczność dokumentu wydanego w państwie pochodzenia, stan cywilny, pokrewieństwo przy łączeniu rodzin albo przebieg pobytu poza Polską. Zapytanie do konsula nie jest obowiązkowe w każdej sprawie – odnotuj w aktach, dlaczego było potrzebne.

Organy mają 30 dni na odpowiedź; w szczególnie uzasadnionych przypadkach termin może być przedłużony do 60 dni. Brak odpowiedzi w terminie oznacza brak zastrzeżeń. Nie pyta się o cudzoziemca, który w dniu złożenia wniosku nie ukończył 13 lat.

Zastrzeżenia organu wpisz z ich uzasadnieniem – są podstawą oceny w kontroli merytorycznej i mogą uzasadniać odmowę.""",
    },
    {
        "slug": "dokumenty-potwierdzajace-srodki-utrzymania",
        "title": "Jakie dokumenty potwierdzają środki utrzymania",
        "steps": ["review"],
        "purposes": [],
        "legal_basis": "ustawa o cudzoziemcach (warunki poszczególnych zezwoleń); ustawa o pomocy społecznej (kryterium dochodowe)",
        "body": """Środki utrzymania ocenia się według celu pobytu. W sprawie o pobyt i pracę źródłem dochodu jest wynagrodzenie z załącznika nr 1 i umowy z pracodawcą – nie wymagaj dodatkowych wyciągów, jeżeli wynagrodzenie spełnia warunki zezwolenia.

Przy innych celach stabilny i regularny dochód potwierdzają w szczególności: umowa o pracę lub zlecenia z informacją o wynagrodzeniu, zaświadczenie pracodawcy o zarobkach, PIT lub zaświadczenie z urzędu skarbowego o dochodach, wyciąg z rachunku bankowego z ostatnich miesięcy, decyzja o przyznaniu stypendium, a w działalności gospodarczej – dokumenty rozliczeń z urzędem skarbowym i ZUS.

Przy łączeniu rodzin dochód członka rodziny, do którego cudzoziemiec dołącza, po odliczeniu kosztów zakwaterowania powinien przewyższać kwotę dochodu uprawniającą do świadczeń z pomocy społecznej na każdą osobę w rodzinie. Przy studiach student wykazuje środki na utrzymanie i na powrót, w wysokości określonej w rozporządzeniu, lub ich zapewnienie (np. stypendium).

Dokument w języku obcym powinien mieć tłumaczenie na język polski. Jeżeli dowodów brakuje, wezwij o nie (art. 106f: co najmniej 14 dni) – to nie jest brak formalny.""",
    },
    {
        "slug": "zezwolenie-w-celu-studiow",
        "title": "Studia: co sprawdzić w kontroli merytorycznej",
        "steps": ["review"],
        "purposes": ["studies"],
        "legal_basis": "art. 144 ustawy o cudzoziemcach",
        "body": """Zezwolenie w celu kontynuacji studiów udziela się cudzoziemcowi przyjętemu na studia stacjonarne w Polsce (zaświadczenie uczelni o przyjęciu lub o kontynuacji studiów, z formą i przewidywanym czasem trwania), który ma ubezpieczenie zdrowotne albo potwierdzenie pokrycia kosztów leczenia, środki na utrzymanie i na powrót do państwa pochodzenia oraz – gdy uczelnia je pobiera – dowód wniesienia opłaty za studia.

Sprawdź, czy zaświadczenie uczelni jest aktualne i obejmuje wnioskowany okres; zezwolenie udziela się na okres do końca studiów, nie dłużej niż określa ustawa.

Opłata skarbowa wynosi 340 zł.""",
    },
    {
        "slug": "laczenie-rodzin",
        "title": "Łączenie rodzin: co sprawdzić w kontroli merytorycznej",
        "steps": ["review"],
        "purposes": ["family_reunification"],
        "legal_basis": "art. 159 ustawy o cudzoziemcach",
        "body": """Zezwolenie udziela się członkowi rodziny cudzoziemca, który przebywa w Polsce na podstawie zezwolenia wymienionego w ustawie (np. zezwolenia na pobyt stały, rezydenta długoterminowego UE albo – po okresie wymaganym ustawą – na pobyt czasowy). Członkiem rodziny jest w szczególności małżonek (małżeństwo uznawane przez prawo polskie) i małoletnie dziecko.

Sprawdź pokrewieństwo lub małżeństwo na podstawie aktów stanu cywilnego z tłumaczeniem; w razie wątpliwości co do autentyczności dokumentów zagranicznych możesz zwrócić się do konsula. Cudzoziemiec, do którego członek rodziny dołącza, powinien mieć ubezpieczenie zdrowotne obejmujące członków rodziny, stabilny i regularny dochód wystarczający na ich utrzymanie oraz zapewnione miejsce zamieszkania.

Opłata skarbowa wynosi 340 zł.""",
    },
    {
        "slug": "termin-i-wydanie-decyzji",
        "title": "Termin na decyzję, odmowa i zatwierdzenie przez drugą osobę",
        "steps": ["review", "decide", "redecide", "approve"],
        "purposes": [],
        "legal_basis": "art. 112a, art. 210 ustawy o cudzoziemcach; art. 35–37, 107, 127, 129 k.p.a.",
        "body": """Decyzję w sprawie zezwolenia na pobyt czasowy wydaje się w terminie 60 dni (art. 112a), a w sprawie zezwolenia na pobyt stały i rezydenta długoterminowego UE – 6 miesięcy (art. 210). Termin biegnie od dnia, w którym wniosek jest wolny od braków formalnych (albo braki usunięto), a dowody zostały przedstawione lub upłynął termin ich przedstawienia – od późniejszego z tych dni. Do terminu nie wlicza się okresów zawieszenia i opóźnień z winy strony (art. 35 § 5 k.p.a.). Jeżeli terminu nie da się dotrzymać, zawiadom stronę o przyczynie i wskaż nowy termin (art. 36 k.p.a.).

Decyzja odmowna musi mieć uzasadnienie faktyczne i prawne (art. 107 k.p.a.): wskaż, który warunek nie jest spełniony, na podstawie jakich dowodów i dlaczego inne dowody nie zostały uznane. Odmowę, a także decyzję inną niż zaproponowana w kontroli merytorycznej, zatwierdza kierownik, który jej nie proponował ani nie wydawał.

Od decyzji przysługuje odwołanie do Szefa Urzędu do Spraw Cudzoziemców za pośrednictwem wojewody w terminie 14 dni od doręczenia (art. 127, 129 k.p.a.). Przed wysłaniem przeczytaj projekt decyzji (oznaczony „PROJEKT”).""",
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
    dependencies = [("workflows", "0006_knowledge_base")]

    operations = [migrations.RunPython(add_guidance, remove_guidance)]
