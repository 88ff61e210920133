"""Domain errors: services raise them, the API turns them into the error body of API.md."""


class DomainError(Exception):
    """A refusal with a stable machine code, a Vietnamese message and an HTTP status."""

    status = 422
    code = "rule_broken"

    def __init__(self, detail: str, *, code: str | None = None, fields: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        self.fields = fields or {}


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class RuleBroken(DomainError):
    status = 422
    code = "rule_broken"


class TooManyRequests(DomainError):
    status = 429
    code = "rate_limited"


class Unavailable(DomainError):
    """An outside system the request depends on did not answer in time or answered nonsense."""

    status = 503
    code = "unavailable"
