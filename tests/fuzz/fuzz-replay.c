/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-replay.c: runs a fuzz target over its corpus without libFuzzer, so that every build (gcc, sanitizers) replays each file as a regression test. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

#if defined(__SANITIZE_ADDRESS__)
#define FUZZ_LEAK_CHECKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_LEAK_CHECKS 1
#endif
#endif
#ifdef FUZZ_LEAK_CHECKS
#include <sanitizer/lsan_interface.h>
#endif

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files named, and the files in the folders named, in a stable order. */
static GPtrArray *
list_inputs (int    argc,
             char **argv)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (paths, g_strdup (argv[i]));
          continue;
        }
      dir = g_dir_open (argv[i], 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (files, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (files, compare_paths);
      for (guint j = 0; j < files->len; j++)
        g_ptr_array_add (paths, g_steal_pointer (&files->pdata[j]));
    }
  return paths;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = NULL;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }
  LLVMFuzzerInitialize (&argc, &argv);
  paths = list_inputs (argc, argv);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* Said before the run, so that a crash names its input. */
      fprintf (stderr, "%s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
#ifdef FUZZ_LEAK_CHECKS
      /* After each input, as libFuzzer does, so that a leak names it. */
      if (__lsan_do_recoverable_leak_check ())
        {
          fprintf (stderr, "%s leaked memory\n", path);
          return 1;
        }
#endif
    }
  printf ("%u inputs replayed\n", paths->len);
  return paths->len > 0 ? 0 : 1;
}
