"""Staff login and logout (Django auth; django-axes locks an account after repeated failures)."""

from django.contrib.auth.views import LoginView, LogoutView
from django.urls import reverse_lazy

from motcua.backoffice.forms import StaffLoginForm


class StaffLoginView(LoginView):
    """Đăng nhập cán bộ. A locked account gets `office/locked.html` (AXES_LOCKOUT_TEMPLATE)."""

    template_name = "office/login.html"
    form_class = StaffLoginForm
    next_page = reverse_lazy("office:worklist")


class StaffLogoutView(LogoutView):
    next_page = reverse_lazy("office:login")
