/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-context.c: what a dashboard page shows figures for — an office, a period and the day it is. */
#define G_LOG_DOMAIN "daftar-page"

#include "config.h"

#include "daftar-page-context.h"

G_DEFINE_BOXED_TYPE (DaftarPageContext, daftar_page_context,
                     daftar_page_context_ref, daftar_page_context_unref)

DaftarPageContext *
daftar_page_context_new (const char         *office_code,
                         const DaftarPeriod *period,
                         const GDate        *today)
{
  DaftarPageContext *context;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* Atomic: the database thread drops its reference when its job ends. */
  context = g_atomic_rc_box_new0 (DaftarPageContext);
  context->office_code = g_strdup (office_code);
  context->period = *period;
  context->today = *today;
  context->now = g_get_real_time () / G_USEC_PER_SEC;
  g_date_clear (&context->first_data_day, 1);
  return context;
}

void
daftar_page_context_set_first_data_day (DaftarPageContext *context,
                                        const GDate       *first_data_day)
{
  g_return_if_fail (context != NULL);

  if (first_data_day != NULL && g_date_valid (first_data_day))
    context->first_data_day = *first_data_day;
  else
    g_date_clear (&context->first_data_day, 1);
}

DaftarPageContext *
daftar_page_context_renew (DaftarPageContext *context)
{
  DaftarPageContext *renewed;

  g_return_val_if_fail (context != NULL, NULL);
  renewed = daftar_page_context_new (context->office_code, &context->period, &context->today);
  renewed->first_data_day = context->first_data_day;
  return renewed;
}

DaftarPageContext *
daftar_page_context_ref (DaftarPageContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);
  return g_atomic_rc_box_acquire (context);
}

static void
page_context_clear (gpointer data)
{
  DaftarPageContext *context = data;

  g_free (context->office_code);
}

void
daftar_page_context_unref (DaftarPageContext *context)
{
  if (context != NULL)
    g_atomic_rc_box_release_full (context, page_context_clear);
}
