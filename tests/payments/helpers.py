"""The payer's side of the payment platform: its HTML page driven over HTTP, as a browser would."""

import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from motcua.integrations.connectors.payment_signing import signed
from tests.simulators.processes import KEYS


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Page:
    status: int
    html: str
    location: str = ""


def browse(url: str, form: dict | None = None) -> Page:
    """GET the page, or POST the form to it; redirects are returned, not followed."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, data=data, timeout=10) as response:
            return Page(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        return Page(error.code, error.read().decode(), error.headers.get("Location", ""))


def decide(payment_url: str, button: str) -> Page:
    """Open the payment page and press the button labelled `button` ("Thanh toán", …)."""
    page = browse(payment_url)
    assert page.status == 200, page.html
    action = re.search(r'<form method="post" action="([^"]+)"', page.html).group(1)
    value = re.search(rf'name="decision" value="(\w+)">{button}</button>', page.html).group(1)
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(payment_url))
    return browse(origin + action, {"channel": "bank", "decision": value})


def platform_signed(**params) -> dict[str, str]:
    """Parameters signed as the platform signs them (with the test secret)."""
    return signed(params, KEYS["payment"])
