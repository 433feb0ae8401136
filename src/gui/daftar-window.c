/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window.c: the main window — header, office selector and the pages. */
#define G_LOG_DOMAIN "daftar-window"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-detail-window.h"
#include "daftar-connect-dialog.h"
#include "daftar-enums.h"
#include "daftar-page.h"
#include "daftar-period-selector.h"
#include "daftar-queries.h"
#include "daftar-report-actions.h"
#include "daftar-shifts-page.h"
#include "daftar-sync-indicator.h"
#include "daftar-time.h"
#include "daftar-window.h"
#include "daftar-window-private.h"
#include "daftar-window-pages.h"
#include "daftar-window-query.h"
#include "daftar-window-state.h"


enum {
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DaftarWindow, daftar_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_connect_dialog (DaftarWindow *self);

static void
set_ready (DaftarWindow *self)
{
  self->ready = TRUE;
  g_signal_emit (self, signals[READY], 0);
}

/* The office the figures are for: NULL means every office together. */
static const char *
selected_office (DaftarWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->office_dropdown);

  if (self->offices == NULL || self->offices->len == 0)
    return NULL;
  if (self->offices->len == 1)
    return ((DaftarOfficeInfo *) g_ptr_array_index (self->offices, 0))->code;
  /* Row 0 of the selector is "All offices". */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->offices->len)
    return NULL;
  return ((DaftarOfficeInfo *) g_ptr_array_index (self->offices, position - 1))->code;
}

static void
update_title (DaftarWindow *self)
{
  const char *code = selected_office (self);

  if (code == NULL && self->offices != NULL && self->offices->len > 1)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("All offices"));
      return;
    }
  for (guint i = 0; self->offices != NULL && i < self->offices->len; i++)
    {
      DaftarOfficeInfo *info = g_ptr_array_index (self->offices, i);
      if (g_strcmp0 (info->code, code) == 0)
        adw_view_switcher_title_set_subtitle (self->switcher_title, info->name);
    }
}

static void
on_page_loaded (DaftarWindow *self,
                GtkWidget    *page)
{
  g_hash_table_add (self->current, page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dashboards") != 0)
    gtk_stack_set_visible_child_name (self->stack, "dashboards");
  if (!self->ready)
    set_ready (self);
}

/* The page in @slot, the view stack's child, if it has been built. */
static GtkWidget *
built_page (GtkWidget *slot)
{
  return slot != NULL ? adw_bin_get_child (ADW_BIN (slot)) : NULL;
}

/* The page in @slot, built on first need. The view stack holds one empty
 * slot per page, enough for the switcher's titles and icons; a page's
 * widgets, charts and lists are built when it is first shown, so the first
 * frame lays out and styles only the header and the loading state, and the
 * pages the manager never opens cost no memory. */
static GtkWidget *
ensure_page (DaftarWindow *self,
             GtkWidget    *slot)
{
  GtkWidget *page = built_page (slot);
  const char *name;

  if (page != NULL)
    return page;

  name = adw_view_stack_page_get_name (adw_view_stack_get_page (self->view_stack, slot));
  for (const DaftarWindowPage *p = daftar_window_pages; p->name != NULL; p++)
    if (g_str_equal (p->name, name))
      {
        page = g_object_new (p->get_type (), NULL);
        g_signal_connect_object (page, "loaded", G_CALLBACK (on_page_loaded), self, G_CONNECT_SWAPPED);
        adw_bin_set_child (ADW_BIN (slot), page);
        break;
      }
  return page;
}

/* Pages load when shown: the visible one now, the others when the manager
 * turns to them, so a change of office or period costs one page's queries. */
static void
load_visible_page (DaftarWindow *self)
{
  GtkWidget *slot = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *page;
  g_autoptr(DaftarPageContext) context = NULL;

  if (self->worker == NULL || self->offices == NULL || self->offices->len == 0 || slot == NULL)
    return;
  page = ensure_page (self, slot);
  if (page == NULL || g_hash_table_contains (self->fresh, page))
    return;

  context = daftar_page_context_new (selected_office (self), &self->period, &self->today);
  if (self->first_days != NULL)
    daftar_page_context_set_first_data_day (context, g_hash_table_lookup (self->first_days,
                                                                          selected_office (self) != NULL
                                                                            ? selected_office (self) : ""));
  g_hash_table_add (self->fresh, page);
  daftar_page_load (DAFTAR_PAGE (page), self->worker, context);
}

/* The Reports menu names each document's period, which follows the
 * window's. */
static void
update_reports_menu (DaftarWindow *self)
{
  g_autoptr(GMenuModel) menu = daftar_report_menu_new (&self->period, &self->today);

  gtk_menu_button_set_menu_model (self->reports_button, menu);
}

static void
reload (DaftarWindow *self)
{
  g_hash_table_remove_all (self->fresh);
  g_hash_table_remove_all (self->current);
  update_title (self);
  update_reports_menu (self);
  load_visible_page (self);
}

static void
on_page_shown (DaftarWindow *self)
{
  load_visible_page (self);
}

static void
on_office_selected (DaftarWindow *self)
{
  reload (self);
}

static void
list_offices_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DaftarWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarWindowRecords) records = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  g_autoptr(GtkStringList) names = NULL;
  GPtrArray *offices;

  if (records == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        daftar_window_show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->offices, g_ptr_array_unref);
  self->offices = offices = g_steal_pointer (&records->offices);
  g_clear_pointer (&self->first_days, g_hash_table_unref);
  self->first_days = g_steal_pointer (&records->first_days);
  daftar_period_selector_set_holidays (self->period_selector, records->holidays);

  if (offices->len == 0)
    {
      /* First run: nothing synced and nowhere to sync from yet. */
      if (self->offer_setup && self->sync != NULL && !daftar_sync_controller_get_configured (self->sync))
        show_connect_dialog (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_ready (self);
      return;
    }

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All offices"));
  for (guint i = 0; i < offices->len; i++)
    gtk_string_list_append (names, ((DaftarOfficeInfo *) g_ptr_array_index (offices, i))->name);

  g_signal_handlers_block_by_func (self->office_dropdown, on_office_selected, self);
  gtk_drop_down_set_model (self->office_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->office_dropdown, offices->len > 1 ? 0 : 1);
  g_signal_handlers_unblock_by_func (self->office_dropdown, on_office_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->office_dropdown), offices->len > 1);

  /* The first frame shows the window with its loading state at once: a
   * page built and filled before it would hold it back by the page's whole
   * layout (some 300 ms for the Overview). A window not on screen yet
   * loads now. */
  if (gtk_widget_get_realized (GTK_WIDGET (self)) && !self->painted)
    self->reload_pending = TRUE;
  else
    reload (self);
}

static gboolean
reload_after_first_frame (gpointer data)
{
  DaftarWindow *self = data;

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      reload (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                DaftarWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  self->clock = NULL;
  self->painted = TRUE;
  /* Outside the frame clock's paint cycle. */
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_after_first_frame, g_object_ref (self), g_object_unref);
}

/* The clock goes with the surface. */
static void
daftar_window_unrealize (GtkWidget *widget)
{
  DaftarWindow *self = DAFTAR_WINDOW (widget);

  if (self->clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->clock, on_after_paint, self);
      self->clock = NULL;
    }
  GTK_WIDGET_CLASS (daftar_window_parent_class)->unrealize (widget);
}

static void
daftar_window_realize (GtkWidget *widget)
{
  DaftarWindow *self = DAFTAR_WINDOW (widget);

  GTK_WIDGET_CLASS (daftar_window_parent_class)->realize (widget);
  if (!self->painted && self->clock == NULL)
    {
      self->clock = gtk_widget_get_frame_clock (widget);
      g_signal_connect (self->clock, "after-paint", G_CALLBACK (on_after_paint), self);
    }
}

static void
load_records (DaftarWindow *self)
{
  daftar_db_worker_run_async (self->worker, daftar_window_query_job, NULL, NULL,
                              (GDestroyNotify) daftar_window_records_free, self->cancellable,
                              list_offices_done, g_object_ref (self));
}

static void
on_synced (DaftarWindow *self,
           guint64       records)
{
  /* New records may fill an empty database or bring another office; the
   * pages reload either way, since their figures changed. */
  if (records > 0)
    load_records (self);
}

static void
show_connect_dialog (DaftarWindow *self)
{
  GtkWidget *dialog = daftar_connect_dialog_new (self->sync);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  /* It holds the window's sync, and with it the database. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The empty first-run window's "Connect to the Central Server…". */
static void
connect_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DaftarWindow *self = DAFTAR_WINDOW (user_data);

  if (self->sync != NULL)
    show_connect_dialog (self);
}

static void
drop_sync (DaftarWindow *self)
{
  if (self->sync == NULL)
    return;
  daftar_sync_controller_cancel (self->sync);
  g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
}

void
daftar_window_set_worker (DaftarWindow   *self,
                          DaftarDbWorker *worker)
{
  g_return_if_fail (DAFTAR_IS_WINDOW (self));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));

  g_set_object (&self->worker, worker);
  self->ready = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");

  drop_sync (self);
  self->sync = daftar_sync_controller_new (worker);
  g_signal_connect_swapped (self->sync, "synced", G_CALLBACK (on_synced), self);
  g_signal_connect_swapped (self->sync, "needs-setup", G_CALLBACK (show_connect_dialog), self);
  daftar_sync_indicator_set_controller (self->sync_indicator, self->sync);

  load_records (self);
}

DaftarSyncController *
daftar_window_get_sync_controller (DaftarWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_WINDOW (self), NULL);
  return self->sync;
}

void
daftar_window_set_offer_setup (DaftarWindow *self,
                               gboolean      offer)
{
  g_return_if_fail (DAFTAR_IS_WINDOW (self));
  self->offer_setup = offer;
}

void
daftar_window_show_error (DaftarWindow *self,
                          const char   *message)
{
  g_return_if_fail (DAFTAR_IS_WINDOW (self));

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  set_ready (self);
}

void
daftar_window_set_today (DaftarWindow *self,
                         const GDate  *today)
{
  DaftarPeriod before;

  g_return_if_fail (DAFTAR_IS_WINDOW (self));

  before = self->period;
  self->today = *today;
  /* The selector moves a preset to the new today and emits "changed",
   * which reloads; a chosen range stays, but "today" itself still moved. */
  daftar_period_selector_set_today (self->period_selector, today);
  if (g_date_compare (&before.from, &self->period.from) == 0 &&
      g_date_compare (&before.to, &self->period.to) == 0)
    reload (self);
}

static void
on_period_changed (DaftarWindow *self)
{
  self->period = *daftar_period_selector_get_period (self->period_selector);
  reload (self);
}

void
daftar_window_set_period (DaftarWindow       *self,
                          const DaftarPeriod *period)
{
  g_return_if_fail (DAFTAR_IS_WINDOW (self));

  self->period = *period;
  reload (self);
}

const char * const *
daftar_window_list_pages (DaftarWindow *self)
{
  return (const char * const *) self->page_names;
}

void
daftar_window_show_page (DaftarWindow       *self,
                         const char         *page_name,
                         const DaftarPeriod *period,
                         const char         *shift)
{
  int shift_value = -1;

  g_return_if_fail (DAFTAR_IS_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  if (self->offices == NULL || self->offices->len == 0 ||
      !g_strv_contains ((const char * const *) self->page_names, page_name))
    return;
  /* The Shifts page is told first, so the load the period starts finds it. */
  if (shift != NULL && g_str_equal (page_name, "shifts") &&
      daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, shift, &shift_value))
    daftar_shifts_page_show_shift (DAFTAR_SHIFTS_PAGE (daftar_window_get_page (self, "shifts")), shift_value);
  /* The period shown already: the pages that show it need no new load. */
  if (period == NULL ||
      (period->preset == self->period.preset &&
       g_date_compare (&period->from, &self->period.from) == 0 &&
       g_date_compare (&period->to, &self->period.to) == 0))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, page_name);
      return;
    }
  /* Through the selector, so the header names the period; the reload waits
   * until the page is turned, so that it loads the page asked for rather
   * than the one being left. */
  g_signal_handlers_block_by_func (self->period_selector, on_period_changed, self);
  daftar_period_selector_set_period (self->period_selector, period);
  g_signal_handlers_unblock_by_func (self->period_selector, on_period_changed, self);
  self->period = *daftar_period_selector_get_period (self->period_selector);
  g_hash_table_remove_all (self->fresh);
  g_hash_table_remove_all (self->current);
  adw_view_stack_set_visible_child_name (self->view_stack, page_name);
  /* Turning the page loaded it, unless it was already the visible one. */
  load_visible_page (self);
}

void
daftar_window_show_case (DaftarWindow *self,
                         const char   *case_id)
{
  GtkWidget *detail;

  g_return_if_fail (DAFTAR_IS_WINDOW (self));
  g_return_if_fail (case_id != NULL);

  if (self->worker == NULL)
    return;
  detail = daftar_case_detail_window_new (self->worker, case_id, &self->today);
  gtk_window_set_transient_for (GTK_WINDOW (detail), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (detail));
}

/* A widget action, not one of the window's GActions: it needs a case, so
 * it has no shortcut of its own; the list, a notice or an alert give it. */
static void
show_case_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  daftar_window_show_case (DAFTAR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

GtkWidget *
daftar_window_get_page (DaftarWindow *self,
                        const char   *name)
{
  GtkWidget *slot;

  g_return_val_if_fail (DAFTAR_IS_WINDOW (self), NULL);
  slot = adw_view_stack_get_child_by_name (self->view_stack, name);
  return slot != NULL ? ensure_page (self, slot) : NULL;
}

gboolean
daftar_window_page_is_current (DaftarWindow *self,
                               const char   *name)
{
  GtkWidget *page;

  g_return_val_if_fail (DAFTAR_IS_WINDOW (self), FALSE);
  page = built_page (adw_view_stack_get_child_by_name (self->view_stack, name));
  /* Also wait for the crossfade from the loading page to end. */
  return page != NULL && g_hash_table_contains (self->current, page) &&
         !gtk_stack_get_transition_running (self->stack);
}

void
daftar_window_restore_state (DaftarWindow *self,
                             GSettings    *settings)
{
  g_return_if_fail (DAFTAR_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  daftar_window_state_bind (GTK_WINDOW (self), settings);
  daftar_window_state_bind_page (self->view_stack, settings);
}

DaftarReportDocument *
daftar_window_new_report (DaftarWindow       *self,
                          DaftarDocumentKind  kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate from, to, real_today;
  gint64 seconds = g_date_time_to_unix (now);

  g_return_val_if_fail (DAFTAR_IS_WINDOW (self), NULL);

  if (self->worker == NULL || self->offices == NULL || self->offices->len == 0)
    return NULL;
  daftar_report_period (kind, &self->period, &self->today, &from, &to);
  /* A window told of another today (tests, screenshots) dates its
   * documents on that day. */
  daftar_time_local_date (seconds, &real_today);
  if (g_date_compare (&real_today, &self->today) != 0)
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&self->today),
                                                         g_date_get_month (&self->today),
                                                         g_date_get_day (&self->today), 12, 0, 0);
      seconds = g_date_time_to_unix (noon);
    }
  return daftar_report_document_new (self->worker, kind, selected_office (self), &from, &to, seconds);
}

void
daftar_window_run_report (DaftarWindow        *self,
                          DaftarDocumentKind   kind,
                          DaftarReportOutput   output,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(DaftarReportDocument) document = daftar_window_new_report (self, kind);

  if (document == NULL)
    return;
  if (output == DAFTAR_REPORT_SAVE_PDF && path == NULL)
    daftar_report_save_with_chooser (GTK_WINDOW (self), self->toasts, document);
  else
    daftar_report_run_async (GTK_WINDOW (self), self->toasts, document, output, path, cancellable,
                             callback, user_data);
}

static void
report_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DaftarWindow *self = DAFTAR_WINDOW (user_data);
  DaftarDocumentKind kind;

  if (!daftar_document_kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    return;
  daftar_window_run_report (self, kind,
                            g_str_equal (g_action_get_name (G_ACTION (action)), "report-save")
                              ? DAFTAR_REPORT_SAVE_PDF : DAFTAR_REPORT_PRINT,
                            NULL, NULL, NULL, NULL);
}

/* Ctrl+P: the document of the page in view — the unviewed notices from
 * Notices, the monthly report from any other. */
static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  DaftarWindow *self = DAFTAR_WINDOW (user_data);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  daftar_window_run_report (self,
                            g_strcmp0 (page, "notices") == 0 ? DAFTAR_DOCUMENT_UNVIEWED : DAFTAR_DOCUMENT_MONTHLY,
                            DAFTAR_REPORT_PRINT, NULL, NULL, NULL, NULL);
}

static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  daftar_window_show_page (DAFTAR_WINDOW (user_data), g_variant_get_string (parameter, NULL), NULL, NULL);
}

gboolean
daftar_window_is_ready (DaftarWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_WINDOW (self), FALSE);
  return self->ready;
}

static void
daftar_window_dispose (GObject *object)
{
  DaftarWindow *self = DAFTAR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  drop_sync (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_WINDOW);
  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->first_days, g_hash_table_unref);
  g_clear_pointer (&self->fresh, g_hash_table_unref);
  g_clear_pointer (&self->current, g_hash_table_unref);
  g_clear_pointer (&self->page_names, g_strfreev);

  G_OBJECT_CLASS (daftar_window_parent_class)->dispose (object);
}

static void
daftar_window_class_init (DaftarWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_window_dispose;
  widget_class->realize = daftar_window_realize;
  widget_class->unrealize = daftar_window_unrealize;
  widget_class->focus = daftar_window_keys_focus;

  /* Emitted when the window first shows figures, the empty state or an error. */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, office_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, period_selector);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, reports_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DaftarWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_office_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_install_action (widget_class, "case.show", "s", show_case_activated);
}

static void
daftar_window_init (DaftarWindow *self)
{
  static const GActionEntry actions[] = {
    { "show-page", show_page_activated, "s" },
    { "connect", connect_activated },
    { "report-print", report_activated, "s" },
    { "report-save", report_activated, "s" },
    { "print", print_activated },
  };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_type_ensure (DAFTAR_TYPE_PERIOD_SELECTOR);
  g_type_ensure (DAFTAR_TYPE_SYNC_INDICATOR);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  daftar_window_keys_add_actions (self);

  self->cancellable = g_cancellable_new ();
  self->fresh = g_hash_table_new (NULL, NULL);
  self->current = g_hash_table_new (NULL, NULL);
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &self->today);
  daftar_period_selector_set_today (self->period_selector, &self->today);
  self->period = *daftar_period_selector_get_period (self->period_selector);
  update_reports_menu (self);

  for (const DaftarWindowPage *p = daftar_window_pages; p->name != NULL; p++)
    {
      AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, adw_bin_new (), p->name,
                                                                _(p->title));

      adw_view_stack_page_set_icon_name (stack_page, p->icon_name);
      g_strv_builder_add (names, p->name);
    }
  self->page_names = g_strv_builder_end (names);
}

DaftarWindow *
daftar_window_new (GtkApplication *application)
{
  return g_object_new (DAFTAR_TYPE_WINDOW, "application", application, NULL);
}
