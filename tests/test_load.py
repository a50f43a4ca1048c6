"""A bounded load test on loopback: 200 requests/s for 30 s against a running ``newsprism serve``,
posts (articles into the inbox, analysed by the server's analyser process) mixed with reads. No
request may fail, and every posted article must be stored in the end."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest

RATE = int(os.environ.get("NEWSPRISM_LOAD_RATE", "200"))
SECONDS = float(os.environ.get("NEWSPRISM_LOAD_SECONDS", "30"))
POST_SHARE = 10  # one request in ten posts an article
SENDERS = 32
TOKEN = "load-test-token"
READS = ["/api/status", "/api/stories?per_page=5", "/api/articles?per_page=5", "/api/search?q=Hamburg", "/api/actors"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _article(number: int) -> dict[str, str]:
    return {
        "text": f"Die Stadt Kiel meldete am Montag {number} neue Fahrgäste im Hafen. Bürgermeisterin Anna Berger "
        f"sagte, der Fährverkehr laufe normal. (Lasttest {number})",
        "title": f"Lasttest {number}",
        "source": "Lastblatt",
        "published": "2026-11-23",
        "language": "de",
    }


class _Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator shares the two cores with the
    server, so it must cost far less per request than the server does (httpx costs as much)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: str = "") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n{headers}\r\n"
        self.writer.write(head.encode() + body)
        status_line = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if not status_line:
            raise ConnectionError("connection closed by the server")
        return int(status_line.split()[1]), await self.reader.readexactly(length)


async def _drive(port: int) -> tuple[int, list[str], list[str], float]:
    """Send RATE requests a second for SECONDS; returns (requests, errors, posted ids, elapsed)."""
    errors: list[str] = []
    posted: list[str] = []
    post_headers = f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"
    began = time.perf_counter()
    total = int(RATE * SECONDS)
    schedule = iter(range(total))

    async def sender() -> None:
        """One of a fixed pool of senders, each on its own connection: it takes the next request
        and sends it at its time (a pool, so a slow moment cannot pile up thousands of tasks)."""
        connection = _Connection(port)
        for number in schedule:
            delay = began + number / RATE - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                if number % POST_SHARE == 0:
                    body = json.dumps(_article(number)).encode()
                    status, answer = await connection.request("POST", "/api/articles", body, post_headers)
                    if status == 202:
                        posted.extend(item["id"] for item in json.loads(answer)["accepted"])
                    else:
                        errors.append(f"POST {status}")
                else:
                    path = READS[number % len(READS)]
                    status, _ = await connection.request("GET", path)
                    if status != 200:
                        errors.append(f"GET {path} {status}")
            except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
                connection = _Connection(port)

    await asyncio.gather(*(sender() for _ in range(SENDERS)))
    return total, errors, posted, time.perf_counter() - began


def test_200_requests_a_second_with_posts_and_reads_lose_nothing(web_db, tmp_path):
    db = tmp_path / "load.db"
    shutil.copy(web_db, db)
    port = _free_port()
    environment = {**os.environ, "NEWSPRISM_API_TOKEN": TOKEN}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/status", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        total, errors, posted, elapsed = asyncio.run(_drive(port))
        print(f"load: {total} requests in {elapsed:.1f} s ({total / elapsed:.0f}/s), {len(posted)} posted")
        assert errors == []
        assert total / elapsed >= 0.9 * RATE
        assert len(posted) == len(set(posted)) == total // POST_SHARE
        deadline = time.monotonic() + 300
        while httpx.get(base + "/api/status").json()["queued"]:
            assert time.monotonic() < deadline, "posted articles were not analysed in time"
            time.sleep(1)
        for identity in posted:
            assert httpx.get(f"{base}/api/articles/{identity}").status_code == 200, identity
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            pytest.fail("the server did not stop on SIGTERM")
