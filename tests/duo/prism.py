"""A mock DUO from DUO's own OpenAPI files: one Prism (npm @stoplight/prism-cli, pinned) per file,
behind a small router that sends each path to the Prism of its file and records every violation.

Prism runs with --errors: a request or response that breaks the contract becomes an error answer
with an `sl-violations` header, which the router keeps so the test can assert there were none.
"""

import contextlib
import http.server
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx

from django.conf import settings

PRISM = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "prism"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht_op(poort: int, proces: subprocess.Popen, seconden: float = 90) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"Prism stopte: {proces.stdout.read() if proces.stdout else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", poort), timeout=1):
            return
        time.sleep(0.3)
    raise TimeoutError(f"Prism luistert niet op poort {poort}")


@contextlib.contextmanager
def prism(*argumenten: str):
    """Start one Prism process (mock or proxy) on a free port; yields the port."""
    poort = vrije_poort()
    proces = subprocess.Popen(
        [str(PRISM), *argumenten, "--errors", "-h", "127.0.0.1", "-p", str(poort)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wacht_op(poort, proces)
        yield poort
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()


def mock(bestand: str):
    # -d: answers generated from the schemas, so that generated headers match their patterns too.
    return prism("mock", "-d", str(settings.DUO_SPEC_DIR / bestand))


class Router:
    """Forwards /v1/personen/{bsn}/<resource>... to the Prism serving that resource's file."""

    def __init__(self, poorten: dict[str, int]):
        self.poorten = poorten
        self.overtredingen: list[str] = []
        self.verzoeken: list[tuple[str, str, int]] = []
        router = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _stuur_door(self):
                pad = self.path.removeprefix("/v1")
                poort = router.poorten[pad.split("/")[3]]
                lengte = int(self.headers.get("Content-Length") or 0)
                antwoord = httpx.request(
                    self.command,
                    f"http://127.0.0.1:{poort}{pad}",
                    headers={k: v for k, v in self.headers.items() if k.lower() != "host"},
                    content=self.rfile.read(lengte) if lengte else None,
                    timeout=30,
                )
                if "sl-violations" in antwoord.headers:
                    router.overtredingen.append(f"{self.command} {pad}: {antwoord.headers['sl-violations']}")
                router.verzoeken.append((self.command, pad, antwoord.status_code))
                self.send_response(antwoord.status_code)
                for naam in ("Content-Type", "API-Version"):
                    if naam in antwoord.headers:
                        self.send_header(naam, antwoord.headers[naam])
                self.send_header("Content-Length", str(len(antwoord.content)))
                self.end_headers()
                self.wfile.write(antwoord.content)

            do_GET = do_POST = do_PUT = do_DELETE = _stuur_door

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", vrije_poort()), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def basis_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
