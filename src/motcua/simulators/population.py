"""Simulator of the national population database (CSDL quốc gia về dân cư).

`GET /api/v1/citizens/<id_number>` with `Authorization: Bearer <key>` answers the citizen's
identity: 200, 404 `not_found`, 401 without the right key, 400 for an id that is not 12 digits.
"""

from __future__ import annotations

import os
import re

from motcua.simulators.base import App, Request, Response, error_response, json_response
from motcua.simulators.citizens import BY_ID

NAME = "population"
DEFAULT_PORT = 8102
PORT_ENV = "MOTCUA_SIM_POPULATION_PORT"
KEY_ENV = "MOTCUA_SIM_POPULATION_KEY"
DEFAULT_KEY = "demo-population-key"
ID_NUMBER = re.compile(r"\d{12}")


def create_app(api_key: str | None = None) -> App:
    """The population-database WSGI app; the key defaults to `MOTCUA_SIM_POPULATION_KEY`."""
    app = App(NAME, api_key or os.environ.get(KEY_ENV) or DEFAULT_KEY)

    @app.route("GET", r"/api/v1/citizens/(?P<id_number>[^/]*)")
    def citizen(request: Request) -> Response:
        id_number = request.params["id_number"]
        if not ID_NUMBER.fullmatch(id_number):
            return error_response(
                400, "invalid_id_number", "Số định danh cá nhân phải gồm đúng 12 chữ số."
            )
        found = BY_ID.get(id_number)
        if found is None:
            return error_response(
                404, "not_found", "Không tìm thấy công dân với số định danh cá nhân này."
            )
        return json_response(200, found)

    return app
