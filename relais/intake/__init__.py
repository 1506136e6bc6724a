"""The report intake: anonymous bad date reports from the website, sealed on receipt to a key the server lacks.

A small Starlette application (:mod:`.app`), run by uvicorn (:mod:`.server`),
takes the report form the site builds (plugins/report_intake), checks it
(:mod:`.form`), pads it to a fixed size and seals it with a libsodium sealed
box to the program's public key (:mod:`.sealing`), and writes it atomically
under a random name in the spool (:mod:`.spool`).  Only staff, with the
private key and its passphrase (:mod:`.keys`), can open the spool
(``publish.py bad-dates inbox``, :mod:`.inbox`), which writes the
spreadsheet ``publish.py bad-dates import`` reads.  See README.md,
"Anonymous reports: running the intake".
"""
