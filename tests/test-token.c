/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-token.c: a keyring that is not there is said in the UI's language with what to do, and the keyring's own words are kept as a printable detail. */
#include "config.h"

#include <string.h>

#include "daftar-i18n.h"
#include "daftar-test-util.h"
#include "daftar-token.h"

#define TOKEN "token-for-the-keyring-test"

static void
assert_no_keyring_error (const GError *error)
{
  const char *detail;

  g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_KEYRING);
  g_test_message ("message: %s", error->message);
  /* The message is Persian, says there is no keyring service and what to
   * do, and carries none of D-Bus's English. */
  g_assert_true (daftar_test_has_persian_letter (error->message));
  g_assert_nonnull (strstr (error->message, "سرویس جاکلیدی"));
  g_assert_null (strstr (error->message, "org.freedesktop"));
  g_assert_null (strstr (error->message, "service files"));
  /* The raw reason stays, as a detail. */
  detail = daftar_token_error_get_detail (error);
  g_test_message ("detail: %s", detail);
  g_assert_nonnull (detail);
  g_assert_cmpstr (detail, !=, "");
  g_assert_null (strstr (detail, TOKEN));
  for (const char *p = detail; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, >=, 0x20);
}

static void
test_store_without_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  g_assert_false (daftar_token_store_sync ("https://central.example.ir", "YZ-ABK-01", TOKEN, NULL, &error));
  assert_no_keyring_error (error);

  /* The detail goes where the error goes: copies, prefixes. */
  copy = g_error_copy (error);
  g_prefix_error (&copy, "%s", "prefix: ");
  g_assert_cmpstr (daftar_token_error_get_detail (copy), ==, daftar_token_error_get_detail (error));
}

typedef struct {
  GError   *error;
  char     *token;
  gboolean  done;
} Wait;

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  daftar_token_store_finish (result, &wait->error);
  wait->done = TRUE;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->token = daftar_token_lookup_finish (result, &wait->error);
  wait->done = TRUE;
}

static void
run_until_done (Wait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!wait->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The paths the connect dialog, Preferences and the sync take. */
static void
test_async_without_keyring (void)
{
  Wait stored = { NULL, NULL, FALSE };
  Wait looked_up = { NULL, NULL, FALSE };

  daftar_token_store_async ("https://central.example.ir", "YZ-ABK-01", TOKEN, NULL, stored_cb, &stored);
  run_until_done (&stored);
  assert_no_keyring_error (stored.error);
  g_clear_error (&stored.error);

  daftar_token_lookup_async ("https://central.example.ir", "YZ-ABK-01", NULL, looked_up_cb, &looked_up);
  run_until_done (&looked_up);
  g_assert_null (looked_up.token);
  assert_no_keyring_error (looked_up.error);
  g_clear_error (&looked_up.error);
}

/* Errors that are not the keyring's have no detail. */
static void
test_other_errors_have_no_detail (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_false (daftar_token_validate ("two\nlines", &error));
  g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_INVALID);
  g_assert_null (daftar_token_error_get_detail (error));
  g_assert_null (daftar_token_error_get_detail (foreign));
  g_assert_null (daftar_token_error_get_detail (NULL));
}

int
main (int argc, char **argv)
{
  g_autoptr(GTestDBus) bus = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The keyring, not a file, is what is tested. */
  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  /* A session bus of the test's own, with no secret service on it, as on
   * a machine without a keyring: whatever the machine running the test has
   * is never asked. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add_func ("/token/store-without-keyring", test_store_without_keyring);
  g_test_add_func ("/token/async-without-keyring", test_async_without_keyring);
  g_test_add_func ("/token/other-errors-have-no-detail", test_other_errors_have_no_detail);
  status = g_test_run ();
  g_test_dbus_down (bus);
  return status;
}
