#!/usr/bin/env python3
"""A scripted fake Learning Record Store on 127.0.0.1 for lernpfad's hostile-LRS tests.

It binds two free loopback ports, "main" and "other" (a second origin), prints "MAIN OTHER" on one
line and serves until its standard input closes or its parent is gone (the test that started it is
done or died), no request came for --idle seconds, or --max-requests were served: its loops always
stop by themselves. Every request is logged to --log as one JSON line:

    {"server": "main", "method": "POST", "path": "/xAPI/statements", "host": "127.0.0.1:PORT",
     "auth": true, "bytes": 1234}

and a connection that a slow answer saw close is logged as {"event": "closed", ...}.

By default it is a small LRS that keeps statements in memory (xAPI 1.0.3 as Ralph answers it:
POST 200 with the new ids, 204 when all were stored unchanged, 409 for the whole batch when one id
holds a different statement, 400 for a duplicate id in a batch; PUT 204/409; GET ?statementId=ID
the bare statement or 404; GET pages of --page statements with a root-relative `more`). Options
make it hostile:

    --redirect CODE:TARGET  answer every statements request with CODE and a Location on TARGET:
                            same (this origin, another path), localhost (same port, host name
                            localhost) or other (the second port). The targets serve the store, so a
                            client that follows gets its statements stored there.
    --conflict ID           the store holds a different statement with this id from the start
    --refuse ID             a batch holding this id gets 400 with a hostile body
    --quirky-409            409 for any batch with a stored id, even unchanged (GET confirms)
    --lying-409             409 for every write, nothing stored, GET ?statementId 404
    --more MODE             GET pages: loop (more is the page itself), localhost, other (foreign
                            more), endless (a new more on every page, one statement each)
    --slow                  send nothing until the client goes away (at most --idle seconds)
    --trickle               headers, then one byte every 0.1 s
    --huge declared|chunked 200 with a body of 1 GiB, announced by Content-Length or streamed
    --invalid               GET pages are not JSON and full of escape sequences
    --error-body            every write gets 500 with a long body full of escape sequences
"""

import argparse
import http.server
import json
import os
import select
import socket
import sys
import threading
import time
import urllib.parse

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\u2066\x07\x1bP+q\x1b\\"


class State:
    def __init__(self, options):
        self.options = options
        self.lock = threading.Lock()
        self.statements = {}  # id -> statement
        self.order = []
        self.requests = 0
        self.last = time.monotonic()
        self.log = open(options.log, "a", buffering=1, encoding="utf-8")
        self.ports = {}
        if options.conflict:
            self.store(
                {
                    "id": options.conflict,
                    "actor": {"objectType": "Agent", "account": {"homePage": "https://x.invalid", "name": "other"}},
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                    "object": {"objectType": "Activity", "id": "https://x.invalid/other"},
                    "timestamp": "2020-01-01T00:00:00.000Z",
                }
            )

    def store(self, statement):
        self.statements[statement["id"]] = statement
        self.order.append(statement["id"])

    def record(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")


def same(a, b):
    keys = ("actor", "verb", "object", "result", "context", "timestamp")
    return all(a.get(k) == b.get(k) for k in keys)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-lrs"

    def log_message(self, *args):
        pass

    @property
    def state(self):
        return self.server.state

    @property
    def options(self):
        return self.server.state.options

    def origin(self, which, host="127.0.0.1"):
        return f"http://{host}:{self.state.ports[which]}"

    def handle_one(self):
        state = self.state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with state.lock:
            state.requests += 1
            state.last = time.monotonic()
        state.record(
            {
                "server": self.server.name,
                "method": self.command,
                "path": self.path,
                "host": self.headers.get("Host"),
                "auth": "Authorization" in self.headers,
                "bytes": len(body),
            }
        )
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        on_main = self.server.name == "main" and url.path == "/xAPI/statements"
        if not url.path.endswith("/xAPI/statements"):
            return self.answer(404, b'{"detail":"not found"}')
        if on_main and self.options.redirect:
            code, target = self.options.redirect.split(":")
            location = {
                "same": self.origin("main") + "/moved/xAPI/statements",
                "localhost": self.origin("main", "localhost") + "/xAPI/statements",
                "other": self.origin("other") + "/xAPI/statements",
            }[target]
            if url.query:
                location += "?" + url.query
            return self.answer(int(code), b"", {"Location": location})
        if on_main and self.options.slow:
            return self.hold()
        if on_main and self.options.trickle:
            return self.trickle()
        if on_main and self.options.huge:
            return self.huge(self.options.huge)
        if self.command == "GET":
            return self.get(query)
        if on_main and self.options.error_body:
            return self.answer(500, ("Internal Server Error " + HOSTILE * 400).encode())
        if self.command in ("POST", "PUT"):
            return self.write(body, query)
        return self.answer(405, b"")

    do_GET = do_POST = do_PUT = handle_one

    def write(self, body, query):
        state = self.state
        try:
            parsed = json.loads(body)
        except ValueError:
            return self.answer(400, b'{"detail":"not JSON"}')
        statements = parsed if isinstance(parsed, list) else [parsed]
        if self.command == "PUT":
            statements[0]["id"] = query.get("statementId", [statements[0].get("id")])[0]
        ids = [s.get("id") for s in statements]
        if len(set(ids)) != len(ids):
            return self.answer(400, b'{"detail":"Duplicate statement IDs in the list of statements"}')
        if self.options.refuse and self.options.refuse in ids:
            detail = f"statement {self.options.refuse} is not valid: {HOSTILE}" + " and more" * 200
            return self.answer(400, json.dumps({"detail": detail}, ensure_ascii=False).encode())
        if self.options.lying_409:
            return self.answer(409, b'{"detail":"Conflict"}')
        with state.lock:
            new = []
            for statement in statements:
                held = state.statements.get(statement["id"])
                if held is not None and (not same(held, statement) or self.options.quirky_409):
                    return self.answer(409, json.dumps({"detail": "Differing statements " + HOSTILE}).encode())
                if held is None:
                    new.append(statement)
            for statement in new:
                state.store(statement)
        if self.command == "PUT" or not new:
            return self.answer(204, b"")
        return self.answer(200, json.dumps([s["id"] for s in new]).encode())

    def get(self, query):
        state = self.state
        if "statementId" in query:
            held = None if self.options.lying_409 else state.statements.get(query["statementId"][0])
            if held is None:
                return self.answer(404, b'{"detail":"not found"}')
            return self.answer(200, json.dumps(held).encode())
        if self.options.invalid:
            return self.answer(200, ("{\"statements\": [" + HOSTILE * 50).encode())
        page = int(query.get("page", ["0"])[0])
        more_mode = self.options.more
        if more_mode == "endless":
            return self.answer(200, json.dumps({"statements": [], "more": f"/xAPI/statements?page={page + 1}"}).encode())
        size = self.options.page
        with state.lock:
            chosen = [state.statements[i] for i in state.order[page * size : (page + 1) * size]]
            more = f"/xAPI/statements?page={page + 1}" if (page + 1) * size < len(state.order) else ""
        if more_mode == "loop":
            more = self.path
        elif more_mode == "localhost":
            more = self.origin("main", "localhost") + f"/xAPI/statements?page={page + 1}"
        elif more_mode == "other":
            more = self.origin("other") + f"/xAPI/statements?page={page + 1}"
        return self.answer(200, json.dumps({"statements": chosen, "more": more}).encode())

    def answer(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def closed(self):
        readable, _, _ = select.select([self.connection], [], [], 0.05)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def gone(self):
        self.state.record({"event": "closed", "server": self.server.name, "path": self.path})
        self.close_connection = True

    def hold(self):
        deadline = time.monotonic() + self.options.idle
        while time.monotonic() < deadline:
            if self.closed():
                return self.gone()
        self.close_connection = True

    def trickle(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "100000")
        self.send_header("Connection", "close")
        self.end_headers()
        deadline = time.monotonic() + self.options.idle
        try:
            while time.monotonic() < deadline:
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            return self.gone()
        self.close_connection = True

    def huge(self, kind):
        total = 1 << 30
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if kind == "declared":
            self.send_header("Content-Length", str(total))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"[" + b" " * ((1 << 20) - 1)
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            return self.gone()
        self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, name, state):
        super().__init__(("127.0.0.1", 0), Handler)
        self.name = name
        self.state = state


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--redirect")
    parser.add_argument("--conflict")
    parser.add_argument("--refuse")
    parser.add_argument("--quirky-409", action="store_true")
    parser.add_argument("--lying-409", action="store_true")
    parser.add_argument("--more", choices=["loop", "localhost", "other", "endless"])
    parser.add_argument("--slow", action="store_true")
    parser.add_argument("--trickle", action="store_true")
    parser.add_argument("--huge", choices=["declared", "chunked"])
    parser.add_argument("--invalid", action="store_true")
    parser.add_argument("--error-body", action="store_true")
    parser.add_argument("--page", type=int, default=7)
    parser.add_argument("--idle", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=20000)
    options = parser.parse_args()
    state = State(options)
    servers = [Server("main", state), Server("other", state)]
    for server in servers:
        state.ports[server.name] = server.server_address[1]
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    print(state.ports["main"], state.ports["other"], flush=True)
    stdin_closed = threading.Event()

    def watch_stdin():
        sys.stdin.buffer.read()
        stdin_closed.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    parent = os.getppid()
    while not stdin_closed.wait(0.1) and os.getppid() == parent:
        with state.lock:
            idle = time.monotonic() - state.last
            served = state.requests
        if idle > options.idle or served >= options.max_requests:
            break
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()
