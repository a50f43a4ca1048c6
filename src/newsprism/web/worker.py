"""The background analyser of a running instance: articles posted to the API wait in the
database's inbox (durable: a restart loses none) and are analysed by a separate process, one batch
at a time, so that analysing never slows the pages down (no shared interpreter lock)."""

from __future__ import annotations

import logging
import multiprocessing
import os
from multiprocessing.synchronize import Event

from newsprism.link import KnowledgeBase
from newsprism.pipeline import analyse_inbox, load_knowledge
from newsprism.store import Database

log = logging.getLogger("newsprism.web")

RETRY_SECONDS = 5.0


class InboxWorker:
    """``start()`` runs the analyser process; ``wake()`` after queueing starts it at once instead of
    at the next poll; ``drain()`` analyses in this process (tests, one-off use)."""

    def __init__(self, target: str, poll_seconds: float = 1.0) -> None:
        self.target = target
        self.poll_seconds = poll_seconds
        self._wake: Event | None = None
        self._stop: Event | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._knowledge: KnowledgeBase | None = None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._wake, self._stop = context.Event(), context.Event()
        self._process = context.Process(
            target=_serve,
            args=(self.target, self.poll_seconds, self._wake, self._stop),
            name="newsprism-inbox",
            daemon=True,
        )
        self._process.start()

    def stop(self) -> None:
        if self._process is None or self._stop is None or self._wake is None:
            return
        self._stop.set()
        self._wake.set()
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()  # what it was analysing stays queued

    def wake(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def drain(self) -> int:
        """Analyse everything queued now, here; returns how many documents were taken."""
        if self._knowledge is None:
            self._knowledge = load_knowledge()
        with Database(self.target) as database:
            return _drain(database, self._knowledge, None)


def _drain(database: Database, knowledge: KnowledgeBase, stop: Event | None) -> int:
    taken = 0
    while not (stop is not None and stop.is_set()) and database.inbox(1):
        taken += analyse_inbox(database, knowledge)
    return taken


def _lower_priority() -> None:
    """Run only on otherwise idle CPU time (Linux SCHED_IDLE), else at the lowest nice level."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        os.nice(19)


def _serve(target: str, poll_seconds: float, wake: Event, stop: Event) -> None:
    """The analyser process: spaCy and the knowledge base load on the first queued article. It runs
    at a lower priority, so that serving pages comes first and analysis takes the time left."""
    _lower_priority()
    knowledge: KnowledgeBase | None = None
    with Database(target) as database:
        while not stop.is_set():
            wake.wait(poll_seconds)
            wake.clear()
            try:
                if database.inbox(1):
                    knowledge = knowledge or load_knowledge()
                    _drain(database, knowledge, stop)
            except Exception:  # the documents stay queued; try again later
                log.exception("analysing posted articles failed; they stay queued")
                stop.wait(RETRY_SECONDS)
