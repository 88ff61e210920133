"""bench/run.py turns wrk's output into figures, judges them against the targets, writes Lua."""

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "bench_run", Path(__file__).resolve().parents[2] / "bench" / "run.py"
)
run = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(run)

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8900
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.61ms    4.12ms  61.20ms   81.33%
    Req/Sec   210.11     30.02   270.00     70.00%
  4212 requests in 10.02s, 14.39MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    420.36
Transfer/sec:      1.44MB
BENCH {"requests": 4212, "duration_us": 10020000, "p50_us": 8870, "p99_us": 31250, "non_2xx": 5, "socket_errors": {"connect": 0, "read": 1, "write": 0, "timeout": 2}}
"""  # noqa: E501


def test_figures_come_from_the_result_line():
    figures = run.parse_wrk(WRK_OUTPUT)
    assert figures.requests == 4212
    assert figures.seconds == 10.02
    assert figures.rps == pytest.approx(420.4, abs=0.1)
    assert (figures.p50_ms, figures.p99_ms) == (8.87, 31.25)
    assert figures.non_2xx == 5  # counted by our Lua hook, 3xx included
    assert figures.socket_errors == 3


def test_output_without_the_result_line_is_an_error():
    with pytest.raises(ValueError, match="no result line"):
        run.parse_wrk(WRK_OUTPUT.split("BENCH")[0])


def _outcome(name, connections, rps, p99, non_2xx=0):
    figures = run.Figures(1000, 10.0, rps, 5.0, p99, non_2xx, 0)
    return run.Outcome(name, connections, figures)


def test_targets_and_ratios_to_hello():
    detail = run.Target(min_rps=400, max_p99_ms=50)
    outcomes = [
        _outcome("hello", 4, 2000, 4),
        _outcome("detail", 1, 300, 5),
        _outcome("detail", 4, 450, 60),
        _outcome("lookup", 4, 900, 8, non_2xx=1),
    ]
    run.judge(outcomes, {"hello": None, "detail": detail, "lookup": run.Target(min_rps=800)})
    hello, detail_1, detail_4, lookup = outcomes
    assert hello.ratio_to_hello == 1.0 and detail_4.ratio_to_hello == 0.225
    assert detail_1.ratio_to_hello is None  # no hello at 1 connection in this run
    assert detail_1.passed is None and not detail_1.failed  # the target is judged at 4
    assert detail_4.passed is False and detail_4.failed  # p99 over 50 ms
    assert lookup.passed is True and lookup.failed  # fast enough, but a non-2xx answer
    table = run.markdown(
        {"started": "t", "dossiers": 10, "workers": 2, "duration": 10,
         "machine": {"cpu": "cpu", "cores": 2, "load_average": (1.0, 1.0, 1.0)}},
        outcomes,
    )  # fmt: skip
    assert "| detail | 4 | 450 | 5.0 | 60.0 | 0 | 0.23 | ≥ 400 req/s, p99 ≤ 50 ms @ 4" in table
    assert table.count("KHÔNG") == 2


def test_lua_script_cycles_through_paths_with_unique_bodies():
    script = run.lua_script("POST", ["/a/", "/b/"], {"Authorization": "Bearer x"}, '{"id": "9{n}"}')
    assert "[==[/a/]==], [==[/b/]==]" in script
    assert "[ [==[Authorization]==] ] = [==[Bearer x]==]" in script
    assert "string.format('%01d%07d', id, counter)" in script
    with pytest.raises(ValueError, match="Lua long string"):
        run.lua_string("]==]")
