/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-list.c: the searchable list of cases — a lazy GListModel paging from SQLite on the worker thread. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include "daftar-case-list-private.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-case-list-error-quark, daftar_case_list_error)

/* A search goes on counting in the background, a stretch at a time (see
 * daftar-case-list-query.c), until it has looked at COUNT_CASES cases of
 * the scope or found COUNT_MATCHES matches; then the count stands as "at
 * least". Every office's five years (2.7 million cases) would keep the
 * worker busy for some two seconds per search typed; one office's five
 * years (145,000) are counted in full. Reaching the end of the list walks
 * on until RESUME_PAGES more pages are found or the scope ends. */
#define COUNT_CASES 250000
#define COUNT_MATCHES 10000
#define RESUME_PAGES 5

/* A stretch of a search looks at about this many cases: at about a
 * microsecond each (the row read and instr()), the first answers within
 * some 5 ms, and a later stretch keeps the worker from a newer search for
 * no more than that. A rare term, which stretches would seldom find, is
 * looked up through the trigram index instead when it has at most
 * TRIGRAM_AT_MOST candidates (1–2.5 µs apiece to check). */
#define STRETCH 5000
#define TRIGRAM_AT_MOST 5000

/* A search that finds nothing in a bounded scope counts its matches on the
 * other dates (daftar-case-list-query.c): through the trigram index when
 * the term has at most ELSEWHERE_CANDIDATES candidates (checked at 1–2.5
 * µs apiece), else by looking at the ELSEWHERE_CASES cases nearest the
 * dates on either side: 12–14 ms of CPU each at one office × 5 years
 * (sqlite3 .timer on bench/dashboard's scale M file), some eight months of
 * one office's cases, beyond which the count says "at least". */
#define ELSEWHERE_CANDIDATES 20000
#define ELSEWHERE_CASES 20000

struct _DaftarCaseList
{
  GObject         parent_instance;

  DaftarDbWorker *worker;       /* owned */
  guint           page_size;
  guint           max_pages;

  DaftarCaseListQuery query;    /* the current generation's; its strings owned */
  gboolean        scoped;       /* a scope was set: there is something to read */
  char           *search;       /* owned, nullable: as typed */
  guint           n_items;
  gboolean        count_exact;

  GHashTable     *pages;        /* owned: page number → GPtrArray of items */
  GQueue          lru;          /* page numbers, most recently used first */
  GHashTable     *pending;      /* owned: page numbers being read */
  gboolean        first_pending;
  GCancellable   *cancellable;  /* owned: the current generation's reads */
  GError         *error;        /* owned, nullable */
  DaftarCaseListRoute forced_route;  /* UNKNOWN: chosen per search by size */

  /* A search's matches so far, found stretch by stretch. */
  GArray         *rowids;       /* owned: gint64, in the list's order */
  DaftarCaseListCursor cursor;  /* where the next stretch starts */
  gboolean        walking;      /* a stretch is being read */
  gboolean        complete;     /* every match is in rowids */
  gint64          n_examined;
  gint64          examine_goal;
  guint           match_goal;
  guint           count_cases;  /* COUNT_CASES but in tests */
  guint           count_matches;

  /* A search that found nothing: its matches on the scope's other dates. */
  gboolean        elsewhere_pending;  /* being counted */
  gint64          n_elsewhere;        /* -1: not counted */
  gboolean        elsewhere_exact;    /* else "at least" */
};

static void daftar_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarCaseList, daftar_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, daftar_case_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_DESCENDING,
  PROP_LOADING,
  PROP_COUNT_EXACT,
  PROP_N_ELSEWHERE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_loading (DaftarCaseList *self)
{
  return self->first_pending || self->walking || self->elsewhere_pending || g_hash_table_size (self->pending) > 0;
}

static void
set_loading_from (DaftarCaseList *self,
                  gboolean        was_loading)
{
  if (was_loading != is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_count_exact (DaftarCaseList *self,
                 gboolean        exact)
{
  if (self->count_exact == exact)
    return;
  self->count_exact = exact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_EXACT]);
}

static void
set_elsewhere (DaftarCaseList *self,
               gint64          n,
               gboolean        exact)
{
  if (self->n_elsewhere == n && self->elsewhere_exact == exact)
    return;
  self->n_elsewhere = n;
  self->elsewhere_exact = exact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ELSEWHERE]);
}

static void
set_error (DaftarCaseList *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_warning ("Could not read the list of cases: %s", error->message);
}

/* Keeps @items as page @page, forgetting the least recently used pages
 * beyond max_pages. Forgotten rows become placeholders again until asked
 * for; the view asks only for rows on screen, which are recent. */
static void
store_page (DaftarCaseList *self,
            guint           page,
            GPtrArray      *items)
{
  if (g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
    g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (items));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > self->max_pages)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
}

static void
forget_page (DaftarCaseList *self,
             guint           page)
{
  if (g_hash_table_remove (self->pages, GUINT_TO_POINTER (page)))
    g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
}

static DaftarCaseListQuery *
copy_query (DaftarCaseList    *self,
            DaftarCaseListJob  job)
{
  DaftarCaseListQuery *q = g_new (DaftarCaseListQuery, 1);

  *q = self->query;
  q->office_code = g_strdup (self->query.office_code);
  q->key = g_strdup (self->query.key);
  q->job = job;
  q->page = 0;
  q->rowids = NULL;
  q->wanted = self->n_items < self->page_size ? self->page_size - self->n_items : 0;
  return q;
}

static void page_done (GObject *source, GAsyncResult *res, gpointer user_data);

static void
run_job (DaftarCaseList      *self,
         DaftarCaseListQuery *q)
{
  daftar_db_worker_run_async (self->worker, daftar_case_list_page_job, q, daftar_case_list_query_free,
                              daftar_case_list_page_free, self->cancellable, page_done, g_object_ref (self));
}

/* Reads the search's next stretch unless it is complete or has counted
 * enough for now; page 0 is always filled. */
static void
walk_on (DaftarCaseList *self)
{
  DaftarCaseListQuery *q;

  if (self->query.key == NULL || self->complete || self->walking || self->first_pending || self->error != NULL)
    return;
  if (self->n_items >= self->page_size &&
      (self->n_items >= self->match_goal || self->n_examined >= self->examine_goal))
    return;
  self->walking = TRUE;
  q = copy_query (self, DAFTAR_CASE_LIST_JOB_WALK);
  q->cursor = self->cursor;
  run_job (self, q);
}

/* A search of a bounded scope that found nothing counts its matches on
 * the other dates, so that the manager hears of them. */
static void
count_elsewhere (DaftarCaseList *self)
{
  DaftarCaseListQuery *q;

  if (self->query.key == NULL || !self->complete || self->n_items > 0 || self->elsewhere_pending ||
      self->n_elsewhere >= 0 || self->error != NULL ||
      (self->query.from == G_MININT64 && self->query.to == G_MAXINT64))
    return;
  self->elsewhere_pending = TRUE;
  q = copy_query (self, DAFTAR_CASE_LIST_JOB_ELSEWHERE);
  /* The route of the scope's search need not suit the other dates. */
  q->route = self->forced_route;
  run_job (self, q);
}

/* A search's rows found by a FIRST or WALK job: appended to the list,
 * the next stretch asked for and the count marked before anyone hears of
 * them, so that "loading" and "count-exact" tell the truth to whoever
 * listens to "items-changed". */
static void
add_matches (DaftarCaseList     *self,
             DaftarCaseListPage *result)
{
  guint old = self->n_items;

  if (result->items->len > 0)
    {
      /* Page 0 is filled as its rows are found: it is the one on screen. */
      GPtrArray *page0 = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));

      if (page0 == NULL)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
          store_page (self, 0, items);
          page0 = items;
        }
      for (guint i = 0; i < result->items->len; i++)
        g_ptr_array_add (page0, g_object_ref (g_ptr_array_index (result->items, i)));
    }
  g_array_append_vals (self->rowids, result->rowids->data, result->rowids->len);
  self->cursor = result->cursor;
  self->complete = result->complete;
  self->n_examined += result->n_examined;
  self->n_items = self->rowids->len;
  walk_on (self);
  count_elsewhere (self);
  set_count_exact (self, self->complete);
  if (self->n_items > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
}

static void
page_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(DaftarCaseList) self = user_data;
  g_autoptr(GError) error = NULL;
  DaftarCaseListPage *result = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), res, &error);
  gboolean was_loading = is_loading (self);

  if (result == NULL)
    {
      /* A cancelled read belongs to an older generation: nothing to undo. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_error (self, g_steal_pointer (&error));
          self->first_pending = FALSE;
          self->walking = FALSE;
          self->elsewhere_pending = FALSE;
          g_hash_table_remove_all (self->pending);
          set_loading_from (self, was_loading);
        }
      return;
    }
  if (result->generation != self->query.generation)
    {
      daftar_case_list_page_free (result);
      return;
    }

  if (result->job == DAFTAR_CASE_LIST_JOB_ELSEWHERE)
    {
      self->elsewhere_pending = FALSE;
      set_elsewhere (self, result->n_rows, result->complete);
    }
  else if (result->job == DAFTAR_CASE_LIST_JOB_PAGE)
    {
      guint position = result->page * self->page_size;

      g_hash_table_remove (self->pending, GUINT_TO_POINTER (result->page));
      store_page (self, result->page, result->items);
      /* Rows may have been added since the count; show what the count promised. */
      if (position < self->n_items)
        {
          guint n = MIN (self->page_size, self->n_items - position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, n, n);
        }
    }
  else if (self->query.key == NULL)
    {
      self->first_pending = FALSE;
      self->n_items = (guint) MIN (result->n_rows, G_MAXUINT);
      store_page (self, 0, result->items);
      set_count_exact (self, TRUE);
      if (self->n_items != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
    }
  else
    {
      if (result->job == DAFTAR_CASE_LIST_JOB_FIRST)
        {
          self->first_pending = FALSE;
          self->query.route = result->route;
        }
      else
        self->walking = FALSE;
      add_matches (self, result);
    }
  daftar_case_list_page_free (result);
  set_loading_from (self, was_loading);
}

static void
request_page (DaftarCaseList *self,
              guint           page)
{
  gboolean was_loading = is_loading (self);
  DaftarCaseListQuery *q;

  if (self->first_pending || g_hash_table_contains (self->pending, GUINT_TO_POINTER (page)))
    return;
  g_hash_table_add (self->pending, GUINT_TO_POINTER (page));
  q = copy_query (self, DAFTAR_CASE_LIST_JOB_PAGE);
  q->page = page;
  if (self->query.key != NULL)
    {
      guint first = page * self->page_size;
      guint n = MIN (self->page_size, self->rowids->len - first);

      q->rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      g_array_append_vals (q->rowids, &g_array_index (self->rowids, gint64, first), n);
    }
  run_job (self, q);
  set_loading_from (self, was_loading);
}

/* Drops every page and answer of the current generation and reads the
 * count and the first page of a new one. */
static void
restart (DaftarCaseList *self)
{
  gboolean was_loading = is_loading (self);
  guint old = self->n_items;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->query.generation++;
  self->query.route = self->forced_route;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->pending);
  g_clear_error (&self->error);
  self->first_pending = FALSE;

  g_array_set_size (self->rowids, 0);
  self->walking = FALSE;
  self->elsewhere_pending = FALSE;
  self->complete = FALSE;
  self->n_examined = 0;
  self->examine_goal = self->count_cases;
  self->match_goal = self->count_matches;
  self->cursor.filed_at = self->query.descending ? self->query.to : self->query.from;
  self->cursor.rowid = G_MININT64;

  /* The old rows are gone now, not when the new count arrives: get_item
   * must not answer for rows the model no longer has. */
  self->n_items = 0;
  set_count_exact (self, FALSE);
  set_elsewhere (self, -1, FALSE);
  if (self->scoped)
    {
      self->first_pending = TRUE;
      run_job (self, copy_query (self, DAFTAR_CASE_LIST_JOB_FIRST));
    }
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  set_loading_from (self, was_loading);
}

static GType
daftar_case_list_get_item_type (GListModel *model)
{
  return DAFTAR_TYPE_CASE_ITEM;
}

static guint
daftar_case_list_get_n_items (GListModel *model)
{
  return DAFTAR_CASE_LIST (model)->n_items;
}

static gpointer
daftar_case_list_get_item (GListModel *model,
                           guint       position)
{
  DaftarCaseList *self = DAFTAR_CASE_LIST (model);
  guint page = position / self->page_size;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  /* Near the end of a search counted only so far: find some more. */
  if (self->query.key != NULL && !self->complete && position + self->page_size >= self->n_items)
    {
      gboolean was_loading = is_loading (self);

      self->match_goal = MAX (self->match_goal, self->n_items + RESUME_PAGES * self->page_size);
      self->examine_goal = G_MAXINT64;
      walk_on (self);
      set_loading_from (self, was_loading);
    }

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  /* A search's page read before more of its rows were found lacks them. */
  if (items != NULL && self->query.key != NULL && position % self->page_size >= items->len)
    {
      forget_page (self, page);
      items = NULL;
    }
  if (items != NULL && position % self->page_size < items->len)
    {
      /* Most recently used first. */
      if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
        {
          g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
          g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
        }
      return g_object_ref (g_ptr_array_index (items, position % self->page_size));
    }
  if (items == NULL)
    request_page (self, page);
  return daftar_case_item_new_placeholder ();
}

static void
daftar_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = daftar_case_list_get_item_type;
  iface->get_n_items = daftar_case_list_get_n_items;
  iface->get_item = daftar_case_list_get_item;
}

DaftarCaseList *
daftar_case_list_new (DaftarDbWorker *worker,
                      guint           page_size,
                      guint           max_pages)
{
  DaftarCaseList *self;

  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);
  g_return_val_if_fail (page_size > 0 && max_pages > 0, NULL);

  self = g_object_new (DAFTAR_TYPE_CASE_LIST, NULL);
  self->worker = g_object_ref (worker);
  self->page_size = page_size;
  self->query.page_size = page_size;
  self->max_pages = max_pages;
  return self;
}

DaftarDbWorker *
daftar_case_list_get_worker (DaftarCaseList *self)
{
  return self->worker;
}

void
daftar_case_list_set_scope (DaftarCaseList *self,
                            const char     *office_code,
                            const GDate    *from,
                            const GDate    *to)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));

  g_free (self->query.office_code);
  self->query.office_code = g_strdup (office_code);
  g_date_clear (&self->query.first_day, 1);
  g_date_clear (&self->query.last_day, 1);
  self->query.from = G_MININT64;
  self->query.to = G_MAXINT64;
  if (from != NULL)
    {
      self->query.first_day = *from;
      self->query.from = daftar_time_day_start (from);
    }
  if (to != NULL)
    {
      GDate next = *to;

      self->query.last_day = *to;
      g_date_add_days (&next, 1);
      self->query.to = daftar_time_day_start (&next);
    }
  self->scoped = TRUE;
  restart (self);
}

void
daftar_case_list_set_search (DaftarCaseList *self,
                             const char     *text)
{
  g_autofree char *key = NULL;

  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (text);

  key = daftar_text_search_key (text);
  g_clear_pointer (&self->query.key, g_free);
  if (key != NULL && *key != '\0')
    self->query.key = g_steal_pointer (&key);
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
daftar_case_list_get_search (DaftarCaseList *self)
{
  return self->search;
}

void
daftar_case_list_set_descending (DaftarCaseList *self,
                                 gboolean        descending)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));

  descending = !!descending;
  if (self->query.descending == descending)
    return;
  self->query.descending = descending;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

gboolean daftar_case_list_get_descending (DaftarCaseList *self) { return self->query.descending; }
gboolean daftar_case_list_get_loading (DaftarCaseList *self) { return is_loading (self); }
gboolean daftar_case_list_get_count_exact (DaftarCaseList *self) { return self->count_exact; }
guint daftar_case_list_get_generation (DaftarCaseList *self) { return self->query.generation; }
guint daftar_case_list_get_page_size (DaftarCaseList *self) { return self->page_size; }
guint daftar_case_list_get_max_pages (DaftarCaseList *self) { return self->max_pages; }
guint daftar_case_list_get_n_loaded_pages (DaftarCaseList *self) { return g_hash_table_size (self->pages); }
const GError *daftar_case_list_get_error (DaftarCaseList *self) { return self->error; }

gint64
daftar_case_list_get_n_elsewhere (DaftarCaseList *self,
                                  gboolean       *exact)
{
  g_return_val_if_fail (DAFTAR_IS_CASE_LIST (self), -1);

  if (exact != NULL)
    *exact = self->elsewhere_exact;
  return self->n_elsewhere;
}

static void
daftar_case_list_dispose (GObject *object)
{
  DaftarCaseList *self = DAFTAR_CASE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (daftar_case_list_parent_class)->dispose (object);
}

static void
daftar_case_list_finalize (GObject *object)
{
  DaftarCaseList *self = DAFTAR_CASE_LIST (object);

  g_free (self->query.office_code);
  g_free (self->query.key);
  g_free (self->search);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_hash_table_unref (self->pending);
  g_array_unref (self->rowids);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (daftar_case_list_parent_class)->finalize (object);
}

static void
daftar_case_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DaftarCaseList *self = DAFTAR_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:      g_value_set_string (value, self->search); break;
    case PROP_DESCENDING:  g_value_set_boolean (value, self->query.descending); break;
    case PROP_LOADING:     g_value_set_boolean (value, is_loading (self)); break;
    case PROP_COUNT_EXACT: g_value_set_boolean (value, self->count_exact); break;
    case PROP_N_ELSEWHERE: g_value_set_int64 (value, self->n_elsewhere); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_case_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DaftarCaseList *self = DAFTAR_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH:     daftar_case_list_set_search (self, g_value_get_string (value)); break;
    case PROP_DESCENDING: daftar_case_list_set_descending (self, g_value_get_boolean (value)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_case_list_class_init (DaftarCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = daftar_case_list_dispose;
  object_class->finalize = daftar_case_list_finalize;
  object_class->get_property = daftar_case_list_get_property;
  object_class->set_property = daftar_case_list_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, G_PARAM_READWRITE | flags);
  properties[PROP_DESCENDING] = g_param_spec_boolean ("descending", NULL, NULL, TRUE, G_PARAM_READWRITE | flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | flags);
  properties[PROP_COUNT_EXACT] = g_param_spec_boolean ("count-exact", NULL, NULL, FALSE, G_PARAM_READABLE | flags);
  properties[PROP_N_ELSEWHERE] = g_param_spec_int64 ("n-elsewhere", NULL, NULL, -1, G_MAXINT64, -1,
                                                     G_PARAM_READABLE | flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_case_list_init (DaftarCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->query.descending = TRUE;
  self->query.stretch = STRETCH;
  self->query.trigram_at_most = TRIGRAM_AT_MOST;
  self->query.elsewhere_cases = ELSEWHERE_CASES;
  self->query.elsewhere_candidates = ELSEWHERE_CANDIDATES;
  self->n_elsewhere = -1;
  self->count_cases = COUNT_CASES;
  self->count_matches = COUNT_MATCHES;
  g_date_clear (&self->query.first_day, 1);
  g_date_clear (&self->query.last_day, 1);
}

void
daftar_case_list_force_route (DaftarCaseList      *self,
                              DaftarCaseListRoute  route)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));
  self->forced_route = route;
}

DaftarCaseListRoute
daftar_case_list_get_route (DaftarCaseList *self)
{
  return self->query.route;
}

void
daftar_case_list_set_limits (DaftarCaseList *self,
                             guint           stretch,
                             guint           count_cases,
                             guint           count_matches,
                             guint           trigram_at_most)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));
  g_return_if_fail (stretch > 0);
  self->query.stretch = stretch;
  self->count_cases = count_cases;
  self->count_matches = count_matches;
  self->query.trigram_at_most = trigram_at_most;
}

void
daftar_case_list_set_elsewhere_limits (DaftarCaseList *self,
                                       guint           cases,
                                       guint           candidates)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));
  self->query.elsewhere_cases = cases;
  self->query.elsewhere_candidates = candidates;
}
