/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-soup.c: the one factory for SoupSessions, so every request carries the same identity and limits. */
#define G_LOG_DOMAIN "daftar-soup"

#include "config.h"

#include <string.h>

#include "daftar-soup.h"

SoupSession *
daftar_soup_session_new (guint       timeout_s,
                         const char *server)
{
  g_autoptr(GUri) uri = server != NULL ? g_uri_parse (server, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  SoupSession *session;

  if (timeout_s == 0)
    timeout_s = DAFTAR_SOUP_DEFAULT_TIMEOUT_S;

  /* libsoup 3 adds SoupContentDecoder by default and then sends
   * "Accept-Encoding: gzip, deflate"; the limits we enforce on a body are
   * therefore limits on the decoded bytes, which is what a gzip bomb would
   * otherwise get past. The "timeout" covers connecting and every read and
   * write, so a stalled server cannot hold a sync forever. */
  session = soup_session_new_with_options ("user-agent", "Daftar/" VERSION,
                                           "timeout", timeout_s,
                                           "idle-timeout", timeout_s,
                                           NULL);

  /* Plain http is only ever allowed to this machine, where a proxy can
   * only be a detour that carries the request, token and all, unencrypted
   * to whoever runs it. https keeps the system's proxy: TLS runs end to
   * end through it, and the certificate is still checked. */
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    soup_session_set_proxy_resolver (session, NULL);
  return session;
}

SoupMessage *
daftar_soup_token_request_new (GUri       *uri,
                               const char *token)
{
  SoupMessage *msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (headers, "Authorization", auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  /* Wipe our copy of the header; libsoup keeps its own for the request. */
  memset (auth, 0, strlen (auth));
  return msg;
}

gboolean
daftar_soup_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps IPv6 hosts without brackets, but accept them anyway. */
  len = strlen (host);
  if (host[0] == '[' && len > 2 && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  /* Only literal addresses count: a name other than localhost could resolve
   * anywhere, so it is not trusted to stay on this machine. */
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}
