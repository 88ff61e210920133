"""Staff token login (API.md: `POST /api/v1/auth/token/`) with the account lockout of django-axes.

simplejwt passes the request to `authenticate()`, so axes counts the failures and refuses a locked
account. Two gaps are closed here:
- `django.contrib.auth.authenticate()` swallows the backend's refusal and simplejwt then answers
  401 as for a wrong password: a refusal while the account is locked becomes the 403 "locked" error
  of `motcua.core.api.exception_handler`;
- simplejwt never calls `login()`, so no `user_logged_in` signal told axes of a success and
  `AXES_RESET_ON_SUCCESS` did nothing: occasional typos added up to a lockout. The signal is sent
  here (it also records `last_login`).
"""

from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth.signals import user_logged_in
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer
from rest_framework_simplejwt.views import TokenObtainPairView

from motcua.core.api import ErrorSerializer


class LockoutAwareTokenObtainPairSerializer(TokenObtainPairSerializer):
    """`{username, password}` → `{access, refresh}`; a locked account is refused with 403."""

    def validate(self, attrs):
        request = self.context.get("request")
        try:
            tokens = super().validate(attrs)
        except exceptions.AuthenticationFailed as exc:
            # Set on the request by axes when the account is (or has just become) locked out.
            if getattr(request, "axes_locked_out", False):
                raise AxesBackendPermissionDenied("locked") from exc
            raise
        user_logged_in.send(sender=type(self.user), request=request, user=self.user)
        return tokens


TokenPair = inline_serializer(
    "TokenPair", {"access": serializers.CharField(), "refresh": serializers.CharField()}
)
Credentials = inline_serializer(
    "Credentials", {"username": serializers.CharField(), "password": serializers.CharField()}
)


@extend_schema(
    request=Credentials,
    responses={
        200: TokenPair,
        400: ErrorSerializer,
        401: ErrorSerializer,
        403: ErrorSerializer,
    },
    description="Đăng nhập cán bộ: trả mã truy cập (access) và mã làm mới (refresh). "
    "Sai tên đăng nhập hoặc mật khẩu → 401; đăng nhập sai nhiều lần → tài khoản tạm khóa (403).",
)
class TokenObtainView(TokenObtainPairView):
    serializer_class = LockoutAwareTokenObtainPairSerializer
