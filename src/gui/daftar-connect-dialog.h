/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-connect-dialog.h: the first-run dialog — the central server's address, the office code and the access token, tested before they are saved. */
#pragma once

#include <adwaita.h>

#include "daftar-connection-form.h"
#include "daftar-sync-controller.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_CONNECT_DIALOG (daftar_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftarConnectDialog, daftar_connect_dialog, DAFTAR, CONNECT_DIALOG, AdwWindow)

/* Filled from GSettings (server-url, office-code); "Connect" tests them
 * against the server with one request and saves them only if it accepts
 * them (or if the manager saves anyway after a test that could not reach
 * it): the token in the keyring, the rest in GSettings. Then it emits
 * "connected", starts a sync on @controller if given, and closes. */
GtkWidget  *daftar_connect_dialog_new        (DaftarSyncController *controller);

/* Fills the fields, e.g. with an address the manager was sent. NULL
 * leaves a field as it is. */
void        daftar_connect_dialog_set_fields (DaftarConnectDialog  *self,
                                              const char           *server,
                                              const char           *office,
                                              const char           *token);
/* What "Connect" does; FALSE (and the reason shown in the dialog) if the
 * fields do not pass daftar_connect_check. The test and the saving go on
 * asynchronously. */
gboolean    daftar_connect_dialog_connect    (DaftarConnectDialog  *self);
/* The form inside, for its status and message. */
DaftarConnectionForm *daftar_connect_dialog_get_form (DaftarConnectDialog *self);
/* The reason shown in the dialog when connecting failed, or NULL. */
const char *daftar_connect_dialog_get_error  (DaftarConnectDialog  *self);

G_END_DECLS
