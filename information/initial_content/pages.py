"""Initial content of the four permit pages (slugs as in `applications.permits`)."""

from __future__ import annotations

from typing import Any

from information.initial_content.common import (
    DOC_APPLICATION,
    DOC_FEE,
    DOC_INSURANCE,
    DOC_PASSPORT,
    DOC_PHOTO,
    DOC_TRANSLATION,
    DURATION_3_MONTHS,
    DURATION_60_DAYS,
    DURATION_COMMON,
    FEES_NOTE,
    HEALTH_INSURANCE,
    LEGAL_STAY,
    NO_THREAT,
    lines,
    steps,
    t,
)

COMMON_ACTS = ["act-on-foreigners", "implementing-regulations", "administrative-procedure", "stamp-duty"]

PAGES: list[dict[str, Any]] = [
    {
        "slug": "temporary-residence",
        "position": 1,
        "legal_acts": COMMON_ACTS,
        "title": t(
            "Zezwolenie na pobyt czasowy",
            "Temporary residence permit",
            "Дозвіл на тимчасове проживання",
            "Разрешение на временное проживание",
        ),
        "summary": t(
            "Pozwala mieszkać w Polsce dłużej niż 3 miesiące, ale nie dłużej niż 3 lata, w jednym określonym celu.",
            "Lets you live in Poland for more than 3 months and up to 3 years, for one clear purpose.",
            "Дає змогу жити в Польщі понад 3 місяці, але не довше ніж 3 роки, з однією визначеною метою.",
            "Позволяет жить в Польше больше 3 месяцев, но не дольше 3 лет, с одной определённой целью.",
        ),
        "who_for": t(
            "Dla cudzoziemców, którzy mają powód, by przebywać w Polsce dłużej niż trzy miesiące, na przykład studia, "
            "połączenie z rodziną, prowadzenie firmy, badania naukowe albo małżeństwo z obywatelem polskim. Jeśli "
            "głównym powodem jest praca, wybierz zezwolenie na pobyt czasowy i pracę. Obywatele UE, EOG i Szwajcarii "
            "nie potrzebują tego zezwolenia: rejestrują swój pobyt.",
            "For foreigners who have a reason to stay in Poland for more than three months, for example studies, "
            "joining their family, running a business, scientific research or marriage to a Polish citizen. If your "
            "main reason is a job, choose the temporary residence and work permit. Citizens of the EU, the EEA and "
            "Switzerland do not need this permit: they register their stay.",
            "Для іноземців, які мають підставу перебувати в Польщі довше ніж три місяці, наприклад навчання, "
            "возз'єднання з сім'єю, ведення бізнесу, наукові дослідження або шлюб із громадянином Польщі. Якщо "
            "головна причина — робота, виберіть дозвіл на тимчасове проживання та роботу. Громадянам ЄС, ЄЕЗ і "
            "Швейцарії цей дозвіл не потрібен: вони реєструють своє перебування.",
            "Для иностранцев, у которых есть причина находиться в Польше дольше трёх месяцев, например учёба, "
            "воссоединение с семьёй, ведение бизнеса, научные исследования или брак с гражданином Польши. Если главная "
            "причина — работа, выберите разрешение на временное проживание и работу. Гражданам ЕС, ЕЭЗ и Швейцарии "
            "это разрешение не нужно: они регистрируют своё пребывание.",
        ),
        "conditions": lines(
            LEGAL_STAY,
            t(
                "Masz cel, który wymaga pobytu dłuższego niż 3 miesiące, i możesz go udokumentować.",
                "You have a purpose that needs a stay of more than 3 months, and you can prove it with documents.",
                "У вас є мета, яка потребує перебування понад 3 місяці, і ви можете підтвердити її документами.",
                "У вас есть цель, для которой нужно пребывание дольше 3 месяцев, и вы можете подтвердить её "
                "документами.",
            ),
            HEALTH_INSURANCE,
            t(
                "Masz stabilny i regularny dochód wystarczający na utrzymanie siebie i rodziny (dla większości celów).",
                "You have a stable and regular income that is enough for you and your family (for most purposes).",
                "У вас є стабільний і регулярний дохід, достатній для утримання себе і сім'ї (для більшості цілей).",
                "У вас есть стабильный и регулярный доход, достаточный для содержания себя и семьи (для большинства "
                "целей).",
            ),
            NO_THREAT,
        ),
        "documents": lines(
            DOC_APPLICATION,
            DOC_PASSPORT,
            DOC_PHOTO,
            DOC_FEE,
            t(
                "Dokumenty potwierdzające cel pobytu, na przykład zaświadczenie z uczelni, akt małżeństwa albo "
                "dokumenty firmy.",
                "Documents that confirm the purpose of your stay, for example a certificate from your university, a "
                "marriage certificate or documents of your business.",
                "Документи, що підтверджують мету перебування, наприклад довідка з університету, свідоцтво про шлюб "
                "або документи фірми.",
                "Документы, подтверждающие цель пребывания, например справка из университета, свидетельство о браке "
                "или документы фирмы.",
            ),
            DOC_INSURANCE,
            t(
                "Dokumenty potwierdzające dochód i miejsce zamieszkania, jeśli wymaga tego cel pobytu.",
                "Proof of income and of a place to live, if the purpose of your stay requires it.",
                "Документи про дохід і місце проживання, якщо цього вимагає мета перебування.",
                "Документы о доходе и месте проживания, если этого требует цель пребывания.",
            ),
            DOC_TRANSLATION,
        ),
        "duration": lines(*DURATION_60_DAYS, *DURATION_COMMON),
        "steps": steps(),
    },
    {
        "slug": "temporary-residence-work",
        "position": 2,
        "legal_acts": [*COMMON_ACTS, "employment-of-foreigners"],
        "title": t(
            "Zezwolenie na pobyt czasowy i pracę",
            "Temporary residence and work permit",
            "Дозвіл на тимчасове проживання та роботу",
            "Разрешение на временное проживание и работу",
        ),
        "summary": t(
            "Jedna decyzja, która pozwala mieszkać i pracować w Polsce u określonego pracodawcy, do 3 lat.",
            "One decision that lets you live and work in Poland for a named employer, for up to 3 years.",
            "Одне рішення, яке дозволяє жити й працювати в Польщі у визначеного роботодавця, до 3 років.",
            "Одно решение, которое позволяет жить и работать в Польше у определённого работодателя, до 3 лет.",
        ),
        "who_for": t(
            "Dla cudzoziemców, których głównym powodem pobytu w Polsce dłuższego niż trzy miesiące jest praca u "
            "pracodawcy w Polsce. Zezwolenie wskazuje pracodawcę i stanowisko. Osoby wysoko wykwalifikowane mogą "
            "zamiast niego ubiegać się o Niebieską Kartę UE.",
            "For foreigners whose main reason to stay in Poland for more than three months is a job with an employer "
            "in Poland. The permit names the employer and the job. Highly qualified workers may apply for an EU Blue "
            "Card instead.",
            "Для іноземців, головна причина перебування яких у Польщі понад три місяці — робота в роботодавця в "
            "Польщі. У дозволі зазначено роботодавця і посаду. Висококваліфіковані працівники можуть натомість "
            "подати заяву на Блакитну карту ЄС.",
            "Для иностранцев, главная причина пребывания которых в Польше дольше трёх месяцев — работа у "
            "работодателя в Польше. В разрешении указаны работодатель и должность. Высококвалифицированные работники "
            "могут вместо этого подать заявление на Голубую карту ЕС.",
        ),
        "conditions": lines(
            LEGAL_STAY,
            t(
                "Pracodawca w Polsce chce Cię zatrudnić, a Twoje wynagrodzenie nie jest niższe niż wynagrodzenie "
                "Polaków na podobnym stanowisku ani niż minimalne wynagrodzenie.",
                "An employer in Poland wants to employ you, and your pay is not lower than that of Polish workers in a "
                "similar job, nor lower than the minimum wage.",
                "Роботодавець у Польщі хоче вас найняти, а ваша зарплата не нижча, ніж у поляків на подібній посаді, і "
                "не нижча за мінімальну зарплату.",
                "Работодатель в Польше хочет вас нанять, а ваша зарплата не ниже, чем у поляков на похожей должности, и "
                "не ниже минимальной зарплаты.",
            ),
            t(
                "Pracodawca wypełnia załącznik nr 1 do wniosku i podaje w nim warunki pracy.",
                "Your employer fills in Annex 1 to your application and gives the conditions of the job in it.",
                "Роботодавець заповнює додаток № 1 до заяви і зазначає в ньому умови роботи.",
                "Работодатель заполняет приложение № 1 к заявлению и указывает в нём условия работы.",
            ),
            HEALTH_INSURANCE,
            t(
                "Masz kwalifikacje, których wymaga stanowisko, jeśli wymagają ich przepisy.",
                "You have the qualifications the job requires, where the law requires them.",
                "У вас є кваліфікація, якої вимагає посада, якщо цього вимагає закон.",
                "У вас есть квалификация, которой требует должность, если этого требует закон.",
            ),
            NO_THREAT,
        ),
        "documents": lines(
            DOC_APPLICATION,
            DOC_PASSPORT,
            DOC_PHOTO,
            DOC_FEE,
            t(
                "Załącznik nr 1, wypełniony online przez pracodawcę i połączony z Twoim wnioskiem.",
                "Annex 1, filled in online by your employer and linked to your application.",
                "Додаток № 1, заповнений роботодавцем онлайн і пов'язаний з вашою заявою.",
                "Приложение № 1, заполненное работодателем онлайн и связанное с вашим заявлением.",
            ),
            t(
                "Umowa o pracę albo inna umowa, na podstawie której będziesz pracować.",
                "Your employment contract, or the other contract you will work under.",
                "Трудовий договір або інший договір, на підставі якого ви працюватимете.",
                "Трудовой договор или другой договор, на основании которого вы будете работать.",
            ),
            t(
                "Dokumenty potwierdzające kwalifikacje, jeśli stanowisko ich wymaga.",
                "Documents that confirm your qualifications, if the job requires them.",
                "Документи, що підтверджують кваліфікацію, якщо цього вимагає посада.",
                "Документы, подтверждающие квалификацию, если этого требует должность.",
            ),
            DOC_INSURANCE,
            DOC_TRANSLATION,
        ),
        "duration": lines(*DURATION_60_DAYS, *DURATION_COMMON),
        "steps": steps(annex=True),
    },
    {
        "slug": "permanent-residence",
        "position": 3,
        "legal_acts": COMMON_ACTS,
        "title": t(
            "Zezwolenie na pobyt stały",
            "Permanent residence permit",
            "Дозвіл на постійне проживання",
            "Разрешение на постоянное проживание",
        ),
        "summary": t(
            "Pozwala mieszkać w Polsce bez ograniczenia czasu. Karta pobytu jest ważna 10 lat, potem wymienia się ją "
            "na nową.",
            "Lets you live in Poland with no time limit. The residence card is valid for 10 years and is then "
            "replaced.",
            "Дає змогу жити в Польщі без обмеження строку. Карта перебування дійсна 10 років, потім її замінюють на "
            "нову.",
            "Позволяет жить в Польше без ограничения срока. Карта пребывания действительна 10 лет, затем её меняют на "
            "новую.",
        ),
        "who_for": t(
            "Dla cudzoziemców ze szczególnymi więzami z Polską, wymienionych w ustawie o cudzoziemcach: na przykład "
            "dziecka obywatela polskiego, osoby polskiego pochodzenia, posiadacza Karty Polaka, małżonka obywatela "
            "polskiego albo osoby, która ma w Polsce status uchodźcy lub ochronę uzupełniającą.",
            "For foreigners with close ties to Poland named in the Act on Foreigners: for example a child of a Polish "
            "citizen, a person of Polish origin, a holder of the Card of the Pole, the spouse of a Polish citizen or a "
            "person with refugee status or subsidiary protection in Poland.",
            "Для іноземців з особливими зв'язками з Польщею, названих у Законі про іноземців: наприклад дитини "
            "громадянина Польщі, особи польського походження, власника Карти поляка, чоловіка чи дружини громадянина "
            "Польщі або особи зі статусом біженця чи додатковим захистом у Польщі.",
            "Для иностранцев с особыми связями с Польшей, названных в Законе об иностранцах: например ребёнка "
            "гражданина Польши, лица польского происхождения, владельца Карты поляка, супруга гражданина Польши или "
            "лица со статусом беженца или дополнительной защитой в Польше.",
        ),
        "conditions": lines(
            t(
                "Spełniasz jedną z podstaw z ustawy o cudzoziemcach. Najczęstsze są te poniżej.",
                "You meet one of the grounds in the Act on Foreigners. The most common ones are below.",
                "Ви відповідаєте одній з підстав, визначених Законом про іноземців. Найпоширеніші наведено нижче.",
                "Вы соответствуете одному из оснований, указанных в Законе об иностранцах. Самые частые — ниже.",
            ),
            t(
                "Jesteś dzieckiem obywatela polskiego i pozostajesz pod jego władzą rodzicielską.",
                "You are the child of a Polish citizen and in their parental care.",
                "Ви дитина громадянина Польщі й перебуваєте під його батьківською опікою.",
                "Вы ребёнок гражданина Польши и находитесь под его родительской опекой.",
            ),
            t(
                "Jesteś osobą polskiego pochodzenia albo masz Kartę Polaka i chcesz osiedlić się w Polsce na stałe.",
                "You are of Polish origin, or you hold the Card of the Pole, and you want to settle in Poland "
                "permanently.",
                "Ви особа польського походження або маєте Карту поляка і хочете оселитися в Польщі назавжди.",
                "Вы лицо польского происхождения или у вас есть Карта поляка, и вы хотите поселиться в Польше "
                "навсегда.",
            ),
            t(
                "Od co najmniej 3 lat jesteś w związku małżeńskim z obywatelem polskim, a bezpośrednio przed wnioskiem "
                "Twój pobyt w Polsce trwał nieprzerwanie co najmniej 2 lata na podstawie zezwolenia na pobyt czasowy w "
                "związku z tym małżeństwem.",
                "You have been married to a Polish citizen for at least 3 years, and right before applying you lived in "
                "Poland without a break for at least 2 years on a temporary residence permit granted because of this "
                "marriage.",
                "Ви щонайменше 3 роки в шлюбі з громадянином Польщі й безпосередньо перед заявою щонайменше 2 роки "
                "безперервно проживали в Польщі на підставі дозволу на тимчасове проживання у зв'язку з цим шлюбом.",
                "Вы не менее 3 лет в браке с гражданином Польши и непосредственно перед заявлением не менее 2 лет "
                "непрерывно жили в Польше на основании разрешения на временное проживание в связи с этим браком.",
            ),
            t(
                "Mieszkasz w Polsce nieprzerwanie co najmniej 5 lat jako uchodźca, z ochroną uzupełniającą albo ze "
                "zgodą na pobyt ze względów humanitarnych.",
                "You have lived in Poland without a break for at least 5 years with refugee status, subsidiary "
                "protection or a humanitarian stay permit.",
                "Ви щонайменше 5 років безперервно проживаєте в Польщі зі статусом біженця, додатковим захистом або "
                "дозволом на перебування з гуманітарних причин.",
                "Вы не менее 5 лет непрерывно живёте в Польше со статусом беженца, дополнительной защитой или "
                "разрешением на пребывание по гуманитарным причинам.",
            ),
            NO_THREAT,
        ),
        "documents": lines(
            DOC_APPLICATION,
            DOC_PASSPORT,
            DOC_PHOTO,
            DOC_FEE,
            t(
                "Dokumenty potwierdzające podstawę wniosku, na przykład akt urodzenia, Karta Polaka, akt małżeństwa "
                "albo decyzja o udzieleniu ochrony.",
                "Documents that prove the ground you apply on, for example a birth certificate, the Card of the Pole, a "
                "marriage certificate or the decision granting you protection.",
                "Документи, що підтверджують підставу заяви, наприклад свідоцтво про народження, Карта поляка, "
                "свідоцтво про шлюб або рішення про надання захисту.",
                "Документы, подтверждающие основание заявления, например свидетельство о рождении, Карта поляка, "
                "свидетельство о браке или решение о предоставлении защиты.",
            ),
            DOC_TRANSLATION,
        ),
        "duration": lines(*DURATION_3_MONTHS, *DURATION_COMMON),
        "steps": steps(),
    },
    {
        "slug": "eu-long-term-resident",
        "position": 4,
        "legal_acts": COMMON_ACTS,
        "title": t(
            "Zezwolenie na pobyt rezydenta długoterminowego UE",
            "EU long-term resident's permit",
            "Дозвіл на проживання довгострокового резидента ЄС",
            "Разрешение на пребывание долгосрочного резидента ЕС",
        ),
        "summary": t(
            "Pozwala mieszkać w Polsce bez ograniczenia czasu i ułatwia przeprowadzkę do innego kraju UE. Karta "
            "pobytu jest ważna 5 lat, potem wymienia się ją na nową.",
            "Lets you live in Poland with no time limit and makes it easier to move to another EU country. The "
            "residence card is valid for 5 years and is then replaced.",
            "Дає змогу жити в Польщі без обмеження строку і полегшує переїзд до іншої країни ЄС. Карта перебування "
            "дійсна 5 років, потім її замінюють на нову.",
            "Позволяет жить в Польше без ограничения срока и облегчает переезд в другую страну ЕС. Карта пребывания "
            "действительна 5 лет, затем её меняют на новую.",
        ),
        "who_for": t(
            "Dla cudzoziemców, którzy mieszkają w Polsce legalnie i nieprzerwanie od co najmniej 5 lat, mają stały "
            "dochód, ubezpieczenie zdrowotne i znają język polski.",
            "For foreigners who have lived in Poland legally and without a break for at least 5 years, and have a "
            "steady income, health insurance and knowledge of Polish.",
            "Для іноземців, які легально й безперервно проживають у Польщі щонайменше 5 років, мають стабільний "
            "дохід, медичне страхування і знають польську мову.",
            "Для иностранцев, которые легально и непрерывно живут в Польше не менее 5 лет, имеют стабильный доход, "
            "медицинскую страховку и знают польский язык.",
        ),
        "conditions": lines(
            t(
                "Mieszkasz w Polsce legalnie i nieprzerwanie co najmniej 5 lat bezpośrednio przed złożeniem wniosku. "
                "Pobyt na studiach liczy się w połowie, a niektóre pobyty (na przykład w celu pracy sezonowej) nie "
                "liczą się wcale.",
                "You have lived in Poland legally and without a break for at least 5 years right before you apply. "
                "A stay for studies counts by half, and some stays (for example for seasonal work) do not count.",
                "Ви легально й безперервно проживаєте в Польщі щонайменше 5 років безпосередньо перед поданням заяви. "
                "Перебування на навчанні зараховують наполовину, а деякі перебування (наприклад, для сезонної роботи) "
                "не зараховують.",
                "Вы легально и непрерывно живёте в Польше не менее 5 лет непосредственно перед подачей заявления. "
                "Пребывание на учёбе засчитывают наполовину, а некоторые пребывания (например, для сезонной работы) не "
                "засчитывают.",
            ),
            t(
                "Pobyt jest nieprzerwany, jeśli żadna przerwa nie trwała dłużej niż 6 miesięcy, a wszystkie przerwy "
                "razem nie przekroczyły 10 miesięcy.",
                "Your stay has no break if no single absence was longer than 6 months and all absences together were "
                "not longer than 10 months.",
                "Перебування безперервне, якщо жодна відсутність не тривала довше ніж 6 місяців, а всі разом — не довше "
                "ніж 10 місяців.",
                "Пребывание непрерывно, если ни одно отсутствие не длилось дольше 6 месяцев, а все вместе — не дольше "
                "10 месяцев.",
            ),
            t(
                "Masz stabilny i regularny dochód wystarczający na utrzymanie siebie i rodziny, przez ostatnie 3 lata.",
                "You have had a stable and regular income, enough for you and your family, for the last 3 years.",
                "Ви маєте стабільний і регулярний дохід, достатній для утримання себе і сім'ї, протягом останніх "
                "3 років.",
                "У вас есть стабильный и регулярный доход, достаточный для содержания себя и семьи, в течение последних "
                "3 лет.",
            ),
            HEALTH_INSURANCE,
            t(
                "Znasz język polski co najmniej na poziomie B1 i możesz to udokumentować.",
                "You know Polish at level B1 or higher and can prove it with a document.",
                "Ви знаєте польську мову щонайменше на рівні B1 і можете підтвердити це документом.",
                "Вы знаете польский язык не ниже уровня B1 и можете подтвердить это документом.",
            ),
            NO_THREAT,
        ),
        "documents": lines(
            DOC_APPLICATION,
            DOC_PASSPORT,
            DOC_PHOTO,
            DOC_FEE,
            t(
                "Dokumenty pokazujące Twoje pobyty w Polsce w ostatnich 5 latach, na przykład wcześniejsze decyzje i "
                "karty pobytu.",
                "Documents that show your stays in Poland in the last 5 years, for example earlier decisions and "
                "residence cards.",
                "Документи, що показують ваші перебування в Польщі за останні 5 років, наприклад попередні рішення і "
                "карти перебування.",
                "Документы, показывающие ваши пребывания в Польше за последние 5 лет, например прежние решения и карты "
                "пребывания.",
            ),
            t(
                "Dokumenty potwierdzające dochód z ostatnich 3 lat, na przykład zeznania podatkowe PIT i umowy.",
                "Proof of your income for the last 3 years, for example PIT tax returns and contracts.",
                "Документи про дохід за останні 3 роки, наприклад податкові декларації PIT і договори.",
                "Документы о доходе за последние 3 года, например налоговые декларации PIT и договоры.",
            ),
            DOC_INSURANCE,
            t(
                "Certyfikat znajomości języka polskiego (co najmniej B1) albo świadectwo lub dyplom szkoły czy uczelni, "
                "w której nauka była po polsku.",
                "A certificate of Polish (level B1 or higher), or a certificate or diploma from a school or university "
                "where you studied in Polish.",
                "Сертифікат знання польської мови (щонайменше B1) або атестат чи диплом школи або університету, де "
                "навчання було польською.",
                "Сертификат знания польского языка (не ниже B1) или аттестат либо диплом школы или университета, где "
                "обучение было на польском.",
            ),
            DOC_TRANSLATION,
        ),
        "duration": lines(*DURATION_3_MONTHS, *DURATION_COMMON),
        "steps": steps(),
    },
]

for _page in PAGES:
    _page["fees_note"] = FEES_NOTE
