/* daftar-connect-dialog.h: the first-run dialog — the central server's address, the office code and the access token. */
#pragma once

#include <adwaita.h>

#include "daftar-sync-controller.h"

G_BEGIN_DECLS

#define DAFTAR_CONNECT_ERROR (daftar_connect_error_quark ())

typedef enum {
  DAFTAR_CONNECT_ERROR_SERVER,   /* the address is missing, not a web address, or not secure */
  DAFTAR_CONNECT_ERROR_OFFICE,   /* the office code is missing or too long */
  DAFTAR_CONNECT_ERROR_TOKEN,    /* the token is missing or cannot be sent */
  DAFTAR_CONNECT_ERROR_SAVE,     /* the settings or the keyring could not keep them */
} DaftarConnectError;

#define DAFTAR_TYPE_CONNECT_DIALOG (daftar_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftarConnectDialog, daftar_connect_dialog, DAFTAR, CONNECT_DIALOG, AdwWindow)

GQuark     daftar_connect_error_quark      (void);

/* Checks what the manager typed. @server without a scheme gets https://;
 * plain http:// is accepted only for this computer (loopback). On success
 * *out_server is the address as it will be saved. */
gboolean   daftar_connect_check            (const char           *server,
                                            const char           *office,
                                            const char           *token,
                                            char                **out_server,
                                            GError              **error);

/* Filled from GSettings (server-url, office-code); "Connect" saves them and
 * the token (keyring), emits "connected", starts a sync on @controller if
 * given, and closes. */
GtkWidget *daftar_connect_dialog_new       (DaftarSyncController *controller);

/* Fills the fields, e.g. with an address the manager was sent. NULL
 * leaves a field as it is. */
void       daftar_connect_dialog_set_fields (DaftarConnectDialog *self,
                                             const char          *server,
                                             const char          *office,
                                             const char          *token);
/* What "Connect" does; FALSE (and the reason shown in the dialog) if the
 * fields do not pass daftar_connect_check. Saving goes on asynchronously. */
gboolean   daftar_connect_dialog_connect   (DaftarConnectDialog  *self);
/* The reason shown in the dialog, or NULL. */
const char *daftar_connect_dialog_get_error (DaftarConnectDialog *self);

G_END_DECLS
