/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-central-feed.c: the demo server's pages — which changes a cursor points at, and their JSON text. */
#define G_LOG_DOMAIN "daftar-demo-central"

#include "config.h"

#include <string.h>

#include "daftar-demo-central-private.h"

/* Office-days kept serialised; a page of 5000 changes spans about two weeks
 * of one office, so this keeps every day of a page and the next. */
#define CACHE_DAYS 64

struct _DaftarDemoCentralFeed
{
  DaftarDemo    *demo;       /* owned */
  GHashTable    *days;       /* owned: office << 32 | day → GPtrArray of change texts */
  JsonGenerator *generator;  /* owned */
};

char *
daftar_demo_central_cursor_encode (const DaftarDemoCentralCursor *cursor)
{
  g_autofree char *plain = g_strdup_printf ("v1:%u:%u:%u:%u", cursor->epoch, cursor->office,
                                            cursor->day, cursor->offset);

  return g_base64_encode ((const guchar *) plain, strlen (plain));
}

gboolean
daftar_demo_central_cursor_decode (const char              *text,
                                   DaftarDemoCentralCursor *out_cursor)
{
  g_autofree guchar *plain = NULL;
  g_autofree char *terminated = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 values[4];
  gsize len = 0;

  if (text == NULL || strlen (text) > 256)
    return FALSE;
  plain = g_base64_decode (text, &len);
  if (plain == NULL || len == 0)
    return FALSE;
  terminated = g_strndup ((const char *) plain, len);
  parts = g_strsplit (terminated, ":", -1);
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[0], "v1"))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_string_to_unsigned (parts[i + 1], 10, 0, G_MAXUINT32, &values[i], NULL))
      return FALSE;
  out_cursor->epoch = values[0];
  out_cursor->office = values[1];
  out_cursor->day = values[2];
  out_cursor->offset = values[3];
  return TRUE;
}

DaftarDemoCentralFeed *
daftar_demo_central_feed_new (DaftarDemo *demo)
{
  DaftarDemoCentralFeed *feed = g_new0 (DaftarDemoCentralFeed, 1);

  feed->demo = demo;
  feed->days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  feed->generator = json_generator_new ();
  return feed;
}

void
daftar_demo_central_feed_free (DaftarDemoCentralFeed *feed)
{
  if (feed == NULL)
    return;
  g_clear_pointer (&feed->demo, daftar_demo_free);
  g_hash_table_unref (feed->days);
  g_object_unref (feed->generator);
  g_free (feed);
}

DaftarDemo *
daftar_demo_central_feed_get_demo (DaftarDemoCentralFeed *feed)
{
  return feed->demo;
}

int
daftar_demo_central_feed_find_office (DaftarDemoCentralFeed *feed,
                                      const char            *code)
{
  for (guint i = 0; i < daftar_demo_get_n_offices (feed->demo); i++)
    if (g_strcmp0 (daftar_demo_get_office_code (feed->demo, i), code) == 0)
      return (int) i;
  return -1;
}

static GPtrArray *
day_changes (DaftarDemoCentralFeed *feed,
             guint                  office,
             guint                  day)
{
  gint64 key = ((gint64) office << 32) | day;
  g_autoptr(JsonArray) changes = NULL;
  GPtrArray *texts;

  texts = g_hash_table_lookup (feed->days, &key);
  if (texts != NULL)
    return texts;

  if (g_hash_table_size (feed->days) >= CACHE_DAYS)
    g_hash_table_remove_all (feed->days);

  changes = json_array_new ();
  daftar_demo_append_day (feed->demo, office, day, changes);
  texts = g_ptr_array_new_full (json_array_get_length (changes), g_free);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      json_generator_set_root (feed->generator, json_array_get_element (changes, i));
      g_ptr_array_add (texts, json_generator_to_data (feed->generator, NULL));
    }
  g_hash_table_insert (feed->days, g_memdup2 (&key, sizeof key), texts);
  return texts;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  /* Office codes and cursors are plain ASCII, but quote them properly
   * anyway: the page must be valid JSON whatever the demo names. */
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *quoted = NULL;

  json_node_set_string (node, text);
  json_generator_set_root (generator, node);
  quoted = json_generator_to_data (generator, NULL);
  g_string_append (out, quoted);
}

static void
append_bad_records (GString    *out,
                    const char *office,
                    guint       serial,
                    gboolean    first)
{
  g_autofree char *long_name = g_strnfill (1500, 'x');
  const char *time = "2024-03-20T09:00:00+03:30";

  /* One of each way a record can be refused (DESIGN §6), with ids that no
   * real record uses. Counted by DAFTAR_DEMO_CENTRAL_BAD_RECORDS_PER_PAGE. */
  g_string_append_printf (out,
    "%s{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u-enum\",\"office_code\":\"%s\","
    "\"kind\":\"duel\",\"filed_at\":\"%s\",\"shift\":\"morning\",\"status\":\"registered\"}}",
    first ? "" : ",", serial, office, time);
  g_string_append_printf (out,
    ",{\"entity\":\"ticket\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u-time\",\"office_code\":\"%s\","
    "\"service\":\"petition\",\"issued_at\":\"yesterday\",\"outcome\":\"served\"}}",
    serial, office);
  g_string_append_printf (out,
    ",{\"entity\":\"ticket\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u-order\",\"office_code\":\"%s\","
    "\"service\":\"brief\",\"issued_at\":\"2024-03-20T10:00:00+03:30\","
    "\"called_at\":\"2024-03-20T09:00:00+03:30\",\"outcome\":\"served\"}}",
    serial, office);
  g_string_append_printf (out,
    ",{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u-long\",\"office_code\":\"%s\","
    "\"kind\":\"brief\",\"filed_at\":\"%s\",\"shift\":\"morning\",\"status\":\"sent\","
    "\"client_name\":\"%s\"}}",
    serial, office, time, long_name);
  g_string_append_printf (out,
    ",{\"entity\":\"notice\",\"op\":\"upsert\",\"data\":{\"id\":\"\",\"office_code\":\"%s\","
    "\"channel\":\"electronic\",\"issued_at\":\"%s\"}}",
    office, time);
  g_string_append_printf (out,
    ",{\"entity\":\"court\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u-entity\"}}",
    serial);
}

GString *
daftar_demo_central_feed_page (DaftarDemoCentralFeed   *feed,
                               DaftarDemoCentralCursor *cursor,
                               guint                    limit,
                               int                      protocol,
                               guint                    bad_serial,
                               gboolean                *out_has_more)
{
  guint n_days = daftar_demo_get_n_days (feed->demo);
  const char *office = daftar_demo_get_office_code (feed->demo, cursor->office);
  g_autoptr(GString) changes = g_string_sized_new (limit * 400);
  g_autofree char *next = NULL;
  GString *page;
  guint count = 0;

  while (count < limit && cursor->day < n_days)
    {
      GPtrArray *texts = day_changes (feed, cursor->office, cursor->day);

      while (count < limit && cursor->offset < texts->len)
        {
          if (count > 0)
            g_string_append_c (changes, ',');
          g_string_append (changes, g_ptr_array_index (texts, cursor->offset));
          cursor->offset++;
          count++;
        }
      if (cursor->offset >= texts->len)
        {
          cursor->day++;
          cursor->offset = 0;
        }
    }
  if (bad_serial > 0)
    append_bad_records (changes, office, bad_serial, count == 0);

  *out_has_more = cursor->day < n_days;
  next = daftar_demo_central_cursor_encode (cursor);

  page = g_string_sized_new (changes->len + 256);
  g_string_append_printf (page, "{\"protocol\":%d,\"office\":", protocol);
  append_json_string (page, office);
  g_string_append (page, ",\"cursor\":");
  append_json_string (page, next);
  g_string_append_printf (page, ",\"has_more\":%s,\"changes\":[",
                          *out_has_more ? "true" : "false");
  g_string_append_len (page, changes->str, changes->len);
  g_string_append (page, "]}");
  return page;
}
