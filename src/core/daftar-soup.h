/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-soup.h: the one place that makes SoupSessions and decides which server addresses are safe. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define DAFTAR_SOUP_DEFAULT_TIMEOUT_S 30

/* A session for requests to @server, with Daftar's User-Agent, an I/O and
 * idle timeout of @timeout_s seconds (0 for the default) and gzip decoding
 * (SoupContentDecoder, on by default in libsoup 3). TLS certificates are
 * checked against the system database and a failure is never overridden.
 * Only an https @server goes through the system's proxy; any other address
 * (plain http, allowed to this machine only) is reached directly. */
SoupSession *daftar_soup_session_new      (guint        timeout_s,
                                           const char  *server);

/* A GET of @uri that carries @token as a Bearer token and asks for JSON.
 * Its redirects are not followed: the caller checks each one first, since
 * the token would go with it. */
SoupMessage *daftar_soup_token_request_new (GUri        *uri,
                                            const char  *token);

/* TRUE if @uri's host is a loopback address: 127.0.0.0/8, ::1 or localhost.
 * Plain http is only allowed to such hosts. */
gboolean     daftar_soup_host_is_loopback (const char  *host);

G_END_DECLS
