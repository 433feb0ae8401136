/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-check.c: what the sync client refuses from a server before ingest sees it — changes holding text json-glib would mangle, bad cursors, unsafe redirects. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-page-check.h"
#include "daftar-soup.h"
#include "daftar-sync-private.h"
#include "daftar-text.h"

/* Recursive, as json-glib's parser is: the page check bounded the depth. */
static gboolean
node_reason (JsonNode         *node,
             DaftarRejectCode *out_code)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (daftar_page_mark_reason (name, out_code) || node_reason (member, out_code))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (node_reason (json_array_get_element (array, i), out_code))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return daftar_page_mark_reason (json_node_get_string (node), out_code);
  return FALSE;
}

void
daftar_sync_taken_out_free (gpointer data)
{
  DaftarSyncTakenOut *reject = data;

  g_free (reject->entity);
  g_free (reject->raw);
  daftar_reject_reason_free (reject->reason);
  g_free (reject);
}

GPtrArray *
daftar_sync_take_marked_changes (JsonObject *page)
{
  GPtrArray *rejects = g_ptr_array_new_with_free_func (daftar_sync_taken_out_free);
  JsonNode *node = json_object_get_member (page, "changes");
  JsonArray *changes;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return rejects;
  changes = json_node_get_array (node);
  for (guint i = json_array_get_length (changes); i > 0; i--)
    {
      JsonNode *change = json_array_get_element (changes, i - 1);
      DaftarRejectCode code;
      DaftarSyncTakenOut *reject;

      if (!node_reason (change, &code))
        continue;
      reject = g_new0 (DaftarSyncTakenOut, 1);
      if (JSON_NODE_HOLDS_OBJECT (change))
        reject->entity = g_strdup (json_object_get_string_member_with_default (json_node_get_object (change),
                                                                               "entity", NULL));
      reject->raw = json_to_string (change, FALSE);
      reject->reason = daftar_reject_reason_new (code, NULL);
      g_ptr_array_insert (rejects, 0, reject);
      json_array_remove_element (changes, i - 1);
    }
  return rejects;
}

gboolean
daftar_sync_check_cursor (JsonObject  *page,
                          const char  *since,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (page, "cursor");
  JsonNode *more = json_object_get_member (page, "has_more");
  const char *cursor;

  /* Ingest says what is wrong with a missing cursor or a wrong type. */
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;
  cursor = json_node_get_string (node);

  /* The cursor is opaque, but it is printed and shown: no control
   * characters (a terminal would obey them), no bidi controls (they would
   * reorder the line around it) and none of the page check's marks. */
  for (const char *p = cursor; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0xFFFE || u == 0xFFFF || u == 0xFDD0 ||
          (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069))
        {
          g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                       _("The central server sent a cursor with control characters; nothing of the page was applied"));
          return FALSE;
        }
    }

  if (more != NULL && JSON_NODE_HOLDS_VALUE (more) && json_node_get_value_type (more) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (more) && g_strcmp0 (cursor, since) == 0)
    {
      /* Asking again with the same cursor would get the same page for ever. */
      g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                   _("The central server says more data follows but did not move the cursor on; nothing of the page was applied"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_sync_check_redirect (const char  *server,
                            GUri        *from,
                            const char  *location,
                            GUri       **out_target,
                            GError     **error)
{
  g_autoptr(GUri) target = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *ours = NULL;

  if (location == NULL ||
      (target = g_uri_parse_relative (from, location, SOUP_HTTP_URI_FLAGS, NULL)) == NULL)
    {
      g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                   _("The central server redirected to an address that is not valid"));
      return FALSE;
    }
  /* The target is the server's text, shown in a message. */
  partial = g_uri_to_string_partial (target, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
  shown = daftar_text_printable (partial, DAFTAR_SYNC_SHOWN_MAX);
  ours = daftar_text_printable (server, DAFTAR_SYNC_SHOWN_MAX);

  /* The token goes with every request, so a redirect may only stay on the
   * server the manager set up: same scheme, host and port. */
  if (g_ascii_strcasecmp (g_uri_get_scheme (target), g_uri_get_scheme (from)) != 0 ||
      g_uri_get_host (target) == NULL ||
      g_ascii_strcasecmp (g_uri_get_host (target), g_uri_get_host (from)) != 0 ||
      g_uri_get_port (target) != g_uri_get_port (from) ||
      g_uri_get_user (target) != NULL)
    {
      g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
                   _("The central server %s redirected to %s, another server; Daftar sends the access token only to the server set in Preferences"),
                   ours, shown);
      return FALSE;
    }
  *out_target = g_steal_pointer (&target);
  return TRUE;
}

gint64
daftar_sync_parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *p;

  if (value == NULL)
    return -1;
  value += strspn (value, " \t");
  for (p = value; g_ascii_isdigit (*p); p++)
    ;
  if (p > value && p[strspn (p, " \t")] == '\0')
    {
      /* delta-seconds; any number of digits means "long", the caller caps it. */
      guint64 seconds = g_ascii_strtoull (value, NULL, 10);
      return (gint64) MIN (seconds, (guint64) G_MAXINT32);
    }
  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return CLAMP (g_date_time_difference (when, now) / G_TIME_SPAN_SECOND, 0, G_MAXINT32);
}
