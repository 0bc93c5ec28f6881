"""Initial FAQ: general questions (no page) and questions for each permit page (by slug)."""

from __future__ import annotations

from information.initial_content.common import t

GENERAL_FAQ: list[dict[str, dict[str, str]]] = [
    {
        "question": t(
            "Czy muszę znać język polski, żeby korzystać z MOS?",
            "Do I need to speak Polish to use MOS?",
            "Чи потрібно знати польську мову, щоб користуватися MOS?",
            "Нужно ли знать польский язык, чтобы пользоваться MOS?",
        ),
        "answer": t(
            "Nie. Strony MOS są po polsku, angielsku, ukraińsku i rosyjsku. Urząd prowadzi sprawę po polsku, "
            "dlatego dokumenty w języku obcym wymagają tłumaczenia przysięgłego na język polski.",
            "No. MOS has pages in Polish, English, Ukrainian and Russian. The office handles your case in "
            "Polish, so documents in a foreign language need a sworn translation into Polish.",
            "Ні. Сторінки MOS є польською, англійською, українською та російською. Управління веде справу "
            "польською, тому документи іноземною мовою потребують присяжного перекладу польською.",
            "Нет. Страницы MOS есть на польском, английском, украинском и русском. Управление ведёт дело на "
            "польском, поэтому документам на иностранном языке нужен присяжный перевод на польский.",
        ),
    },
    {
        "question": t(
            "Czy mogę zostać w Polsce, gdy urząd rozpatruje mój wniosek?",
            "Can I stay in Poland while the office handles my application?",
            "Чи можу я залишатися в Польщі, поки управління розглядає мою заяву?",
            "Могу ли я оставаться в Польше, пока управление рассматривает моё заявление?",
        ),
        "answer": t(
            "Tak, jeśli wniosek został złożony w czasie legalnego pobytu i nie ma braków formalnych albo "
            "uzupełniono je w terminie. Twój pobyt jest wtedy legalny do dnia, w którym decyzja stanie się "
            "ostateczna. Nie daje to jednak prawa do podróży do innych państw strefy Schengen.",
            "Yes, if you applied during your legal stay and the application has no formal defects, or they "
            "were corrected in time. Your stay is then legal until the decision becomes final. This does not "
            "give you the right to travel to other Schengen countries.",
            "Так, якщо ви подали заяву під час легального перебування, а в заяві немає формальних недоліків "
            "або їх усунено вчасно. Тоді ваше перебування легальне до дня, коли рішення стане остаточним. "
            "Але це не дає права подорожувати до інших країн Шенгенської зони.",
            "Да, если вы подали заявление во время легального пребывания, а в заявлении нет формальных "
            "недостатков или они устранены вовремя. Тогда ваше пребывание легально до дня, когда решение "
            "станет окончательным. Но это не даёт права ездить в другие страны Шенгенской зоны.",
        ),
    },
    {
        "question": t(
            "Co się stanie, jeśli nie odpowiem na wezwanie w terminie?",
            "What happens if I miss the deadline in a call to supplement?",
            "Що буде, якщо я не відповім на виклик вчасно?",
            "Что будет, если я не отвечу на вызов вовремя?",
        ),
        "answer": t(
            "Jeśli nie uzupełnisz braków formalnych w terminie, wniosek zostanie pozostawiony bez "
            "rozpoznania. Jeśli nie doślesz innych dokumentów, wojewoda zdecyduje na podstawie tego, co jest "
            "w aktach. Jeśli nie zdążysz, napisz do urzędu przed upływem terminu.",
            "If you do not correct formal defects in time, the application is left unexamined. If you do not "
            "send other documents, the voivode decides on what is in the file. If you cannot make it, write "
            "to the office before the deadline passes.",
            "Якщо ви не усунете формальні недоліки вчасно, заяву залишать без розгляду. Якщо ви не "
            "надішлете інші документи, воєвода вирішить на підставі того, що є у справі. Якщо не встигаєте, "
            "напишіть до управління до кінця строку.",
            "Если вы не устраните формальные недостатки вовремя, заявление оставят без рассмотрения. Если вы "
            "не пришлёте другие документы, воевода решит на основании того, что есть в деле. Если не "
            "успеваете, напишите в управление до конца срока.",
        ),
    },
    {
        "question": t(
            "Jak odwołać się od decyzji?",
            "How do I appeal against a decision?",
            "Як оскаржити рішення?",
            "Как обжаловать решение?",
        ),
        "answer": t(
            "Napisz odwołanie do Szefa Urzędu do Spraw Cudzoziemców w ciągu 14 dni od doręczenia decyzji i "
            "złóż je za pośrednictwem wojewody, który ją wydał. Napisz, dlaczego się nie zgadzasz. Odwołanie "
            "jest bezpłatne.",
            "Write an appeal to the Head of the Office for Foreigners within 14 days of receiving the "
            "decision, and send it through the voivode who made it. Say why you disagree. An appeal is free "
            "of charge.",
            "Напишіть апеляцію до Голови Управління у справах іноземців протягом 14 днів від дня вручення "
            "рішення і подайте її через воєводу, який його ухвалив. Поясніть, чому ви не згодні. Апеляція "
            "безкоштовна.",
            "Напишите апелляцию Начальнику Управления по делам иностранцев в течение 14 дней со дня вручения "
            "решения и подайте её через воеводу, который его принял. Объясните, почему вы не согласны. "
            "Апелляция бесплатна.",
        ),
    },
    {
        "question": t(
            "Gdzie odbiorę kartę pobytu?",
            "Where do I collect my residence card?",
            "Де отримати карту перебування?",
            "Где получить карту пребывания?",
        ),
        "answer": t(
            "Osobiście w urzędzie wojewódzkim, który prowadził Twoją sprawę. Zabierz paszport. Urząd "
            "poinformuje Cię, kiedy karta będzie gotowa.",
            "In person, at the voivodeship office that handled your case. Bring your passport. The office "
            "tells you when the card is ready.",
            "Особисто у воєводському управлінні, яке вело вашу справу. Візьміть паспорт. Управління "
            "повідомить, коли карта буде готова.",
            "Лично в воеводском управлении, которое вело ваше дело. Возьмите паспорт. Управление сообщит, "
            "когда карта будет готова.",
        ),
    },
]

PAGE_FAQ: dict[str, list[dict[str, dict[str, str]]]] = {
    "temporary-residence": [
        {
            "question": t(
                "Na jak długo dostanę zezwolenie na pobyt czasowy?",
                "How long is a temporary residence permit valid?",
                "На який строк надають дозвіл на тимчасове проживання?",
                "На какой срок выдают разрешение на временное проживание?",
            ),
            "answer": t(
                "Na czas potrzebny do realizacji celu pobytu, ale nie dłużej niż 3 lata. Data końcowa jest w decyzji.",
                "For the time your purpose needs, but not longer than 3 years. The end date is in the decision.",
                "На час, потрібний для досягнення мети перебування, але не довше ніж 3 роки. Кінцева дата "
                "зазначена в рішенні.",
                "На время, нужное для цели пребывания, но не дольше 3 лет. Конечная дата указана в решении.",
            ),
        },
        {
            "question": t(
                "Czy z zezwoleniem na studia albo dla rodziny mogę pracować?",
                "Can I work with a permit for studies or for family reasons?",
                "Чи можна працювати з дозволом на навчання або з сімейних причин?",
                "Можно ли работать с разрешением на учёбу или по семейным причинам?",
            ),
            "answer": t(
                "To zależy od celu. Na przykład osoby z zezwoleniem w celu połączenia z rodziną i studenci "
                "studiów stacjonarnych w Polsce mogą pracować bez zezwolenia na pracę. Sprawdź warunki dla "
                "swojej sytuacji.",
                "It depends on the purpose. For example, people with a permit to join their family and "
                "full-time students in Poland may work without a work permit. Check the conditions for your "
                "situation.",
                "Це залежить від мети. Наприклад, особи з дозволом на возз'єднання з сім'єю та студенти "
                "денної форми навчання в Польщі можуть працювати без дозволу на роботу. Перевірте умови для "
                "своєї ситуації.",
                "Это зависит от цели. Например, лица с разрешением на воссоединение с семьёй и студенты "
                "очной формы обучения в Польше могут работать без разрешения на работу. Проверьте условия "
                "для своей ситуации.",
            ),
        },
        {
            "question": t(
                "Kiedy złożyć wniosek o kolejne zezwolenie?",
                "When should I apply for my next permit?",
                "Коли подавати заяву на наступний дозвіл?",
                "Когда подавать заявление на следующее разрешение?",
            ),
            "answer": t(
                "Najpóźniej w ostatnim dniu legalnego pobytu. Lepiej wcześniej: wtedy masz czas na "
                "uzupełnienie braków.",
                "No later than the last day of your legal stay. Earlier is better: you then have time to "
                "correct anything missing.",
                "Не пізніше останнього дня легального перебування. Краще раніше: тоді буде час усунути недоліки.",
                "Не позднее последнего дня легального пребывания. Лучше раньше: тогда будет время устранить "
                "недостатки.",
            ),
        },
    ],
    "temporary-residence-work": [
        {
            "question": t(
                "Czym jest załącznik nr 1?", "What is Annex 1?", "Що таке додаток № 1?", "Что такое приложение № 1?"
            ),
            "answer": t(
                "To część wniosku, którą wypełnia pracodawca: stanowisko, wynagrodzenie, czas i miejsce pracy. "
                "W MOS pracodawca wypełnia go online i łączy z Twoim wnioskiem za pomocą kodu.",
                "It is the part of the application that your employer fills in: the job, the pay, the "
                "working time and the place of work. In MOS your employer fills it in online and links it to "
                "your application with a code.",
                "Це частина заяви, яку заповнює роботодавець: посада, зарплата, робочий час і місце роботи. "
                "У MOS роботодавець заповнює його онлайн і пов'язує з вашою заявою за допомогою коду.",
                "Это часть заявления, которую заполняет работодатель: должность, зарплата, рабочее время и "
                "место работы. В MOS работодатель заполняет его онлайн и связывает с вашим заявлением с "
                "помощью кода.",
            ),
        },
        {
            "question": t(
                "Co jeśli chcę zmienić pracodawcę?",
                "What if I want to change my employer?",
                "Що робити, якщо я хочу змінити роботодавця?",
                "Что делать, если я хочу сменить работодателя?",
            ),
            "answer": t(
                "Zezwolenie wskazuje pracodawcę i stanowisko. Zanim zmienisz pracę, sprawdź w urzędzie "
                "wojewódzkim, czy potrzebujesz zmiany zezwolenia albo nowego zezwolenia.",
                "The permit names your employer and your job. Before you change jobs, check with the "
                "voivodeship office whether you need a change of the permit or a new permit.",
                "У дозволі зазначено роботодавця і посаду. Перш ніж змінити роботу, уточніть у воєводському "
                "управлінні, чи потрібна зміна дозволу або новий дозвіл.",
                "В разрешении указаны работодатель и должность. Прежде чем сменить работу, уточните в "
                "воеводском управлении, нужно ли изменение разрешения или новое разрешение.",
            ),
        },
        {
            "question": t(
                "Co jeśli stracę pracę?",
                "What if I lose my job?",
                "Що робити, якщо я втрачу роботу?",
                "Что делать, если я потеряю работу?",
            ),
            "answer": t(
                "Powiadom wojewodę w ciągu 15 dni roboczych. Krótka przerwa między pracami nie zawsze kończy "
                "zezwolenie, ale dłuższa może prowadzić do jego cofnięcia.",
                "Tell the voivode within 15 working days. A short break between jobs does not always end the "
                "permit, but a longer one can lead to its withdrawal.",
                "Повідомте воєводу протягом 15 робочих днів. Коротка перерва між роботами не завжди означає "
                "кінець дозволу, але довша може призвести до його скасування.",
                "Сообщите воеводе в течение 15 рабочих дней. Короткий перерыв между работами не всегда "
                "означает конец разрешения, но более долгий может привести к его отмене.",
            ),
        },
    ],
    "permanent-residence": [
        {
            "question": t(
                "Jak długo ważna jest karta pobytu?",
                "How long is the residence card valid?",
                "Скільки дійсна карта перебування?",
                "Сколько действительна карта пребывания?",
            ),
            "answer": t(
                "Zezwolenie na pobyt stały nie ma daty końcowej. Karta pobytu jest ważna 10 lat; przed jej "
                "upływem złóż wniosek o nową kartę.",
                "A permanent residence permit has no end date. The residence card is valid for 10 years; "
                "apply for a new card before it expires.",
                "Дозвіл на постійне проживання не має кінцевої дати. Карта перебування дійсна 10 років; до "
                "закінчення строку подайте заяву на нову карту.",
                "Разрешение на постоянное проживание не имеет конечной даты. Карта пребывания действительна "
                "10 лет; до окончания срока подайте заявление на новую карту.",
            ),
        },
        {
            "question": t(
                "Czy z zezwoleniem na pobyt stały mogę pracować?",
                "Can I work with a permanent residence permit?",
                "Чи можу я працювати з дозволом на постійне проживання?",
                "Могу ли я работать с разрешением на постоянное проживание?",
            ),
            "answer": t(
                "Tak. Możesz pracować w Polsce bez zezwolenia na pracę.",
                "Yes. You may work in Poland without a work permit.",
                "Так. Ви можете працювати в Польщі без дозволу на роботу.",
                "Да. Вы можете работать в Польше без разрешения на работу.",
            ),
        },
        {
            "question": t(
                "Jak udowodnić polskie pochodzenie?",
                "How do I prove Polish origin?",
                "Як підтвердити польське походження?",
                "Как подтвердить польское происхождение?",
            ),
            "answer": t(
                "Dokumentami, na przykład polskimi aktami stanu cywilnego rodziców lub dziadków albo "
                "dokumentami, w których wpisano polską narodowość. Karta Polaka jest osobną podstawą wniosku.",
                "With documents, for example Polish civil records of your parents or grandparents, or "
                "documents that state Polish nationality. The Card of the Pole is a separate ground.",
                "Документами, наприклад польськими актами цивільного стану батьків або дідусів і бабусь чи "
                "документами, де зазначено польську національність. Карта поляка — окрема підстава заяви.",
                "Документами, например польскими актами гражданского состояния родителей или бабушек и "
                "дедушек либо документами, где указана польская национальность. Карта поляка — отдельное "
                "основание заявления.",
            ),
        },
    ],
    "eu-long-term-resident": [
        {
            "question": t(
                "Czym to zezwolenie różni się od pobytu stałego?",
                "How is this permit different from permanent residence?",
                "Чим цей дозвіл відрізняється від постійного проживання?",
                "Чем это разрешение отличается от постоянного проживания?",
            ),
            "answer": t(
                "Oba są bezterminowe. Zezwolenie rezydenta długoterminowego UE opiera się na 5 latach "
                "legalnego pobytu, dochodzie i znajomości polskiego oraz ułatwia zamieszkanie w innym kraju "
                "UE. Karta jest ważna 5 lat.",
                "Both have no end date. The EU long-term resident's permit rests on 5 years of legal stay, "
                "income and knowledge of Polish, and makes it easier to live in another EU country. The card "
                "is valid for 5 years.",
                "Обидва безстрокові. Дозвіл довгострокового резидента ЄС ґрунтується на 5 роках легального "
                "перебування, доході та знанні польської і полегшує проживання в іншій країні ЄС. Карта "
                "дійсна 5 років.",
                "Оба бессрочные. Разрешение долгосрочного резидента ЕС основано на 5 годах легального "
                "пребывания, доходе и знании польского и облегчает проживание в другой стране ЕС. Карта "
                "действительна 5 лет.",
            ),
        },
        {
            "question": t(
                "Jak udokumentować znajomość języka polskiego?",
                "How do I prove that I know Polish?",
                "Як підтвердити знання польської мови?",
                "Как подтвердить знание польского языка?",
            ),
            "answer": t(
                "Urzędowym certyfikatem znajomości języka polskiego jako obcego na poziomie co najmniej B1 "
                "albo świadectwem lub dyplomem szkoły czy uczelni, w której nauka była po polsku.",
                "With an official certificate of Polish as a foreign language at level B1 or higher, or with a "
                "certificate or diploma from a school or university where you studied in Polish.",
                "Державним сертифікатом знання польської мови як іноземної щонайменше на рівні B1 або "
                "атестатом чи дипломом школи або університету, де навчання було польською.",
                "Государственным сертификатом знания польского языка как иностранного не ниже уровня B1 или "
                "аттестатом либо дипломом школы или университета, где обучение было на польском.",
            ),
        },
        {
            "question": t(
                "Czy wyjazdy za granicę przerywają 5 lat pobytu?",
                "Do trips abroad break my 5 years of stay?",
                "Чи переривають поїздки за кордон 5 років перебування?",
                "Прерывают ли поездки за границу 5 лет пребывания?",
            ),
            "answer": t(
                "Nie, jeśli żaden wyjazd nie trwał dłużej niż 6 miesięcy, a wszystkie razem nie przekroczyły "
                "10 miesięcy. Są wyjątki, na przykład delegacja przez polskiego pracodawcę.",
                "No, if no single trip was longer than 6 months and all trips together were not longer than "
                "10 months. There are exceptions, for example a business trip for a Polish employer.",
                "Ні, якщо жодна поїздка не тривала довше ніж 6 місяців, а всі разом — не довше ніж "
                "10 місяців. Є винятки, наприклад відрядження від польського роботодавця.",
                "Нет, если ни одна поездка не длилась дольше 6 месяцев, а все вместе — не дольше 10 месяцев. "
                "Есть исключения, например командировка от польского работодателя.",
            ),
        },
    ],
}
