"""The 16 voivodeships (TERYT codes, Polish names) and their voivodeship offices.

Office e-mail addresses use the reserved `.example` domain so that a development install never writes
to a real office; production sets them in the admin.
"""

from __future__ import annotations

from typing import Any

VOIVODESHIPS: list[dict[str, Any]] = [
    {
        "code": "02",
        "slug": "dolnoslaskie",
        "name": "dolnośląskie",
        "office": ("Dolnośląski Urząd Wojewódzki we Wrocławiu", "pl. Powstańców Warszawy 1", "50-153", "Wrocław"),
    },
    {
        "code": "04",
        "slug": "kujawsko-pomorskie",
        "name": "kujawsko-pomorskie",
        "office": ("Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy", "ul. Jagiellońska 3", "85-950", "Bydgoszcz"),
    },
    {
        "code": "06",
        "slug": "lubelskie",
        "name": "lubelskie",
        "office": ("Lubelski Urząd Wojewódzki w Lublinie", "ul. Spokojna 4", "20-914", "Lublin"),
    },
    {
        "code": "08",
        "slug": "lubuskie",
        "name": "lubuskie",
        "office": (
            "Lubuski Urząd Wojewódzki w Gorzowie Wielkopolskim",
            "ul. Jagiellończyka 8",
            "66-400",
            "Gorzów Wielkopolski",
        ),
    },
    {
        "code": "10",
        "slug": "lodzkie",
        "name": "łódzkie",
        "office": ("Łódzki Urząd Wojewódzki w Łodzi", "ul. Piotrkowska 104", "90-926", "Łódź"),
    },
    {
        "code": "12",
        "slug": "malopolskie",
        "name": "małopolskie",
        "office": ("Małopolski Urząd Wojewódzki w Krakowie", "ul. Basztowa 22", "31-156", "Kraków"),
    },
    {
        "code": "14",
        "slug": "mazowieckie",
        "name": "mazowieckie",
        "office": ("Mazowiecki Urząd Wojewódzki w Warszawie", "pl. Bankowy 3/5", "00-950", "Warszawa"),
    },
    {
        "code": "16",
        "slug": "opolskie",
        "name": "opolskie",
        "office": ("Opolski Urząd Wojewódzki w Opolu", "ul. Piastowska 14", "45-082", "Opole"),
    },
    {
        "code": "18",
        "slug": "podkarpackie",
        "name": "podkarpackie",
        "office": ("Podkarpacki Urząd Wojewódzki w Rzeszowie", "ul. Grunwaldzka 15", "35-959", "Rzeszów"),
    },
    {
        "code": "20",
        "slug": "podlaskie",
        "name": "podlaskie",
        "office": ("Podlaski Urząd Wojewódzki w Białymstoku", "ul. Mickiewicza 3/4", "15-213", "Białystok"),
    },
    {
        "code": "22",
        "slug": "pomorskie",
        "name": "pomorskie",
        "office": ("Pomorski Urząd Wojewódzki w Gdańsku", "ul. Okopowa 21/27", "80-810", "Gdańsk"),
    },
    {
        "code": "24",
        "slug": "slaskie",
        "name": "śląskie",
        "office": ("Śląski Urząd Wojewódzki w Katowicach", "ul. Jagiellońska 25", "40-032", "Katowice"),
    },
    {
        "code": "26",
        "slug": "swietokrzyskie",
        "name": "świętokrzyskie",
        "office": ("Świętokrzyski Urząd Wojewódzki w Kielcach", "al. IX Wieków Kielc 3", "25-516", "Kielce"),
    },
    {
        "code": "28",
        "slug": "warminsko-mazurskie",
        "name": "warmińsko-mazurskie",
        "office": (
            "Warmińsko-Mazurski Urząd Wojewódzki w Olsztynie",
            "al. Marszałka Józefa Piłsudskiego 7/9",
            "10-575",
            "Olsztyn",
        ),
    },
    {
        "code": "30",
        "slug": "wielkopolskie",
        "name": "wielkopolskie",
        "office": ("Wielkopolski Urząd Wojewódzki w Poznaniu", "al. Niepodległości 16/18", "61-713", "Poznań"),
    },
    {
        "code": "32",
        "slug": "zachodniopomorskie",
        "name": "zachodniopomorskie",
        "office": ("Zachodniopomorski Urząd Wojewódzki w Szczecinie", "ul. Wały Chrobrego 4", "70-502", "Szczecin"),
    },
]
