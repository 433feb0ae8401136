-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v8: a rejected record's reason is also stored as a code and its
-- arguments, so the sync history puts it into words in the UI's language
-- when it shows it (daftar-reject-reasons.c), with numbers in the UI's
-- digits, instead of the English sentence written at sync time.
--
--   reason_code  the reason's code ("enum", "time-order", "other-office"…),
--                a nick of DaftarRejectCode
--   reason_args  its arguments, a JSON array of strings: names of fields
--                as the protocol spells them, values as the server sent
--                them, numbers in C notation
--
-- reason keeps the English sentence, for scripts. Rows from before this
-- step have no code and are shown with that sentence as it is.
--
-- The columns are added by this step's hook (daftar-migrations.c), only
-- where they are missing, as in step 6: a file taken back to an older
-- version by hand must still open.

SELECT 1;
