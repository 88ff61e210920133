"""The identity-provider simulator's pages: plain HTML, no JavaScript, readable at 360 px."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f2f4f7}
header{background:#b3141c;color:#fff;padding:12px 16px;font-weight:600}
main{max-width:28rem;margin:0 auto;padding:16px}
h1{font-size:1.25rem;margin:0 0 16px}
label{display:block;margin:12px 0 4px;font-weight:600}
input{width:100%;padding:10px;font-size:1rem;border:1px solid #888;border-radius:4px}
.actions{display:flex;gap:8px;margin-top:16px;flex-wrap:wrap}
button{flex:1;min-width:8rem;padding:12px;font-size:1rem;border-radius:4px;border:1px solid #b3141c}
.primary{background:#b3141c;color:#fff}.secondary{background:#fff;color:#b3141c}
.error{background:#fde8e8;border:1px solid #b3141c;padding:8px 12px;border-radius:4px}
table{width:100%;border-collapse:collapse;margin-top:8px;font-size:.9rem}
th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #ccc}
"""


def _layout(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        "<body><header>VNeID — giả lập</header>"
        f"<main>{body}</main></body></html>"
    )


def login_page(
    hidden: Mapping[str, str],
    citizens: Iterable[tuple[str, str]],
    *,
    error: str = "",
    id_number: str = "",
) -> str:
    """The login form; `hidden` carries the authorization request through the POST."""
    fields = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in hidden.items()
    )
    alert = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    rows = "".join(
        f"<tr><td>{escape(number)}</td><td>{escape(name)}</td></tr>" for number, name in citizens
    )
    body = (
        "<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>"
        f'{alert}<form method="post" action="/authorize">{fields}'
        '<label for="id_number">Số định danh cá nhân</label>'
        f'<input id="id_number" name="id_number" value="{escape(id_number)}" '
        'inputmode="numeric" autocomplete="username" required>'
        '<label for="password">Mật khẩu</label>'
        '<input id="password" name="password" type="password" '
        'autocomplete="current-password" required>'
        '<div class="actions">'
        '<button class="primary" type="submit" name="action" value="login">Đăng nhập</button>'
        '<button class="secondary" type="submit" name="action" value="cancel" formnovalidate>'
        "Hủy</button></div></form>"
        "<h2>Công dân thử nghiệm</h2>"
        "<table><thead><tr><th>Số định danh cá nhân</th><th>Họ và tên</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return _layout("Đăng nhập VNeID", body)


def message_page(title: str, message: str) -> str:
    """A page that only tells something (an error, a logout)."""
    return _layout(title, f"<h1>{escape(title)}</h1><p>{escape(message)}</p>")
