"""Back-office pages under /mot-cua/ (the officers' one-stop desk)."""

from django.urls import path

from motcua.backoffice.views import auth, desk, dossier, leader, worklist

app_name = "office"
urlpatterns = [
    path("dang-nhap/", auth.StaffLoginView.as_view(), name="login"),
    path("dang-xuat/", auth.StaffLogoutView.as_view(), name="logout"),
    path("", worklist.worklist_page, name="worklist"),
    path("tiep-nhan/", desk.receive_page, name="desk"),
    path("lanh-dao/", leader.leader_page, name="leader"),
    path("ho-so/<str:code>/", dossier.dossier_page, name="dossier"),
    path("ho-so/<str:code>/thao-tac/<str:action>/", dossier.dossier_action, name="action"),
    path("ho-so/<str:code>/giay-to/<int:pk>/", dossier.document_file, name="document"),
]
