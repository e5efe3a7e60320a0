"""The demo world: sectors, organisations, stakeholders and the five roundtables named in the seed page.

Pure data, as plain Python literals. A separate loader turns it into database rows. Organisations are real
well-known Israeli bodies or fictional ones; every person here is fictional. Run this module directly to
check the data against its own rules: ``python3 shulchan/demo/data.py``.
"""

from datetime import date
from typing import Any

SECTORS: list[dict[str, Any]] = [  # exactly these three, in this order
    {"key": "government", "name_he": "ממשלה", "name_en": "Government", "colour": "#1e88e5", "position": 10},
    {
        "key": "business_philanthropy",
        "name_he": "המגזר העסקי-פילנתרופי",
        "name_en": "Business & philanthropy",
        "colour": "#f4511e",
        "position": 20,
    },
    {
        "key": "civil_society",
        "name_he": "החברה האזרחית",
        "name_en": "Civil society",
        "colour": "#43a047",
        "position": 30,
    },
]

ORGANISATIONS: list[dict[str, Any]] = [
    # --- Government ---
    {
        "key": "pmo",
        "name": "משרד ראש הממשלה",
        "name_en": "Prime Minister's Office",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "education",
        "name": "משרד החינוך",
        "name_en": "Ministry of Education",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "economy",
        "name": "משרד הכלכלה והתעשייה",
        "name_en": "Ministry of Economy and Industry (formerly Industry, Trade and Labour)",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "holocaust_authority",
        "name": "הרשות לזכויות ניצולי השואה",
        "name_en": "Authority for Holocaust Survivors' Rights",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "civil_service",
        "name": "נציבות שירות המדינה",
        "name_en": "Civil Service Commission",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "welfare",
        "name": "משרד הרווחה והביטחון החברתי",
        "name_en": "Ministry of Welfare and Social Security",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "finance",
        "name": "משרד האוצר",
        "name_en": "Ministry of Finance",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "health",
        "name": "משרד הבריאות",
        "name_en": "Ministry of Health",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "negev_galilee",
        "name": "המשרד לפיתוח הפריפריה, הנגב והגליל",
        "name_en": "Ministry for the Development of the Periphery, the Negev and the Galilee",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "interior",
        "name": "משרד הפנים",
        "name_en": "Ministry of the Interior",
        "sector": "government",
        "kind": "ministry",
        "website": None,
    },
    {
        "key": "tel_aviv",
        "name": "עיריית תל אביב-יפו",
        "name_en": "Tel Aviv-Yafo Municipality",
        "sector": "government",
        "kind": "municipality",
        "website": "https://www.tel-aviv.gov.il",
    },
    {
        "key": "beer_sheva",
        "name": "עיריית באר שבע",
        "name_en": "Be'er Sheva Municipality",
        "sector": "government",
        "kind": "municipality",
        "website": "https://www.beer-sheva.muni.il",
    },
    # --- Business & philanthropy ---
    {
        "key": "yad_hanadiv",
        "name": "יד הנדיב",
        "name_en": "Yad Hanadiv",
        "sector": "business_philanthropy",
        "kind": "foundation",
        "website": "https://www.yadhanadiv.org.il",
    },
    {
        "key": "rashi_foundation",
        "name": 'קרן רש"י',
        "name_en": "The Rashi Foundation",
        "sector": "business_philanthropy",
        "kind": "foundation",
        "website": None,
    },
    {
        "key": "jdc_israel",
        "name": "ג'וינט ישראל",
        "name_en": "JDC Israel",
        "sector": "business_philanthropy",
        "kind": "foundation",
        "website": None,
    },
    {
        "key": "manufacturers",
        "name": "התאחדות התעשיינים בישראל",
        "name_en": "Manufacturers Association of Israel",
        "sector": "business_philanthropy",
        "kind": "other",
        "website": None,
    },
    {
        "key": "chambers_of_commerce",
        "name": "איגוד לשכות המסחר",
        "name_en": "Federation of Israeli Chambers of Commerce",
        "sector": "business_philanthropy",
        "kind": "other",
        "website": None,
    },
    {
        "key": "maala",
        "name": "מעלה – עסקים למען אחריות חברתית",
        "name_en": "Maala – Business for Social Responsibility",
        "sector": "business_philanthropy",
        "kind": "other",
        "website": None,
    },
    {
        "key": "almog_foundation",
        "name": "קרן משפחת אלמוג",
        "name_en": "Almog Family Foundation",
        "sector": "business_philanthropy",
        "kind": "foundation",
        "website": None,
    },
    {
        "key": "gsharim_foundation",
        "name": "קרן גשרים לקהילה",
        "name_en": "Gsharim Community Fund",
        "sector": "business_philanthropy",
        "kind": "foundation",
        "website": None,
    },
    {
        "key": "migdalor",
        "name": 'מגדלור תקשורת בע"מ',
        "name_en": "Migdalor Communications Ltd.",
        "sector": "business_philanthropy",
        "kind": "company",
        "website": None,
    },
    {
        "key": "rakia",
        "name": 'רקיע מערכות מידע בע"מ',
        "name_en": "Rakia Information Systems Ltd.",
        "sector": "business_philanthropy",
        "kind": "company",
        "website": None,
    },
    {
        "key": "negev_solar",
        "name": 'נגב סולאר אנרגיה בע"מ',
        "name_en": "Negev Solar Energy Ltd.",
        "sector": "business_philanthropy",
        "kind": "company",
        "website": None,
    },
    # --- Civil society ---
    {
        "key": "shitufim",
        "name": "שיתופים",
        "name_en": "Shitufim",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {"key": "shatil", "name": "שתיל", "name_en": "Shatil", "sector": "civil_society", "kind": "ngo", "website": None},
    {
        "key": "sikkuy",
        "name": "סיכוי – העמותה לקידום שוויון אזרחי",
        "name_en": "Sikkuy – The Association for the Advancement of Civic Equality",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {"key": "latet", "name": "לתת", "name_en": "Latet", "sector": "civil_society", "kind": "ngo", "website": None},
    {
        "key": "eshel",
        "name": "אשל – האגודה לתכנון ולפיתוח שירותים למבוגרים בישראל",
        "name_en": "ESHEL – Association for the Planning and Development of Services for the Aged in Israel",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {
        "key": "holocaust_survivors_center",
        "name": "המרכז לארגוני ניצולי השואה בישראל",
        "name_en": "Center of Organizations of Holocaust Survivors in Israel",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {
        "key": "third_sector_center",
        "name": "המרכז הישראלי לחקר המגזר השלישי",
        "name_en": "Israeli Center for Third Sector Research",
        "sector": "civil_society",
        "kind": "university",
        "website": None,
    },
    {
        "key": "huji",
        "name": "האוניברסיטה העברית בירושלים",
        "name_en": "The Hebrew University of Jerusalem",
        "sector": "civil_society",
        "kind": "university",
        "website": "https://www.huji.ac.il",
    },
    {
        "key": "bgu",
        "name": "אוניברסיטת בן-גוריון בנגב",
        "name_en": "Ben-Gurion University of the Negev",
        "sector": "civil_society",
        "kind": "university",
        "website": "https://www.bgu.ac.il",
    },
    {
        "key": "idi",
        "name": "המכון הישראלי לדמוקרטיה",
        "name_en": "Israel Democracy Institute",
        "sector": "civil_society",
        "kind": "ngo",
        "website": "https://www.idi.org.il",
    },
    {
        "key": "kav_mashve",
        "name": "קו משווה",
        "name_en": "Kav Mashve",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {
        "key": "community_beer_sheva",
        "name": "פורום הארגונים הקהילתיים באר שבע",
        "name_en": "Be'er Sheva Community Organisations Forum",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
    {
        "key": "ofek_shaveh",
        "name": "אופק שווה – עמותה לשוויון בחינוך",
        "name_en": "Ofek Shaveh – Equality in Education",
        "sector": "civil_society",
        "kind": "ngo",
        "website": None,
    },
]

STAKEHOLDERS: list[dict[str, Any]] = [
    # --- Government: Prime Minister's Office ---
    {
        "key": "host",
        "full_name": "אורית שגיא",
        "full_name_en": "Orit Sagi",
        "organisation": "pmo",
        "title": "ראשת אגף בכיר לתכנון מדיניות",
        "email": "host@demo.shulchan.org",
        "phone": "+972-50-000-0002",
    },
    {
        "key": "shira_ben_david",
        "full_name": "שירה בן-דוד",
        "full_name_en": "Shira Ben-David",
        "organisation": "pmo",
        "title": "סגנית ראשת אגף תכנון מדיניות",
        "email": "shira.ben-david@example.org",
        "phone": None,
    },
    {
        "key": "yonatan_rivivo",
        "full_name": "יונתן ריביבו",
        "full_name_en": "Yonatan Rivivo",
        "organisation": "pmo",
        "title": "רכז בכיר לקשרי ממשלה וחברה אזרחית",
        "email": "yonatan.rivivo@example.org",
        "phone": "+972-52-555-0103",
    },
    {
        "key": "omri_katz",
        "full_name": "עמרי כץ",
        "full_name_en": "Omri Katz",
        "organisation": "pmo",
        "title": "יועץ בכיר לשיתוף ציבור (לשעבר ראש אגף תכנון מדיניות)",
        "email": "omri.katz@example.org",
        "phone": None,
    },
    # --- Government: Ministry of Education ---
    {
        "key": "ronit_golan",
        "full_name": "רונית גולן",
        "full_name_en": "Ronit Golan",
        "organisation": "education",
        "title": "מנהלת היחידה לשותפויות בין-מגזריות",
        "email": "ronit.golan@example.org",
        "phone": "+972-52-555-0111",
    },
    {
        "key": "avi_mizrahi",
        "full_name": "אבי מזרחי",
        "full_name_en": "Avi Mizrahi",
        "organisation": "education",
        "title": "סגן מנהל המינהל הפדגוגי",
        "email": "avi.mizrahi@example.org",
        "phone": None,
    },
    {
        "key": "samah_khatib",
        "full_name": "סמאח ח'טיב",
        "full_name_en": "Samah Khatib",
        "organisation": "education",
        "title": "מפקחת ארצית לחינוך בחברה הערבית",
        "email": "samah.khatib@example.org",
        "phone": None,
    },
    {
        "key": "galit_peretz",
        "full_name": "גלית פרץ",
        "full_name_en": "Galit Peretz",
        "organisation": "education",
        "title": "רכזת השולחן העגול במשרד החינוך",
        "email": "galit.peretz@example.org",
        "phone": "+972-52-555-0114",
    },
    # --- Government: Ministry of Economy ---
    {
        "key": "moshe_azoulay",
        "full_name": "משה אזולאי",
        "full_name_en": "Moshe Azoulay",
        "organisation": "economy",
        "title": "מנהל האגף לפיתוח כלכלי אזורי",
        "email": "moshe.azoulay@example.org",
        "phone": "+972-52-555-0121",
    },
    {
        "key": "tal_rosen",
        "full_name": "טל רוזן",
        "full_name_en": "Tal Rosen",
        "organisation": "economy",
        "title": "כלכלנית בכירה, מינהל מחקר וכלכלה",
        "email": "tal.rosen@example.org",
        "phone": None,
    },
    {
        "key": "nidal_othman",
        "full_name": "נידאל עותמאן",
        "full_name_en": "Nidal Othman",
        "organisation": "economy",
        "title": "מנהל מחוז הצפון",
        "email": "nidal.othman@example.org",
        "phone": None,
    },
    # --- Government: Authority for Holocaust Survivors' Rights ---
    {
        "key": "hana_weissman",
        "full_name": "חנה וייסמן",
        "full_name_en": "Hana Weissman",
        "organisation": "holocaust_authority",
        "title": "סגנית מנהל הרשות",
        "email": "hana.weissman@example.org",
        "phone": "+972-52-555-0131",
    },
    {
        "key": "david_abramovich",
        "full_name": "דוד אברמוביץ'",
        "full_name_en": "David Abramovich",
        "organisation": "holocaust_authority",
        "title": "ראש תחום קשרי קהילה ועמותות",
        "email": "david.abramovich@example.org",
        "phone": None,
    },
    {
        "key": "inbal_stern",
        "full_name": "ענבל שטרן",
        "full_name_en": "Inbal Stern",
        "organisation": "holocaust_authority",
        "title": "רכזת מידע ומיצוי זכויות",
        "email": "inbal.stern@example.org",
        "phone": None,
    },
    # --- Government: Civil Service Commission ---
    {
        "key": "eran_halevi",
        "full_name": "ערן הלוי",
        "full_name_en": "Eran Halevi",
        "organisation": "civil_service",
        "title": "ראש אגף בכיר לתכנון ולהטמעת הרפורמה",
        "email": "eran.halevi@example.org",
        "phone": "+972-52-555-0141",
    },
    {
        "key": "merav_ohayon",
        "full_name": "מירב אוחיון",
        "full_name_en": "Merav Ohayon",
        "organisation": "civil_service",
        "title": "מנהלת תחום פיתוח הון אנושי",
        "email": "merav.ohayon@example.org",
        "phone": None,
    },
    {
        "key": "yael_friedman",
        "full_name": "יעל פרידמן",
        "full_name_en": "Yael Friedman",
        "organisation": "civil_service",
        "title": "יועצת ארגונית בכירה",
        "email": "yael.friedman@example.org",
        "phone": None,
    },
    # --- Government: other ministries and municipalities ---
    {
        "key": "ilana_shmueli",
        "full_name": "אילנה שמואלי",
        "full_name_en": "Ilana Shmueli",
        "organisation": "welfare",
        "title": "מנהלת תחום בכיר, השירות לאזרחים ותיקים",
        "email": "ilana.shmueli@example.org",
        "phone": None,
    },
    {
        "key": "basel_khoury",
        "full_name": "באסל ח'ורי",
        "full_name_en": "Basel Khoury",
        "organisation": "welfare",
        "title": "מפקח ארצי לעבודה קהילתית",
        "email": "basel.khoury@example.org",
        "phone": None,
    },
    {
        "key": "ido_landau",
        "full_name": "עידו לנדאו",
        "full_name_en": "Ido Landau",
        "organisation": "finance",
        "title": "רכז רווחה, אגף התקציבים",
        "email": "ido.landau@example.org",
        "phone": None,
    },
    {
        "key": "noam_shapira",
        "full_name": "נועם שפירא",
        "full_name_en": "Noam Shapira",
        "organisation": "finance",
        "title": "רכזת חינוך, אגף התקציבים",
        "email": "noam.shapira@example.org",
        "phone": None,
    },
    {
        "key": "limor_ben_shoshan",
        "full_name": "לימור בן-שושן",
        "full_name_en": "Limor Ben-Shoshan",
        "organisation": "health",
        "title": "מנהלת תחום בריאות האזרח הוותיק בקהילה",
        "email": "limor.ben-shoshan@example.org",
        "phone": None,
    },
    {
        "key": "alexander_gurevich",
        "full_name": "אלכסנדר גורביץ'",
        "full_name_en": "Alexander Gurevich",
        "organisation": "negev_galilee",
        "title": "מנהל תחום פיתוח כלכלי",
        "email": "alexander.gurevich@example.org",
        "phone": None,
    },
    {
        "key": "shlomi_dahan",
        "full_name": "שלומי דהן",
        "full_name_en": "Shlomi Dahan",
        "organisation": "interior",
        "title": "סגן מנהל אגף פיתוח הרשויות המקומיות",
        "email": "shlomi.dahan@example.org",
        "phone": None,
    },
    {
        "key": "maya_horowitz",
        "full_name": "מאיה הורוביץ",
        "full_name_en": "Maya Horowitz",
        "organisation": "tel_aviv",
        "title": "מנהלת מחלקת שותפויות, מינהל החינוך",
        "email": "maya.horowitz@example.org",
        "phone": None,
    },
    {
        "key": "shimon_biton",
        "full_name": "שמעון ביטון",
        "full_name_en": "Shimon Biton",
        "organisation": "beer_sheva",
        "title": "מנהל אגף אסטרטגיה ותכנון",
        "email": "shimon.biton@example.org",
        "phone": None,
    },
    {
        "key": "orna_maman",
        "full_name": "אורנה ממן",
        "full_name_en": "Orna Maman",
        "organisation": "beer_sheva",
        "title": "מנהלת מינהל החינוך",
        "email": "orna.maman@example.org",
        "phone": None,
    },
    # --- Business & philanthropy ---
    {
        "key": "dafna_oren",
        "full_name": "דפנה אורן",
        "full_name_en": "Dafna Oren",
        "organisation": "yad_hanadiv",
        "title": "מנהלת תחום חינוך",
        "email": "dafna.oren@example.org",
        "phone": None,
    },
    {
        "key": "yoav_kramer",
        "full_name": "יואב קרמר",
        "full_name_en": "Yoav Kramer",
        "organisation": "yad_hanadiv",
        "title": "מנהל תוכניות, תחום חברה וקהילה",
        "email": "yoav.kramer@example.org",
        "phone": "+972-54-555-0201",
    },
    {
        "key": "sharon_tal",
        "full_name": "שרון טל",
        "full_name_en": "Sharon Tal",
        "organisation": "rashi_foundation",
        "title": "מנהלת תחום פיתוח אזורי",
        "email": "sharon.tal@example.org",
        "phone": None,
    },
    {
        "key": "gil_amar",
        "full_name": "גיל עמר",
        "full_name_en": "Gil Amar",
        "organisation": "rashi_foundation",
        "title": "מנהל תוכניות חינוך",
        "email": "gil.amar@example.org",
        "phone": None,
    },
    {
        "key": "ruth_gabay",
        "full_name": "רות גבאי",
        "full_name_en": "Ruth Gabay",
        "organisation": "jdc_israel",
        "title": "מנהלת תוכניות לאזרחים ותיקים",
        "email": "ruth.gabay@example.org",
        "phone": "+972-54-555-0205",
    },
    {
        "key": "amir_shalev",
        "full_name": "אמיר שלו",
        "full_name_en": "Amir Shalev",
        "organisation": "jdc_israel",
        "title": "מנהל תחום תעסוקה ופיתוח כלכלי",
        "email": "amir.shalev@example.org",
        "phone": None,
    },
    {
        "key": "roni_livne",
        "full_name": "רוני ליבנה",
        "full_name_en": "Roni Livne",
        "organisation": "manufacturers",
        "title": "מנהל תחום קשרי ממשל וקהילה",
        "email": "roni.livne@example.org",
        "phone": None,
    },
    {
        "key": "efrat_suissa",
        "full_name": "אפרת סויסה",
        "full_name_en": "Efrat Suissa",
        "organisation": "manufacturers",
        "title": "כלכלנית בכירה",
        "email": "efrat.suissa@example.org",
        "phone": None,
    },
    {
        "key": "zvi_greenberg",
        "full_name": "צבי גרינברג",
        "full_name_en": "Zvi Greenberg",
        "organisation": "chambers_of_commerce",
        "title": 'יו"ר ועדת התעסוקה',
        "email": None,
        "phone": None,
    },
    {
        "key": "liat_sasson",
        "full_name": "ליאת ששון",
        "full_name_en": "Liat Sasson",
        "organisation": "maala",
        "title": "מנהלת שותפויות עסקיות-חברתיות",
        "email": "liat.sasson@example.org",
        "phone": None,
    },
    {
        "key": "asaf_neumann",
        "full_name": "אסף נוימן",
        "full_name_en": "Asaf Neumann",
        "organisation": "maala",
        "title": "יועץ לאחריות תאגידית",
        "email": "asaf.neumann@example.org",
        "phone": None,
    },
    {
        "key": "ella_almog",
        "full_name": "אלה אלמוג",
        "full_name_en": "Ella Almog",
        "organisation": "almog_foundation",
        "title": 'יו"ר הקרן',
        "email": None,
        "phone": None,
    },
    {
        "key": "amit_vaknin",
        "full_name": "עמית וקנין",
        "full_name_en": "Amit Vaknin",
        "organisation": "almog_foundation",
        "title": "מנהל הקרן",
        "email": "amit.vaknin@example.org",
        "phone": "+972-54-555-0213",
    },
    {
        "key": "naama_klein",
        "full_name": "נעמה קליין",
        "full_name_en": "Naama Klein",
        "organisation": "gsharim_foundation",
        "title": "מנהלת השקעות חברתיות",
        "email": "naama.klein@example.org",
        "phone": None,
    },
    {
        "key": "uri_peleg",
        "full_name": "אורי פלג",
        "full_name_en": "Uri Peleg",
        "organisation": "migdalor",
        "title": 'סמנכ"ל משאבי אנוש',
        "email": "uri.peleg@example.org",
        "phone": None,
    },
    {
        "key": "talia_shachar",
        "full_name": "טליה שחר",
        "full_name_en": "Talia Shachar",
        "organisation": "migdalor",
        "title": "מנהלת אחריות תאגידית",
        "email": "talia.shachar@example.org",
        "phone": None,
    },
    {
        "key": "sigal_mor",
        "full_name": "סיגל מור",
        "full_name_en": "Sigal Mor",
        "organisation": "rakia",
        "title": "מנהלת תרומה לקהילה והתנדבות",
        "email": "sigal.mor@example.org",
        "phone": None,
    },
    {
        "key": "george_haddad",
        "full_name": "ג'ורג' חדאד",
        "full_name_en": "George Haddad",
        "organisation": "negev_solar",
        "title": 'מנכ"ל',
        "email": "george.haddad@example.org",
        "phone": "+972-54-555-0218",
    },
    # --- Civil society: Shitufim (the facilitation organisation) ---
    {
        "key": "facilitator",
        "full_name": "נועה ברק",
        "full_name_en": "Noa Barak",
        "organisation": "shitufim",
        "title": "מנחת שולחנות עגולים",
        "email": "facilitator@demo.shulchan.org",
        "phone": "+972-50-000-0001",
    },
    {
        "key": "facilitator2",
        "full_name": "איתי שמעוני",
        "full_name_en": "Itai Shimoni",
        "organisation": "shitufim",
        "title": "מנחה שולחנות עגולים",
        "email": "facilitator2@demo.shulchan.org",
        "phone": "+972-50-000-0005",
    },
    {
        "key": "hadas_levi",
        "full_name": "הדס לוי",
        "full_name_en": "Hadas Levi",
        "organisation": "shitufim",
        "title": "רכזת ניהול ידע ותיעוד",
        "email": "hadas.levi@example.org",
        "phone": None,
    },
    # --- Civil society: NGOs ---
    {
        "key": "member",
        "full_name": "תמר אלקיים",
        "full_name_en": "Tamar Elkayam",
        "organisation": "shatil",
        "title": "מנהלת תחום מדיניות ושינוי חברתי",
        "email": "member@demo.shulchan.org",
        "phone": "+972-50-000-0003",
    },
    {
        "key": "oz_ben_haim",
        "full_name": "עוז בן-חיים",
        "full_name_en": "Oz Ben-Haim",
        "organisation": "shatil",
        "title": "יועץ ארגוני בכיר",
        "email": "oz.ben-haim@example.org",
        "phone": None,
    },
    {
        "key": "rania_haj_yahya",
        "full_name": "ראניה חאג' יחיא",
        "full_name_en": "Rania Haj Yahya",
        "organisation": "sikkuy",
        "title": "מנהלת תחום שוויון בהקצאת משאבים",
        "email": "rania.hajyahya@example.org",
        "phone": None,
    },
    {
        "key": "idan_shavit",
        "full_name": "עידן שביט",
        "full_name_en": "Idan Shavit",
        "organisation": "sikkuy",
        "title": "רכז מדיניות ומחקר",
        "email": "idan.shavit@example.org",
        "phone": None,
    },
    {
        "key": "lia_karmi",
        "full_name": "ליה כרמי",
        "full_name_en": "Lia Karmi",
        "organisation": "latet",
        "title": "מנהלת מחקר ומדיניות",
        "email": "lia.karmi@example.org",
        "phone": None,
    },
    {
        "key": "yuval_berkovich",
        "full_name": "יובל ברקוביץ'",
        "full_name_en": "Yuval Berkovich",
        "organisation": "latet",
        "title": "מנהל שותפויות",
        "email": "yuval.berkovich@example.org",
        "phone": None,
    },
    {
        "key": "zehava_shemesh",
        "full_name": "זהבה שמש",
        "full_name_en": "Zehava Shemesh",
        "organisation": "eshel",
        "title": "מנהלת תחום קהילות תומכות",
        "email": "zehava.shemesh@example.org",
        "phone": None,
    },
    {
        "key": "svetlana_kogan",
        "full_name": "סבטלנה קוגן",
        "full_name_en": "Svetlana Kogan",
        "organisation": "eshel",
        "title": "מתכננת שירותים לאזרחים ותיקים",
        "email": "svetlana.kogan@example.org",
        "phone": None,
    },
    {
        "key": "avraham_roth",
        "full_name": "אברהם רוט",
        "full_name_en": "Avraham Roth",
        "organisation": "holocaust_survivors_center",
        "title": "חבר הנהלה",
        "email": None,
        "phone": "+972-2-555-0307",
    },
    {
        "key": "shula_gross",
        "full_name": "שולה גרוס",
        "full_name_en": "Shula Gross",
        "organisation": "holocaust_survivors_center",
        "title": "רכזת ארגוני ניצולים",
        "email": "shula.gross@example.org",
        "phone": None,
    },
    {
        "key": "itamar_weiss",
        "full_name": "איתמר וייס",
        "full_name_en": "Itamar Weiss",
        "organisation": "idi",
        "title": "חוקר בכיר, תחום השירות הציבורי",
        "email": "itamar.weiss@example.org",
        "phone": None,
    },
    {
        "key": "noga_frenkel",
        "full_name": "נגה פרנקל",
        "full_name_en": "Noga Frenkel",
        "organisation": "idi",
        "title": "עמיתת מחקר",
        "email": "noga.frenkel@example.org",
        "phone": None,
    },
    {
        "key": "walid_odeh",
        "full_name": "וליד עודה",
        "full_name_en": "Walid Odeh",
        "organisation": "kav_mashve",
        "title": "מנהל תוכניות תעסוקה",
        "email": "walid.odeh@example.org",
        "phone": None,
    },
    {
        "key": "mazal_assulin",
        "full_name": "מזל אסולין",
        "full_name_en": "Mazal Assulin",
        "organisation": "community_beer_sheva",
        "title": 'מנכ"לית',
        "email": "mazal.assulin@example.org",
        "phone": "+972-8-555-0312",
    },
    {
        "key": "berhanu_tegenya",
        "full_name": "ברהנו טגניה",
        "full_name_en": "Berhanu Tegenya",
        "organisation": "community_beer_sheva",
        "title": "רכז קהילה",
        "email": None,
        "phone": None,
    },
    {
        "key": "shani_malka",
        "full_name": "שני מלכה",
        "full_name_en": "Shani Malka",
        "organisation": "ofek_shaveh",
        "title": 'מנכ"לית',
        "email": "shani.malka@example.org",
        "phone": None,
    },
    {
        "key": "samer_nassar",
        "full_name": "סאמר נסאר",
        "full_name_en": "Samer Nassar",
        "organisation": "ofek_shaveh",
        "title": "רכז תוכניות בחברה הערבית",
        "email": "samer.nassar@example.org",
        "phone": None,
    },
    # --- Civil society: academia ---
    {
        "key": "observer",
        "full_name": "יהודית ענבר",
        "full_name_en": "Yehudit Inbar",
        "organisation": "huji",
        "title": 'ד"ר, יועצת אקדמית לשולחן – בית הספר למדיניות ציבורית',
        "email": "observer@demo.shulchan.org",
        "phone": "+972-50-000-0004",
    },
    {
        "key": "eli_nahmias",
        "full_name": "אלי נחמיאס",
        "full_name_en": "Eli Nahmias",
        "organisation": "huji",
        "title": "מרצה בכיר לעבודה סוציאלית",
        "email": "eli.nahmias@example.org",
        "phone": None,
    },
    {
        "key": "haim_abutbul",
        "full_name": "חיים אבוטבול",
        "full_name_en": "Haim Abutbul",
        "organisation": "bgu",
        "title": "פרופסור לכלכלה אזורית",
        "email": "haim.abutbul@example.org",
        "phone": None,
    },
    {
        "key": "nisreen_amer",
        "full_name": "נסרין עאמר",
        "full_name_en": "Nisreen Amer",
        "organisation": "bgu",
        "title": 'ד"ר, חוקרת בתחום מדיניות חינוך',
        "email": "nisreen.amer@example.org",
        "phone": None,
    },
    {
        "key": "osnat_lavi",
        "full_name": "אסנת לביא",
        "full_name_en": "Osnat Lavi",
        "organisation": "third_sector_center",
        "title": "חוקרת בכירה",
        "email": "osnat.lavi@example.org",
        "phone": None,
    },
]

ROUNDTABLES: list[dict[str, Any]] = [
    {
        "key": "pmo",
        "title": "השולחן העגול במשרד ראש הממשלה (השולחן הממשקי)",
        "title_en": "The Prime Minister's Office Roundtable (the interface roundtable)",
        "host": "pmo",
        "status": "active",
        "visibility": "public",
        "policy_area": "יחסי ממשלה, חברה אזרחית ומגזר עסקי",
        "founding_reference": "החלטת ממשלה 3190 (2008)",
        "started_on": date(2009, 1, 1),
        "ended_on": None,
        "description": (
            "השולחן העגול הממשקי פועל במשרד ראש הממשלה מאז 2009 כפלטפורמה קבועה לשיח בין נציגי הממשלה, "
            "המגזר העסקי-פילנתרופי והחברה האזרחית. השולחן הוקם בעקבות החלטת ממשלה 3190 ועוסק בסוגיות רוחב "
            "ביחסים בין המגזרים: מדיניות, מימון, שקיפות ושיתוף הציבור. שלוש שנות פעילותו הראשונות סוכמו "
            "במסמך מסכם, ומאז הוא משמש מודל לשולחנות עגולים במשרדי ממשלה נוספים."
        ),
        "goals": [
            {
                "title": "גיבוש מודל עבודה לשולחנות עגולים משרדיים",
                "description": "פיתוח מודל, כלים ונהלים להקמה ולהפעלה של שולחנות עגולים בין-מגזריים במשרדי ממשלה "
                "נוספים, על בסיס הניסיון שנצבר בשולחן.",
                "status": "achieved",
                "target_date": date(2012, 12, 31),
            },
            {
                "title": "סיכום רב-שנתי של פעילות השולחן",
                "description": "כתיבה והפצה של מסמך המסכם שבע שנות פעילות – תהליכים, תוצרים ולקחים – בהמשך לסיכום "
                "שלוש השנים הראשונות (2009–2011).",
                "status": "achieved",
                "target_date": date(2016, 12, 31),
            },
            {
                "title": "עיגון עקרונות החלטה 3190 בעבודת משרדי הממשלה",
                "description": "מעקב שנתי אחר יישום עקרונות השותפות, ההעצמה והשקיפות בין המגזרים, והצגת ממצאי "
                "המעקב להנהלת משרד ראש הממשלה.",
                "status": "in_progress",
                "target_date": date(2026, 12, 31),
            },
            {
                "title": "עקרונות שקופים לתמיכה ממשלתית בארגוני החברה האזרחית",
                "description": "גיבוש המלצות משותפות לכללים שוויוניים ושקופים בהקצאת תמיכות ובהתקשרויות של משרדי "
                "הממשלה עם עמותות.",
                "status": "in_progress",
                "target_date": date(2027, 6, 30),
            },
            {
                "title": "פרסום שוטף של תוצרי השולחן לציבור",
                "description": "הנגשת סיכומי דיון, הסכמות ותוצרי ידע של השולחן לציבור הרחב באופן קבוע ומסודר.",
                "status": "open",
                "target_date": date(2027, 6, 30),
            },
        ],
        "seats": [
            {"stakeholder": "facilitator", "role": "facilitator", "started_on": date(2009, 1, 1), "alternate": None},
            {
                "stakeholder": "omri_katz",
                "role": "host",
                "started_on": date(2009, 1, 1),
                "alternate": None,
                "ended_on": date(2015, 8, 31),
            },
            {"stakeholder": "host", "role": "host", "started_on": date(2015, 9, 1), "alternate": "shira_ben_david"},
            # government
            {"stakeholder": "ilana_shmueli", "role": "member", "started_on": date(2010, 1, 15), "alternate": None},
            {"stakeholder": "ido_landau", "role": "member", "started_on": date(2012, 3, 1), "alternate": None},
            {"stakeholder": "shlomi_dahan", "role": "member", "started_on": date(2017, 5, 1), "alternate": None},
            # business & philanthropy
            {"stakeholder": "yoav_kramer", "role": "member", "started_on": date(2009, 1, 1), "alternate": None},
            {"stakeholder": "ruth_gabay", "role": "member", "started_on": date(2009, 1, 1), "alternate": None},
            {"stakeholder": "roni_livne", "role": "member", "started_on": date(2011, 6, 1), "alternate": None},
            {"stakeholder": "liat_sasson", "role": "member", "started_on": date(2013, 2, 1), "alternate": None},
            {"stakeholder": "ella_almog", "role": "member", "started_on": date(2019, 9, 1), "alternate": None},
            # civil society
            {"stakeholder": "member", "role": "member", "started_on": date(2009, 1, 1), "alternate": "oz_ben_haim"},
            {"stakeholder": "rania_haj_yahya", "role": "member", "started_on": date(2010, 1, 15), "alternate": None},
            {
                "stakeholder": "yuval_berkovich",
                "role": "member",
                "started_on": date(2009, 1, 1),
                "alternate": None,
                "ended_on": date(2016, 6, 30),
            },
            {"stakeholder": "lia_karmi", "role": "member", "started_on": date(2016, 7, 1), "alternate": None},
            {"stakeholder": "osnat_lavi", "role": "member", "started_on": date(2009, 1, 1), "alternate": None},
            {"stakeholder": "mazal_assulin", "role": "member", "started_on": date(2014, 9, 1), "alternate": None},
            {"stakeholder": "walid_odeh", "role": "member", "started_on": date(2021, 1, 10), "alternate": None},
            {"stakeholder": "observer", "role": "observer", "started_on": date(2009, 1, 1), "alternate": None},
        ],
    },
    {
        "key": "education",
        "title": "השולחן העגול במשרד החינוך",
        "title_en": "The Ministry of Education Roundtable",
        "host": "education",
        "status": "active",
        "visibility": "internal",
        "policy_area": "חינוך ושותפויות בין-מגזריות",
        "founding_reference": "החלטת הנהלת משרד החינוך על הקמת שולחן עגול בין-מגזרי (2010)",
        "started_on": date(2010, 10, 1),
        "ended_on": None,
        "description": (
            "השולחן העגול במשרד החינוך מפגיש את הנהלת המשרד עם קרנות, חברות עסקיות ועמותות הפועלות במערכת "
            "החינוך. השולחן פועל לתיאום ההשקעות והתוכניות החיצוניות בבתי הספר ולגיבוש כללים שקופים לשיתופי "
            "פעולה, בדגש על צמצום פערים בפריפריה ובחברה הערבית. דיוני השולחן פנימיים, ותוצריו מופצים לחברי "
            "השולחן ולהנהלת המשרד."
        ),
        "goals": [
            {
                "title": "עיגון כללים לשיתופי פעולה עם ארגונים וקרנות",
                "description": "גיבוש נוהל משותף לשיתופי פעולה בין המשרד לבין גופים מהמגזר השלישי והעסקי ועיגונו "
                'בחוזר מנכ"ל.',
                "status": "achieved",
                "target_date": date(2013, 8, 31),
            },
            {
                "title": "מיפוי התוכניות החיצוניות הפועלות בבתי הספר",
                "description": "הקמת מאגר מידע משותף ומתעדכן של תוכניות חיצוניות, כדי למנוע כפילויות ולזהות אזורים "
                "שאינם מקבלים מענה.",
                "status": "in_progress",
                "target_date": date(2026, 8, 31),
            },
            {
                "title": "צמצום פערים בפריפריה ובחברה הערבית",
                "description": "תיאום השקעות של קרנות ועמותות עם תוכניות המשרד ביישובים בעלי מדד טיפוח גבוה.",
                "status": "in_progress",
                "target_date": date(2027, 12, 31),
            },
            {
                "title": "מדדים משותפים להערכת השפעה",
                "description": "פיתוח מערך מדדים אחיד שיאפשר למשרד, לקרנות ולעמותות להעריך יחד את תוצאות "
                "התוכניות המשותפות.",
                "status": "open",
                "target_date": date(2026, 12, 31),
            },
        ],
        "seats": [
            {"stakeholder": "facilitator2", "role": "facilitator", "started_on": date(2010, 10, 1), "alternate": None},
            {
                "stakeholder": "ronit_golan",
                "role": "host",
                "started_on": date(2010, 10, 1),
                "alternate": "galit_peretz",
            },
            {"stakeholder": "avi_mizrahi", "role": "host", "started_on": date(2014, 9, 1), "alternate": None},
            # government
            {"stakeholder": "samah_khatib", "role": "member", "started_on": date(2012, 1, 1), "alternate": None},
            {"stakeholder": "noam_shapira", "role": "member", "started_on": date(2015, 2, 1), "alternate": None},
            {"stakeholder": "maya_horowitz", "role": "member", "started_on": date(2011, 3, 1), "alternate": None},
            {"stakeholder": "orna_maman", "role": "member", "started_on": date(2016, 9, 1), "alternate": None},
            # business & philanthropy
            {"stakeholder": "dafna_oren", "role": "member", "started_on": date(2010, 10, 1), "alternate": None},
            {"stakeholder": "gil_amar", "role": "member", "started_on": date(2010, 10, 1), "alternate": None},
            {"stakeholder": "uri_peleg", "role": "member", "started_on": date(2013, 1, 1), "alternate": None},
            {"stakeholder": "naama_klein", "role": "member", "started_on": date(2018, 5, 1), "alternate": None},
            # civil society
            {"stakeholder": "shani_malka", "role": "member", "started_on": date(2010, 10, 1), "alternate": None},
            {"stakeholder": "samer_nassar", "role": "member", "started_on": date(2012, 1, 1), "alternate": None},
            {"stakeholder": "idan_shavit", "role": "member", "started_on": date(2014, 3, 1), "alternate": None},
            {"stakeholder": "oz_ben_haim", "role": "member", "started_on": date(2010, 10, 1), "alternate": None},
            {"stakeholder": "nisreen_amer", "role": "observer", "started_on": date(2015, 10, 1), "alternate": None},
        ],
    },
    {
        "key": "economy",
        "title": 'השולחן לפיתוח כלכלי-אזורי במשרד התמ"ת (כלכלה)',
        "title_en": "Regional Economic Development Table",
        "host": "economy",
        "status": "concluded",
        "visibility": "public",
        "policy_area": "פיתוח כלכלי אזורי ותעסוקה בפריפריה",
        "founding_reference": 'החלטת הנהלת משרד התמ"ת (2010), ברוח החלטת ממשלה 3190',
        "started_on": date(2011, 1, 1),
        "ended_on": date(2015, 12, 31),
        "description": (
            'השולחן לפיתוח כלכלי-אזורי פעל במשרד התמ"ת (לימים משרד הכלכלה) בשנים 2011–2015, וריכז שיח בין '
            "נציגי הממשלה והרשויות המקומיות, ארגונים עסקיים וארגוני חברה אזרחית בנגב ובגליל. השולחן גיבש "
            "המלצות לחיזוק הכלכלה המקומית ולשילוב אוכלוסיות מודרות בתעסוקה, ועם סיום פעילותו הגיש מסמך "
            "המלצות מסכם להנהלת המשרד."
        ),
        "goals": [
            {
                "title": "הקמת פורומים אזוריים לפיתוח כלכלי בנגב ובגליל",
                "description": "כינוס פורומים קבועים של רשויות מקומיות, מעסיקים וארגונים אזרחיים בכל אחד מהאזורים.",
                "status": "achieved",
                "target_date": date(2013, 12, 31),
            },
            {
                "title": "שילוב אוכלוסיות מודרות בתעסוקה איכותית",
                "description": "גיבוש תוכנית משותפת להכשרה ולהשמה של צעירים מהחברה הערבית, מהחברה הבדואית ומיוצאי "
                "אתיופיה במפעלים ובעסקים באזורי הפריפריה.",
                "status": "achieved",
                "target_date": date(2015, 6, 30),
            },
            {
                "title": "קרן הלוואות לעסקים קטנים בפריפריה",
                "description": "הקמת קרן משותפת לממשלה ולפילנתרופיה למתן הלוואות לעסקים קטנים. היעד הוסר לאחר "
                "שלא נמצא לו מקור תקציבי.",
                "status": "dropped",
                "target_date": date(2014, 6, 30),
            },
            {
                "title": "הגשת מסמך המלצות מסכם",
                "description": "ריכוז לקחי השולחן והמלצותיו למדיניות פיתוח כלכלי אזורי והגשתם להנהלת המשרד.",
                "status": "achieved",
                "target_date": date(2015, 12, 31),
            },
        ],
        "seats": [
            {"stakeholder": "facilitator", "role": "facilitator", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "moshe_azoulay", "role": "host", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "tal_rosen", "role": "host", "started_on": date(2011, 1, 1), "alternate": None},
            # government
            {"stakeholder": "nidal_othman", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "alexander_gurevich", "role": "member", "started_on": date(2011, 4, 1), "alternate": None},
            {"stakeholder": "shimon_biton", "role": "member", "started_on": date(2012, 2, 1), "alternate": None},
            {"stakeholder": "shlomi_dahan", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            # business & philanthropy
            {"stakeholder": "efrat_suissa", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "zvi_greenberg", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "george_haddad", "role": "member", "started_on": date(2012, 6, 1), "alternate": None},
            {"stakeholder": "sharon_tal", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "amir_shalev", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            # civil society
            {"stakeholder": "walid_odeh", "role": "member", "started_on": date(2011, 1, 1), "alternate": None},
            {"stakeholder": "mazal_assulin", "role": "member", "started_on": date(2011, 4, 1), "alternate": None},
            {"stakeholder": "berhanu_tegenya", "role": "member", "started_on": date(2013, 1, 1), "alternate": None},
            {"stakeholder": "haim_abutbul", "role": "observer", "started_on": date(2011, 1, 1), "alternate": None},
        ],
    },
    {
        "key": "holocaust",
        "title": "השולחן העגול ברשות לזכויות ניצולי השואה",
        "title_en": "Roundtable at the Authority for Holocaust Survivors' Rights",
        "host": "holocaust_authority",
        "status": "active",
        "visibility": "public",
        "policy_area": "רווחה ומיצוי זכויות של ניצולי השואה",
        "founding_reference": "החלטת הנהלת הרשות לזכויות ניצולי השואה (2012)",
        "started_on": date(2012, 5, 1),
        "ended_on": None,
        "description": (
            "השולחן העגול ברשות לזכויות ניצולי השואה מרכז את הגופים הממשלתיים, הקרנות והארגונים הפועלים למען "
            "ניצולי השואה. מטרתו לשפר את מיצוי הזכויות, לתאם בין השירותים הניתנים לניצולים ולפתח מענים "
            "משותפים לבדידות ולמצוקה כלכלית. השולחן פועל מתוך הכרה בכך שהזמן קצר, ושכל שיפור במענה משפיע "
            "ישירות על איכות חייהם של הניצולים."
        ),
        "goals": [
            {
                "title": "הגדלת מיצוי הזכויות של ניצולי השואה",
                "description": "איתור יזום של ניצולים שאינם ממצים את זכויותיהם, בשיתוף עמותות, רשויות מקומיות "
                "ומתנדבים.",
                "status": "in_progress",
                "target_date": date(2026, 12, 31),
            },
            {
                "title": "רשת מתנדבים לליווי ניצולים בודדים",
                "description": "פיתוח מודל משותף לליווי אישי של ניצולים החיים לבדם, שהורחב בתקופת מגפת הקורונה.",
                "status": "achieved",
                "target_date": date(2021, 6, 30),
            },
            {
                "title": "מפת שירותים משותפת לניצולים",
                "description": "ריכוז המידע על השירותים שמעניקים הממשלה, הקרנות והעמותות במקום אחד, לשימוש "
                "הניצולים, בני משפחותיהם והעובדים הסוציאליים.",
                "status": "in_progress",
                "target_date": date(2027, 6, 30),
            },
            {
                "title": "שילוב ניצולים בהעברת המורשת בקהילה",
                "description": "בניית תוכנית משותפת למפגשי ניצולים עם תלמידים ועם קהילות ברחבי הארץ.",
                "status": "open",
                "target_date": date(2027, 4, 30),
            },
        ],
        "seats": [
            {"stakeholder": "facilitator2", "role": "facilitator", "started_on": date(2012, 5, 1), "alternate": None},
            {
                "stakeholder": "hana_weissman",
                "role": "host",
                "started_on": date(2012, 5, 1),
                "alternate": "inbal_stern",
            },
            {"stakeholder": "david_abramovich", "role": "host", "started_on": date(2012, 5, 1), "alternate": None},
            # government
            {"stakeholder": "ilana_shmueli", "role": "member", "started_on": date(2012, 5, 1), "alternate": None},
            {"stakeholder": "limor_ben_shoshan", "role": "member", "started_on": date(2013, 1, 1), "alternate": None},
            {"stakeholder": "ido_landau", "role": "member", "started_on": date(2014, 2, 1), "alternate": None},
            {"stakeholder": "basel_khoury", "role": "member", "started_on": date(2016, 3, 1), "alternate": None},
            # business & philanthropy
            {"stakeholder": "ruth_gabay", "role": "member", "started_on": date(2012, 5, 1), "alternate": None},
            {"stakeholder": "amit_vaknin", "role": "member", "started_on": date(2017, 1, 1), "alternate": None},
            {"stakeholder": "sigal_mor", "role": "member", "started_on": date(2020, 4, 1), "alternate": None},
            # civil society
            {"stakeholder": "avraham_roth", "role": "member", "started_on": date(2012, 5, 1), "alternate": None},
            {"stakeholder": "shula_gross", "role": "member", "started_on": date(2012, 5, 1), "alternate": None},
            {"stakeholder": "zehava_shemesh", "role": "member", "started_on": date(2012, 5, 1), "alternate": None},
            {"stakeholder": "svetlana_kogan", "role": "member", "started_on": date(2015, 9, 1), "alternate": None},
            {"stakeholder": "lia_karmi", "role": "member", "started_on": date(2018, 1, 1), "alternate": None},
            {"stakeholder": "eli_nahmias", "role": "observer", "started_on": date(2012, 5, 1), "alternate": None},
        ],
    },
    {
        "key": "civil_service",
        "title": "השולחנות העגולים לקידום הרפורמה בשירות המדינה",
        "title_en": "Roundtables for Civil Service Reform",
        "host": "civil_service",
        "status": "paused",
        "visibility": "internal",
        "policy_area": "רפורמה בשירות המדינה והון אנושי",
        "founding_reference": "החלטת נציבות שירות המדינה במסגרת תוכנית הרפורמה בשירות המדינה (2014)",
        "started_on": date(2014, 6, 1),
        "ended_on": None,
        "description": (
            "השולחנות העגולים לקידום הרפורמה בשירות המדינה הוקמו בנציבות שירות המדינה כדי לשתף ארגוני חברה "
            "אזרחית, אנשי אקדמיה ומעסיקים מהמגזר העסקי בתכנון הרפורמה ובהטמעתה. השולחנות עסקו בגיוון "
            "תעסוקתי, בפיתוח הון אנושי ובשיתוף הציבור בתהליכי קבלת החלטות. פעילותם הוקפאה זמנית, ונבחן "
            "מתווה לחידושה."
        ),
        "goals": [
            {
                "title": "ייצוג הולם וגיוון תעסוקתי בשירות המדינה",
                "description": "גיבוש המלצות לקידום ייצוג הולם של אזרחים ערבים, יוצאי אתיופיה ואנשים עם מוגבלות "
                "בשירות המדינה, כולל בדרגים הבכירים.",
                "status": "in_progress",
                "target_date": date(2026, 12, 31),
            },
            {
                "title": "שיתוף הציבור בתכנון הרפורמה",
                "description": "קיום סבב היוועצות עם ארגונים ומומחים מחוץ לממשלה לפני גיבוש עיקרי הרפורמה.",
                "status": "achieved",
                "target_date": date(2016, 12, 31),
            },
            {
                "title": "תוכנית ניידות בין-מגזרית לעובדי מדינה",
                "description": "בחינת מודל להשאלת עובדים בין שירות המדינה, המגזר העסקי והחברה האזרחית לתקופות קצובות.",
                "status": "open",
                "target_date": date(2026, 12, 31),
            },
            {
                "title": "מתווה לחידוש פעילות השולחנות",
                "description": "גיבוש מתווה מעודכן – הרכב, נושאים ולוח זמנים – לחידוש הפעילות לאחר ההקפאה.",
                "status": "open",
                "target_date": date(2026, 9, 30),
            },
        ],
        "seats": [
            {"stakeholder": "facilitator", "role": "facilitator", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "eran_halevi", "role": "host", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "merav_ohayon", "role": "host", "started_on": date(2016, 1, 1), "alternate": None},
            # government
            {"stakeholder": "yael_friedman", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "yonatan_rivivo", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "basel_khoury", "role": "member", "started_on": date(2015, 3, 1), "alternate": None},
            # business & philanthropy
            {"stakeholder": "talia_shachar", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "asaf_neumann", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "roni_livne", "role": "member", "started_on": date(2015, 1, 1), "alternate": None},
            # civil society
            {"stakeholder": "itamar_weiss", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "noga_frenkel", "role": "member", "started_on": date(2016, 1, 1), "alternate": None},
            {"stakeholder": "idan_shavit", "role": "member", "started_on": date(2014, 6, 1), "alternate": None},
            {"stakeholder": "berhanu_tegenya", "role": "member", "started_on": date(2015, 3, 1), "alternate": None},
            {"stakeholder": "osnat_lavi", "role": "observer", "started_on": date(2014, 6, 1), "alternate": None},
        ],
    },
]


def check() -> None:
    """Assert that the demo data obeys its own rules; raise AssertionError on the first breach."""
    sector_keys = [s["key"] for s in SECTORS]
    assert sector_keys == ["government", "business_philanthropy", "civil_society"], sector_keys
    for s in SECTORS:
        assert set(s) == {"key", "name_he", "name_en", "colour", "position"}, s
        assert len(s["colour"]) == 7 and s["colour"].startswith("#"), s

    # --- organisations ---
    assert 32 <= len(ORGANISATIONS) <= 36, len(ORGANISATIONS)
    kinds = {"ministry", "company", "foundation", "ngo", "university", "municipality", "other"}
    org_keys = [o["key"] for o in ORGANISATIONS]
    assert len(org_keys) == len(set(org_keys)), "duplicate organisation keys"
    orgs = {o["key"]: o for o in ORGANISATIONS}
    for o in ORGANISATIONS:
        assert set(o) == {"key", "name", "name_en", "sector", "kind", "website"}, o
        assert o["sector"] in sector_keys, o
        assert o["kind"] in kinds, o
        assert o["name"] and len(o["name"]) <= 200 and (o["name_en"] is None or len(o["name_en"]) <= 200), o
    assert len({o["name"] for o in ORGANISATIONS}) == len(ORGANISATIONS), "duplicate organisation names"
    for key in ("pmo", "education", "economy", "holocaust_authority", "civil_service"):
        assert orgs[key]["sector"] == "government" and orgs[key]["kind"] == "ministry", key
    assert orgs["shitufim"]["sector"] == "civil_society" and orgs["shitufim"]["kind"] == "ngo"
    for o in ORGANISATIONS:
        if o["kind"] == "university":
            assert o["sector"] == "civil_society", o
    per_sector = {k: sum(1 for o in ORGANISATIONS if o["sector"] == k) for k in sector_keys}
    assert all(10 <= n <= 14 for n in per_sector.values()), per_sector

    # --- stakeholders ---
    assert 64 <= len(STAKEHOLDERS) <= 72, len(STAKEHOLDERS)
    sh_keys = [p["key"] for p in STAKEHOLDERS]
    assert len(sh_keys) == len(set(sh_keys)), "duplicate stakeholder keys"
    people = {p["key"]: p for p in STAKEHOLDERS}
    emails = [p["email"] for p in STAKEHOLDERS if p["email"] is not None]
    assert len(emails) == len(set(emails)), "duplicate emails"
    assert len({p["full_name"] for p in STAKEHOLDERS}) == len(STAKEHOLDERS), "duplicate names"
    for p in STAKEHOLDERS:
        assert set(p) == {"key", "full_name", "full_name_en", "organisation", "title", "email", "phone"}, p
        assert p["organisation"] in orgs, p
        assert p["full_name"] and p["full_name_en"], p
        assert p["title"] is None or len(p["title"]) <= 200, p
        if p["email"] is not None:
            assert p["email"].endswith(("@demo.shulchan.org", "@example.org")), p
        assert p["phone"] is None or (p["phone"].startswith("+972-") and len(p["phone"]) <= 40), p
    demo_users = {"facilitator": "shitufim", "facilitator2": "shitufim", "host": "pmo"}
    for key, org in demo_users.items():
        assert people[key]["organisation"] == org, key
    for key in ("facilitator", "facilitator2", "host", "member", "observer"):
        assert people[key]["email"] == f"{key}@demo.shulchan.org", key
    assert orgs[people["member"]["organisation"]]["sector"] == "civil_society"
    assert orgs[people["observer"]["organisation"]]["kind"] == "university"
    for org_key in {o["key"] for o in ORGANISATIONS}:
        assert any(p["organisation"] == org_key for p in STAKEHOLDERS), f"no people at {org_key}"
    people_per_sector = {k: sum(1 for p in STAKEHOLDERS if orgs[p["organisation"]]["sector"] == k) for k in sector_keys}
    assert all(n >= 15 for n in people_per_sector.values()), people_per_sector

    def sector_of(stakeholder_key: str) -> str:
        return orgs[people[stakeholder_key]["organisation"]]["sector"]

    # --- roundtables ---
    rt_keys = [r["key"] for r in ROUNDTABLES]
    assert rt_keys == ["pmo", "education", "economy", "holocaust", "civil_service"], rt_keys
    rts = {r["key"]: r for r in ROUNDTABLES}
    expected_hosts = {
        "pmo": "pmo",
        "education": "education",
        "economy": "economy",
        "holocaust": "holocaust_authority",
        "civil_service": "civil_service",
    }
    rt_fields = {
        "key",
        "title",
        "title_en",
        "host",
        "status",
        "visibility",
        "policy_area",
        "founding_reference",
        "started_on",
        "ended_on",
        "description",
        "goals",
        "seats",
    }
    today = date.today()
    for r in ROUNDTABLES:
        key = r["key"]
        assert set(r) == rt_fields, (key, set(r) ^ rt_fields)
        assert r["host"] == expected_hosts[key], key
        assert r["status"] in {"forming", "active", "paused", "concluded"}, key
        assert r["visibility"] in {"public", "internal"}, key
        assert len(r["title"]) <= 300 and len(r["policy_area"]) <= 200 and len(r["founding_reference"]) <= 300, key
        assert r["description"].count(".") >= 2, key
        assert isinstance(r["started_on"], date) and r["started_on"] <= today, key
        assert (r["ended_on"] is not None) == (r["status"] == "concluded"), key
        assert r["ended_on"] is None or r["ended_on"] >= r["started_on"], key
        last_day = r["ended_on"] or today

        assert 3 <= len(r["goals"]) <= 5, key
        for g in r["goals"]:
            assert set(g) == {"title", "description", "status", "target_date"}, g
            assert g["status"] in {"open", "in_progress", "achieved", "dropped"}, g
            assert g["title"] and g["description"] and len(g["title"]) <= 300, g
            if r["status"] == "concluded":
                assert g["status"] in {"achieved", "dropped"}, g

        seats = r["seats"]
        holders = [s["stakeholder"] for s in seats]
        assert len(holders) == len(set(holders)), f"{key}: a stakeholder holds two seats"
        for s in seats:
            assert set(s) in (
                {"stakeholder", "role", "started_on", "alternate"},
                {"stakeholder", "role", "started_on", "alternate", "ended_on"},
            ), s
            assert s["stakeholder"] in people, s
            assert s["role"] in {"facilitator", "host", "member", "observer"}, s
            assert r["started_on"] <= s["started_on"] <= last_day, (key, s)
            if "ended_on" in s:
                assert key == "pmo", s
                assert s["started_on"] <= s["ended_on"] <= last_day, s
            alt = s["alternate"]
            if alt is not None:
                assert alt in people and alt != s["stakeholder"], s
                assert alt not in holders, f"{key}: alternate {alt} holds a seat of their own"
                assert sector_of(alt) == sector_of(s["stakeholder"]), s
        by_role = {
            role: [s for s in seats if s["role"] == role] for role in ("facilitator", "host", "member", "observer")
        }
        assert len(by_role["facilitator"]) == 1, key
        assert by_role["facilitator"][0]["stakeholder"] in {"facilitator", "facilitator2"}, key
        assert 1 <= len(by_role["host"]) <= 2, key
        for s in by_role["host"]:
            assert people[s["stakeholder"]]["organisation"] == r["host"], (key, s)
        assert 8 <= len(by_role["member"]) <= 16, (key, len(by_role["member"]))
        assert 1 <= len(by_role["observer"]) <= 2, key
        member_sectors = {sector_of(s["stakeholder"]) for s in by_role["member"]}
        assert member_sectors == set(sector_keys), (key, member_sectors)
        assert {sector_of(h) for h in holders} == set(sector_keys), key
        gov_members_elsewhere = [
            s
            for s in by_role["member"]
            if sector_of(s["stakeholder"]) == "government" and people[s["stakeholder"]]["organisation"] != r["host"]
        ]
        assert gov_members_elsewhere, f"{key}: no government members from other bodies"

    # every host organisation has at least two people
    for host in expected_hosts.values():
        assert sum(1 for p in STAKEHOLDERS if p["organisation"] == host) >= 2, host

    # status and visibility per table
    assert (rts["pmo"]["status"], rts["pmo"]["visibility"]) == ("active", "public")
    assert (rts["education"]["status"], rts["education"]["visibility"]) == ("active", "internal")
    assert (rts["economy"]["status"], rts["economy"]["visibility"]) == ("concluded", "public")
    assert (rts["holocaust"]["status"], rts["holocaust"]["visibility"]) == ("active", "public")
    assert rts["civil_service"]["status"] in {"paused", "forming"}
    assert rts["civil_service"]["visibility"] == "internal"

    # the four demo users in the PMO roundtable, and who may not sit on education
    pmo_roles = {s["stakeholder"]: s["role"] for s in rts["pmo"]["seats"] if "ended_on" not in s}
    for key in ("facilitator", "host", "member", "observer"):
        assert pmo_roles.get(key) == key, (key, pmo_roles.get(key))
    assert any(s["alternate"] for s in rts["pmo"]["seats"]), "pmo needs a seat with an alternate"
    assert sum(1 for s in rts["pmo"]["seats"] if "ended_on" in s) <= 2
    education_people = {s["stakeholder"] for s in rts["education"]["seats"]}
    education_people |= {s["alternate"] for s in rts["education"]["seats"] if s["alternate"]}
    for key in ("facilitator", "host", "member", "observer"):
        assert key not in education_people, f"{key} must not sit on education"
    assert any(s["stakeholder"] == "facilitator2" for s in rts["education"]["seats"])


if __name__ == "__main__":
    check()
    print("ok")
