"""Make a synthetic Arabic news corpus for the benchmark (JSONL, one article a line).

The text is written for rasd (templates by the project, no outside copy): IED blasts, air and drone
strikes, shelling, clashes, suicide bombings, kidnappings, protests, riots, arrests, defused
explosives, statements, denials, threats and plainly non-conflict news (economy, sport, weather,
services), with places, dates, numbers and actors combined at random under a fixed seed, so every
run makes the same corpus.

    python bench/make_corpus.py -n 30000 -o bench/corpus.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

# -- slots ---------------------------------------------------------------------------------------------
PLACES = [  # (town or district, governorate), as an Arabic outlet writes them
    ("الطارمية", "بغداد"), ("أبو غريب", "بغداد"), ("المدائن", "بغداد"), ("الدورة", "بغداد"),
    ("مدينة الصدر", "بغداد"), ("الكاظمية", "بغداد"), ("الرمادي", "الأنبار"), ("الفلوجة", "الأنبار"),
    ("هيت", "الأنبار"), ("القائم", "الأنبار"), ("حديثة", "الأنبار"), ("الرطبة", "الأنبار"),
    ("تكريت", "صلاح الدين"), ("سامراء", "صلاح الدين"), ("بيجي", "صلاح الدين"), ("الشرقاط", "صلاح الدين"),
    ("طوزخورماتو", "صلاح الدين"), ("بلد", "صلاح الدين"), ("بعقوبة", "ديالى"), ("المقدادية", "ديالى"),
    ("خانقين", "ديالى"), ("جلولاء", "ديالى"), ("الموصل", "نينوى"), ("تلعفر", "نينوى"),
    ("سنجار", "نينوى"), ("الحمدانية", "نينوى"), ("مخمور", "أربيل"), ("كركوك", "كركوك"),
    ("الحويجة", "كركوك"), ("داقوق", "كركوك"), ("الناصرية", "ذي قار"), ("الشطرة", "ذي قار"),
    ("البصرة", "البصرة"), ("الزبير", "البصرة"), ("أبو الخصيب", "البصرة"), ("العمارة", "ميسان"),
    ("الكوت", "واسط"), ("الحلة", "بابل"), ("جرف النصر", "بابل"), ("كربلاء", "كربلاء"),
    ("النجف", "النجف"), ("الديوانية", "القادسية"), ("السماوة", "المثنى"), ("السليمانية", "السليمانية"),
    ("أربيل", "أربيل"), ("دهوك", "دهوك"), ("زاخو", "دهوك"), ("الميادين", "دير الزور"),
    ("البوكمال", "دير الزور"), ("الطبقة", "الرقة"), ("منبج", "حلب"), ("الباب", "حلب"),
]
SITES = ["طريق زراعي", "الطريق الدولي", "سوق شعبي", "نقطة تفتيش", "مفرق طرق", "جسر", "حي سكني",
         "مزرعة", "ساحة عامة", "محطة وقود", "طريق سريع", "بستان", "قرية نائية", "موقع عسكري"]
DIRECTIONS = ["شمالي", "جنوبي", "شرقي", "غربي", "شمال شرقي", "جنوب غربي", "قرب", "في أطراف"]
WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
TIMES = ["صباح اليوم", "مساء أمس", "فجر اليوم", "ليلة أمس", "ظهر اليوم", "في وقت متأخر من ليل أمس",
         "صباح {weekday}", "مساء {weekday}", "فجر {weekday}", "يوم {weekday} الماضي", "أمس {weekday}",
         "في {day} {month} الجاري", "في {day} من {month}"]
NUM_WORDS = {1: "شخص واحد", 2: "شخصين", 3: "ثلاثة أشخاص", 4: "أربعة أشخاص", 5: "خمسة أشخاص",
             6: "ستة أشخاص", 7: "سبعة أشخاص", 8: "ثمانية أشخاص", 10: "عشرة أشخاص"}
SECURITY = ["القوات الأمنية", "قوات الجيش العراقي", "الشرطة الاتحادية", "قوات الحشد الشعبي",
            "جهاز مكافحة الإرهاب", "قوات الرد السريع", "شرطة المحافظة", "قوات البيشمركة",
            "قوة من استخبارات الشرطة", "خلية الصقور الاستخبارية"]
ARMED = ["تنظيم داعش", "عناصر من تنظيم داعش", "مسلحين مجهولين", "خلايا نائمة لتنظيم داعش",
         "مجموعة مسلحة خارجة عن القانون", "عصابة مسلحة", "مسلحين يستقلون دراجات نارية"]
AIR = ["طيران الجيش العراقي", "طائرات التحالف الدولي", "القوة الجوية العراقية", "طائرة مسيرة مجهولة",
       "الطيران التركي", "طائرات إف 16 العراقية"]
OFFICIALS = ["مصدر أمني", "مصدر في الشرطة", "مسؤول محلي", "ضابط في الجيش برتبة عقيد", "قائممقام القضاء",
             "المتحدث باسم قيادة العمليات المشتركة", "مصدر طبي", "عضو في مجلس المحافظة", "شهود عيان"]
CROWDS = ["مئات من الخريجين العاطلين عن العمل", "العشرات من أهالي المنطقة", "حشد من المعلمين",
          "عدد من المزارعين", "المئات من أنصار التيار الصدري", "عمال شركة النفط", "طلبة الجامعة",
          "ذوو المغيبين", "أصحاب المحال التجارية", "متقاعدون"]
BUILDINGS = ["مبنى المحافظة", "مجلس المحافظة", "مديرية التربية", "مقر شركة النفط", "بوابة الجامعة",
             "ساحة التحرير", "مبنى البلدية", "دائرة الكهرباء"]
DEMANDS = ["توفير فرص عمل", "تحسين الخدمات", "صرف الرواتب المتأخرة", "إطلاق سراح المعتقلين",
           "إقالة المحافظ", "توفير الكهرباء والماء", "محاسبة الفاسدين", "تعويض المتضررين"]
OUTLETS = ["السومرية نيوز", "شفق نيوز", "الغد برس", "بغداد اليوم", "المدى", "وكالة الأنباء العراقية",
           "الميادين", "روداو", "العربي الجديد", "الشرق الأوسط"]

# -- sentences by kind ---------------------------------------------------------------------------------
VIOLENT = {
    "ied": [
        "انفجرت عبوة ناسفة {time} على {site} {direction} {town} في محافظة {gov}، ما أسفر عن مقتل {dead} وإصابة {hurt} آخرين بجروح.",
        "أفاد {official} بأن عبوة ناسفة زرعها مجهولون انفجرت {time} لدى مرور دورية لـ{security} في {town}، ما أدى إلى مقتل {dead_n} من عناصرها.",
        "قتل {dead} وأصيب {hurt} بانفجار عبوة لاصقة كانت مثبتة بسيارة مدنية في {town} {time}.",
        "هز انفجار عنيف {site} في {town} {time}، وتبين أنه ناجم عن عبوة ناسفة محلية الصنع.",
    ],
    "air": [
        "شن {air} غارات جوية {time} على مواقع لـ{armed} في {town} بمحافظة {gov}، ما أسفر عن مقتل {dead_n} منهم وتدمير أوكار ومخازن للأسلحة.",
        "أعلنت خلية الإعلام الأمني أن {air} نفذ ضربة جوية دقيقة استهدفت مخبأ لـ{armed} {direction} {town}.",
        "قصفت {air} {time} سيارة كانت تقل عناصر من {armed} على الطريق بين {town} و{town2}، ما أدى إلى مقتل من فيها.",
    ],
    "shelling": [
        "سقطت ثلاث قذائف هاون {time} على {site} في {town}، ما أسفر عن إصابة {hurt} بينهم أطفال.",
        "تعرضت قرى {direction} {town} لقصف مدفعي {time} مصدره مواقع يتمركز فيها {armed}.",
        "استهدفت صواريخ كاتيوشا {time} محيط قاعدة عسكرية في {town} دون أن تسفر عن خسائر بشرية.",
    ],
    "clash": [
        "اندلعت اشتباكات عنيفة {time} بين {security} و{armed} في {town} بمحافظة {gov}، استمرت لساعات وأسفرت عن مقتل {dead_n} من المسلحين.",
        "تصدت {security} لهجوم شنه {armed} على {site} {direction} {town}، وقتل خلال الاشتباك {dead_n} من المهاجمين وأصيب {hurt_n} من المنتسبين.",
        "هاجم {armed} {time} نقطة تفتيش تابعة لـ{security} في {town}، ما أدى إلى اندلاع اشتباك بالأسلحة الخفيفة والمتوسطة.",
        "اندلع نزاع عشائري مسلح في {town} {time} استخدمت فيه الأسلحة المتوسطة، وأسفر عن مقتل {dead} وإصابة {hurt} آخرين.",
    ],
    "suicide": [
        "فجر انتحاري يرتدي حزاما ناسفا نفسه {time} وسط تجمع للمدنيين في {town}، ما أسفر عن مقتل {dead} وإصابة {hurt} آخرين.",
        "قتل {dead} بتفجير سيارة مفخخة يقودها انتحاري استهدف {site} في {town} {time}.",
    ],
    "kidnap": [
        "اختطف مسلحون مجهولون يستقلون سيارة رباعية الدفع {time} مواطنا من أهالي {town} واقتادوه إلى جهة مجهولة.",
        "أقدم {armed} على خطف ثلاثة رعاة أغنام في صحراء {town} {time}، وما زال مصيرهم مجهولا.",
    ],
    "attack": [
        "أقدم مسلحون مجهولون {time} على اغتيال ناشط مدني أمام منزله في {town} بإطلاق النار عليه من مسدسات كاتمة للصوت.",
        "هاجم {armed} {time} منزل مختار قرية {direction} {town}، ما أسفر عن مقتل {dead} من أفراد أسرته.",
        "عثرت الأجهزة الأمنية على جثة مواطن مجهول الهوية تحمل آثار إطلاق نار في {town} {time}.",
    ],
    "protest": [
        "تظاهر {crowd} {time} أمام {building} في {town} للمطالبة بـ{demand}، وانفضت التظاهرة بشكل سلمي.",
        "نظم {crowd} وقفة احتجاجية {time} في {town} للمطالبة بـ{demand}، ورفعوا لافتات تندد بتقصير الحكومة المحلية.",
        "قطع {crowd} الطريق الرئيسي في {town} {time} بالإطارات المحترقة احتجاجا على عدم {demand}.",
        "فرقت القوات الأمنية بالغاز المسيل للدموع تظاهرة لـ{crowd} أمام {building} في {town}، ما أدى إلى إصابة {hurt_n} من المحتجين.",
        "أطلقت قوات مكافحة الشغب الرصاص الحي على المتظاهرين في {town} {time}، ما أسفر عن مقتل {dead_n} منهم.",
    ],
    "riot": [
        "أضرم محتجون غاضبون النار في {building} في {town} {time} بعد اقتحامه، ورشقوا عناصر الأمن بالحجارة.",
        "اقتحم العشرات من الغاضبين مركز شرطة في {town} {time} وأحرقوا سيارات تابعة له.",
    ],
    "arrest": [
        "اعتقلت {security} {time} {arrested} من المطلوبين بتهم إرهابية خلال عملية دهم وتفتيش في {town}.",
        "تمكنت {security} من إلقاء القبض على متهم بتفجير العبوات الناسفة في {town} بعد عملية استخبارية محكمة.",
        "أعلنت مديرية شرطة {gov} اعتقال {arrested} متهمين بتجارة المخدرات في {town} {time}.",
    ],
    "defused": [
        "تمكنت مفارز معالجة المتفجرات من تفكيك عبوة ناسفة كانت مزروعة على {site} في {town} {time}.",
        "عثرت {security} على مضافة لـ{armed} تحتوي على أحزمة ناسفة وعبوات معدة للتفجير في {town} وقامت بتفجيرها تحت السيطرة.",
    ],
}
CONTEXT = [  # sentences that follow a violent lead: no new event, or one already told
    "وأضاف {official} أن القوات الأمنية طوقت مكان الحادث وفتحت تحقيقا لمعرفة ملابساته.",
    "ونقلت الجثث إلى دائرة الطب العدلي فيما نقل المصابون إلى مستشفى {town} العام لتلقي العلاج.",
    "ولم تتبن أي جهة المسؤولية عن الهجوم حتى الآن.",
    "وتشهد {town} بين حين وآخر هجمات مماثلة تستهدف القوات الأمنية والمدنيين.",
    "وأكد {official} أن الوضع الأمني في المنطقة تحت السيطرة بالكامل.",
    "وفرضت السلطات المحلية حظرا للتجوال في المدينة حتى إشعار آخر.",
    "وتأتي هذه العملية ضمن سلسلة عمليات لملاحقة بقايا فلول الإرهاب في المناطق الصحراوية.",
    "وقال شاهد عيان إن أصوات الانفجار سمعت في أرجاء واسعة من المدينة.",
    "ودانت {ministry} الهجوم ووصفته بالعمل الجبان الذي يستهدف أمن المواطنين.",
    "وكان {town2} قد شهد في {month} الماضي هجوما مماثلا أسفر عن سقوط ضحايا.",
]
STATEMENTS = [
    "قال {official} في بيان إن الحكومة ماضية في خطتها لإعادة إعمار المناطق المحررة في {gov}.",
    "نفت {security} ما تناقلته وسائل إعلام عن وقوع هجوم على مقارها في {town}، مؤكدة أن الأنباء عارية عن الصحة.",
    "هدد {armed} في تسجيل صوتي بشن هجمات جديدة على القوات الأمنية في {gov}.",
    "دعا رئيس الوزراء إلى ضبط النفس وتغليب لغة الحوار بين القوى السياسية لتجاوز الأزمة الراهنة.",
    "أعلنت {ministry} عزمها إطلاق عملية عسكرية واسعة لتطهير صحراء {gov} من بقايا الإرهابيين خلال الأيام المقبلة.",
    "استنكرت منظمات حقوقية استمرار احتجاز ناشطين في {gov} دون توجيه تهم إليهم.",
    "زار وزير الداخلية مقر قيادة شرطة {gov} {time} واطلع على الخطط الأمنية المعدة لتأمين الزيارة.",
    "حذر {official} من احتمال وقوع هجمات إرهابية خلال فترة الأعياد ودعا المواطنين إلى التعاون مع الأجهزة الأمنية.",
]
CIVIL = [
    "افتتح محافظ {gov} {time} مشروعا لتأهيل شبكة المياه في {town} بكلفة بلغت {money} مليار دينار.",
    "أعلنت وزارة الكهرباء زيادة ساعات التجهيز في {gov} بعد إضافة {mw} ميغاواط إلى المنظومة الوطنية.",
    "فاز فريق نادي {town} على ضيفه بهدفين مقابل هدف واحد في المباراة التي جرت {time} ضمن الدوري الممتاز.",
    "توقعت هيئة الأنواء الجوية ارتفاعا في درجات الحرارة خلال الأيام المقبلة لتصل إلى {temp} درجة مئوية في {gov}.",
    "قررت وزارة التربية تأجيل امتحانات نصف السنة في مدارس {gov} أسبوعا واحدا بسبب الأمطار الغزيرة.",
    "ارتفع سعر صرف الدولار في بورصة الكفاح ببغداد {time} ليسجل {money}{money} ألف دينار لكل مئة دولار.",
    "أعلنت دائرة صحة {gov} تسجيل {hurt_n} إصابات جديدة بالحمى النزفية خلال الأسبوع الماضي.",
    "اختتمت في {town} فعاليات مهرجان الشعر العربي بمشاركة شعراء من عدة دول عربية.",
    "باشرت الملاكات الهندسية بتبليط الشوارع الفرعية في {town} ضمن خطة الخدمات للعام الحالي.",
    "وقع العراق مع شركة أجنبية عقدا لإنشاء محطة لتحلية مياه البحر في {gov} بطاقة تصل إلى مليون متر مكعب يوميا.",
    "أكدت وزارة الزراعة أن خطة الموسم الشتوي في {gov} تشمل زراعة {mw} ألف دونم بالحنطة والشعير.",
    "شهدت أسواق {town} إقبالا كبيرا من المتسوقين استعدادا لاستقبال العيد.",
]
MINISTRIES = ["وزارة الداخلية", "وزارة الدفاع", "قيادة العمليات المشتركة", "خلية الإعلام الأمني", "بعثة الأمم المتحدة"]
TITLES = {
    "ied": ["مقتل {dead} بانفجار عبوة ناسفة في {town}", "انفجار عبوة يستهدف دورية أمنية في {gov}"],
    "air": ["غارات جوية تستهدف أوكار داعش في {gov}", "ضربة جوية تقتل مسلحين قرب {town}"],
    "shelling": ["قصف بقذائف الهاون على {town}", "صواريخ تستهدف قاعدة في {gov}"],
    "clash": ["اشتباكات بين القوات الأمنية ومسلحين في {town}", "صد هجوم لداعش في {gov}"],
    "suicide": ["تفجير انتحاري يضرب {town}"],
    "kidnap": ["خطف مواطن في {town}"],
    "attack": ["اغتيال ناشط في {town}", "هجوم مسلح على قرية في {gov}"],
    "protest": ["تظاهرة في {town} للمطالبة بـ{demand}", "محتجون يقطعون طريقا في {gov}"],
    "riot": ["محتجون يحرقون مبنى حكوميا في {town}"],
    "arrest": ["اعتقال مطلوبين في {town}", "القبض على متهمين بالإرهاب في {gov}"],
    "defused": ["تفكيك عبوة ناسفة في {town}"],
    "statement": ["بيان رسمي بشأن الأوضاع في {gov}", "نفي رسمي لأنباء عن هجوم في {town}"],
    "civil": ["مشروع خدمي جديد في {town}", "أخبار {gov} الاقتصادية", "الطقس في {gov}"],
}


class Filler:
    def __init__(self, rng: random.Random, published: dt.date) -> None:
        self.rng = rng
        self.published = published
        self.town, self.gov = rng.choice(PLACES)
        self.town2 = rng.choice(PLACES)[0]

    def number(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        if n in NUM_WORDS and self.rng.random() < 0.4:
            return NUM_WORDS[n]
        return f"{n} أشخاص" if n <= 10 else f"{n} شخصا"

    def time(self) -> str:
        pattern = self.rng.choice(TIMES)
        back = self.published - dt.timedelta(days=self.rng.randint(0, 5))
        weekday = WEEKDAYS[(back.weekday() + 2) % 7]  # Monday=0 -> الاثنين is index 2
        return pattern.format(weekday=weekday, day=back.day, month=MONTHS[back.month - 1])

    def fill(self, template: str) -> str:
        r = self.rng
        values = {
            "time": self.time(), "town": self.town, "gov": self.gov, "town2": self.town2,
            "site": r.choice(SITES), "direction": r.choice(DIRECTIONS), "official": r.choice(OFFICIALS),
            "security": r.choice(SECURITY), "armed": r.choice(ARMED), "air": r.choice(AIR),
            "dead": self.number(1, 14), "hurt": self.number(1, 25), "dead_n": str(r.randint(2, 30)),
            "hurt_n": str(r.randint(2, 40)), "arrested": str(r.randint(2, 12)), "crowd": r.choice(CROWDS),
            "building": r.choice(BUILDINGS), "demand": r.choice(DEMANDS), "ministry": r.choice(MINISTRIES),
            "money": str(r.randint(2, 95)), "mw": str(r.randint(50, 900)), "temp": str(r.randint(38, 51)),
            "month": MONTHS[r.randrange(12)],
        }
        return template.format(**values)


def make_article(rng: random.Random, number: int, start: dt.date) -> dict:
    published = start + dt.timedelta(days=rng.randint(0, 730))
    fill = Filler(rng, published)
    roll = rng.random()
    if roll < 0.55:
        kind = rng.choice(list(VIOLENT))
        lead = [fill.fill(rng.choice(VIOLENT[kind]))]
        body = [fill.fill(s) for s in rng.sample(CONTEXT, rng.randint(4, 9))]
        if rng.random() < 0.35:  # a second event in the same article, elsewhere
            fill.town, fill.gov = rng.choice(PLACES)
            other = rng.choice(list(VIOLENT))
            body.append("وفي سياق متصل، " + fill.fill(rng.choice(VIOLENT[other])))
        if rng.random() < 0.6:
            body.extend(fill.fill(s) for s in rng.sample(STATEMENTS, rng.randint(1, 3)))
        if rng.random() < 0.5:  # the outlet's round-up goes on with other news
            body.extend(fill.fill(s) for s in rng.sample(CIVIL, rng.randint(2, 5)))
    elif roll < 0.75:
        kind = "statement"
        lead = [fill.fill(rng.choice(STATEMENTS))]
        body = [fill.fill(s) for s in rng.sample(STATEMENTS + CONTEXT[6:] + CIVIL, rng.randint(6, 12))]
    else:
        kind = "civil"
        lead = [fill.fill(rng.choice(CIVIL))]
        body = [fill.fill(s) for s in rng.sample(CIVIL, rng.randint(6, 11))]
    outlet = rng.choice(OUTLETS)
    paragraphs = [f"{fill.gov} / {outlet}", " ".join(lead)]
    while body:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(body[:take]))
        body = body[take:]
    title = fill.fill(rng.choice(TITLES[kind]))
    record = {"id": f"syn-{number:07d}", "source": outlet, "published": published.isoformat(),
              "url": f"https://news.example/{number}", "title": title, "text": "\n\n".join(paragraphs)}
    if rng.random() < 0.02:  # a few unusable inputs, as a real crawl has
        record["text"] = rng.choice(["", "404 Not Found", "Breaking: markets rally as oil prices climb."])
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=30000)
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    start = dt.date(2016, 1, 1)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for number in range(args.articles):
            out.write(json.dumps(make_article(rng, number, start), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
