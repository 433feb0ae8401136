/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-places.c: the demo's Persian vocabulary — Yazd province cities, destination courts, client names, case subjects. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include "daftar-demo-private.h"

/* Office 0 is Abarkuh; the provincial capital gets several offices, as in
 * life. volume is the clients an office there sees on an ordinary day. */
static const DemoCity office_cities[] = {
  { "ABK", "ابرکوه", 100 },
  { "YZD", "یزد", 150 },
  { "MBD", "میبد", 110 },
  { "ARD", "اردکان", 105 },
  { "YZD", "یزد", 140 },
  { "TFT", "تفت", 80 },
  { "MHZ", "مهریز", 85 },
  { "BFQ", "بافق", 80 },
  { "YZD", "یزد", 145 },
  { "ASK", "اشکذر", 75 },
  { "HRT", "هرات", 60 },
  { "BHB", "بهاباد", 50 },
};

static const DemoPlace province_places[] = {
  { "یزد", "یزد", 40 }, { "میبد", "یزد", 10 }, { "اردکان", "یزد", 9 },
  { "ابرکوه", "یزد", 6 }, { "تفت", "یزد", 7 }, { "مهریز", "یزد", 7 },
  { "بافق", "یزد", 6 }, { "اشکذر", "یزد", 6 }, { "هرات", "یزد", 4 },
  { "بهاباد", "یزد", 3 }, { "زارچ", "یزد", 4 },
};

static const DemoPlace other_places[] = {
  { "تهران", "تهران", 25 }, { "اصفهان", "اصفهان", 18 }, { "شیراز", "فارس", 15 },
  { "کرمان", "کرمان", 10 }, { "مشهد", "خراسان رضوی", 9 }, { "قم", "قم", 5 },
  { "بندرعباس", "هرمزگان", 6 }, { "سیرجان", "کرمان", 4 }, { "کاشان", "اصفهان", 4 },
  { "اقلید", "فارس", 3 }, { "کرج", "البرز", 5 },
};

static const char * const first_names[] = {
  "محمد", "علی", "حسین", "رضا", "مهدی", "حمید", "اکبر", "عباس", "محمدرضا", "سعید",
  "مجید", "ابوالفضل", "امیرحسین", "احمد", "جواد", "مصطفی", "غلامرضا", "محمدعلی",
  "فاطمه", "زهرا", "مریم", "معصومه", "سمیه", "نرگس", "لیلا", "الهام", "طاهره",
  "رقیه", "زینب", "اعظم", "صدیقه", "کبری", "منصوره", "راضیه",
};

static const char * const last_names[] = {
  "دهقان", "میرجلیلی", "زارع", "فلاحتی", "شریفی", "حاتمی", "کاظمی", "رضایی",
  "مختاری", "ابوالحسنی", "دهقانی فیروزآبادی", "اسلامی", "صالحی", "فتحی", "کمالی",
  "طباطبایی", "مظفری", "نجفی", "یزدانی", "عسکری", "ابرکوهی", "میرحسینی",
  "فلاح", "جعفری", "اخوان", "کریمی", "حیدری", "شفیعی", "وکیلی", "نیکخواه",
  "بافقی", "تفتی", "اردکانی", "میبدی",
};

static const char * const petition_subjects[] = {
  "مطالبه وجه چک", "الزام به تنظیم سند رسمی", "مطالبه مهریه", "مطالبه نفقه",
  "تقسیم ماترک", "خلع ید", "تخلیه ید", "مطالبه اجور معوقه", "الزام به تمکین",
  "حضانت فرزند", "فسخ قرارداد", "مطالبه خسارت تأخیر تأدیه", "طلاق توافقی",
  "اعسار از پرداخت هزینه دادرسی", "مطالبه وجه سفته", "تحریر ترکه",
};
static const char * const brief_subjects[] = {
  "لایحه دفاعیه", "اعتراض به نظریه کارشناسی", "لایحه تجدیدنظرخواهی",
  "پاسخ به اخطاریه رفع نقص", "اعتراض به قرار رد دعوا", "ارائه مستندات تکمیلی",
};
static const char * const protest_subjects[] = {
  "واخواست سفته", "واخواهی از حکم غیابی", "واخواست برات", "واخواست چک",
};
static const char * const complaint_subjects[] = {
  "ترک انفاق", "صدور چک بلامحل", "کلاهبرداری", "توهین و تهدید", "ضرب و جرح عمدی",
  "خیانت در امانت", "مزاحمت تلفنی", "تصرف عدوانی", "نشر اکاذیب در فضای مجازی",
  "سرقت", "تخریب",
};
static const char * const enforcement_subjects[] = {
  "درخواست صدور اجرائیه", "درخواست توقیف اموال", "درخواست اجرای حکم مهریه",
  "درخواست ممنوع‌الخروجی محکوم‌علیه", "درخواست استعلام اموال",
};
static const char * const sana_subjects[] = {
  "ثبت‌نام حقیقی در سامانه ثنا", "ثبت‌نام حقیقی در سامانه ثنا",
  "ثبت‌نام حقیقی در سامانه ثنا", "ثبت‌نام حقوقی در سامانه ثنا",
  "تغییر شماره همراه در سامانه ثنا",
};
static const char * const other_subjects[] = {
  "درخواست رونوشت مصدق", "اعلام وکالت", "درخواست دستور موقت",
  "درخواست تأمین دلیل", "گواهی حصر وراثت",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

const DemoCity *
demo_city_for_office (guint office_index, guint *out_ordinal)
{
  guint n = G_N_ELEMENTS (office_cities);
  const DemoCity *city = &office_cities[office_index % n];
  guint ordinal = 0;

  /* Counts earlier offices of the same city, so Yazd gets YZ-YZD-01, -02… */
  for (guint i = 0; i <= office_index; i++)
    if (g_str_equal (office_cities[i % n].code, city->code))
      ordinal++;
  *out_ordinal = ordinal;
  return city;
}

const char *
demo_first_name (GRand *rand)
{
  return PICK (rand, first_names);
}

const char *
demo_last_name (GRand *rand)
{
  return PICK (rand, last_names);
}

const char *
demo_subject (GRand *rand, DaftarCaseKind kind)
{
  switch (kind)
    {
    case DAFTAR_CASE_KIND_PETITION: return PICK (rand, petition_subjects);
    case DAFTAR_CASE_KIND_BRIEF: return PICK (rand, brief_subjects);
    case DAFTAR_CASE_KIND_PROTEST: return PICK (rand, protest_subjects);
    case DAFTAR_CASE_KIND_COMPLAINT: return PICK (rand, complaint_subjects);
    case DAFTAR_CASE_KIND_ENFORCEMENT: return PICK (rand, enforcement_subjects);
    case DAFTAR_CASE_KIND_SANA_REGISTRATION: return PICK (rand, sana_subjects);
    case DAFTAR_CASE_KIND_OTHER:
    case DAFTAR_N_CASE_KINDS:
    default: return PICK (rand, other_subjects);
    }
}

static const DemoPlace *
pick_place (GRand *rand, const DemoPlace *places, guint n, const char *except_city)
{
  double weights[16];

  g_assert (n <= G_N_ELEMENTS (weights));
  for (guint i = 0; i < n; i++)
    weights[i] = g_strcmp0 (places[i].city, except_city) == 0 ? 0 : places[i].weight;
  return &places[demo_pick_weighted (rand, weights, n)];
}

void
demo_destination (GRand             *rand,
                  const DemoOffice  *office,
                  DaftarCaseKind     kind,
                  char             **out_court,
                  const char       **out_city,
                  const char       **out_province)
{
  double scope = g_rand_double (rand);
  const char *city = office->city->name;
  const char *province = "یزد";
  const char *court;

  /* Most filings go to the office's own jurisdiction; the rest are the
   * reason these offices exist: filing far away without travelling. */
  if (scope >= 0.72 && scope < 0.88)
    {
      const DemoPlace *p = pick_place (rand, province_places, G_N_ELEMENTS (province_places), city);
      city = p->city;
    }
  else if (scope >= 0.88)
    {
      const DemoPlace *p = pick_place (rand, other_places, G_N_ELEMENTS (other_places), NULL);
      city = p->city;
      province = p->province;
    }

  switch (kind)
    {
    case DAFTAR_CASE_KIND_PETITION:
      court = g_rand_double (rand) < 0.2 ? "شورای حل اختلاف" : "دادگاه عمومی حقوقی";
      break;
    case DAFTAR_CASE_KIND_COMPLAINT:
      court = "دادسرای عمومی و انقلاب";
      break;
    case DAFTAR_CASE_KIND_ENFORCEMENT:
      court = "اجرای احکام مدنی دادگستری";
      break;
    case DAFTAR_CASE_KIND_BRIEF:
      court = g_rand_double (rand) < 0.2 ? "دادگاه کیفری دو" : "دادگاه عمومی حقوقی";
      break;
    case DAFTAR_CASE_KIND_PROTEST:
    case DAFTAR_CASE_KIND_OTHER:
    case DAFTAR_CASE_KIND_SANA_REGISTRATION:
    case DAFTAR_N_CASE_KINDS:
    default:
      court = "دادگاه عمومی حقوقی";
      break;
    }

  *out_court = g_strdup_printf ("%s %s", court, city);
  *out_city = city;
  *out_province = province;
}
