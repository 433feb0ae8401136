/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-indicator.c: the header's sync status — "as of" the last sync, a spinner, or what went wrong. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-sync-history-dialog.h"
#include "daftar-sync-indicator.h"
#include "daftar-time.h"

struct _DaftarSyncIndicator
{
  GtkWidget             parent_instance;

  GtkMenuButton        *button;
  GtkSpinner           *spinner;
  GtkImage             *error_icon;
  AdwSqueezer          *squeezer;
  GtkLabel             *label;          /* the whole text */
  GtkLabel             *medium_label;   /* shorter forms, for a narrow header */
  GtkLabel             *short_label;
  GtkPopover           *popover;
  GtkLabel             *status_title;
  GtkLabel             *status_detail;
  GtkButton            *sync_button;

  DaftarSyncController *controller;   /* owned, nullable */
  char                 *tooltip;      /* owned, nullable: what the button's tooltip adds to the label */
  guint                 minute_timer;
};

G_DEFINE_FINAL_TYPE (DaftarSyncIndicator, daftar_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* «۱۰:۳۰»: the Tehran time of day, in the configured digits. */
static char *
format_time_of_day (gint64 unix_time)
{
  g_autofree char *datetime = daftar_format_datetime (unix_time);
  /* daftar_format_datetime is «۱۴۰۵/۰۹/۰۷ ۱۰:۳۰»: the part after the space
   * is the time of day. */
  const char *time_of_day = strrchr (datetime, ' ');

  return g_strdup (time_of_day != NULL ? time_of_day + 1 : datetime);
}

char *
daftar_sync_format_as_of (gint64 unix_time)
{
  GDate day;
  g_autofree char *date = NULL;
  g_autofree char *time_of_day = format_time_of_day (unix_time);
  g_autofree char *when = NULL;

  daftar_time_local_date (unix_time, &day);
  date = daftar_format_date_long (&day);
  /* TRANSLATORS: a date and a time of day, as in “7 Azar 1405, 10:30” */
  when = g_strdup_printf (C_("date and time", "%s, %s"), date, time_of_day);
  /* TRANSLATORS: the header's sync status; %s is a date and time, or in a
   * narrow window only the time (today) or only the date (another day) */
  return g_strdup_printf (_("Up to date as of %s"), when);
}

/* The shorter forms, for a header with less room: the time alone when the
 * sync was today («به‌روز تا ۱۰:۳۰», «۱۰:۳۰»), else the date alone. */
static void
format_as_of_shorter (gint64   unix_time,
                      gint64   now,
                      char   **medium,
                      char   **shortest)
{
  GDate day, today;

  daftar_time_local_date (unix_time, &day);
  daftar_time_local_date (now, &today);
  if (g_date_compare (&day, &today) == 0)
    *shortest = format_time_of_day (unix_time);
  else
    *shortest = daftar_format_date_long (&day);
  *medium = g_strdup_printf (_("Up to date as of %s"), *shortest);
}

char *
daftar_sync_format_relative (gint64 unix_time,
                             gint64 now)
{
  g_autofree char *span = NULL;

  if (now - unix_time < 60)
    return g_strdup (_("just now"));
  span = daftar_format_duration (now - unix_time);
  /* TRANSLATORS: %s is a span of time such as “5 min” */
  return g_strdup_printf (_("%s ago"), span);
}

/* A shorter form leaves the whole text to the tooltip. */
static void
update_tooltip (DaftarSyncIndicator *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->squeezer);
  const char *text = gtk_label_get_label (self->label);
  g_autofree char *tooltip = NULL;

  if (shown != NULL && shown != GTK_WIDGET (self->label) && text[0] != '\0')
    tooltip = self->tooltip != NULL ? g_strconcat (text, "\n", self->tooltip, NULL) : g_strdup (text);
  else
    tooltip = g_strdup (self->tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
}

static void
on_form_shown (DaftarSyncIndicator *self)
{
  update_tooltip (self);
}

static void
update (DaftarSyncIndicator *self)
{
  DaftarSyncState state = DAFTAR_SYNC_STATE_IDLE;
  gint64 last = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean configured = FALSE;
  g_autofree char *text = NULL;
  g_autofree char *medium = NULL;
  g_autofree char *shortest = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *relative = NULL;

  if (self->controller != NULL)
    {
      state = daftar_sync_controller_get_state (self->controller);
      last = daftar_sync_controller_get_last_success (self->controller);
      configured = daftar_sync_controller_get_configured (self->controller);
    }
  if (last > 0)
    relative = daftar_sync_format_relative (last, now);

  switch (state)
    {
    case DAFTAR_SYNC_STATE_SYNCING:
      text = g_strdup (_("Syncing…"));
      title = g_strdup (_("Bringing in the central server’s changes…"));
      tooltip = g_strdup (title);
      break;

    case DAFTAR_SYNC_STATE_ERROR:
      text = g_strdup (daftar_sync_controller_get_error_title (self->controller));
      title = g_strdup (_("The last sync failed"));
      detail = g_strdup (daftar_sync_controller_get_error_message (self->controller));
      tooltip = g_strdup (detail);
      break;

    case DAFTAR_SYNC_STATE_IDLE:
    default:
      if (last > 0)
        {
          text = daftar_sync_format_as_of (last);
          format_as_of_shorter (last, now, &medium, &shortest);
          title = g_strdup (text);
          tooltip = g_strdup (relative);
        }
      else if (configured)
        {
          text = g_strdup (_("Not synced yet"));
          title = g_strdup (text);
          detail = g_strdup (_("Sync brings in the office’s cases, queue tickets and notices from the central server."));
        }
      else
        {
          text = g_strdup (_("Not connected"));
          title = g_strdup (_("Not connected to the central server"));
          detail = g_strdup (_("Connect Daftar to the judiciary’s central server to bring in your office’s records."));
        }
      break;
    }

  /* Once there was a success, the popover always says how long ago. */
  if (relative != NULL && state != DAFTAR_SYNC_STATE_IDLE)
    {
      g_autofree char *as_of = daftar_sync_format_as_of (last);
      g_autofree char *since = g_strdup_printf (_("Last successful sync: %s (%s)"), as_of, relative);
      char *joined = detail != NULL ? g_strconcat (detail, "\n\n", since, NULL) : g_strdup (since);

      g_free (detail);
      detail = joined;
    }
  else if (relative != NULL && detail == NULL)
    detail = g_strdup_printf (_("Last sync: %s"), relative);

  gtk_label_set_label (self->label, text);
  gtk_label_set_label (self->medium_label, medium);
  gtk_label_set_label (self->short_label, shortest);
  gtk_widget_set_visible (GTK_WIDGET (self->medium_label), medium != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->short_label), shortest != NULL);
  /* Whichever form shows, the button is named by the whole text. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == DAFTAR_SYNC_STATE_SYNCING);
  gtk_spinner_set_spinning (self->spinner, state == DAFTAR_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), state == DAFTAR_SYNC_STATE_ERROR);
  if (state == DAFTAR_SYNC_STATE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->squeezer), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->squeezer), "error");
  g_free (self->tooltip);
  self->tooltip = g_steal_pointer (&tooltip);
  update_tooltip (self);

  gtk_label_set_label (self->status_title, title);
  gtk_label_set_label (self->status_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), detail != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button),
                            self->controller != NULL && state != DAFTAR_SYNC_STATE_SYNCING);
}

static gboolean
on_minute (gpointer user_data)
{
  /* "5 min ago" must not stay "just now" while the window is open. */
  update (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_popover_show (DaftarSyncIndicator *self)
{
  update (self);
}

static void
on_sync_clicked (DaftarSyncIndicator *self)
{
  gtk_popover_popdown (self->popover);
  if (self->controller != NULL)
    daftar_sync_controller_sync_now (self->controller);
}

GtkWindow *
daftar_sync_indicator_show_history (DaftarSyncIndicator *self)
{
  GtkWindow *dialog;
  GtkRoot *root;

  g_return_val_if_fail (DAFTAR_IS_SYNC_INDICATOR (self), NULL);
  g_return_val_if_fail (self->controller != NULL, NULL);

  dialog = GTK_WINDOW (daftar_sync_history_dialog_new (daftar_sync_controller_get_worker (self->controller)));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
  return dialog;
}

static void
on_history_clicked (DaftarSyncIndicator *self)
{
  gtk_popover_popdown (self->popover);
  if (self->controller != NULL)
    daftar_sync_indicator_show_history (self);
}

static void
on_setup_clicked (DaftarSyncIndicator *self)
{
  gtk_popover_popdown (self->popover);
  if (self->controller != NULL)
    daftar_sync_controller_request_setup (self->controller);
}

static void
on_controller_notify (DaftarSyncIndicator *self)
{
  update (self);
}

void
daftar_sync_indicator_set_controller (DaftarSyncIndicator  *self,
                                      DaftarSyncController *controller)
{
  g_return_if_fail (DAFTAR_IS_SYNC_INDICATOR (self));
  g_return_if_fail (controller == NULL || DAFTAR_IS_SYNC_CONTROLLER (controller));

  if (self->controller == controller)
    return;
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_func (self->controller, on_controller_notify, self);
  g_set_object (&self->controller, controller);
  if (controller != NULL)
    {
      static const char * const watched[] = {
        "notify::state", "notify::last-success", "notify::error-message", "notify::configured",
      };
      for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
        g_signal_connect_swapped (controller, watched[i], G_CALLBACK (on_controller_notify), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLLER]);
}

DaftarSyncController *
daftar_sync_indicator_get_controller (DaftarSyncIndicator *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_INDICATOR (self), NULL);
  return self->controller;
}

const char *
daftar_sync_indicator_get_text (DaftarSyncIndicator *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_INDICATOR (self), NULL);
  return gtk_label_get_label (self->label);
}

GtkPopover *
daftar_sync_indicator_get_popover (DaftarSyncIndicator *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_INDICATOR (self), NULL);
  return self->popover;
}

GtkWidget *
daftar_sync_indicator_new (DaftarSyncController *controller)
{
  return g_object_new (DAFTAR_TYPE_SYNC_INDICATOR, "controller", controller, NULL);
}

static void
daftar_sync_indicator_dispose (GObject *object)
{
  DaftarSyncIndicator *self = DAFTAR_SYNC_INDICATOR (object);

  g_clear_handle_id (&self->minute_timer, g_source_remove);
  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_func (self->controller, on_controller_notify, self);
  g_clear_object (&self->controller);
  g_clear_pointer (&self->tooltip, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (daftar_sync_indicator_parent_class)->dispose (object);
}

static void
daftar_sync_indicator_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DaftarSyncIndicator *self = DAFTAR_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER: g_value_set_object (value, self->controller); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_indicator_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DaftarSyncIndicator *self = DAFTAR_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER: daftar_sync_indicator_set_controller (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_indicator_class_init (DaftarSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_sync_indicator_dispose;
  object_class->get_property = daftar_sync_indicator_get_property;
  object_class->set_property = daftar_sync_indicator_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, DAFTAR_TYPE_SYNC_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, error_icon);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, squeezer);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, medium_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, short_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, status_title);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, status_detail);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncIndicator, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_form_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_history_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_clicked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_sync_indicator_init (DaftarSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->minute_timer = g_timeout_add_seconds (60, on_minute, self);
  update (self);
}
