"""Run one simulator: `python -m motcua.simulators <name> [--port N]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from motcua.simulators import idp, messaging, national_portal, payment, population, tsa
from motcua.simulators.base import serve

SIMULATORS: dict[str, ModuleType] = {
    population.NAME: population,
    national_portal.NAME: national_portal,
    idp.NAME: idp,
    tsa.NAME: tsa,
    payment.NAME: payment,
    messaging.NAME: messaging,
}


def resolve_port(module: ModuleType, given: int | None) -> int:
    """`--port`, else the simulator's environment variable, else its fixed default."""
    if given is not None:
        return given
    from_env = os.environ.get(module.PORT_ENV, "").strip()
    if not from_env:
        return module.DEFAULT_PORT
    try:
        return int(from_env)
    except ValueError:
        sys.exit(f"{module.PORT_ENV} must be a port number, not {from_env!r}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m motcua.simulators", description="Loopback stand-ins for national systems."
    )
    parser.add_argument("name", choices=sorted(SIMULATORS))
    parser.add_argument("--port", type=int, default=None, help="overrides the environment variable")
    args = parser.parse_args(argv)
    module = SIMULATORS[args.name]
    serve(module.create_app(), resolve_port(module, args.port))


if __name__ == "__main__":
    main()
