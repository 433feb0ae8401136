/* daftar-case-list.c: the searchable list of cases — a lazy GListModel paging from SQLite on the worker thread. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include "daftar-case-list-private.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-case-list-error-quark, daftar_case_list_error)

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

  GHashTable     *pages;        /* owned: page number → GPtrArray of items */
  GQueue          lru;          /* page numbers, most recently used first */
  GHashTable     *pending;      /* owned: page numbers being read */
  gboolean        counting;
  GCancellable   *cancellable;  /* owned: the current generation's reads */
  GError         *error;        /* owned, nullable */
  DaftarCaseListRoute forced_route;  /* UNKNOWN: chosen per search by size */
};

static void daftar_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarCaseList, daftar_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, daftar_case_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_DESCENDING,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_loading (DaftarCaseList *self)
{
  return self->counting || g_hash_table_size (self->pending) > 0;
}

static void
set_loading_from (DaftarCaseList *self,
                  gboolean        was_loading)
{
  if (was_loading != is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
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
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (items));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > self->max_pages)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
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
  guint position;

  if (result == NULL)
    {
      /* A cancelled read belongs to an older generation: nothing to undo. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_error (self, g_steal_pointer (&error));
          self->counting = FALSE;
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

  position = result->page * self->page_size;
  if (self->counting && result->page == 0)
    {
      guint old = self->n_items;

      self->counting = FALSE;
      self->query.route = result->route;
      self->n_items = (guint) MIN (result->n_rows, G_MAXUINT);
      store_page (self, 0, result->items);
      if (old != 0 || self->n_items != 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
    }
  else
    {
      g_hash_table_remove (self->pending, GUINT_TO_POINTER (result->page));
      store_page (self, result->page, result->items);
      /* Rows may have been added since the count; show what the count promised. */
      if (position < self->n_items)
        {
          guint n = MIN (self->page_size, self->n_items - position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, n, n);
        }
    }
  daftar_case_list_page_free (result);
  set_loading_from (self, was_loading);
}

static DaftarCaseListQuery *
copy_query (DaftarCaseList *self,
            guint           page,
            gboolean        count)
{
  DaftarCaseListQuery *q = g_new (DaftarCaseListQuery, 1);

  *q = self->query;
  q->office_code = g_strdup (self->query.office_code);
  q->pattern = g_strdup (self->query.pattern);
  q->fts_pattern = g_strdup (self->query.fts_pattern);
  q->page = page;
  q->count = count;
  return q;
}

static void
request_page (DaftarCaseList *self,
              guint           page)
{
  gboolean was_loading = is_loading (self);

  if (self->counting || g_hash_table_contains (self->pending, GUINT_TO_POINTER (page)))
    return;
  g_hash_table_add (self->pending, GUINT_TO_POINTER (page));
  daftar_db_worker_run_async (self->worker, daftar_case_list_page_job, copy_query (self, page, FALSE), daftar_case_list_query_free,
                              daftar_case_list_page_free, self->cancellable, page_done, g_object_ref (self));
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
  self->counting = FALSE;

  /* The old rows are gone now, not when the new count arrives: get_item
   * must not answer for rows the model no longer has. */
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);

  if (self->scoped)
    {
      self->counting = TRUE;
      daftar_db_worker_run_async (self->worker, daftar_case_list_page_job, copy_query (self, 0, TRUE), daftar_case_list_query_free,
                                  daftar_case_list_page_free, self->cancellable, page_done, g_object_ref (self));
    }
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
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
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
  self->query.from = from ? daftar_time_day_start (from) : G_MININT64;
  if (to != NULL)
    {
      GDate next = *to;
      g_date_add_days (&next, 1);
      self->query.to = daftar_time_day_start (&next);
    }
  else
    self->query.to = G_MAXINT64;
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
  g_clear_pointer (&self->query.pattern, g_free);
  g_clear_pointer (&self->query.fts_pattern, g_free);
  if (key != NULL && *key != '\0')
    self->query.pattern = daftar_case_list_like_pattern (key, TRUE);
  /* Trigrams: fewer than three characters match no trigram at all. */
  if (key != NULL && g_utf8_strlen (key, -1) >= 3)
    self->query.fts_pattern = daftar_case_list_like_pattern (key, FALSE);
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
guint daftar_case_list_get_generation (DaftarCaseList *self) { return self->query.generation; }
guint daftar_case_list_get_page_size (DaftarCaseList *self) { return self->page_size; }
guint daftar_case_list_get_max_pages (DaftarCaseList *self) { return self->max_pages; }
guint daftar_case_list_get_n_loaded_pages (DaftarCaseList *self) { return g_hash_table_size (self->pages); }
const GError *daftar_case_list_get_error (DaftarCaseList *self) { return self->error; }

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
  g_free (self->query.pattern);
  g_free (self->query.fts_pattern);
  g_free (self->search);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_hash_table_unref (self->pending);
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
    case PROP_SEARCH:     g_value_set_string (value, self->search); break;
    case PROP_DESCENDING: g_value_set_boolean (value, self->query.descending); break;
    case PROP_LOADING:    g_value_set_boolean (value, is_loading (self)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_case_list_init (DaftarCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  self->query.descending = TRUE;
}

void
daftar_case_list_force_route (DaftarCaseList      *self,
                              DaftarCaseListRoute  route)
{
  g_return_if_fail (DAFTAR_IS_CASE_LIST (self));
  self->forced_route = route;
}
