/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard.c: the real application by keyboard — Tab stops per page, a list as one stop, F6 between regions, Ctrl+F from every page, every entry of the shortcuts window. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-cases-page.h"
#include "daftar-focus.h"
#include "daftar-i18n.h"
#include "daftar-period-selector.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

/* Each case runs `daftar --db FILE` itself (its accelerators, its
 * shortcuts window) in a child process: the UI language is process-wide,
 * and a GApplication runs once. The parent builds the demo database once.
 *
 * Keys are not typed: GTK 4.8 has no way to make a key event. A Tab is
 * what GtkWindow does with one, gtk_widget_child_focus (window,
 * GTK_DIR_TAB_FORWARD); a shortcut is its accelerator looked up in the
 * application (gtk_application_get_actions_for_accel) and the action it
 * names activated on the window. */

#define DB_ENV "DAFTAR_TEST_KEYBOARD_DB"

typedef void (*Body) (DaftarApplication *app,
                      DaftarWindow      *window,
                      gconstpointer      data);

typedef struct
{
  Body           body;
  gconstpointer  data;
  DaftarApplication *app;
  DaftarWindow  *window;
  gboolean       ran;
  gboolean       quits;   /* the body ends the application itself */
} AppRun;

/* Lets what changed lay out and draw: a bound, not a timing claim. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
wait_for_page (DaftarWindow *window,
               const char   *page)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!daftar_window_page_is_current (window, page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  settle ();
}

static const char *
visible_page (DaftarWindow *window)
{
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "view_stack"));

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* What a person presses: the accelerator, looked up in the application. */
static void
press (DaftarApplication *app,
       DaftarWindow      *window,
       const char        *accel,
       const char        *detailed_action)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actions);
  if (!g_strv_contains ((const char * const *) actions, detailed_action))
    g_test_message ("%s does not trigger %s", accel, detailed_action);
  g_assert_true (g_strv_contains ((const char * const *) actions, detailed_action));
  g_assert_true (g_action_parse_detailed_name (detailed_action, &name, &target, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
  settle ();
}

static void
show_page (DaftarApplication *app,
           DaftarWindow      *window,
           const char        *page)
{
  g_autofree char *action = g_strdup_printf ("win.show-page::%s", page);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  /* Every page has its Ctrl+number. */
  g_assert_nonnull (accels);
  g_assert_nonnull (accels[0]);
  press (app, window, accels[0], action);
  g_assert_cmpstr (visible_page (window), ==, page);
  wait_for_page (window, page);
}

/* --- running the application ---------------------------------------------- */

static gboolean
fail_on_timeout (gpointer data)
{
  g_error ("the application did not quit");
  return G_SOURCE_REMOVE;
}

static gboolean
run_body (gpointer data)
{
  AppRun *run = data;

  wait_for_page (run->window, visible_page (run->window));
  run->body (run->app, run->window, run->data);
  run->ran = TRUE;
  if (run->quits)
    g_timeout_add_seconds (60, fail_on_timeout, NULL);
  else
    g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
on_window_ready (DaftarWindow *window,
                 AppRun       *run)
{
  g_signal_handlers_disconnect_by_func (window, on_window_ready, run);
  g_idle_add (run_body, run);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 AppRun         *run)
{
  if (!DAFTAR_IS_WINDOW (window) || run->window != NULL)
    return;
  run->window = DAFTAR_WINDOW (window);
  g_signal_connect (window, "ready", G_CALLBACK (on_window_ready), run);
}

static void
run_app (const char    *language,
         Body           body,
         gconstpointer  data,
         gboolean       quits)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DaftarApplication) app = NULL;
  char program[] = "daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, (char *) g_getenv (DB_ENV), NULL };
  AppRun run = { body, data, NULL, NULL, FALSE, quits };

  g_assert_nonnull (argv[2]);
  daftar_i18n_force (language);
  daftar_i18n_init ();
  /* The window the manager left at 1280×800, on the Overview. */
  settings = daftar_i18n_settings_new ();
  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);

  app = daftar_application_new ();
  run.app = app;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_assert_true (run.ran);
}

/* --- Tab stops ------------------------------------------------------------- */

static char *
describe (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  if (text == NULL && GTK_IS_LABEL (gtk_widget_get_first_child (widget)))
    text = gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (widget)));
  if (text == NULL)
    text = gtk_widget_get_tooltip_text (widget);
  return g_strdup_printf ("%s «%s»", G_OBJECT_TYPE_NAME (widget), text != NULL ? text : "");
}

/* Every widget the Tab key stops at, from the window's start until it
 * wraps back to the first. A Tab always moves the focus: one that stayed
 * would be held by a cell that cannot take it. */
static GPtrArray *
tab_chain (GtkWidget        *window,
           GtkDirectionType  direction)
{
  GPtrArray *chain = g_ptr_array_new ();

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (guint i = 0; i < 5000; i++)
    {
      GtkWidget *before = gtk_root_get_focus (GTK_ROOT (window));
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (window, direction));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (focus != before);
      if (chain->len > 0 && focus == g_ptr_array_index (chain, 0))
        return chain;
      g_ptr_array_add (chain, focus);
    }
  g_error ("the Tab key never came back to the start");
  return NULL;
}

static void
collect_lists (GtkWidget *widget,
               GPtrArray *lists)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_COLUMN_VIEW (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget))
    {
      g_ptr_array_add (lists, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_lists (child, lists);
}

typedef struct
{
  const char *page;
  guint       most;   /* Tab stops, the header's included */
} TabCase;

static void
check_tab_stops (DaftarApplication *app,
                 DaftarWindow      *window,
                 gconstpointer      data)
{
  const TabCase *c = data;
  GtkWidget *page, *search = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  int to_search = -1;
  guint in_rows = 0;   /* stops inside rows that act */

  show_page (app, window, c->page);
  page = daftar_window_get_page (window, c->page);
  if (DAFTAR_IS_CASES_PAGE (page))
    search = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page)));

  chain = tab_chain (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);
      g_autofree char *what = describe (w);

      g_printerr ("# %s: stop %u: %s\n", c->page, i + 1, what);
      if (search != NULL && to_search < 0 && (w == search || gtk_widget_is_ancestor (w, search)))
        to_search = (int) i + 1;
    }
  g_printerr ("# %s: %u Tab stops in all\n", c->page, chain->len);

  /* Shift+Tab meets the same stops, the other way round. */
  back = tab_chain (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD);
  g_assert_cmpuint (back->len, ==, chain->len);

  /* A list is one stop: the chain enters each list once, unless its rows
   * hold fields of their own (the what-if's), which Tab goes through. */
  collect_lists (page, lists);
  for (guint l = 0; l < lists->len; l++)
    {
      GtkWidget *list = g_ptr_array_index (lists, l);
      guint inside = 0, fields = 0;

      for (guint i = 0; i < chain->len; i++)
        {
          GtkWidget *w = g_ptr_array_index (chain, i);

          if (!gtk_widget_is_ancestor (w, list))
            continue;
          inside++;
          fields += GTK_IS_EDITABLE (w) || GTK_IS_BUTTON (w);
        }
      g_printerr ("# %s: %s: %u stops inside, %u of them fields\n", c->page, G_OBJECT_TYPE_NAME (list), inside, fields);
      if (fields == 0)
        g_assert_cmpuint (inside, <=, 1);
      else
        {
          guint rows = 0;

          /* A row that acts (an alert with its note and its page, a
           * what-if field) is at most three stops: the row and two
           * controls; how many rows there are is the data's, not the
           * page's, so they are bounded per row, apart from the page. */
          for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
            rows += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row);
          g_assert_cmpuint (inside, <=, 3 * MAX (rows, 1u));
          in_rows += inside;
        }
    }
  g_assert_cmpuint (chain->len - in_rows, <=, c->most);

  if (search != NULL)
    {
      /* The search is reached in a few Tabs, past the header's. */
      g_printerr ("# %s: the search is stop %d\n", c->page, to_search);
      g_assert_cmpint (to_search, >, 0);
      g_assert_cmpint (to_search, <=, 20);
    }
}

static void
check_list_arrows (DaftarApplication *app,
                   DaftarWindow      *window,
                   gconstpointer      data)
{
  GtkWidget *page, *view, *first, *second;
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  /* The case list, entered by Tab: Down walks its rows, Tab leaves it. */
  show_page (app, window, "cases");
  page = daftar_window_get_page (window, "cases");
  /* The list is the page's second view, beside its charts. */
  daftar_cases_page_show_list (DAFTAR_CASES_PAGE (page));
  settle ();
  collect_lists (page, lists);
  view = NULL;
  for (guint i = 0; i < lists->len && view == NULL; i++)
    if (GTK_IS_COLUMN_VIEW (g_ptr_array_index (lists, i)))
      view = g_ptr_array_index (lists, i);
  g_assert_nonnull (view);

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  while ((first = gtk_root_get_focus (GTK_ROOT (window))) == NULL || !gtk_widget_is_ancestor (first, view))
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
  second = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (second, view));
  g_assert_true (second != first);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), view));
}

/* --- Ctrl+F from every page ------------------------------------------------- */

static void
check_search (DaftarApplication *app,
              DaftarWindow      *window,
              gconstpointer      data)
{
  const char * const *pages = daftar_window_list_pages (window);
  GtkWidget *search = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (daftar_window_get_page (window, "cases"))));

  for (guint i = 0; pages[i] != NULL; i++)
    {
      GtkWidget *page, *focus;

      show_page (app, window, pages[i]);
      /* The focus somewhere on that page, not in the search. */
      page = daftar_window_get_page (window, pages[i]);
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      g_assert_true (gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_false (focus == search || gtk_widget_is_ancestor (focus, search));

      press (app, window, "<Control>f", "win.search");
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_printerr ("# Ctrl+F on %s: the %s page, focus on %s\n", pages[i], visible_page (window), G_OBJECT_TYPE_NAME (focus));
      g_assert_cmpstr (visible_page (window), ==, "cases");
      g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));
      g_assert_true (gtk_widget_get_mapped (search));
    }
}

/* --- F6 ---------------------------------------------------------------------- */

static gboolean
focus_in (DaftarWindow *window,
          GtkWidget    *region)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == region || gtk_widget_is_ancestor (focus, region));
}

static void
check_regions (DaftarApplication *app,
               DaftarWindow      *window,
               gconstpointer      data)
{
  GtkWidget *header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "header_bar"));
  const char * const *pages = daftar_window_list_pages (window);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      GtkWidget *page;

      show_page (app, window, pages[i]);
      page = daftar_window_get_page (window, pages[i]);
      gtk_root_set_focus (GTK_ROOT (window), NULL);

      /* F6: the header, the page, the header again; Shift+F6 back. */
      press (app, window, "F6", "win.next-region");
      g_assert_true (focus_in (window, header));
      press (app, window, "F6", "win.next-region");
      g_assert_true (focus_in (window, page));
      press (app, window, "F6", "win.next-region");
      g_assert_true (focus_in (window, header));
      press (app, window, "<Shift>F6", "win.previous-region");
      g_assert_true (focus_in (window, page));
      press (app, window, "<Shift>F6", "win.previous-region");
      g_assert_true (focus_in (window, header));
    }
}

/* Panes: the children of a GtkPaned and widgets whose role is "region". */
static void
test_panes (void)
{
  GtkWidget *window, *box, *header, *page, *paned, *a, *b, *region, *c;
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  GtkWidget *expected[] = { NULL, NULL, NULL, NULL };

  gtk_init ();
  window = gtk_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = gtk_button_new_with_label ("header");
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  a = gtk_button_new_with_label ("a");
  b = gtk_button_new_with_label ("b");
  region = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_REGION, NULL);
  c = gtk_button_new_with_label ("c");
  gtk_paned_set_start_child (GTK_PANED (paned), a);
  gtk_paned_set_end_child (GTK_PANED (paned), b);
  gtk_box_append (GTK_BOX (region), c);
  gtk_box_append (GTK_BOX (page), paned);
  gtk_box_append (GTK_BOX (page), region);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  g_ptr_array_add (regions, header);
  daftar_focus_collect_regions (page, regions);
  /* The header, the page, its paned's two sides and the region. */
  g_assert_cmpuint (regions->len, ==, 5);

  /* F6 from nowhere: the header, the first pane (the page's first stop
   * is in it), the second, the region, and round again. */
  expected[0] = header, expected[1] = a, expected[2] = b, expected[3] = c;
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        GtkWidget *focus;

        g_assert_true (daftar_focus_move_region (window, regions, TRUE));
        focus = gtk_root_get_focus (GTK_ROOT (window));
        g_printerr ("# F6: %s «%s»\n", G_OBJECT_TYPE_NAME (focus),
                    GTK_IS_BUTTON (focus) ? gtk_button_get_label (GTK_BUTTON (focus)) : "");
        g_assert_true (focus == expected[i]);
      }
  /* Shift+F6 from the region: the same stops backwards (from the first
   * pane, the page would land in that pane again, so the header). */
  for (int i = G_N_ELEMENTS (expected) + 2; i >= 3; i--)
    {
      g_assert_true (daftar_focus_move_region (window, regions, FALSE));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == expected[i % G_N_ELEMENTS (expected)]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the shortcuts window ------------------------------------------------------ */

/* The entries of the window's sections (its search page holds copies). */
static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_SECTION) != NULL)
    g_ptr_array_add (shortcuts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

/* A dialog on screen, whether or not it belongs to the application. */
static GtkWindow *
find_window (const char *type_name)
{
  /* The windows are not referenced: only the list is freed. */
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), type_name) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* What each shortcut does, seen from outside. Returns FALSE for an action
 * this test does not know (it is still checked to exist and be enabled). */
static gboolean
check_effect (DaftarApplication *app,
              DaftarWindow      *window,
              const char        *name,
              GVariant          *target,
              const char        *accel,
              const char        *detailed)
{
  GtkWidget *header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "header_bar"));

  if (g_str_equal (name, "win.show-page"))
    {
      show_page (app, window, "overview");
      press (app, window, accel, detailed);
      g_assert_cmpstr (visible_page (window), ==, g_variant_get_string (target, NULL));
    }
  else if (g_str_equal (name, "win.search"))
    {
      GtkWidget *search = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (daftar_window_get_page (window, "cases"))));

      show_page (app, window, "overview");
      press (app, window, accel, detailed);
      g_assert_true (focus_in (window, search));
    }
  else if (g_str_equal (name, "win.choose-period"))
    {
      GtkWidget *selector = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "period_selector"));
      GtkPopover *popover = GTK_POPOVER (gtk_widget_get_template_child (selector, DAFTAR_TYPE_PERIOD_SELECTOR, "popover"));

      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
      press (app, window, accel, detailed);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_popover_popdown (popover);
      settle ();
    }
  else if (g_str_equal (name, "win.next-region") || g_str_equal (name, "win.previous-region"))
    {
      /* From the page, either way round, F6 comes to the header (the
       * switcher bar at the bottom is not on screen at 1280 px). */
      show_page (app, window, "overview");
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      g_assert_true (gtk_widget_child_focus (daftar_window_get_page (window, "overview"), GTK_DIR_TAB_FORWARD));
      g_assert_false (focus_in (window, header));
      press (app, window, accel, detailed);
      g_assert_true (focus_in (window, header));
    }
  else if (g_str_equal (name, "win.show-help-overlay"))
    {
      GtkWindow *overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
      press (app, window, accel, detailed);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
      gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
    }
  else if (g_str_equal (name, "app.preferences") || g_str_equal (name, "app.sync"))
    {
      /* Preferences open; a sync with nowhere to sync from asks where. */
      const char *type = g_str_equal (name, "app.sync") ? "DaftarConnectDialog" : "DaftarPreferencesWindow";
      GtkWindow *opened;

      g_assert_null (find_window (type));
      press (app, window, accel, detailed);
      opened = find_window (type);
      g_assert_nonnull (opened);
      gtk_window_destroy (opened);
      settle ();
    }
  else if (g_str_equal (name, "app.quit"))
    /* Pressed last, by the caller: the application's run returns. */
    ;
  else
    return FALSE;
  return TRUE;
}

static void
check_shortcuts (DaftarApplication *app,
                 DaftarWindow      *window,
                 gconstpointer      data)
{
  /* Reached from a menu or a button where they are offered, not from
   * anywhere in the window: About (GNOME gives it no shortcut), and on
   * the branches being merged beside this one, Preferences' restart and
   * the first-run page's demo and connect buttons. */
  static const char * const menu_only[] = { "app.about", "app.restart", "app.open-demo", "win.connect", NULL };
  GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) described = NULL;
  const char *quit_accel = NULL;
  guint triggered = 0;

  g_assert_nonnull (overlay);
  collect_shortcuts (overlay, shortcuts);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *detailed = NULL, *accelerator = NULL, *title = NULL, *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) accels = NULL;
      GActionGroup *group;

      g_object_get (g_ptr_array_index (shortcuts, i), "action-name", &detailed, "accelerator", &accelerator,
                    "title", &title, NULL);
      g_printerr ("# shortcut «%s»: %s, %s\n", title, detailed, accelerator);
      /* Each entry names its action, which exists and is enabled. */
      g_assert_nonnull (detailed);
      g_assert_true (g_action_parse_detailed_name (detailed, &name, &target, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (name, "app.") || g_str_has_prefix (name, "win."));
      group = g_str_has_prefix (name, "app.") ? G_ACTION_GROUP (app) : G_ACTION_GROUP (window);
      g_assert_true (g_action_group_has_action (group, name + 4));
      g_assert_true (g_action_group_get_action_enabled (group, name + 4));

      /* The window shows the application's accelerators for it, and each
       * of them triggers it. */
      accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      g_assert_cmpuint (g_strv_length (accels), >=, 1);
      g_assert_nonnull (accelerator);
      g_assert_cmpstr (accelerator, !=, "");
      for (guint a = 0; accels[a] != NULL; a++)
        {
          g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accels[a]);
          g_assert_true (g_strv_contains ((const char * const *) actions, detailed));
        }
      g_hash_table_add (listed, g_strdup (detailed));
      g_hash_table_add (listed, g_strdup (name));

      if (g_str_equal (name, "app.quit"))
        quit_accel = g_intern_string (accels[0]);
      if (check_effect (app, window, name, target, accels[0], detailed))
        triggered++;
      else
        g_printerr ("# %s: exists and is enabled; its effect is not checked here\n", detailed);
    }

  /* Every accelerator the application sets is listed... */
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);

      if (accels[0] != NULL && !g_hash_table_contains (listed, described[i]))
        g_printerr ("# %s has %s but is not in the shortcuts window\n", described[i], accels[0]);
      g_assert_true (accels[0] == NULL || g_hash_table_contains (listed, described[i]));
    }
  /* ...and so is every action that takes no value, bar the menu's About. */
  for (guint g = 0; g < 2; g++)
    {
      GActionGroup *group = g == 0 ? G_ACTION_GROUP (app) : G_ACTION_GROUP (window);
      g_auto(GStrv) actions = g_action_group_list_actions (group);

      for (guint i = 0; actions[i] != NULL; i++)
        {
          g_autofree char *name = g_strconcat (g == 0 ? "app." : "win.", actions[i], NULL);

          if (g_action_group_get_action_parameter_type (group, actions[i]) != NULL ||
              g_strv_contains (menu_only, name))
            continue;
          if (!g_hash_table_contains (listed, name))
            g_printerr ("# %s has no shortcut in the shortcuts window\n", name);
          g_assert_true (g_hash_table_contains (listed, name));
        }
    }

  /* Not a vacuous walk: the entries this test knows were all there. */
  g_printerr ("# %u shortcuts listed, %u triggered and seen to work\n", shortcuts->len, triggered);
  g_assert_cmpuint (triggered, >=, 12);
  /* Last, Ctrl+Q: run_app sees g_application_run return. */
  g_assert_nonnull (quit_accel);
  press (app, window, quit_accel, "app.quit");
}

/* --- the parent: one TAP line per case ------------------------------------- */

typedef struct
{
  Body          body;
  gconstpointer data;
  gboolean      quits;
} AppCase;

static void
test_app_case (gconstpointer data)
{
  const AppCase *c = data;

  if (daftar_test_in_child ())
    run_app ("fa", c->body, c->data, c->quits);
}

static void
test_panes_case (void)
{
  if (daftar_test_in_child ())
    test_panes ();
}

int
main (int argc, char **argv)
{
  /* The bounds: the header has 7 stops (the period, five pages, the sync
   * status, the menu), and a page what acts on it — a chart's table
   * toggle, the case search, a list (one stop each), the what-if's four
   * fields (and their rows) — with some room for what the pages gain.
   * Before, every tile, chart, list row and standard was a stop: some 20
   * Tabs to the case search, over 100 across Shifts. */
  static const TabCase tab_cases[] = {
    { "overview", 20 },
    { "cases", 20 },
    { "shifts", 30 },
    { "care", 20 },
    { "notices", 20 },
  };
  static AppCase app_cases[G_N_ELEMENTS (tab_cases) + 4];
  g_autofree char *dir = NULL;
  guint n = 0;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    dir = daftar_test_demo_db_for_children (DB_ENV, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tab_cases); i++, n++)
    {
      g_autofree char *name = g_strdup_printf ("/keyboard/tab-stops/%s", tab_cases[i].page);

      app_cases[n] = (AppCase) { check_tab_stops, &tab_cases[i], FALSE };
      g_test_add_data_func (name, &app_cases[n], test_app_case);
    }
  app_cases[n] = (AppCase) { check_list_arrows, NULL, FALSE };
  g_test_add_data_func ("/keyboard/list-one-stop", &app_cases[n++], test_app_case);
  app_cases[n] = (AppCase) { check_search, NULL, FALSE };
  g_test_add_data_func ("/keyboard/ctrl-f-every-page", &app_cases[n++], test_app_case);
  app_cases[n] = (AppCase) { check_regions, NULL, FALSE };
  g_test_add_data_func ("/keyboard/f6-regions", &app_cases[n++], test_app_case);
  app_cases[n] = (AppCase) { check_shortcuts, NULL, TRUE };
  g_test_add_data_func ("/keyboard/shortcuts-window", &app_cases[n++], test_app_case);
  g_test_add_func ("/keyboard/f6-panes", test_panes_case);

  status = g_test_run ();
  if (dir != NULL)
    daftar_test_tmpdir_free (g_steal_pointer (&dir));
  return status;
}
