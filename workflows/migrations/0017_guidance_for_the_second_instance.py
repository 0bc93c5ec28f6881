"""Guidance for the Head of the Office for Foreigners' step on an appeal (the second instance), version 1, written
from the k.p.a. (art. 127-144) and the Act on Foreigners; edited later in the admin."""

from django.db import migrations

ARTICLES = [
    {
        "slug": "odwolanie-u-szefa-urzedu-dopuszczalnosc-i-termin",
        "title": "Odwołanie u Szefa Urzędu: dopuszczalność, termin, cofnięcie i zażalenia",
        "steps": ["second_instance"],
        "purposes": [],
        "legal_basis": "art. 57 § 4, 58–59, 127–130, 132–134, 137, 141–144 k.p.a.; art. 108 ustawy o cudzoziemcach",
        "body": """Szef Urzędu do Spraw Cudzoziemców jest organem wyższego stopnia w stosunku do wojewodów w sprawach zezwoleń na pobyt czasowy, pobyt stały i pobyt rezydenta długoterminowego UE, a więc organem odwoławczym od ich decyzji (ustawa o cudzoziemcach; art. 127 § 2 k.p.a.). Odwołanie trafia do kolejki drugiej instancji dopiero wtedy, gdy wojewoda nie uwzględnił go sam. Samokontrola z art. 132 k.p.a. (uchylenie lub zmiana decyzji przez organ, który ją wydał) jest uprawnieniem wyłącznie wojewody; Szef Urzędu z niej nie korzysta. Wojewoda przekazuje odwołanie wraz z aktami sprawy w terminie 7 dni od jego otrzymania (art. 133 k.p.a.); w MOS akta przechodzą do drugiej instancji także same, gdy 7 dni upłynie.

Zacznij od dopuszczalności i terminu. Odwołanie wnosi się za pośrednictwem wojewody w terminie 14 dni od dnia doręczenia decyzji (art. 129 § 1 i 2 k.p.a.). W MOS pismo jest doręczone z chwilą pierwszego otwarcia, a najpóźniej po 14 dniach od jego udostępnienia; datę doręczenia decyzji i datę wniesienia odwołania znajdziesz w aktach sprawy. Jeżeli ostatni dzień terminu przypada w sobotę lub w dzień ustawowo wolny od pracy, termin upływa następnego dnia roboczego (art. 57 § 4 k.p.a.). Odwołanie nie wymaga szczegółowego uzasadnienia: wystarczy, że wynika z niego niezadowolenie strony z decyzji (art. 128 k.p.a.). Odwołanie jest niedopuszczalne między innymi wtedy, gdy wniosła je osoba, która nie jest stroną ani jej pełnomocnikiem, gdy strona skutecznie zrzekła się prawa do odwołania (art. 127a k.p.a.), albo gdy zaskarżone pismo nie jest decyzją. Niedopuszczalność odwołania oraz uchybienie terminu stwierdzasz postanowieniem, które jest ostateczne (art. 134 k.p.a.); sprawy nie rozpatrujesz wtedy co do istoty.

Strona, która uchybiła terminowi bez swojej winy, może w ciągu 7 dni od ustania przyczyny uchybienia złożyć prośbę o przywrócenie terminu, wnosząc jednocześnie odwołanie; brak winy musi uprawdopodobnić (art. 58 § 1 i 2 k.p.a.). O przywróceniu terminu do wniesienia odwołania postanawia ostatecznie organ właściwy do rozpatrzenia odwołania, czyli Szef Urzędu (art. 59 § 2 k.p.a.). Prośbę rozpatrz, zanim stwierdzisz uchybienie terminu.

Do dnia Twojej decyzji decyzja wojewody nie jest ostateczna: odwołanie wniesione w terminie wstrzymuje jej wykonanie (art. 130 § 1 i 2 k.p.a.), a pobyt cudzoziemca, który złożył wniosek w terminie, pozostaje legalny do dnia, w którym decyzja stanie się ostateczna (art. 108 ustawy o cudzoziemcach). Strona może cofnąć odwołanie przed wydaniem decyzji przez organ odwoławczy. Nie uwzględniasz cofnięcia, jeżeli prowadziłoby ono do utrzymania w mocy decyzji naruszającej prawo lub interes społeczny (art. 137 k.p.a.); skuteczne cofnięcie prowadzi do umorzenia postępowania odwoławczego (art. 138 § 1 pkt 3 k.p.a.).

Szef Urzędu rozpatruje również zażalenia na postanowienia wojewody, gdy kodeks je przewiduje, na przykład na postanowienie o odmowie wszczęcia postępowania (art. 61a § 2 k.p.a.), postanowienie w sprawie zawieszenia postępowania albo odmowy podjęcia zawieszonego postępowania (art. 101 § 3 k.p.a.) czy postanowienie o odmowie przywrócenia terminu (art. 59 § 1 k.p.a.). Zażalenie wnosi się w terminie 7 dni od dnia doręczenia postanowienia (art. 141 § 2 k.p.a.); jego wniesienie nie wstrzymuje wykonania postanowienia, chyba że organ je wstrzyma (art. 143 k.p.a.). Do zażaleń stosuje się odpowiednio przepisy o odwołaniach (art. 144 k.p.a.), także art. 134 i art. 138. Postanowienie, na które zażalenie nie służy, strona może zaskarżyć tylko w odwołaniu od decyzji (art. 142 k.p.a.): zarzuty wobec takich postanowień rozpatrujesz razem z odwołaniem.""",
    },
    {
        "slug": "postepowanie-wyjasniajace-w-drugiej-instancji",
        "title": "Postępowanie wyjaśniające uzupełniające w drugiej instancji (art. 136 k.p.a.)",
        "steps": ["second_instance"],
        "purposes": [],
        "legal_basis": "art. 7, 10 § 1, 35 § 5, 36, 54 § 1, 77 § 1, 79a § 1, 136 § 1, 140 k.p.a.; art. 112a ust. 4, art. 210 ust. 3 ustawy o cudzoziemcach",
        "body": """Organ odwoławczy rozpatruje sprawę ponownie w całym jej zakresie, a nie tylko w granicach zarzutów odwołania: ocenia ustalenia faktyczne, wykładnię i zastosowanie prawa. Do postępowania odwoławczego stosuje się odpowiednio przepisy o postępowaniu przed organem pierwszej instancji (art. 140 k.p.a.), w tym obowiązek dokładnego wyjaśnienia stanu faktycznego oraz wyczerpującego zebrania i rozpatrzenia całego materiału dowodowego (art. 7 i art. 77 § 1 k.p.a.). Nowe fakty i dowody, które strona podaje dopiero w odwołaniu – na przykład nową umowę o pracę, aktualne zaświadczenie o dochodach, polisę ubezpieczenia zdrowotnego albo tytuł prawny do lokalu – musisz rozważyć. Spełnienie warunków udzielenia zezwolenia oceniasz według stanu z dnia wydania swojej decyzji.

Jeżeli materiał zebrany przez wojewodę nie wystarcza do rozstrzygnięcia, możesz na żądanie strony lub z urzędu przeprowadzić dodatkowe postępowanie w celu uzupełnienia dowodów i materiałów w sprawie albo zlecić jego przeprowadzenie wojewodzie (art. 136 § 1 k.p.a.). To postępowanie uzupełniające: sięgaj po nie, gdy brakuje pojedynczych dowodów (aktualnego dokumentu, wyjaśnień strony, stanowiska organu konsultowanego), a nie gdy postępowanie wyjaśniające trzeba przeprowadzić w całości lub w znacznej części – wtedy właściwa jest decyzja kasacyjna z art. 138 § 2 k.p.a. Zlecając czynności wojewodzie, wskaż dokładnie, jakie dowody ma zebrać, i wyznacz termin.

Wezwanie strony do przedstawienia dokumentów albo złożenia wyjaśnień musi wskazywać, czego dotyczy i w jakim charakterze strona jest wzywana, termin oraz skutki prawne niezastosowania się do wezwania (art. 54 § 1 k.p.a.). Pytaj konkretnie: wymień dokument, okres, którego ma dotyczyć, i okoliczność, którą ma potwierdzić.

Przed wydaniem decyzji zapewnij stronie czynny udział w postępowaniu: zawiadom ją o możliwości wypowiedzenia się co do zebranych dowodów i materiałów oraz zgłoszonych żądań (art. 10 § 1 k.p.a.). Ponieważ postępowanie wszczęto na żądanie strony, w tym samym piśmie wskaż przesłanki zależne od strony, które nie zostały spełnione lub wykazane, co może skutkować rozstrzygnięciem niezgodnym z jej żądaniem (art. 79a § 1 k.p.a.). Dotyczy to zwłaszcza dowodów zebranych w drugiej instancji, na których zamierzasz oprzeć rozstrzygnięcie niekorzystne dla strony. Pominięcie tego kroku jest naruszeniem przepisów postępowania, które sąd administracyjny może uznać za mające istotny wpływ na wynik sprawy.

Szef Urzędu załatwia sprawę odwoławczą w terminie 90 dni (art. 112a ust. 4 i art. 210 ust. 3 ustawy o cudzoziemcach); w MOS termin liczy się od przekazania akt i jest widoczny przy zadaniu, a po jego upływie sprawa jest oznaczana jako przeterminowana. Czas postępowania uzupełniającego wlicza się do tego terminu, z wyjątkiem opóźnień z winy strony albo z przyczyn od organu niezależnych (art. 35 § 5 k.p.a.). Jeżeli terminu nie da się dotrzymać, zawiadom stronę o przyczynie zwłoki, o nowym terminie i o prawie do wniesienia ponaglenia (art. 36 § 1 k.p.a.).""",
    },
    {
        "slug": "rozstrzygniecie-odwolania-art-138-i-139",
        "title": "Rozstrzygnięcie odwołania: art. 138 k.p.a. i zakaz reformationis in peius (art. 139 k.p.a.)",
        "steps": ["second_instance"],
        "purposes": [],
        "legal_basis": "art. 16 § 1, 105 § 1, 107 § 1 i 3, 137, 138 § 1 pkt 1–3 i § 2, 139 k.p.a.; art. 53 § 1, art. 54 § 1 p.p.s.a.; art. 299 ust. 6 ustawy o cudzoziemcach",
        "body": """Decyzja Szefa Urzędu przybiera jedną z form przewidzianych w art. 138 k.p.a.; w MOS wybierasz ją w polu rozstrzygnięcia:
– utrzymanie w mocy zaskarżonej decyzji (art. 138 § 1 pkt 1), gdy decyzja wojewody jest prawidłowa co do wyniku; jeżeli wynik jest trafny, a uzasadnienie wadliwe, utrzymaj decyzję w mocy i przedstaw prawidłową argumentację we własnym uzasadnieniu;
– uchylenie zaskarżonej decyzji w całości albo w części i orzeczenie co do istoty sprawy (art. 138 § 1 pkt 2), gdy materiał dowodowy pozwala rozstrzygnąć sprawę: udzielasz zezwolenia (z okresem ważności, a przy pobycie stałym i pobycie rezydenta długoterminowego UE – na czas nieoznaczony) albo odmawiasz jego udzielenia, wskazując podstawę odmowy z ustawy o cudzoziemcach;
– uchylenie zaskarżonej decyzji i umorzenie postępowania pierwszej instancji (art. 138 § 1 pkt 2), gdy postępowanie przed wojewodą było lub stało się bezprzedmiotowe (art. 105 § 1 k.p.a.), na przykład cudzoziemiec zmarł albo nabył obywatelstwo polskie; sprawa kończy się wtedy bez rozstrzygnięcia co do istoty;
– uchylenie zaskarżonej decyzji w całości i przekazanie sprawy do ponownego rozpatrzenia wojewodzie (art. 138 § 2), wyłącznie gdy decyzję wydano z naruszeniem przepisów postępowania, a konieczny do wyjaśnienia zakres sprawy ma istotny wpływ na jej rozstrzygnięcie; w uzasadnieniu wskaż, jakie okoliczności wojewoda ma wziąć pod uwagę przy ponownym rozpatrzeniu sprawy. W MOS sprawa wraca wtedy do oceny merytorycznej u wojewody;
– umorzenie postępowania odwoławczego (art. 138 § 1 pkt 3), gdy odwołanie skutecznie cofnięto (art. 137 k.p.a.) albo postępowanie odwoławcze z innej przyczyny stało się bezprzedmiotowe.

Zakaz reformationis in peius: nie możesz wydać decyzji na niekorzyść strony odwołującej się, chyba że zaskarżona decyzja rażąco narusza prawo lub rażąco narusza interes społeczny (art. 139 k.p.a.). Gdy cudzoziemiec odwołuje się od decyzji udzielającej zezwolenia na okres krótszy niż wnioskowany, nie możesz odmówić udzielenia zezwolenia ani skrócić okresu jego ważności; możesz decyzję utrzymać w mocy albo ją uchylić i udzielić zezwolenia na okres dłuższy. Wyjątek stosuj tylko przy naruszeniu oczywistym i o poważnych skutkach, na przykład gdy zezwolenia udzielono mimo wpisu cudzoziemca do wykazu cudzoziemców, których pobyt na terytorium Rzeczypospolitej Polskiej jest niepożądany, i wyjaśnij to w uzasadnieniu. Zakaz nie chroni przed skutkami, które wynikają z samego utrzymania decyzji w mocy.

Uzasadnienie decyzji (art. 107 § 1 i 3 k.p.a.) odnosi się do każdego zarzutu odwołania i do nowych dowodów. Wskaż fakty, które uznałeś za udowodnione, dowody, na których się oparłeś, przyczyny, z powodu których innym dowodom odmówiłeś wiarygodności, oraz podstawę prawną rozstrzygnięcia z jej wyjaśnieniem. Uzasadnienie decyzji utrzymującej w mocy nie może ograniczać się do powtórzenia argumentów wojewody.

Decyzja Szefa Urzędu jest ostateczna: nie służy od niej odwołanie w administracyjnym toku instancji (art. 16 § 1 k.p.a.). MOS dodaje do niej pouczenie o skardze do Wojewódzkiego Sądu Administracyjnego w Warszawie, wnoszonej za pośrednictwem Szefa Urzędu w terminie 30 dni od dnia doręczenia decyzji (art. 53 § 1 i art. 54 § 1 ustawy – Prawo o postępowaniu przed sądami administracyjnymi). Przeczytaj projekt decyzji, zanim ją wydasz: system pokazuje go jako PROJEKT bez pieczęci i wydaje decyzję dopiero po potwierdzeniu. Po ostatecznej odmowie zaświadczenie o legalności pobytu traci ważność, a cudzoziemiec ma 30 dni na opuszczenie terytorium Polski (art. 299 ust. 6 ustawy o cudzoziemcach); MOS podaje mu ten dzień na koncie.""",
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
    dependencies = [("workflows", "0016_merge_guidance_with_decision_changes")]

    operations = [migrations.RunPython(add_guidance, remove_guidance)]
