/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-page.c: the morning check — today's and the period's key figures against the standards, alerts rolled up per shift with the manager's notes, and offices compared. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-annotation-dialog.h"
#include "daftar-charts.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-overview-page.h"
#include "daftar-overview-page-private.h"
#include "daftar-overview-page-query.h"
#include "daftar-page-tiles.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-terms.h"
#include "daftar-window.h"

struct _DaftarOverviewPage
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkLabel     *today_range;
  GtkLabel     *today_note;
  GtkFlowBox   *today_tiles;
  GtkWidget    *period_box;
  GtkLabel     *period_title;
  GtkLabel     *period_range;
  GtkLabel     *period_compare;
  GtkFlowBox   *period_tiles;
  GtkListBox   *kinds_list;
  GtkListBox   *alerts_list;
  GtkWidget    *comparison_box;
  DaftarChartFrame *comparison_frame;
  GtkGrid      *comparison_grid;
  GtkStack     *load_stack;
  AdwToastOverlay *toasts;

  DaftarDbWorker    *worker;        /* owned, nullable: notes are saved through it */
  GPtrArray         *annotations;   /* owned, nullable: the period's notes, shared with the alert rows */
};

static void daftar_overview_page_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarOverviewPage, daftar_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_overview_page_iface_init))

/* Marks a tile met or breached; NaN (nothing measured) leaves it neutral. */
static void
set_standard (DaftarKpiTile *tile,
              double         value,
              double         target,
              gboolean       higher_is_better,
              const char    *standard)
{
  DaftarKpiStatus status;

  if (isnan (value))
    status = DAFTAR_KPI_STATUS_NONE;
  else if (higher_is_better)
    status = value >= target ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED;
  else
    status = value <= target ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED;
  daftar_kpi_tile_set_higher_is_better (tile, higher_is_better);
  daftar_kpi_tile_set_status (tile, status, standard);
}

/* The e-notice read rate of the period, judged only over the notices that
 * have had time to be viewed, as the alerts judge it: today's notices
 * cannot have been read yet, so a period of the last days alone shows its
 * rate without a verdict. */
static void
add_read_rate_tile (GtkFlowBox                  *box,
                    const DaftarOverviewFigures *f,
                    const char                  *standard)
{
  const DaftarStandards *std = &f->period.standards;
  gboolean judged = g_date_valid (&f->read_rate_last);
  DaftarKpiTile *tile = daftar_page_tiles_add (box, _("E-notice read rate"), judged ? f->read_rate_judged : f->period.e_read_rate,
                                               DAFTAR_CHART_VALUE_PERCENT, 0);
  g_autofree char *tooltip = NULL;

  if (judged)
    {
      g_autofree char *last = daftar_format_date_long (&f->read_rate_last);

      set_standard (tile, f->read_rate_judged, std->target_read_rate, TRUE, standard);
      /* Translators: the last day of issue counted, e.g. "Of the notices issued up to 11 Azar 1405: …" */
      tooltip = g_strdup_printf (_("Of the notices issued up to %s: those of the last three days have had no time to be viewed yet."),
                                 last);
    }
  else
    {
      daftar_kpi_tile_set_higher_is_better (tile, TRUE);
      tooltip = g_strdup (_("Not judged against the standard: the notices of the last three days have had no time to be viewed yet."));
    }
  {
    /* What the rate is, then which notices it was judged on. */
    g_autofree char *term = daftar_term_explain (DAFTAR_TERM_READ_RATE);
    g_autofree char *explanation = g_strconcat (term, "\n\n", tooltip, NULL);

    daftar_kpi_tile_set_explanation (tile, explanation);
  }
  daftar_kpi_tile_set_previous (tile, f->previous.e_read_rate);
}

/* @f is NULL for today, which has no trend; today also shows the notices
 * issued rather than a read rate, since they have had no time to be viewed
 * yet. */
static void
fill_tiles (GtkFlowBox                  *box,
            const DaftarPeriodSummary   *s,
            const DaftarOverviewFigures *f)
{
  const DaftarStandards *std = &s->standards;
  const DaftarPeriodSummary *previous = f != NULL ? &f->previous : NULL;
  g_autofree char *wait_target = daftar_format_minutes (std->target_wait_minutes, 0);
  g_autofree char *level_target = daftar_format_percent (std->target_service_level, 0);
  g_autofree char *read_target = daftar_format_percent (std->target_read_rate, 0);
  /* The same words as the Shifts page: "Standard met (at most 15 min)". */
  g_autofree char *wait_standard = g_strdup_printf (_("at most %s"), wait_target);
  g_autofree char *level_standard = g_strdup_printf (_("at least %s"), level_target);
  g_autofree char *read_standard = g_strdup_printf (_("at least %s"), read_target);
  g_autofree char *p90_title = daftar_term_wait_p90_title ();
  DaftarKpiTile *tile;

  daftar_page_tiles_clear (GTK_WIDGET (box));

  tile = daftar_page_tiles_add (box, _("Cases filed"), s->cases, DAFTAR_CHART_VALUE_INTEGER, 0);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->cases);

  tile = daftar_page_tiles_add (box, daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_SANA_REGISTRATION, DAFTAR_LABEL_PLURAL),
                                s->sana_registrations, DAFTAR_CHART_VALUE_INTEGER, 0);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->sana_registrations);

  tile = daftar_page_tiles_add (box, _("Queue tickets issued"), s->tickets_issued, DAFTAR_CHART_VALUE_INTEGER, 0);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->tickets_issued);

  tile = daftar_page_tiles_add (box, _("Clients served"), s->tickets_served, DAFTAR_CHART_VALUE_INTEGER, 0);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->tickets_served);

  tile = daftar_page_tiles_add (box, _("Mean wait"), s->wait_mean_minutes, DAFTAR_CHART_VALUE_MINUTES, 1);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_WAIT_MEAN);
  set_standard (tile, s->wait_mean_minutes, std->target_wait_minutes, FALSE, wait_standard);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->wait_mean_minutes);

  tile = daftar_page_tiles_add (box, p90_title,
                                s->wait_p90_minutes < 0 ? NAN : s->wait_p90_minutes, DAFTAR_CHART_VALUE_MINUTES, 0);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_WAIT_P90);
  set_standard (tile, s->wait_p90_minutes < 0 ? NAN : s->wait_p90_minutes,
                std->target_wait_minutes, FALSE, wait_standard);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->wait_p90_minutes < 0 ? NAN : previous->wait_p90_minutes);

  tile = daftar_page_tiles_add (box, _("Served within the standard wait"), s->served_within_target, DAFTAR_CHART_VALUE_PERCENT, 0);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_SERVICE_LEVEL);
  set_standard (tile, s->served_within_target, std->target_service_level, TRUE, level_standard);
  if (previous)
    daftar_kpi_tile_set_previous (tile, previous->served_within_target);

  if (f == NULL)
    daftar_page_tiles_add (box, _("Electronic notices issued"), s->e_notices_issued, DAFTAR_CHART_VALUE_INTEGER, 0);
  else
    add_read_rate_tile (box, f, read_standard);
}

static void
fill_kinds (DaftarOverviewPage        *self,
            const DaftarPeriodSummary *s)
{
  daftar_page_tiles_clear (GTK_WIDGET (self->kinds_list));

  for (guint i = 0; i < DAFTAR_N_CASE_KINDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = daftar_format_int (s->cases_by_kind[i]);
      g_autofree char *share = s->cases > 0
                                 ? daftar_format_percent ((double) s->cases_by_kind[i] / s->cases, 0)
                                 : NULL;
      GtkWidget *count_label = gtk_label_new (count);
      GtkWidget *share_label = gtk_label_new (share ? share : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), daftar_label (DAFTAR_TYPE_CASE_KIND, i, DAFTAR_LABEL_PLURAL));
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (share_label, "dim-label");
      gtk_widget_set_size_request (share_label, 48, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), share_label);
      gtk_list_box_append (self->kinds_list, row);
    }
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           figures)
{
  DaftarOverviewPage *self = DAFTAR_OVERVIEW_PAGE (page);
  DaftarOverviewFigures *f = figures;
  g_autofree char *today = daftar_format_date_long (&context->today);
  g_autofree char *weekday = daftar_format_weekday (&context->today);
  /* Translators: weekday and date, e.g. "Saturday, 7 Azar 1405" */
  g_autofree char *today_text = g_strdup_printf (C_("weekday and date", "%s, %s"), weekday, today);
  g_autofree char *range = daftar_period_heading (&context->period, &context->first_data_day);
  g_autofree char *previous = daftar_format_date_range (&f->previous.from, &f->previous.to);
  /* Translators: the previous period's dates, e.g. "Changes are against the previous period, 1 Mehr to 30 Mehr 1405; …" */
  g_autofree char *compare = g_strdup_printf (_("Changes are against the previous period, %s; those of percentages are in percentage points."),
                                              previous);
  /* Today is shown at the top already. */
  gboolean period_is_today = g_date_compare (&context->period.from, &context->today) == 0 &&
                             g_date_compare (&context->period.to, &context->today) == 0;

  gtk_label_set_label (self->today_range, today_text);
  gtk_label_set_label (self->period_title, daftar_period_preset_label (context->period.preset));
  gtk_label_set_label (self->period_range, range);
  gtk_label_set_label (self->period_compare, compare);
  gtk_widget_set_visible (self->period_box, !period_is_today);

  /* Fridays and official holidays are closed: say so rather than show zeros
   * that look like a bad day. */
  if (f->holiday_name != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("The office is closed today (%s)."), f->holiday_name);
      gtk_label_set_label (self->today_note, note);
      gtk_widget_set_visible (GTK_WIDGET (self->today_note), TRUE);
    }
  else if (g_date_get_weekday (&context->today) == G_DATE_FRIDAY)
    {
      gtk_label_set_label (self->today_note, _("The office is closed on Fridays."));
      gtk_widget_set_visible (GTK_WIDGET (self->today_note), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->today_note), FALSE);

  fill_tiles (self->today_tiles, &f->day, NULL);
  fill_tiles (self->period_tiles, &f->period, f);
  fill_kinds (self, &f->period);

  /* The rows keep the notes they show; a note saved later changes this
   * array, and they show it again. */
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = g_ptr_array_ref (f->annotations);
  daftar_overview_fill_alerts (self, self->alerts_list, f->alerts, f->rollups, self->annotations, f->offices,
                               context->office_code == NULL && f->offices->len > 1, &context->period, context->now);

  gtk_widget_set_visible (self->comparison_box, f->comparison != NULL);
  if (f->comparison != NULL)
    daftar_overview_fill_comparison (self->comparison_frame, self->comparison_grid,
                                     f->comparison, &f->period.standards);
}

/* ---- what the alert rows ask --------------------------------------------- */

void
daftar_overview_page_open (DaftarOverviewPage *self,
                           const char         *page_name,
                           const DaftarPeriod *period,
                           int                 shift)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!DAFTAR_IS_WINDOW (root))
    return;
  /* A window built without the Client care page shows the shift's figures
   * on the Shifts page instead. */
  if (daftar_window_get_page (DAFTAR_WINDOW (root), page_name) == NULL)
    page_name = "shifts";
  daftar_window_show_page (DAFTAR_WINDOW (root), page_name, period,
                           shift >= 0 ? daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, shift) : NULL);
}

typedef struct
{
  DaftarOverviewPage *page;    /* owned */
  DaftarAnnotation   *note;    /* owned: as saved, or as removed */
  gboolean            remove;
} NoteEdit;

static void
note_edit_free (NoteEdit *edit)
{
  g_object_unref (edit->page);
  daftar_annotation_free (edit->note);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NoteEdit, note_edit_free)

/* Puts the stored note in the page's notes, in place of the one it
 * replaces, or takes a removed one out; the rows show them again. */
static void
note_edit_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(NoteEdit) edit = user_data;
  DaftarOverviewPage *self = edit->page;
  g_autoptr(GError) error = NULL;
  gpointer done = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  GPtrArray *notes = self->annotations;

  if (done == NULL)
    {
      g_autofree char *text = g_strdup_printf (edit->remove ? _("The note could not be removed: %s")
                                                            : _("The note could not be saved: %s"), error->message);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
      return;
    }
  if (notes == NULL)
    {
      if (!edit->remove)
        daftar_annotation_free (done);
      return;
    }
  for (guint i = notes->len; i > 0; i--)
    {
      const DaftarAnnotation *old = g_ptr_array_index (notes, i - 1);

      if (old->id == edit->note->id || (!edit->remove && old->id == ((DaftarAnnotation *) done)->id))
        g_ptr_array_remove_index (notes, i - 1);
    }
  if (!edit->remove)
    g_ptr_array_add (notes, done);
  daftar_overview_refresh_notes (self->alerts_list);
}

static void
on_note_response (DaftarAnnotationDialog *dialog,
                  const char             *response,
                  DaftarOverviewPage     *self)
{
  const DaftarAnnotation *note = g_object_get_data (G_OBJECT (dialog), "note");
  NoteEdit *edit;

  if (self->worker == NULL || (!g_str_equal (response, "save") && !g_str_equal (response, "remove")))
    return;
  edit = g_new0 (NoteEdit, 1);
  edit->page = g_object_ref (self);
  edit->note = daftar_annotation_copy (note);
  edit->remove = g_str_equal (response, "remove");
  if (!edit->remove)
    {
      g_free (edit->note->text);
      edit->note->text = daftar_annotation_dialog_get_text (dialog);
    }
  daftar_db_worker_run_async (self->worker,
                              edit->remove ? daftar_annotation_remove_job : daftar_annotation_save_job,
                              daftar_annotation_copy (edit->note), (GDestroyNotify) daftar_annotation_free,
                              edit->remove ? NULL : (GDestroyNotify) daftar_annotation_free,
                              NULL, note_edit_done, edit);
}

void
daftar_overview_page_edit_note (DaftarOverviewPage     *self,
                                const DaftarAnnotation *note,
                                const char             *alert)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = daftar_annotation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    alert, note->id > 0 ? note->text : NULL);

  g_object_set_data_full (G_OBJECT (dialog), "note", daftar_annotation_copy (note),
                          (GDestroyNotify) daftar_annotation_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
daftar_overview_page_load (DaftarPage        *page,
                           DaftarDbWorker    *worker,
                           DaftarPageContext *context)
{
  DaftarOverviewPage *self = DAFTAR_OVERVIEW_PAGE (page);

  g_set_object (&self->worker, worker);
  daftar_page_run_query (page, worker, context, daftar_overview_query_job,
                         daftar_page_context_ref (context), (GDestroyNotify) daftar_page_context_unref,
                         (GDestroyNotify) daftar_overview_figures_free, show_figures);
}

static void
daftar_overview_page_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_overview_page_load;
}

static void
daftar_overview_page_dispose (GObject *object)
{
  DaftarOverviewPage *self = DAFTAR_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (daftar_overview_page_parent_class)->dispose (object);
}

static void
daftar_overview_page_class_init (DaftarOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, today_range);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, today_note);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, today_tiles);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, period_title);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, period_compare);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, period_range);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, period_tiles);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, kinds_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, comparison_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, comparison_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, comparison_grid);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, load_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarOverviewPage, toasts);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_overview_page_init (DaftarOverviewPage *self)
{
  g_type_ensure (DAFTAR_TYPE_KPI_TILE);
  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);
}
