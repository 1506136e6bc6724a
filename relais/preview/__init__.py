"""The pieces of ``publish.py serve`` (put together in :mod:`relais.serve`).

- :mod:`.server`: the HTTP server, which answers like a static host and adds
  the live script to the pages it sends (never to the files on disk);
- :mod:`.state`: what open pages are told about the builds;
- :mod:`.builder`: the process that runs every build in a fresh fork of itself;
- :mod:`.watching`: which saved files need a new build, and which a new process;
- :mod:`.handover`: what a restarted preview keeps (its port, the pages' version);
- ``live.js`` and ``live.css``: the page's side, served under ``/__relais__/`` only.
"""
