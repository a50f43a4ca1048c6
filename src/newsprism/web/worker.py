"""The background analyser of a running instance: articles posted to the API wait in the
database's inbox (durable: a restart loses none) and are analysed here, one batch at a time."""

from __future__ import annotations

import logging
import threading

from newsprism.link import KnowledgeBase
from newsprism.pipeline import analyse_inbox, load_knowledge
from newsprism.store import Database

log = logging.getLogger("newsprism.web")

RETRY_SECONDS = 5.0


class InboxWorker:
    """One thread; ``wake()`` after queueing so it starts at once instead of at the next poll."""

    def __init__(self, database: Database, poll_seconds: float = 1.0) -> None:
        self.database = database
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._knowledge: KnowledgeBase | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsprism-inbox", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=60)

    def wake(self) -> None:
        self._wake.set()

    def drain(self) -> int:
        """Analyse everything queued now; returns how many documents were taken."""
        taken = 0
        while not self._stop.is_set() and self.database.inbox(1):
            if self._knowledge is None:
                self._knowledge = load_knowledge()  # spaCy and the knowledge base load on first use
            taken += analyse_inbox(self.database, self._knowledge)
        return taken

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            try:
                self.drain()
            except Exception:  # the documents stay queued; try again later
                log.exception("analysing posted articles failed; they stay queued")
                self._stop.wait(RETRY_SECONDS)
