/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-token.h: the API token for the central server — kept in the keyring, or in a file for headless runs. */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define DAFTAR_TOKEN_ERROR (daftar_token_error_quark ())

typedef enum {
  DAFTAR_TOKEN_ERROR_NOT_FOUND,  /* no token stored for this server and office */
  DAFTAR_TOKEN_ERROR_FILE,       /* DAFTAR_TOKEN_FILE is set but unreadable or empty */
  DAFTAR_TOKEN_ERROR_KEYRING,    /* the keyring could not be reached or used; see daftar_token_error_get_detail */
  DAFTAR_TOKEN_ERROR_INVALID,    /* empty, or holds characters a header cannot carry */
} DaftarTokenError;

/* The environment variable naming a file that holds the token (first line). */
#define DAFTAR_TOKEN_FILE_ENV "DAFTAR_TOKEN_FILE"

GQuark              daftar_token_error_quark  (void);

/* The technical reason behind a DAFTAR_TOKEN_ERROR_KEYRING error (the
 * keyring's or D-Bus's own words, printable), or NULL. The error's message
 * says in the UI's language what happened and what to do; this is for a
 * "details" area. */
const char         *daftar_token_error_get_detail (const GError *error);

/* "io.github.daftar.Daftar.Token" with string attributes "server" and "office". */
const SecretSchema *daftar_token_get_schema   (void);

/* Checks that @token could be sent in an Authorization header. */
gboolean            daftar_token_validate     (const char           *token,
                                               GError              **error);

/* Reads the token: from DAFTAR_TOKEN_FILE when that is set, else from the
 * keyring. The result is in non-pageable memory where the keyring allows;
 * free it with daftar_token_free. */
void                daftar_token_lookup_async (const char           *server,
                                               const char           *office,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
char               *daftar_token_lookup_finish (GAsyncResult        *result,
                                                GError             **error);
/* Blocking variant for the command line; never call it from the UI thread. */
char               *daftar_token_lookup_sync  (const char           *server,
                                               const char           *office,
                                               GCancellable         *cancellable,
                                               GError              **error);

void                daftar_token_store_async  (const char           *server,
                                               const char           *office,
                                               const char           *token,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean            daftar_token_store_finish (GAsyncResult         *result,
                                               GError              **error);
gboolean            daftar_token_store_sync   (const char           *server,
                                               const char           *office,
                                               const char           *token,
                                               GCancellable         *cancellable,
                                               GError              **error);

void                daftar_token_clear_async  (const char           *server,
                                               const char           *office,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean            daftar_token_clear_finish (GAsyncResult         *result,
                                               GError              **error);

/* Wipes and frees a token string. */
void                daftar_token_free         (char                 *token);

G_END_DECLS
