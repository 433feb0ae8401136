/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page.c: the Cases dashboard — filings by kind, destination, status and staff load over the period. */
#define G_LOG_DOMAIN "daftar-cases-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-cases-page-private.h"
#include "daftar-cases-page-query.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-page.h"
#include "daftar-page-error.h"

static void daftar_cases_page_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarCasesPage, daftar_cases_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_cases_page_iface_init))

static const char *
scope_label (guint scope)
{
  switch (scope)
    {
    case 0: return C_("cases page", "This city");
    case 1: return C_("cases page", "Elsewhere in the province");
    default: return C_("cases page", "Other provinces");
    }
}

static void
fill_bins (DaftarCasesPage          *self,
           const DaftarCasesFigures *f)
{
  g_autoptr(DaftarChartSeries) sana =
    daftar_chart_series_new (daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_SANA_REGISTRATION, DAFTAR_LABEL_PLURAL));

  daftar_chart_clear_series (self->kinds_chart);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    {
      g_autoptr(DaftarChartSeries) series =
        daftar_chart_series_new (daftar_label (DAFTAR_TYPE_CASE_KIND, k, DAFTAR_LABEL_PLURAL));

      for (guint b = 0; b < f->bins->len; b++)
        {
          const DaftarCasesBin *bin = &g_array_index (f->bins, DaftarCasesBin, b);
          g_autofree char *label = daftar_bin_label (f->bin, &bin->start);

          daftar_chart_series_append_day (series, &bin->start, label, bin->by_kind[k]);
          if (k == 0)
            daftar_chart_series_append_day (sana, &bin->start, label, bin->sana_registrations);
        }
      daftar_chart_add_series (self->kinds_chart, series);
    }
  daftar_chart_set_series (self->sana_chart, sana);
}

static void
fill_categories (DaftarCasesPage          *self,
                 const DaftarCasesFigures *f)
{
  g_autoptr(DaftarChartSeries) scope = daftar_chart_series_new (C_("cases page", "Filings"));
  g_autoptr(DaftarChartSeries) status = daftar_chart_series_new (C_("cases page", "Filings"));
  g_autoptr(DaftarChartSeries) provinces = daftar_chart_series_new (C_("cases page", "Filings"));
  g_autoptr(DaftarChartSeries) cities = daftar_chart_series_new (C_("cases page", "Filings"));

  for (guint i = 0; i < DAFTAR_N_DEST_SCOPES; i++)
    daftar_chart_series_append_category (scope, i, scope_label (i), f->by_scope[i]);
  for (guint i = 0; i < DAFTAR_N_CASE_STATUSES; i++)
    daftar_chart_series_append_category (status, i, daftar_label (DAFTAR_TYPE_CASE_STATUS, i, DAFTAR_LABEL_PLURAL),
                                         f->by_status[i]);
  for (guint i = 0; i < f->top_provinces->len; i++)
    {
      const DaftarCasesPlace *p = g_ptr_array_index (f->top_provinces, i);
      daftar_chart_series_append_category (provinces, i, p->name, p->cases);
    }
  for (guint i = 0; i < f->top_cities->len; i++)
    {
      const DaftarCasesPlace *p = g_ptr_array_index (f->top_cities, i);
      daftar_chart_series_append_category (cities, i, p->name, p->cases);
    }
  daftar_chart_set_series (self->scope_chart, scope);
  daftar_chart_set_series (self->status_chart, status);
  daftar_chart_set_series (self->provinces_chart, provinces);
  daftar_chart_set_series (self->cities_chart, cities);
}

/* Mean filings per shift worked, morning and evening side by side, with the
 * standard's verdict in words under the chart (bars carry no target line). */
static void
fill_staff (DaftarCasesPage          *self,
            const DaftarCasesFigures *f)
{
  g_autoptr(DaftarChartSeries) morning =
    daftar_chart_series_new (daftar_label (DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING, DAFTAR_LABEL_PLURAL));
  g_autoptr(DaftarChartSeries) evening =
    daftar_chart_series_new (daftar_label (DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_EVENING, DAFTAR_LABEL_PLURAL));
  double max = f->standards.max_cases_per_staff_shift;
  g_autofree char *max_text = daftar_format_decimal (max, 0);
  g_autofree char *note = NULL;
  guint category = 0, over_mean = 0;
  gint64 shifts_over = 0;

  for (guint i = 0; i < f->staff_shifts->len; category++)
    {
      const DaftarCasesStaffShift *s = g_ptr_array_index (f->staff_shifts, i);
      const char *label = s->name ? s->name : s->staff_id;
      double values[DAFTAR_N_SHIFTS] = { NAN, NAN };
      gboolean over = FALSE;

      /* Rows come by staff id then shift: gather this person's rows. */
      for (; i < f->staff_shifts->len; i++)
        {
          const DaftarCasesStaffShift *t = g_ptr_array_index (f->staff_shifts, i);

          if (!g_str_equal (t->staff_id, s->staff_id))
            break;
          values[t->shift] = t->per_shift;
          over |= t->per_shift > max;
          shifts_over += t->shifts_over;
        }
      over_mean += over;
      daftar_chart_series_append_category (morning, category, label, values[DAFTAR_SHIFT_MORNING]);
      daftar_chart_series_append_category (evening, category, label, values[DAFTAR_SHIFT_EVENING]);
    }
  daftar_chart_clear_series (self->staff_chart);
  daftar_chart_add_series (self->staff_chart, morning);
  daftar_chart_add_series (self->staff_chart, evening);
  daftar_chart_set_fraction_digits (self->staff_chart, 1);

  if (f->staff_shifts->len == 0)
    note = g_strdup_printf (_("Standard: at most %s filings per staff member per shift. No filings in this period."),
                            max_text);
  else
    {
      g_autofree char *n_over = daftar_format_int (over_mean);
      g_autofree char *n_shifts = daftar_format_int (shifts_over);

      /* Translators: the standard, then how many staff averaged above it and how many single shifts went over */
      note = g_strdup_printf (_("Standard: at most %s filings per staff member per shift. "
                                "Staff averaging above it: %s. Shifts over it: %s."),
                              max_text, n_over, n_shifts);
    }
  gtk_label_set_label (self->staff_note, note);
  if (over_mean > 0 || shifts_over > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->staff_note), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->staff_note), "warning");
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           figures)
{
  DaftarCasesPage *self = DAFTAR_CASES_PAGE (page);
  const DaftarCasesFigures *f = figures;
  g_autofree char *range = daftar_period_heading (&context->period, &context->first_data_day);
  g_autofree char *total = daftar_format_int (f->total);
  g_autofree char *sana = daftar_format_int (f->sana_registrations);
  g_autofree char *totals = g_strdup_printf (_("%s filings, of which %s Sana registrations."), total, sana);

  gtk_label_set_label (self->period_title, daftar_period_preset_label (context->period.preset));
  gtk_label_set_label (self->period_range, range);
  gtk_label_set_label (self->totals_label, totals);
  fill_bins (self, f);
  fill_categories (self, f);
  fill_staff (self, f);
}

static void
daftar_cases_page_load (DaftarPage        *page,
                        DaftarDbWorker    *worker,
                        DaftarPageContext *context)
{
  /* The "cases" report reads the same figures with the same bin. */
  daftar_page_run_query (page, worker, context, daftar_cases_page_query_job,
                         daftar_page_context_ref (context), (GDestroyNotify) daftar_page_context_unref,
                         (GDestroyNotify) daftar_cases_figures_free, show_figures);
  daftar_cases_page_list_load (DAFTAR_CASES_PAGE (page), worker, context);
}

static void
daftar_cases_page_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_cases_page_load;
}

void
daftar_cases_page_focus_search (DaftarCasesPage *self)
{
  g_return_if_fail (DAFTAR_IS_CASES_PAGE (self));

  /* At the top of both views: typing turns to the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
daftar_cases_page_show_list (DaftarCasesPage *self)
{
  g_return_if_fail (DAFTAR_IS_CASES_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, "list");
}

gboolean
daftar_cases_page_get_all_dates (DaftarCasesPage *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASES_PAGE (self), FALSE);

  return self->all_dates;
}

GtkSearchEntry *
daftar_cases_page_get_search_entry (DaftarCasesPage *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASES_PAGE (self), NULL);

  return self->search_entry;
}

GListModel *
daftar_cases_page_get_case_list (DaftarCasesPage *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASES_PAGE (self), NULL);

  return G_LIST_MODEL (self->case_list);
}

static void
daftar_cases_page_dispose (GObject *object)
{
  DaftarCasesPage *self = DAFTAR_CASES_PAGE (object);

  daftar_cases_page_list_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_CASES_PAGE);

  G_OBJECT_CLASS (daftar_cases_page_parent_class)->dispose (object);
}

static void
daftar_cases_page_class_init (DaftarCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_cases_page_dispose;

  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_STACKED_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  g_type_ensure (DAFTAR_TYPE_CASES_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-cases-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DaftarCasesPage, name)
  BIND (scroller);
  BIND (period_title);
  BIND (period_range);
  BIND (totals_label);
  BIND (charts_box);
  BIND (kinds_frame);
  BIND (kinds_chart);
  BIND (sana_frame);
  BIND (sana_chart);
  BIND (scope_frame);
  BIND (scope_chart);
  BIND (status_frame);
  BIND (status_chart);
  BIND (provinces_frame);
  BIND (provinces_chart);
  BIND (cities_frame);
  BIND (cities_chart);
  BIND (staff_frame);
  BIND (staff_chart);
  BIND (staff_note);
  BIND (view_switcher);
  BIND (search_entry);
  BIND (view_stack);
  BIND (list_status);
  BIND (scope_button);
  BIND (list_pane);
  BIND (list_scroller);
  BIND (empty_page);
  BIND (elsewhere_button);
  BIND (case_view);
  BIND (filed_column);
  BIND (code_column);
  BIND (kind_column);
  BIND (client_column);
  BIND (subject_column);
  BIND (city_column);
  BIND (status_column);
  BIND (notices_case);
  BIND (notices_scroller);
  BIND (notices_list);
  BIND (load_stack);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_cases_page_init (DaftarCasesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);

  daftar_chart_frame_set_category_title (self->kinds_frame, C_("cases page", "Period"));
  daftar_chart_frame_set_category_title (self->sana_frame, C_("cases page", "Period"));
  daftar_chart_frame_set_category_title (self->scope_frame, C_("cases page", "Destination"));
  daftar_chart_frame_set_category_title (self->status_frame, C_("cases page", "Status"));
  daftar_chart_frame_set_category_title (self->provinces_frame, C_("cases page", "Province"));
  daftar_chart_frame_set_category_title (self->cities_frame, C_("cases page", "City"));
  daftar_chart_frame_set_category_title (self->staff_frame, C_("cases page", "Staff member"));
  daftar_chart_set_value_format (self->staff_chart, DAFTAR_CHART_VALUE_DECIMAL);
  daftar_cases_page_list_init (self);
}
