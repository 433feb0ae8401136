/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-private.h: shared by the sync client's files — a run's state, its pipeline and the worker-thread jobs it queues. */
#pragma once

#include <libsoup/soup.h>

#include "daftar-ingest.h"
#include "daftar-reject-reasons.h"
#include "daftar-sync.h"

G_BEGIN_DECLS

/* At most this many bytes of text from the server (a header, a redirect
 * target, a parser's message) go into an error message, after
 * daftar_text_printable has taken out what a terminal would obey. */
#define DAFTAR_SYNC_SHOWN_MAX 256

/* Where a run is; daftar-sync-pipeline.c has the table of transitions and
 * what each phase means. "A page on the worker" is one the worker ingests
 * (Run.ingested); "ahead" is the page after it, fetched meanwhile. */
typedef enum {
  DAFTAR_SYNC_PHASE_STARTING,       /* the sync_log row is written, the cursor read */
  DAFTAR_SYNC_PHASE_FETCHING,       /* the next page is fetched and parsed; nothing on the worker */
  DAFTAR_SYNC_PHASE_INGESTING,      /* a page on the worker; nothing asked after it */
  DAFTAR_SYNC_PHASE_FETCHING_AHEAD, /* a page on the worker; the next one is fetched and parsed */
  DAFTAR_SYNC_PHASE_PARSED_AHEAD,   /* a page on the worker; the next one parsed (Run.fetched) */
  DAFTAR_SYNC_PHASE_FAILED_AHEAD,   /* a page on the worker; the next one's fetch failed (Run.fetch_error) */
  DAFTAR_SYNC_PHASE_GONE_AHEAD,     /* a page on the worker; the next one got 410 */
  DAFTAR_SYNC_PHASE_PREPARING,      /* after a 410: the side file for a fresh copy is made ready */
  DAFTAR_SYNC_PHASE_SWAPPING,       /* the fresh copy replaces the office's live data */
  DAFTAR_SYNC_PHASE_ENDING,         /* the outcome is decided (Run.end_error); callbacks still to come */
  DAFTAR_SYNC_PHASE_FINISHING,      /* the sync_log row is updated with the outcome */
  DAFTAR_SYNC_PHASE_DONE,           /* the run's task has returned */
  DAFTAR_SYNC_N_PHASES
} DaftarSyncPhase;

/* Tests only: sees every transition of a client's runs, once it is made. */
typedef void (*DaftarSyncPhaseFunc) (DaftarSyncClient *client,
                                     DaftarSyncPhase   from,
                                     DaftarSyncPhase   to,
                                     gpointer          user_data);

struct _DaftarSyncClient
{
  GObject         parent_instance;

  DaftarDbWorker *worker;         /* owned */
  char           *server;         /* owned, without a trailing '/' */
  char           *office;         /* owned */
  char           *token;          /* owned, nullable; wiped on finalize */
  SoupSession    *session;        /* owned, nullable until the first run */
  guint           page_limit;
  guint64         max_body_size;
  guint           retry_base_ms;
  guint           max_tries;
  guint           timeout_s;
  guint           page_timeout_s;   /* a whole response, however it trickles */
  guint           retry_after_max_s;
  guint           max_pages;        /* per run */
  guint           max_empty_pages;  /* has_more pages in a row that change nothing */
  gboolean        running;
  DaftarSyncPhaseFunc phase_watch;  /* nullable: tests only */
  gpointer        phase_watch_data;
};

/* One run's state, the task data of the run's GTask (whose source object is
 * the client). */
typedef struct {
  char              *since;         /* owned, nullable: the cursor after the last page applied */
  DaftarDbWorker    *target;        /* unowned: where pages go, the client's worker or fresh */
  DaftarDbWorker    *fresh;         /* owned, nullable: the fresh copy after a 410, until the swap */
  DaftarSyncPhase    phase;         /* changed only by daftar_sync_run_set_phase */
  guint              pending;       /* callbacks of the run still to come: a request, a read, a parse, a job on the worker */
  guint              tries;         /* failed tries of the current page */
  guint              redirects;     /* redirects followed for the current page */
  guint              empty_pages;   /* has_more pages in a row that changed nothing */
  GCancellable      *try_cancellable; /* owned, nullable: the current try's, cancelled by the run's or the deadline */
  GCancellable      *run_cancellable; /* unowned: the run's, which cancel_handler is on */
  gulong             cancel_handler;
  gint64             log_id;
  DaftarSyncSummary  summary;       /* summary.resynced: the run copies afresh, into fresh; a second 410 ends it */
  GError            *failure;       /* owned, nullable: returned after logging */
  SoupMessage       *msg;           /* owned, nullable: the request in flight */
  GInputStream      *stream;        /* owned, nullable */
  GByteArray        *body;          /* owned, nullable */
  GSource           *wait_source;   /* owned, nullable */
  GSource           *cancel_source; /* owned, nullable */
  GSource           *deadline_source; /* owned, nullable: the current try's, until it fires */

  /* The pipeline (daftar-sync-pipeline.c): while one page is ingested, the
   * next is fetched and parsed; pages are ingested strictly in order. Each
   * pointer below is set in the phases its comment names, NULL otherwise. */
  char              *fetch_since;   /* owned, nullable: the cursor the page being fetched is asked from */
  struct _DaftarSyncPage *ingested; /* owned: a page on the worker, which only borrows it */
  struct _DaftarSyncPage *fetched;  /* owned: PARSED_AHEAD's page */
  GError            *fetch_error;   /* owned: FAILED_AHEAD's error */
  GPtrArray         *spent;         /* owned, nullable: applied pages, for the next parse to free */
  GError            *end_error;     /* owned, nullable: ENDING's outcome, NULL for success */
} Run;

/* daftar-sync-fetch.c: the HTTP side of a run. fetch_page makes one try
 * at the page asked from run->fetch_since; it ends in one of the pipeline's
 * fetch calls below. page_error turns a parse or ingest error into the
 * run's error. */
void     daftar_sync_run_free         (gpointer data);
void     daftar_sync_run_clear_wait   (Run     *run);
void     daftar_sync_run_fetch_page   (GTask   *task);
GError  *daftar_sync_cancelled_error  (void);
GError  *daftar_sync_run_page_error   (GTask        *task,
                                       const GError *error);

/* daftar-sync-pipeline.c: the order of a run's work. set_phase is the one
 * place a run's phase changes; it refuses (g_return) a transition the table
 * does not allow. begin fetches from the stored cursor; end decides the
 * outcome (@error owned, NULL for success). A fetch ends with body_fetched
 * (@body owned), fetch_failed (@error owned) or fetch_gone (410). Whoever
 * starts an asynchronous call for the run counts it in run->pending; its
 * callback calls returned first and stops there if that returns TRUE: the
 * run is ending and wanted only that callback to come back. */
gboolean    daftar_sync_run_set_phase      (GTask           *task,
                                            DaftarSyncPhase  phase);
gboolean    daftar_sync_phase_allowed      (DaftarSyncPhase  from,
                                            DaftarSyncPhase  to);
const char *daftar_sync_phase_name         (DaftarSyncPhase  phase);
void        daftar_sync_run_begin          (GTask           *task);
void        daftar_sync_run_end            (GTask           *task,
                                            GError          *error);
void        daftar_sync_run_body_fetched   (GTask           *task,
                                            GBytes          *body,
                                            const char      *content_type);
void        daftar_sync_run_fetch_failed   (GTask           *task,
                                            GError          *error);
void        daftar_sync_run_fetch_gone     (GTask           *task);
gboolean    daftar_sync_run_returned       (GTask           *task);

/* daftar-sync.c. Tests only: @func (nullable) sees each transition. */
void        daftar_sync_client_watch_phases (DaftarSyncClient    *self,
                                             DaftarSyncPhaseFunc  func,
                                             gpointer             user_data);

/* daftar-sync.c: ends the run with @error (owned; NULL for success) once
 * its sync_log row is written. Called in ENDING with nothing pending. */
void     daftar_sync_run_finish       (GTask   *task,
                                       GError  *error);
void     daftar_sync_client_page_applied (DaftarSyncClient *self,
                                          guint             pages,
                                          guint64           records);

/* One response body for one office, to parse off the database thread. */
typedef struct {
  char   *office;        /* owned */
  GBytes *body;          /* owned */
  char   *since;         /* owned, nullable: the cursor the page was asked from */
  char   *content_type;  /* owned, nullable: for a clearer message when it is not JSON */
  GPtrArray *spent;      /* owned, nullable: applied pages, freed on the parse's thread first */
} DaftarSyncBody;

/* A parsed page that passed the client's own checks, with the changes the
 * scan marked taken out; the job data of ingest_job, which only borrows it. */
typedef struct _DaftarSyncPage {
  char      *office;      /* owned */
  JsonNode  *root;        /* owned: holds the page object */
  GPtrArray *rejects;     /* owned, nullable: DaftarSyncTakenOut, stored after the page */
  char      *next_since;  /* owned, nullable: the cursor to ask the next page from */
  gboolean   empty;       /* no change and no reject: one more has_more page that holds nothing */
} DaftarSyncPage;

void            daftar_sync_body_free  (gpointer              data);
void            daftar_sync_page_free  (gpointer              data);
/* The scan, the JSON parse and the cursor checks: everything the client
 * refuses a page for before ingest sees it. Needs no database. */
DaftarSyncPage *daftar_sync_parse_page (const DaftarSyncBody *body,
                                        GError              **error);

/* A change taken out of a page before ingest, to store in sync_rejects. */
typedef struct {
  char               *entity;  /* owned, nullable */
  char               *raw;     /* owned */
  DaftarRejectReason *reason;  /* owned */
} DaftarSyncTakenOut;

/* daftar-sync-check.c. Takes the changes holding a mark of the page check
 * (daftar-page-check.h) out of the parsed page and returns them as rejects. */
GPtrArray *daftar_sync_take_marked_changes (JsonObject  *page);
void       daftar_sync_taken_out_free      (gpointer     data);
/* Refuses a cursor with control characters, and has_more with a cursor
 * that did not move on from @since. */
gboolean   daftar_sync_check_cursor        (JsonObject  *page,
                                            const char  *since,
                                            GError     **error);
/* A redirect from @from may only stay on the same scheme, host and port. */
gboolean   daftar_sync_check_redirect      (const char  *server,
                                            GUri        *from,
                                            const char  *location,
                                            GUri       **out_target,
                                            GError     **error);
/* Seconds from a Retry-After value (delta-seconds or HTTP date), or -1. */
gint64     daftar_sync_parse_retry_after   (const char  *value);

/* How much sync history a run keeps (daftar-sync-jobs.c, prune_history). */
#define DAFTAR_SYNC_HISTORY_DAYS 90
#define DAFTAR_SYNC_HISTORY_ROWS 10000

/* Job data of the sync_log jobs. */
typedef struct {
  gint64  log_id;     /* 0 until the start job inserted the row */
  char   *server;     /* owned */
  char   *office;     /* owned */
  guint   pages;
  guint64 records;
  guint64 rejected;
  char   *result;     /* owned, nullable */
  char   *message;    /* owned, nullable */
} DaftarSyncLogJob;

/* Result of the start job: the row id and the stored cursor. */
typedef struct {
  gint64  log_id;
  char   *cursor;    /* owned, nullable */
} DaftarSyncStart;

void     daftar_sync_log_job_free     (gpointer data);
void     daftar_sync_start_free       (gpointer data);
void     daftar_sync_ingest_result_free (gpointer data);

/* Worker-thread jobs (DaftarDbJobFunc). */
gpointer daftar_sync_ingest_job       (DaftarDb      *db,
                                       gpointer       job_data,
                                       GCancellable  *cancellable,
                                       GError       **error);
gpointer daftar_sync_log_start_job    (DaftarDb      *db,
                                       gpointer       job_data,
                                       GCancellable  *cancellable,
                                       GError       **error);
gpointer daftar_sync_log_finish_job   (DaftarDb      *db,
                                       gpointer       job_data,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* 410 handling: the fresh copy goes to "<live>.resync" next to the live file.
 * The prepare job removes a stale one (a previous run that did not finish);
 * the swap job replaces the office's rows in the live database with the
 * fresh copy's in one transaction, then removes the side file. Job data of
 * both is the office code; prepare returns the side file's path. */
char    *daftar_sync_side_path        (const char    *live_path);
gpointer daftar_sync_prepare_side_job (DaftarDb      *db,
                                       gpointer       job_data,
                                       GCancellable  *cancellable,
                                       GError       **error);
gpointer daftar_sync_swap_job         (DaftarDb      *db,
                                       gpointer       job_data,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Drops a reference to @worker without ever finalizing it on its own
 * thread (see the .c file); call it on the thread that made the worker. */
void     daftar_sync_release_worker   (DaftarDbWorker *worker);

G_END_DECLS
