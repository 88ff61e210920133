"""The administration site of the IT centre, in Vietnamese (brand colours: admin/base_site.html)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Quản trị hệ thống Một Cửa")
admin.site.site_title = _("Quản trị hệ thống Một Cửa")
admin.site.index_title = _("Danh mục quản trị")
