"""Loopback stand-ins for national systems, each a small stdlib WSGI app in its own process.

Run one with `python -m motcua.simulators <name> [--port N]`; it listens on 127.0.0.1 only.

- `population`: CSDL quốc gia về dân cư (national population database), port 8102
  (`MOTCUA_SIM_POPULATION_PORT`), key `MOTCUA_SIM_POPULATION_KEY` (demo `demo-population-key`).
- `national-portal`: Cổng Dịch vụ công quốc gia (national public-service portal), port 8103
  (`MOTCUA_SIM_PORTAL_PORT`), key `MOTCUA_SIM_PORTAL_KEY` (demo `demo-portal-key`).
- `idp`: VNeID-style OpenID Connect identity provider, port 8101 (`MOTCUA_SIM_IDP_PORT`).
- `tsa`: RFC 3161 timestamp authority, port 8107 (`MOTCUA_SIM_TSA_PORT`).
- `payment`: Nền tảng thanh toán trực tuyến (national payment platform), port 8104
  (`MOTCUA_SIM_PAYMENT_PORT`), merchant `MOTCUA_SIM_PAYMENT_MERCHANT` and shared secret
  `MOTCUA_SIM_PAYMENT_SECRET` (demo `MOTCUA-H44`, `demo-payment-secret`).
- `messaging`: SMS gateway and Zalo ZNS, port 8106 (`MOTCUA_SIM_MESSAGING_PORT`), key
  `MOTCUA_SIM_MESSAGING_KEY` (demo `demo-messaging-key`).

Every simulator answers `GET /healthz` and has a fault switch for tests,
`POST /_faults {"mode": "normal"|"error"|"slow"|"garbage", "delay": seconds}` (see `base.Faults`).
"""
