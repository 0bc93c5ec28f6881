"""Initial content shared by the pages: legal acts, common conditions and documents, time limits, the procedure.

Time limits, as the Act on Foreigners and the Code of Administrative Procedure set them: temporary residence
60 days from the day the case is complete (art. 112a); permanent residence and EU long-term resident 3 months;
appeal 14 days (Code of Administrative Procedure, art. 129 § 2); complaint to the administrative court 30 days.
"""

from __future__ import annotations

from typing import Any


def t(pl: str, en: str, uk: str, ru: str) -> dict[str, str]:
    return {"pl": pl, "en": en, "uk": uk, "ru": ru}


def lines(*items: dict[str, str]) -> dict[str, str]:
    """Several translated items as one translated text, one item per line (how the page fields store lists)."""
    return {code: "\n".join(item[code] for item in items) for code in ("pl", "en", "uk", "ru")}


ISAP = "https://isap.sejm.gov.pl/"

LEGAL_ACTS: list[dict[str, Any]] = [
    {
        "key": "act-on-foreigners",
        "citation": "Dz.U. 2013 poz. 1650",
        "url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20130001650",
        "title": t(
            "Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach",
            "Act of 12 December 2013 on Foreigners",
            "Закон від 12 грудня 2013 року про іноземців",
            "Закон от 12 декабря 2013 года об иностранцах",
        ),
    },
    {
        "key": "implementing-regulations",
        "citation": "",
        "url": ISAP,
        "title": t(
            "Rozporządzenia wykonawcze do ustawy o cudzoziemcach (wzory wniosków, karty pobytu, opłata za "
            "kartę) – wyszukiwarka ISAP",
            "Implementing regulations of the Act on Foreigners (application forms, residence cards, card fee) "
            "– search in ISAP",
            "Виконавчі розпорядження до Закону про іноземців (зразки заяв, карти перебування, плата за карту) "
            "– пошук в ISAP",
            "Исполнительные распоряжения к Закону об иностранцах (образцы заявлений, карты пребывания, плата "
            "за карту) – поиск в ISAP",
        ),
    },
    {
        "key": "administrative-procedure",
        "citation": "Dz.U. 1960 nr 30 poz. 168",
        "url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19600300168",
        "title": t(
            "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
            "Act of 14 June 1960 – Code of Administrative Procedure",
            "Закон від 14 червня 1960 року – Кодекс адміністративного провадження",
            "Закон от 14 июня 1960 года – Кодекс административного производства",
        ),
    },
    {
        "key": "stamp-duty",
        "citation": "Dz.U. 2006 nr 225 poz. 1635",
        "url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20062251635",
        "title": t(
            "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej",
            "Act of 16 November 2006 on Stamp Duty",
            "Закон від 16 листопада 2006 року про гербовий збір",
            "Закон от 16 ноября 2006 года о гербовом сборе",
        ),
    },
    {
        "key": "employment-of-foreigners",
        "citation": "",
        "url": ISAP,
        "title": t(
            "Ustawa z dnia 20 marca 2025 r. o warunkach dopuszczalności powierzania pracy cudzoziemcom na "
            "terytorium Rzeczypospolitej Polskiej – wyszukiwarka ISAP",
            "Act of 20 March 2025 on the conditions for employing foreigners in Poland – search in ISAP",
            "Закон від 20 березня 2025 року про умови допустимості доручення роботи іноземцям на території "
            "Польщі – пошук в ISAP",
            "Закон от 20 марта 2025 года об условиях допустимости поручения работы иностранцам на территории "
            "Польши – поиск в ISAP",
        ),
    },
]

# Lines shared by several pages.
LEGAL_STAY = t(
    "Przebywasz w Polsce legalnie i składasz wniosek najpóźniej w ostatnim dniu legalnego pobytu.",
    "You are in Poland legally when you apply, and you apply no later than the last day of your legal stay.",
    "Ви перебуваєте в Польщі легально і подаєте заяву не пізніше останнього дня легального перебування.",
    "Вы находитесь в Польше легально и подаёте заявление не позднее последнего дня легального пребывания.",
)
NO_THREAT = t(
    "Nie figurujesz w wykazie cudzoziemców, których pobyt w Polsce jest niepożądany, i nie stanowisz zagrożenia "
    "dla bezpieczeństwa ani porządku publicznego.",
    "You are not on the list of foreigners whose stay in Poland is undesirable, and you are not a threat to "
    "security or public order.",
    "Вас немає в переліку іноземців, перебування яких у Польщі небажане, і ви не становите загрози безпеці чи "
    "громадському порядку.",
    "Вас нет в перечне иностранцев, пребывание которых в Польше нежелательно, и вы не представляете угрозы "
    "безопасности или общественному порядку.",
)
HEALTH_INSURANCE = t(
    "Masz ubezpieczenie zdrowotne (w NFZ albo prywatne, które pokrywa koszty leczenia w Polsce).",
    "You have health insurance (public insurance in Poland or private insurance that covers treatment in Poland).",
    "У вас є медичне страхування (у NFZ або приватне, яке покриває лікування в Польщі).",
    "У вас есть медицинская страховка (в NFZ или частная, покрывающая лечение в Польше).",
)

DOC_APPLICATION = t(
    "Wniosek wypełniony online w MOS i podpisany elektronicznie.",
    "The application, filled in online in MOS and signed electronically.",
    "Заява, заповнена онлайн у MOS і підписана електронно.",
    "Заявление, заполненное онлайн в MOS и подписанное электронно.",
)
DOC_PASSPORT = t(
    "Kopia wszystkich stron ważnego paszportu (dokumentu podróży).",
    "A copy of all pages of your valid passport (travel document).",
    "Копія всіх сторінок чинного паспорта (проїзного документа).",
    "Копия всех страниц действующего паспорта (проездного документа).",
)
DOC_PHOTO = t(
    "Aktualna kolorowa fotografia 35 × 45 mm, wykonana w ciągu ostatnich 6 miesięcy.",
    "A recent colour photograph, 35 × 45 mm, taken in the last 6 months.",
    "Актуальна кольорова фотографія 35 × 45 мм, зроблена протягом останніх 6 місяців.",
    "Актуальная цветная фотография 35 × 45 мм, сделанная в последние 6 месяцев.",
)
DOC_FEE = t(
    "Potwierdzenie zapłaty opłaty skarbowej.",
    "Proof that you paid the stamp duty.",
    "Підтвердження сплати гербового збору.",
    "Подтверждение уплаты гербового сбора.",
)
DOC_INSURANCE = t(
    "Dokument potwierdzający ubezpieczenie zdrowotne.",
    "Proof of health insurance.",
    "Документ про медичне страхування.",
    "Документ о медицинской страховке.",
)
DOC_TRANSLATION = t(
    "Dokumenty w języku obcym razem z tłumaczeniem na język polski wykonanym przez tłumacza przysięgłego.",
    "Documents in a foreign language with a translation into Polish by a sworn translator.",
    "Документи іноземною мовою разом із перекладом польською, зробленим присяжним перекладачем.",
    "Документы на иностранном языке вместе с переводом на польский язык, сделанным присяжным переводчиком.",
)

FEES_NOTE = t(
    "Opłatę skarbową wpłacasz przy składaniu wniosku na rachunek urzędu miasta (gminy) w miejscowości, w której ma "
    "siedzibę Twój urząd wojewódzki. Potwierdzenie wpłaty dołączasz do wniosku. Opłatę za wydanie karty pobytu "
    "wnosisz później, gdy zezwolenie zostanie udzielone i karta będzie wydawana. Niektóre osoby płacą mniej albo "
    "nic; urząd poinformuje Cię, jeśli to Ciebie dotyczy.",
    "Pay the stamp duty when you apply, into the account of the city or municipal office (urząd miasta or gminy) "
    "in the town where your voivodeship office has its seat. Attach the proof of payment to the application. You "
    "pay the residence card fee later, when the permit is granted and the card is issued. Some people pay less or "
    "nothing; the office will tell you if this applies to you.",
    "Гербовий збір сплачуйте під час подання заяви на рахунок міської (гмінної) управи в місті, де розташоване "
    "ваше воєводське управління. Підтвердження оплати додайте до заяви. Плату за видачу карти перебування вносите "
    "пізніше, коли дозвіл надано і карту видають. Деякі особи платять менше або нічого; управління повідомить вас, "
    "якщо це стосується вас.",
    "Гербовый сбор оплачивайте при подаче заявления на счёт городской (гминной) управы в городе, где находится ваше "
    "воеводское управление. Подтверждение оплаты приложите к заявлению. Плату за выдачу карты пребывания вносите "
    "позже, когда разрешение предоставлено и карту выдают. Некоторые лица платят меньше или ничего; управление "
    "сообщит вам, если это касается вас.",
)

DURATION_60_DAYS = [
    t(
        "Wojewoda powinien wydać decyzję w ciągu 60 dni.",
        "The voivode should decide within 60 days.",
        "Воєвода має ухвалити рішення протягом 60 днів.",
        "Воевода должен принять решение в течение 60 дней.",
    ),
    t(
        "60 dni liczy się od dnia, w którym sprawa jest kompletna: pobrano Twoje odciski palców, wniosek nie ma braków "
        "formalnych (albo zostały uzupełnione), a dokumenty, o które prosił urząd, zostały złożone (albo minął termin "
        "na ich złożenie).",
        "The 60 days count from the day your case is complete: your fingerprints have been taken, the application has "
        "no formal defects (or they have been corrected), and the documents the office asked for have been sent (or "
        "the deadline for them has passed).",
        "60 днів рахують від дня, коли справа повна: у вас взяли відбитки пальців, у заяві немає формальних недоліків "
        "(або їх усунено), а документи, які просило управління, подано (або минув строк для їх подання).",
        "60 дней считают со дня, когда дело полное: у вас сняли отпечатки пальцев, в заявлении нет формальных "
        "недостатков (или они устранены), а документы, которые запросило управление, поданы (или истёк срок для их "
        "подачи).",
    ),
]
DURATION_3_MONTHS = [
    t(
        "Wojewoda powinien wydać decyzję w ciągu 3 miesięcy.",
        "The voivode should decide within 3 months.",
        "Воєвода має ухвалити рішення протягом 3 місяців.",
        "Воевода должен принять решение в течение 3 месяцев.",
    ),
]
DURATION_COMMON = [
    t(
        "Do terminu nie wlicza się czasu, w którym sprawa czeka na Ciebie, na przykład na brakujące dokumenty.",
        "Time when the case waits for you, for example for missing documents, does not count.",
        "Час, коли справа чекає на вас, наприклад на відсутні документи, не враховується.",
        "Время, когда дело ждёт вас, например недостающие документы, не засчитывается.",
    ),
    t(
        "W czasie oczekiwania Twój pobyt jest legalny, jeśli wniosek został złożony w terminie i nie miał braków "
        "formalnych albo zostały one uzupełnione.",
        "While you wait, your stay is legal if you applied in time and your application had no formal defects or they "
        "were corrected.",
        "Під час очікування ваше перебування легальне, якщо заяву подано вчасно, а формальних недоліків у ній не було "
        "або їх усунено.",
        "Во время ожидания ваше пребывание легально, если заявление подано вовремя, а формальных недостатков в нём не "
        "было или они устранены.",
    ),
    t(
        "Jeśli nie zgadzasz się z decyzją, możesz złożyć odwołanie do Szefa Urzędu do Spraw Cudzoziemców w ciągu "
        "14 dni od jej doręczenia. Odwołanie składasz za pośrednictwem wojewody, który wydał decyzję.",
        "If you disagree with the decision, you can appeal to the Head of the Office for Foreigners within 14 days of "
        "receiving it. You send the appeal through the voivode who made the decision.",
        "Якщо ви не згодні з рішенням, можете подати апеляцію до Голови Управління у справах іноземців протягом "
        "14 днів від дня його вручення. Апеляцію подають через воєводу, який ухвалив рішення.",
        "Если вы не согласны с решением, можно подать апелляцию Начальнику Управления по делам иностранцев в течение "
        "14 дней со дня его вручения. Апелляцию подают через воеводу, который принял решение.",
    ),
    t(
        "Na decyzję Szefa Urzędu możesz złożyć skargę do Wojewódzkiego Sądu Administracyjnego w Warszawie w ciągu "
        "30 dni od jej doręczenia.",
        "Against the decision of the Head of the Office you can complain to the Voivodeship Administrative Court in "
        "Warsaw within 30 days of receiving it.",
        "Рішення Голови Управління можна оскаржити до Воєводського адміністративного суду у Варшаві протягом 30 днів "
        "від дня його вручення.",
        "Решение Начальника Управления можно обжаловать в Воеводский административный суд в Варшаве в течение 30 "
        "дней со дня его вручения.",
    ),
    t(
        "Czasem szczególna ustawa zawiesza te terminy na pewien okres. Strona internetowa urzędu informuje, jeśli tak "
        "jest.",
        "Sometimes a special law suspends these time limits for a period. The office's website says so when it does.",
        "Інколи спеціальний закон на певний час зупиняє ці строки. Про це повідомляє сайт управління.",
        "Иногда специальный закон на время приостанавливает эти сроки. Об этом сообщает сайт управления.",
    ),
]


def steps(*, annex: bool = False) -> list[dict[str, str]]:
    """The procedure in MOS, the same for every permit except the employer's Annex 1."""
    result = [
        {
            "title": t(
                "Sprawdź warunki i przygotuj dokumenty",
                "Check the conditions and prepare your documents",
                "Перевірте умови й підготуйте документи",
                "Проверьте условия и подготовьте документы",
            ),
            "text": t(
                "Przeczytaj tę stronę. Dokumenty w języku obcym potrzebują tłumaczenia przysięgłego na język polski.",
                "Read this page. Documents in a foreign language need a sworn translation into Polish.",
                "Прочитайте цю сторінку. Документи іноземною мовою потребують присяжного перекладу польською.",
                "Прочитайте эту страницу. Документам на иностранном языке нужен присяжный перевод на польский.",
            ),
        },
        {
            "title": t(
                "Wypełnij wniosek online",
                "Fill in the application online",
                "Заповніть заяву онлайн",
                "Заполните заявление онлайн",
            ),
            "text": t(
                "Załóż konto, wybierz zezwolenie i wypełniaj formularz krok po kroku. Odpowiedzi zapisują się na "
                "bieżąco.",
                "Create an account, choose the permit and fill in the form step by step. Your answers are saved "
                "as you go.",
                "Створіть обліковий запис, виберіть дозвіл і заповнюйте форму крок за кроком. Відповіді "
                "зберігаються автоматично.",
                "Создайте учётную запись, выберите разрешение и заполняйте форму шаг за шагом. Ответы сохраняются "
                "автоматически.",
            ),
        },
    ]
    if annex:
        result.append(
            {
                "title": t(
                    "Pracodawca wypełnia załącznik nr 1",
                    "Your employer fills in Annex 1",
                    "Роботодавець заповнює додаток № 1",
                    "Работодатель заполняет приложение № 1",
                ),
                "text": t(
                    "Przekaż pracodawcy kod z MOS. Pracodawca wypełnia załącznik online i łączy go z Twoim wnioskiem.",
                    "Give your employer the code from MOS. Your employer fills in the annex online and links it to "
                    "your application.",
                    "Передайте роботодавцю код із MOS. Роботодавець заповнює додаток онлайн і пов'язує його з "
                    "вашою заявою.",
                    "Передайте работодателю код из MOS. Работодатель заполняет приложение онлайн и связывает его "
                    "с вашим заявлением.",
                ),
            }
        )
    result += [
        {
            "title": t(
                "Zapłać opłatę skarbową i dołącz dokumenty",
                "Pay the stamp duty and attach your documents",
                "Сплатіть гербовий збір і додайте документи",
                "Оплатите гербовый сбор и приложите документы",
            ),
            "text": t(
                "Dołącz skany dokumentów, fotografię i potwierdzenie wpłaty.",
                "Attach scans of your documents, your photograph and the proof of payment.",
                "Додайте скани документів, фотографію і підтвердження оплати.",
                "Приложите сканы документов, фотографию и подтверждение оплаты.",
            ),
        },
        {
            "title": t(
                "Podpisz i wyślij wniosek",
                "Sign and submit",
                "Підпишіть і надішліть заяву",
                "Подпишите и отправьте заявление",
            ),
            "text": t(
                "Sprawdź odpowiedzi, podpisz wniosek elektronicznie i wyślij go. Dostaniesz potwierdzenie z numerem "
                "sprawy.",
                "Check your answers, sign the application electronically and submit it. You get a receipt with "
                "your case number.",
                "Перевірте відповіді, підпишіть заяву електронно й надішліть її. Ви отримаєте підтвердження з "
                "номером справи.",
                "Проверьте ответы, подпишите заявление электронно и отправьте его. Вы получите подтверждение с "
                "номером дела.",
            ),
        },
        {
            "title": t(
                "Oddaj odciski palców", "Give your fingerprints", "Здайте відбитки пальців", "Сдайте отпечатки пальцев"
            ),
            "text": t(
                "Urząd wojewódzki wyznaczy Ci wizytę. Zabierz paszport; urząd pobierze odciski palców i sprawdzi "
                "dokumenty.",
                "The voivodeship office gives you an appointment. Bring your passport; the office takes your "
                "fingerprints and checks your documents.",
                "Воєводське управління призначить вам візит. Візьміть паспорт; управління візьме відбитки пальців "
                "і перевірить документи.",
                "Воеводское управление назначит вам визит. Возьмите паспорт; управление снимет отпечатки пальцев и "
                "проверит документы.",
            ),
        },
        {
            "title": t(
                "Odpowiedz, jeśli urząd o coś poprosi",
                "Answer if the office asks for something",
                "Дайте відповідь, якщо управління щось попросить",
                "Ответьте, если управление что-то попросит",
            ),
            "text": t(
                "Jeśli czegoś brakuje, urząd wyśle wezwanie z terminem. Odpowiedz w MOS przed terminem. Braki "
                "formalne nieuzupełnione w terminie oznaczają pozostawienie wniosku bez rozpoznania.",
                "If something is missing, the office sends a call to supplement with a deadline. Answer in MOS "
                "before the deadline. If formal defects are not corrected in time, the application is left "
                "unexamined.",
                "Якщо чогось бракує, управління надішле виклик зі строком. Дайте відповідь у MOS до кінця строку. "
                "Якщо формальні недоліки не усунено вчасно, заяву залишають без розгляду.",
                "Если чего-то не хватает, управление пришлёт вызов со сроком. Ответьте в MOS до конца срока. Если "
                "формальные недостатки не устранены вовремя, заявление оставляют без рассмотрения.",
            ),
        },
        {
            "title": t("Decyzja wojewody", "The voivode's decision", "Рішення воєводи", "Решение воеводы"),
            "text": t(
                "Decyzję otrzymasz w MOS. Jeśli się z nią nie zgadzasz, możesz złożyć odwołanie w ciągu 14 dni.",
                "You receive the decision in MOS. If you disagree with it, you can appeal within 14 days.",
                "Рішення ви отримаєте в MOS. Якщо ви з ним не згодні, можете подати апеляцію протягом 14 днів.",
                "Решение вы получите в MOS. Если вы с ним не согласны, можно подать апелляцию в течение 14 дней.",
            ),
        },
        {
            "title": t(
                "Odbierz kartę pobytu",
                "Collect your residence card",
                "Отримайте карту перебування",
                "Получите карту пребывания",
            ),
            "text": t(
                "Po pozytywnej decyzji zapłać za kartę i odbierz ją osobiście w urzędzie wojewódzkim.",
                "After a positive decision, pay the card fee and collect the card in person at the voivodeship office.",
                "Після позитивного рішення сплатіть за карту й отримайте її особисто у воєводському управлінні.",
                "После положительного решения оплатите карту и получите её лично в воеводском управлении.",
            ),
        },
    ]
    return result
