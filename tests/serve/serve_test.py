#!/usr/bin/env python3
"""End-to-end tests of `mtclean serve`, run by ctest.

Each test starts the real binary on a free loopback port (`--listen
127.0.0.1:0`, the port read from its `listening on` line) and talks to it
with http.client, comparing its answers with what the CLI prints for the
same texts: `check --format json` for the findings, `fix` for the cleaned
text, `rules --format json` for the rules. Every wait is bounded, so a
broken server fails a test instead of hanging it.

Usage: serve_test.py MTCLEAN_BINARY SOURCE_DIR CACHE_DIR [unittest args]
"""

import http.client
import json
import os
import queue
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BINARY = SOURCE_DIR = CACHE_DIR = None
# Generous: the sanitizer build starts and cleans several times slower.
START_TIMEOUT = 120
REQUEST_TIMEOUT = 60


def fixture_texts():
    """The project's fixture articles: {name: text}, plain and Markdown."""
    texts = {}
    for folder in ("tests/articles", "tests/markdown"):
        path = os.path.join(SOURCE_DIR, folder)
        for name in sorted(os.listdir(path)):
            if ".clean." in name or not name.endswith((".txt", ".md")):
                continue
            with open(os.path.join(path, name), encoding="utf-8", newline="") as f:
                texts[name] = f.read()
    return texts


def cli_env():
    env = dict(os.environ)
    env["MTCLEAN_DATA_DIR"] = SOURCE_DIR
    env["MTCLEAN_CACHE_DIR"] = CACHE_DIR
    return env


def run_cli(args, cwd, stdin=None):
    done = subprocess.run([BINARY] + args, cwd=cwd, env=cli_env(), input=stdin,
                          capture_output=True, timeout=300)
    if done.returncode not in (0, 1):
        raise AssertionError(f"mtclean {' '.join(args)} exited {done.returncode}: "
                             f"{done.stderr.decode(errors='replace')}")
    return done.stdout


class Server:
    """A running `mtclean serve`; its standard error is collected line by line."""

    def __init__(self, cwd, *args):
        self.proc = subprocess.Popen(
            [BINARY, "serve", "--listen", "127.0.0.1:0", *args], cwd=cwd, env=cli_env(),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.lines = []
        self._lock = threading.Lock()
        self._port = queue.Queue()
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()
        try:
            self.port = self._port.get(timeout=START_TIMEOUT)
        except queue.Empty:
            self.kill()
            raise AssertionError("mtclean serve printed no `listening on` line: "
                                 + "".join(self.log()))
        if self.port is None:
            raise AssertionError("mtclean serve exited before listening: " + "".join(self.log()))

    def _read_stderr(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", errors="replace")
            with self._lock:
                self.lines.append(line)
            m = re.match(r"mtclean: listening on http://127\.0\.0\.1:(\d+) ", line)
            if m:
                self._port.put(int(m.group(1)))
        self._port.put(None)

    def log(self):
        with self._lock:
            return list(self.lines)

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)

    def request(self, method, path, body=None, headers=None, conn=None):
        """(status, headers, parsed JSON or text) of one request."""
        own = conn is None
        conn = conn or self.connect()
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode("utf-8")
            conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            data = res.read()
            kind = res.getheader("Content-Type", "")
            parsed = json.loads(data) if kind.startswith("application/json") else data
            return res.status, res, parsed
        finally:
            if own:
                conn.close()

    def stop(self, sig=signal.SIGTERM, timeout=60):
        """Sends `sig` and returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"mtclean serve did not stop within {timeout} s")
        self._reader.join(timeout=10)
        self.proc.stderr.close()
        return code

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._reader.join(timeout=10)
        self.proc.stderr.close()

    def wait_in_flight(self, n, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, _, health = self.request("GET", "/healthz")
            if status == 200 and health["in_flight"] >= n:
                return
            time.sleep(0.02)
        raise AssertionError(f"the server never had {n} requests in flight")


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The texts are copied into a scratch folder that both the CLI and
        # the server run in: no configuration file applies to either.
        cls.dir = tempfile.mkdtemp(prefix="mtclean-serve-")
        cls.texts = fixture_texts()
        for name, text in cls.texts.items():
            with open(os.path.join(cls.dir, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        names = sorted(cls.texts)
        report = json.loads(run_cli(["check", "--format", "json", "--jobs", "2"] + names,
                                    cls.dir))
        cls.expected_findings = {name: [] for name in names}
        for finding in report["findings"]:
            cls.expected_findings[finding["file"]].append(finding)
        fixed_dir = os.path.join(cls.dir, "fixed")
        os.mkdir(fixed_dir)
        for name in names:
            shutil.copy(os.path.join(cls.dir, name), fixed_dir)
        run_cli(["fix", "--write", "--jobs", "2", "fixed"], cls.dir)
        cls.expected_cleaned = {}
        for name in names:
            with open(os.path.join(fixed_dir, name), encoding="utf-8", newline="") as f:
                cls.expected_cleaned[name] = f.read()
        shutil.rmtree(fixed_dir)
        cls.shared = Server(cls.dir, "--jobs", "2")

    @classmethod
    def tearDownClass(cls):
        code = cls.shared.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)
        if code != 0:
            raise AssertionError(f"the shared server exited {code}")

    def request_body(self, name):
        return {"text": self.texts[name], "name": name,
                "format": "markdown" if name.endswith(".md") else "plain"}

    def assert_answer(self, name, endpoint, answer):
        """`answer` of /v1/check or /v1/fix for fixture `name` equals the CLI's output."""
        self.assertEqual(answer["schema"], "mtclean-findings", name)
        self.assertEqual(answer["version"], 1, name)
        self.assertEqual(answer["findings"], self.expected_findings[name], name)
        counts = {s: sum(f["severity"] == s for f in answer["findings"])
                  for s in ("error", "warning", "info")}
        self.assertEqual(answer["summary"], {"files": 1, "errors": counts["error"],
                                             "warnings": counts["warning"],
                                             "infos": counts["info"]}, name)
        if endpoint == "/v1/fix":
            self.assertEqual(answer["cleaned"], self.expected_cleaned[name], name)
            # The edits say where the text changed: applied to the original
            # (as bytes), they give the cleaned text.
            original = self.texts[name].encode("utf-8")
            out, at = b"", 0
            for edit in answer["edits"]:
                self.assertGreaterEqual(edit["byte_begin"], at, name)
                out += original[at:edit["byte_begin"]] + edit["replacement"].encode("utf-8")
                at = edit["byte_end"]
            out += original[at:]
            self.assertEqual(out.decode("utf-8"), answer["cleaned"], name)
        else:
            self.assertNotIn("cleaned", answer, name)

    # -- the endpoints against the CLI ------------------------------------

    def test_check_and_fix_equal_the_cli_for_every_fixture(self):
        conn = self.shared.connect()  # one kept-alive connection for them all
        found = 0
        for name in sorted(self.texts):
            for endpoint in ("/v1/check", "/v1/fix"):
                status, res, answer = self.shared.request("POST", endpoint,
                                                          self.request_body(name), conn=conn)
                self.assertEqual(status, 200, (name, answer))
                self.assertTrue(res.getheader("Content-Type").startswith("application/json"))
                self.assert_answer(name, endpoint, answer)
            found += len(answer["findings"])
        conn.close()
        self.assertGreater(found, 50)  # the fixtures are full of artifacts

    def test_format_defaults_to_markdown_for_front_matter_as_the_cli_reads_stdin(self):
        name = "harbour-pilots-all-four-artifacts.md"
        body = {"text": self.texts[name]}
        status, _, answer = self.shared.request("POST", "/v1/check", body)
        self.assertEqual(status, 200, answer)
        expected = json.loads(run_cli(["check", "--format", "json", "-"], self.dir,
                                      stdin=self.texts[name].encode("utf-8")))
        for finding in expected["findings"]:
            finding["file"] = "<text>"  # a request without `name`
        self.assertEqual(answer["findings"], expected["findings"])
        self.assertTrue(any(f["rule"] == "scrape.duplicate-headline" for f in answer["findings"]))

    def test_lang_per_request_equals_the_cli_with_that_lang(self):
        name = "french-site-lire-aussi-titles-suivez-nous.txt"
        for lang in ("fr", "en"):
            body = dict(self.request_body(name), lang=lang)
            status, _, answer = self.shared.request("POST", "/v1/fix", body)
            self.assertEqual(status, 200, answer)
            self.assertEqual(answer["language"], lang)
            expected = json.loads(run_cli(["--lang", lang, "check", "--format", "json", name],
                                          self.dir))
            self.assertEqual(answer["findings"], expected["findings"], lang)
            cleaned = run_cli(["--lang", lang, "fix", "-"], self.dir,
                              stdin=self.texts[name].encode("utf-8"))
            self.assertEqual(answer["cleaned"].encode("utf-8"), cleaned, lang)
        status, _, answer = self.shared.request("POST", "/v1/check",
                                                {"text": "Hello.\n", "lang": "xx"})
        self.assertEqual(status, 400)
        self.assertIn("unknown `lang` \"xx\"", answer["error"])
        self.assertIn("fr", answer["error"])

    def test_rules_equal_rules_format_json(self):
        status, res, body = self.shared.request("GET", "/v1/rules")
        self.assertEqual(status, 200)
        self.assertEqual(json.dumps(body, sort_keys=True),
                         json.dumps(json.loads(run_cli(["rules", "--format", "json"], self.dir)),
                                    sort_keys=True))
        self.assertGreater(len(body["rules"]), 20)

    def test_healthz(self):
        status, _, body = self.shared.request("GET", "/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        self.assertFalse(body["stopping"])

    def test_access_log_names_method_path_status_bytes_and_milliseconds(self):
        name = "clean-library-reopens.txt"
        conn = self.shared.connect()
        conn.request("POST", "/v1/check?probe=access-log", body=json.dumps(self.request_body(name)))
        res = conn.getresponse()
        size = len(res.read())
        conn.close()
        self.assertEqual(res.status, 200)
        pattern = re.compile(r"^mtclean: POST /v1/check 200 (\d+) bytes (\d+\.\d\d) ms$")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            sizes = [int(m.group(1)) for m in map(pattern.match, self.shared.log()) if m]
            if size in sizes:
                return
            time.sleep(0.05)
        self.fail(f"no access line for a {size}-byte answer in: {self.shared.log()[-5:]}")

    # -- bad requests: 400 (or 404) with a message, never a crash --------

    def test_bad_requests_get_400_with_a_message(self):
        cases = [
            (b'{"text": "unfinished', "not valid JSON"),
            (b'{"text": "Caf\xe9 au lait.\\n"}', "not UTF-8: invalid UTF-8 at byte 13"),
            (b'\xff\xfe{"text": "x"}', "not UTF-8"),
            (b'{"text": 42}', "`text` must be a string, not number"),
            (b'{"txt": "typo in the field name"}', "has no `text`"),
            (b'["text", "an array"]', "must be a JSON object"),
            (b'{"text": "Fine.\\n", "format": "html"}', "`format` must be \"plain\" or \"markdown\""),
            (b'{"text": "Fine.\\n", "lang": 7}', "`lang` must be a string"),
            (b'{"text": "A lone surrogate \\ud800 here."}', "not valid JSON"),
            (b"", "not valid JSON"),
            (b"[" * 100000, "not valid JSON"),
        ]
        for body, message in cases:
            for endpoint in ("/v1/check", "/v1/fix"):
                status, _, answer = self.shared.request(
                    "POST", endpoint, body, {"Content-Type": "application/json"})
                self.assertEqual(status, 400, (body[:40], answer))
                self.assertEqual(answer["status"], 400)
                self.assertIn(message, answer["error"], body[:40])
        status, _, answer = self.shared.request("GET", "/v1/nothing")
        self.assertEqual(status, 404)
        self.assertIn("no such endpoint: GET /v1/nothing", answer["error"])
        status, _, answer = self.shared.request("GET", "/v1/check")
        self.assertEqual(status, 404)
        # Still serving.
        status, _, answer = self.shared.request("POST", "/v1/check", {"text": "Fine.\n"})
        self.assertEqual(status, 200)
        self.assertEqual(answer["findings"], [])

    def test_nul_and_control_characters_in_the_text_are_served(self):
        text = "A line with a NUL \u0000 and a bell \u0007 in it.\n"
        status, _, answer = self.shared.request("POST", "/v1/fix", {"text": text})
        self.assertEqual(status, 200, answer)
        self.assertNotIn("\u0007", answer["cleaned"])

    # -- many clients at once ---------------------------------------------

    def test_200_concurrent_requests_from_16_clients_are_all_answered_right(self):
        names = sorted(self.texts)
        jobs = [(names[i % len(names)], ("/v1/check", "/v1/fix")[i % 2]) for i in range(200)]
        work = queue.Queue()
        for job in jobs:
            work.put(job)
        failures, answered = [], []
        lock = threading.Lock()

        def client():
            conn = self.shared.connect()
            while True:
                try:
                    name, endpoint = work.get_nowait()
                except queue.Empty:
                    break
                try:
                    status, _, answer = self.shared.request("POST", endpoint,
                                                            self.request_body(name), conn=conn)
                    self.assertEqual(status, 200, answer)
                    self.assert_answer(name, endpoint, answer)
                    with lock:
                        answered.append(name)
                except Exception as e:  # noqa: BLE001 - reported below
                    with lock:
                        failures.append(f"{endpoint} {name}: {e!r}"[:300])
                    conn.close()
                    conn = self.shared.connect()
            conn.close()

        threads = [threading.Thread(target=client) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=240)
        self.assertFalse(any(t.is_alive() for t in threads), "clients still waiting")
        self.assertEqual(failures, [])
        self.assertEqual(len(answered), 200)


class LimitsTest(unittest.TestCase):
    """Servers started with small limits."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mtclean-serve-limits-")
        self.server = None

    def tearDown(self):
        if self.server is not None:
            self.server.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_oversized_body_gets_413_and_the_server_goes_on(self):
        self.server = Server(self.dir, "--max-body", "4096", "--jobs", "1")
        big = {"text": "A sentence of my own that is repeated. " * 120}
        self.assertGreater(len(json.dumps(big)), 4096)
        status, _, answer = self.server.request("POST", "/v1/check", big)
        self.assertEqual(status, 413)
        self.assertIn("larger than the limit of 4096 bytes", answer["error"])
        self.assertIn("--max-body", answer["error"])
        # Chunked, so that no length is declared: counted as it arrives.
        chunks = iter([json.dumps(big).encode()[i:i + 1000] for i in range(0, 5000, 1000)])
        conn = self.server.connect()
        conn.request("POST", "/v1/fix", body=chunks, encode_chunked=True)
        res = conn.getresponse()
        answer = json.loads(res.read())
        conn.close()
        self.assertEqual(res.status, 413)
        self.assertIn("larger than the limit", answer["error"])
        # Just under the limit is served.
        small = {"text": "A sentence of my own that is repeated. " * 100}
        self.assertLess(len(json.dumps(small)), 4096)
        status, _, answer = self.server.request("POST", "/v1/check", small)
        self.assertEqual(status, 200, answer)
        self.assertEqual(self.server.stop(), 0)

    def test_a_stalled_request_is_dropped_after_the_read_timeout(self):
        self.server = Server(self.dir, "--read-timeout", "1", "--jobs", "1")

        def answer_of(s):
            """The status line and body of the one answer on socket `s`."""
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    return data, b""
                data += chunk
            head, body = data.split(b"\r\n\r\n", 1)
            length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
            while len(body) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                body += chunk
            return head.split(b"\r\n")[0], body

        # A body that stops short: answered 400 once a read waits too long.
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                      b'{"text": "only a part')
            start = time.monotonic()
            status, body = answer_of(s)
            waited = time.monotonic() - start
        self.assertEqual(status, b"HTTP/1.1 400 Bad Request")
        self.assertIn("stalled", json.loads(body)["error"])
        self.assertLess(waited, 20)
        # A body that trickles in, each byte within the timeout but the whole
        # taking longer: answered 400 too.
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n")
            start = time.monotonic()
            for byte in b'{"text": "' + b"x" * 48 + b'"}':
                s.sendall(bytes([byte]))
                if select.select([s], [], [], 0.3)[0]:
                    break
            status, body = answer_of(s)
            waited = time.monotonic() - start
        self.assertEqual(status, b"HTTP/1.1 400 Bad Request")
        self.assertIn("took over 1 s to arrive", json.loads(body)["error"])
        self.assertLess(waited, 10)
        # Headers that never end: the connection is closed.
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            self.assertIn(s.recv(65536)[:12], (b"", b"HTTP/1.1 400"))
        self.assertEqual(self.server.request("GET", "/healthz")[0], 200)
        self.assertEqual(self.server.stop(), 0)

    def test_too_many_requests_at_once_get_503_and_the_admitted_ones_their_answers(self):
        # The test hook holds each admitted request for a while before it
        # is cleaned: three fill the slots, the fourth is turned away.
        self.server = Server(self.dir, "--max-in-flight", "3", "--jobs", "1",
                             "--test-delay-ms", "2500")
        text = "Cats sleep sleep on the warm stones.\n"
        results = [None] * 3

        def held(i):
            results[i] = self.server.request("POST", "/v1/fix", {"text": text})

        threads = [threading.Thread(target=held, args=(i,)) for i in range(3)]
        for t in threads:
            t.start()
        self.server.wait_in_flight(3)
        status, res, answer = self.server.request("POST", "/v1/check", {"text": text})
        self.assertEqual(status, 503, answer)
        self.assertEqual(res.getheader("Retry-After"), "1")
        self.assertIn("too many requests at once: 3", answer["error"])
        self.assertIn("--max-in-flight", answer["error"])
        for t in threads:
            t.join(timeout=120)
        for status, _, answer in results:
            self.assertEqual(status, 200, answer)
            self.assertEqual(answer["cleaned"], "Cats sleep on the warm stones.\n")
        # The slots are free again.
        self.assertEqual(self.server.request("POST", "/v1/check", {"text": text})[0], 200)
        self.assertEqual(self.server.stop(), 0)

    def test_sigterm_during_requests_loses_none_and_exits_0(self):
        self.server = Server(self.dir, "--max-in-flight", "16", "--jobs", "1",
                             "--test-delay-ms", "2000")
        texts = [f"Report number {i} is is ready for the editors.\n" for i in range(10)]
        results = [None] * len(texts)

        def send(i):
            try:
                results[i] = self.server.request("POST", "/v1/fix", {"text": texts[i]})
            except Exception as e:  # noqa: BLE001 - asserted below
                results[i] = e

        threads = [threading.Thread(target=send, args=(i,)) for i in range(len(texts))]
        for t in threads:
            t.start()
        self.server.wait_in_flight(len(texts))
        self.server.proc.send_signal(signal.SIGTERM)
        for t in threads:
            t.join(timeout=120)
        for i, result in enumerate(results):
            self.assertIsInstance(result, tuple, f"request {i} lost: {result!r}")
            status, res, answer = result
            self.assertEqual(status, 200, answer)
            self.assertEqual(answer["cleaned"], f"Report number {i} is ready for the editors.\n")
            self.assertEqual(res.getheader("Connection"), "close")
        self.assertEqual(self.server.stop(timeout=60), 0)
        log = "".join(self.server.log())
        self.assertIn("stopping on SIGTERM", log)
        self.assertEqual(len(re.findall(r"^mtclean: POST /v1/fix 200 ", log, re.M)), len(texts))
        self.assertIn("mtclean: stopped", log)
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", self.server.port), timeout=5).close()

    def test_bad_options_are_usage_errors(self):
        for args, message in ((["--listen", "localhost"], "HOST:PORT"),
                              (["--listen", "127.0.0.1:99999"], "HOST:PORT"),
                              (["--listen", "192.0.2.1:8765"], "cannot listen on 192.0.2.1:8765")):
            done = subprocess.run([BINARY, "serve", *args], cwd=self.dir, env=cli_env(),
                                  capture_output=True, timeout=120)
            self.assertEqual(done.returncode, 2, args)
            self.assertIn(message, done.stderr.decode(), args)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    BINARY, SOURCE_DIR, CACHE_DIR = (os.path.abspath(a) for a in sys.argv[1:4])
    unittest.main(argv=[sys.argv[0]] + sys.argv[4:], verbosity=2)
