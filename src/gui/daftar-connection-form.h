/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-connection-form.h: the central server's address, the office code and the access token — checked, tested with one request, then saved; in the connect dialog and in Preferences alike. */
#pragma once

#include <adwaita.h>

#include "daftar-sync-connection.h"

G_BEGIN_DECLS

#define DAFTAR_CONNECT_ERROR (daftar_connect_error_quark ())

typedef enum {
  DAFTAR_CONNECT_ERROR_SERVER,   /* the address is missing, not a web address, or not secure */
  DAFTAR_CONNECT_ERROR_OFFICE,   /* the office code is missing or too long */
  DAFTAR_CONNECT_ERROR_TOKEN,    /* the token is missing or cannot be sent */
  DAFTAR_CONNECT_ERROR_SAVE,     /* the settings or the keyring could not keep them */
} DaftarConnectError;

GQuark   daftar_connect_error_quark (void);

/* Checks what the manager typed. @server without a scheme gets https://;
 * plain http:// is accepted only for this computer (loopback). A NULL
 * @token means none was typed: the one saved for this server and office
 * is used. On success *out_server is the address as it will be saved. */
gboolean daftar_connect_check       (const char  *server,
                                     const char  *office,
                                     const char  *token,
                                     char       **out_server,
                                     GError     **error);

/* Where the form is. Each submit goes NONE/FAILED → CHECKING → TESTING →
 * (FAILED | SAVING → SAVED | FAILED); "Save anyway" after a test that
 * could not reach the server goes FAILED → SAVING. */
typedef enum {
  DAFTAR_CONNECTION_FORM_NONE,     /* nothing shown: the fields changed since */
  DAFTAR_CONNECTION_FORM_TESTING,  /* the saved token is read, or the server is asked */
  DAFTAR_CONNECTION_FORM_SAVING,   /* the test passed (or was skipped); token and settings are stored */
  DAFTAR_CONNECTION_FORM_SAVED,    /* stored; "saved" was emitted */
  DAFTAR_CONNECTION_FORM_FAILED,   /* the fields, the test or the keyring said no; nothing was saved */
} DaftarConnectionFormStatus;

#define DAFTAR_TYPE_CONNECTION_FORM (daftar_connection_form_get_type ())
G_DECLARE_FINAL_TYPE (DaftarConnectionForm, daftar_connection_form, DAFTAR, CONNECTION_FORM, AdwPreferencesGroup)

/* Filled from @settings (server-url, office-code; nullable when the schema
 * is not installed: then nothing can be saved), and following them. */
GtkWidget                 *daftar_connection_form_new         (GSettings           *settings);
void                       daftar_connection_form_set_settings (DaftarConnectionForm *self,
                                                                GSettings            *settings);

/* NULL leaves a field as it is. */
void                       daftar_connection_form_set_fields  (DaftarConnectionForm *self,
                                                               const char           *server,
                                                               const char           *office,
                                                               const char           *token);
/* Checks the fields, tests them against the server with one request and
 * saves them only if the server accepted them: the token in the keyring
 * (when one was typed), the address and office in the settings; then emits
 * "saved". FALSE (and the reason shown) if the fields do not pass the
 * check; the rest goes on asynchronously. */
gboolean                   daftar_connection_form_submit      (DaftarConnectionForm *self);
/* What "Save Anyway" does, offered after a test that could not reach the
 * server or found it in trouble: saves without testing again. */
gboolean                   daftar_connection_form_save_anyway (DaftarConnectionForm *self);

DaftarConnectionFormStatus daftar_connection_form_get_status  (DaftarConnectionForm *self);
/* The outcome of the last test; meaningful once one has finished. */
DaftarConnectionOutcome    daftar_connection_form_get_outcome (DaftarConnectionForm *self);
/* The text shown under the fields, and its technical detail; NULL if none. */
const char                *daftar_connection_form_get_message (DaftarConnectionForm *self);
const char                *daftar_connection_form_get_detail  (DaftarConnectionForm *self);
/* "show-submit": whether the form shows its own "Test and Save" button
 * (Preferences) or leaves that to its window (the connect dialog's
 * header). Default: shown. */
void                       daftar_connection_form_set_show_submit (DaftarConnectionForm *self,
                                                                   gboolean              show);

G_END_DECLS
