"""`make bench`: load scenarios with wrk against gunicorn (2 workers) on PostgreSQL (or an
SQLite file: DATABASE_URL=sqlite:////path/to/file).

Steps: create the database if missing, migrate, generate the synthetic province when the
database is empty (BENCH_DOSSIERS dossiers), start gunicorn, log in, then run every scenario
with wrk for BENCH_DURATION seconds at each of BENCH_CONNECTIONS. Writes
bench/results/<timestamp>.json and bench/results/latest.md. See bench/README.md.
"""

import json
import os
import platform
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import AbstractContextManager, closing
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "results"
MARK = "BENCH "  # the line the Lua `done` hook prints


@dataclass(frozen=True)
class Target:
    """A target of issue 5, judged at `connections`."""

    connections: int = 4
    min_rps: float | None = None
    max_p99_ms: float | None = None

    def describe(self) -> str:
        parts = []
        if self.min_rps:
            parts.append(f"≥ {self.min_rps:g} req/s")
        if self.max_p99_ms:
            parts.append(f"p99 ≤ {self.max_p99_ms:g} ms")
        return ", ".join(parts)

    def met(self, figures: "Figures") -> bool:
        return (self.min_rps is None or figures.rps >= self.min_rps) and (
            self.max_p99_ms is None or figures.p99_ms <= self.max_p99_ms
        )


@dataclass
class Figures:
    """What one wrk run measured."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int


@dataclass
class Outcome:
    scenario: str
    connections: int
    figures: Figures
    target: str = ""
    passed: bool | None = None  # None: no target at this number of connections
    ratio_to_hello: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.figures.non_2xx > 0 or self.figures.socket_errors > 0 or self.passed is False


def parse_wrk(output: str) -> Figures:
    """The figures of a wrk run from the line our Lua `done` hook prints (latency in µs)."""
    for line in output.splitlines():
        if line.startswith(MARK):
            data = json.loads(line[len(MARK) :])
            seconds = data["duration_us"] / 1e6
            return Figures(
                requests=data["requests"],
                seconds=round(seconds, 2),
                rps=round(data["requests"] / seconds, 1) if seconds else 0.0,
                p50_ms=round(data["p50_us"] / 1000, 2),
                p99_ms=round(data["p99_us"] / 1000, 2),
                non_2xx=data["non_2xx"],
                socket_errors=sum(data["socket_errors"].values()),
            )
    raise ValueError("wrk gave no result line (did the Lua script load?)")


LUA_COMMON = """
local threads, counter = {}, 0
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  non_2xx = 0
end
function response(status, headers, body)
  if status < 200 or status > 299 then non_2xx = non_2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non_2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non_2xx": %d, '
    .. '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect, e.read, e.write, e.timeout))
end
"""


def lua_string(text: str) -> str:
    """A Lua long-bracket string literal (no escapes, so UTF-8 text stays as it is)."""
    if "]==]" in text:
        raise ValueError("text cannot be quoted as a Lua long string")
    return f"[==[{text}]==]"


def lua_script(method: str, paths: list[str], headers: dict[str, str], body: str | None) -> str:
    """A wrk script cycling through `paths`; in `body`, {n} becomes a number unique to the run."""
    quoted = ", ".join(lua_string(p) for p in paths)
    header_table = ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items())
    make_body = "nil"
    if body is not None:
        prefix, _, suffix = body.partition("{n}")
        unique = "string.format('%01d%07d', id, counter)"
        make_body = f"{lua_string(prefix)} .. {unique} .. {lua_string(suffix)}"
    return (
        LUA_COMMON
        + f"""
local paths = {{{quoted}}}
local headers = {{{header_table}}}
function request()
  counter = counter + 1
  local path = paths[(counter + id * 7919) % #paths + 1]
  return wrk.format({lua_string(method)}, path, headers, {make_body})
end
"""
    )


@dataclass
class Scenario:
    name: str
    label: str
    paths: list[str]
    method: str = "GET"
    auth: str = ""  # officer, leader, session or "" (anonymous)
    body: str | None = None
    target: Target | None = None


def run_wrk(url: str, scenario: Scenario, headers: dict, connections: int, duration: int) -> str:
    content = lua_script(scenario.method, scenario.paths, headers, scenario.body)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(content)
    threads = min(connections, 2)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
               "-s", script.name, url]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode or MARK not in done.stdout:
            raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout
    finally:
        os.unlink(script.name)


def scenarios(samples: dict) -> list[Scenario]:
    """The scenarios of issue 5, with paths drawn from the generated data."""
    year = samples["year"]
    period = f"agency=H44&from={year}-01-01&to={year}-12-31"
    desk = samples["create_body"]
    return [
        Scenario("hello", "Khung Django (hello)", ["/bench/hello"]),
        Scenario("detail", "Chi tiết hồ sơ (API)",
                 [f"/api/v1/dossiers/{c}/" for c in samples["officer_codes"]], auth="officer",
                 target=Target(min_rps=400, max_p99_ms=50)),
        Scenario("list", "Danh sách hồ sơ 100/trang, có lọc (API)",
                 [f"/api/v1/dossiers/?page_size=100&{q}" for q in samples["list_filters"]],
                 auth="officer", target=Target(min_rps=150)),
        Scenario("create", "Tạo hồ sơ tại quầy (API, POST)", ["/api/v1/dossiers/"],
                 method="POST", auth="officer", body=desk, target=Target(min_rps=150)),
        Scenario("lookup", "Tra cứu công khai (mã + số định danh)",
                 [f"/api/v1/public/dossiers/{c}/?id_number={i}" for c, i in samples["public"]],
                 target=Target(min_rps=800)),
        Scenario("catalogue", "Tìm thủ tục (API)",
                 [f"/api/v1/procedures/?q={w}" for w in samples["words"]]),
        Scenario("worklist", "Danh sách việc của cán bộ (/mot-cua/)", ["/mot-cua/"],
                 auth="session", target=Target(max_p99_ms=100)),
        Scenario("index766", "Chỉ số 766, tỉnh, một năm (API)",
                 [f"/api/v1/reports/index-766/?{period}"], auth="leader",
                 target=Target(connections=1, max_p99_ms=1000)),
        Scenario("statistics", "Thống kê TTHC, tỉnh, một năm (API)",
                 [f"/api/v1/reports/tthc-statistics/?{period}"], auth="leader",
                 target=Target(connections=1, max_p99_ms=1000)),
    ]  # fmt: skip


SAMPLE_SQL = {
    "officer_codes": """SELECT d.code FROM dossiers_dossier d JOIN agencies_agency a
        ON a.id = d.agency_id WHERE a.code = 'H44.30' ORDER BY random() LIMIT 2000""",
    "public": """SELECT code, applicant_id_number FROM dossiers_dossier
        ORDER BY random() LIMIT 2000""",
    "procedures": """SELECT p.code FROM catalog_procedure p JOIN catalog_procedure_agencies pa
        ON pa.procedure_id = p.id JOIN agencies_agency a ON a.id = pa.agency_id
        WHERE a.code = 'H44.30' ORDER BY p.code LIMIT 50""",
    # The current year: the 766 indicators in force are dated from 1 January 2026.
    "year": "SELECT CAST(extract(year FROM now()) AS integer)",
}
SQLITE_YEAR = "SELECT CAST(strftime('%Y', 'now') AS integer)"
WORDS = ["giay phep", "dat dai", "cap lai", "xac nhan", "dang ky", "moi truong", "xay dung",
         "chung chi", "thuy san", "gia han", "1.9001", "quyet dinh"]  # fmt: skip
LIST_FILTERS = ["status=returned", "status=processing", "overdue=true", "agency=H44.30",
                "status=returned&agency=H44.30", "overdue=false&status=received"]  # fmt: skip


FILED_SQL = """SELECT count(*) FROM dossiers_dossier d JOIN auth_user u ON u.id = d.created_by_id
    WHERE u.username = 'bench.motcua'"""


def draw_samples(database_url: str) -> dict:
    queries = {**SAMPLE_SQL, **({"year": SQLITE_YEAR} if on_sqlite(database_url) else {})}
    with connect(database_url) as db:
        rows = {key: db.execute(sql).fetchall() for key, sql in queries.items()}
    procedure = rows["procedures"][0][0]
    body = json.dumps({
        "procedure": procedure, "agency": "H44.30", "channel": "desk",
        "applicant": {"id_number": "0259{n}", "full_name": "Nguyễn Văn Đo Tải",
                      "phone": "0912345678", "address": "Khu 1, phường Thanh Miếu"},
        "form_data": {}, "documents": [{"name": "Tờ khai", "kind": "original", "count": 1}],
    }, ensure_ascii=False)  # fmt: skip
    return {
        "officer_codes": [r[0] for r in rows["officer_codes"]],
        "public": rows["public"],
        "year": rows["year"][0][0],
        "words": [w.replace(" ", "+") for w in WORDS],
        "list_filters": LIST_FILTERS,
        "create_body": body,
    }


def on_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def connect(url: str, autocommit: bool = False) -> AbstractContextManager:
    """A connection to the bench database (closed at the end of the `with` block)."""
    if on_sqlite(url):
        return closing(sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None))
    return psycopg.connect(url, autocommit=autocommit)


def ensure_database(url: str) -> None:
    """Create the database named in `url` if the server does not have it yet (SQLite: the
    migration creates the file)."""
    if on_sqlite(url):
        return
    name = urlsplit(url).path.lstrip("/")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def motcua(env: dict, *args: str) -> str:
    result = subprocess.run([str(BIN / "motcua"), *args], env=env, check=True,
                            capture_output=True, text=True)  # fmt: skip
    return result.stdout


class Server:
    """gunicorn with `workers` processes on loopback; sync workers, or threaded ones (gthread)
    when `threads` > 1."""

    def __init__(self, env: dict, port: int, workers: int, threads: int):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "motcua.wsgi", "-w", str(workers), "--threads", str(threads),
             "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        for _ in range(120):
            try:
                if requests.get(f"{self.url}/healthz", timeout=10).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("gunicorn did not answer /healthz")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def credentials(url: str, username: str, password: str, kind: str) -> dict[str, str]:
    """Request headers for `kind`: a bearer token (API) or a session cookie (pages)."""
    if kind == "session":
        browser = requests.Session()
        login = f"{url}/mot-cua/dang-nhap/"
        browser.get(login, timeout=10)
        answer = browser.post(login, timeout=10, allow_redirects=False, data={
            "username": username, "password": password,
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        }, headers={"Referer": login})  # fmt: skip
        if answer.status_code != 302 or "sessionid" not in browser.cookies:
            raise RuntimeError(f"staff login failed ({answer.status_code})")
        return {"Cookie": f"sessionid={browser.cookies['sessionid']}"}
    answer = requests.post(f"{url}/api/v1/auth/token/", timeout=10,
                           json={"username": username, "password": password})  # fmt: skip
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access']}"}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))  # fmt: skip
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(memory) / 2**20, 1),
            "load_average": os.getloadavg(), "python": platform.python_version(),
            "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout
            .splitlines()[0] if shutil.which("wrk") else None}  # fmt: skip


def judge(outcomes: list[Outcome], targets: dict[str, Target | None]) -> None:
    """Ratios to hello at the same number of connections, and each target met or not."""
    hello = {o.connections: o.figures.rps for o in outcomes if o.scenario == "hello"}
    for outcome in outcomes:
        if hello.get(outcome.connections):
            outcome.ratio_to_hello = round(outcome.figures.rps / hello[outcome.connections], 3)
        target = targets.get(outcome.scenario)
        if target is not None:
            outcome.target = f"{target.describe()} @ {target.connections} kết nối"
            if target.connections == outcome.connections:
                outcome.passed = target.met(outcome.figures)
        if outcome.figures.non_2xx or outcome.figures.socket_errors:
            outcome.notes.append("có lỗi: kịch bản không đạt")


def markdown(report: dict, outcomes: list[Outcome]) -> str:
    lines = [
        f"# Kết quả đo hiệu năng — {report['started']}",
        "",
        f"{report['dossiers']} hồ sơ trên {report.get('database', 'PostgreSQL')}; "
        f"gunicorn {report['workers']} worker, {report.get('threads', 1)} luồng mỗi worker; "
        f"wrk {report['duration']} s mỗi lượt (sau {report.get('warmup', 0)} s chạy nóng không "
        f"tính), trên loopback. Máy: {report['machine']['cpu']}, "
        f"{report['machine']['cores']} nhân, tải trung bình lúc bắt đầu "
        f"{report['machine']['load_average'][0]:.1f} (máy dùng chung với các phiên khác).",
        "",
        "| kịch bản | kết nối | req/s | p50 ms | p99 ms | lỗi (non-2xx + socket) | so với hello "
        "| mục tiêu | đạt |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for o in outcomes:
        f = o.figures
        verdict = "—" if o.passed is None and not o.failed else ("KHÔNG" if o.failed else "đạt")
        ratio = f"{o.ratio_to_hello:.2f}" if o.ratio_to_hello is not None else "—"
        lines.append(f"| {o.scenario} | {o.connections} | {f.rps:.0f} | {f.p50_ms:.1f} | "
                     f"{f.p99_ms:.1f} | {f.non_2xx + f.socket_errors} | {ratio} | "
                     f"{o.target or '—'} | {verdict} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> int:
    database_url = os.environ.get("DATABASE_URL",
                                  "postgres://postgres@127.0.0.1:5432/motcua_bench")  # fmt: skip
    dossiers = int(os.environ.get("BENCH_DOSSIERS", "1000000"))
    duration = int(os.environ.get("BENCH_DURATION", "10"))
    warmup = int(os.environ.get("BENCH_WARMUP", "3"))
    connections = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,4").split(",")]
    only = set(filter(None, os.environ.get("BENCH_SCENARIOS", "").split(",")))
    port, workers = int(os.environ.get("BENCH_PORT", "8900")), 2
    threads = int(os.environ.get("BENCH_THREADS", "1"))
    if not shutil.which("wrk"):
        print("wrk không có: chạy scripts/install-wrk.sh", file=sys.stderr)
        return 2
    password = secrets.token_urlsafe(24)  # new for every run; never written to the results
    env = {**os.environ, "DATABASE_URL": database_url, "MOTCUA_BENCH": "1",
           "MOTCUA_BENCH_PASSWORD": password,
           "MOTCUA_DATA_DIR": os.environ.get("MOTCUA_DATA_DIR", str(ROOT / "var" / "bench")),
           # All the load comes from one address, so the limit is lifted. Per second: the
           # throttle keeps the time of each request in its window, and a real client's window
           # holds at most its limit (60), not a minute of the whole load (~40,000 here).
           "MOTCUA_PUBLIC_LOOKUP_RATE": "100000000/second",
           "MOTCUA_LOG_LEVEL": "ERROR"}  # fmt: skip
    ensure_database(database_url)
    motcua(env, "migrate", "--noinput")
    motcua(env, "collectstatic", "--noinput", "--verbosity", "0")
    with connect(database_url) as db:
        empty = not db.execute("SELECT 1 FROM agencies_agency LIMIT 1").fetchone()
    if empty:
        print(f"Sinh {dossiers} hồ sơ…", flush=True)
        print(motcua(env, "bench-generate", "--dossiers", str(dossiers)).splitlines()[-1])
    else:
        with connect(database_url, autocommit=True) as db:
            filed = db.execute(FILED_SQL).fetchone()[0]
            # Earlier runs' create scenario filed these: removed, and their dead rows with them
            # (SQLite reuses the freed pages without a VACUUM, which would rewrite the file).
            removal = ["--remove-filings"] if filed else []
            motcua(env, "bench-generate", "--accounts-only", *removal)
            if filed and not on_sqlite(database_url):
                db.execute("VACUUM (ANALYZE) dossiers_dossier, dossiers_dossierevent")
    with connect(database_url) as db:
        loaded = db.execute("SELECT count(*) FROM dossiers_dossier").fetchone()[0]
    samples = draw_samples(database_url)
    started = datetime.now(UTC)
    database = "SQLite" if on_sqlite(database_url) else "PostgreSQL"
    report = {"started": started.isoformat(timespec="seconds"), "dossiers": loaded,
              "database": database,
              "workers": workers, "threads": threads, "duration": duration, "warmup": warmup,
              "machine": machine()}  # fmt: skip
    outcomes, plan = [], scenarios(samples)
    server = Server(env, port, workers, threads)
    try:
        users = {"officer": "bench.motcua", "leader": "bench.lanhdao", "session": "bench.motcua"}
        for scenario in plan:
            if only and scenario.name not in only | {"hello"}:
                continue
            for count in connections:
                headers = (credentials(server.url, users[scenario.auth], password,
                                       scenario.auth) if scenario.auth else {})  # fmt: skip
                if scenario.body is not None:
                    headers["Content-Type"] = "application/json"
                if warmup:  # unmeasured: fills the caches a running server would have warm
                    run_wrk(server.url, scenario, headers, count, warmup)
                output = run_wrk(server.url, scenario, headers, count, duration)
                figures = parse_wrk(output)
                outcomes.append(Outcome(scenario.name, count, figures))
                print(f"{scenario.name:11} c={count} {figures.rps:8.1f} req/s "
                      f"p50 {figures.p50_ms:7.1f} ms p99 {figures.p99_ms:7.1f} ms "
                      f"lỗi {figures.non_2xx + figures.socket_errors}", flush=True)  # fmt: skip
    finally:
        server.stop()
    judge(outcomes, {s.name: s.target for s in plan})
    report["results"] = [asdict(o) | {"failed": o.failed} for o in outcomes]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"{stamp}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (RESULTS / "latest.md").write_text(markdown(report, outcomes))
    print(f"Kết quả: bench/results/{stamp}.json, bench/results/latest.md")
    return 1 if any(o.failed for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
