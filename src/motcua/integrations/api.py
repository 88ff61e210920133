"""HTTP API of the LGSP: citizen lookup in the national population database, and the partner
API (OAuth2 client credentials token endpoint, dossiers of the partner's agencies)."""

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.parsers import FormParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.core.api import ErrorSerializer
from motcua.dossiers import selectors as dossier_selectors
from motcua.dossiers.api import (
    LIST_PARAMETERS,
    DossierListSerializer,
    DossierSerializer,
    detail_response,
    list_filters,
    list_response,
)
from motcua.integrations.models import PartnerClient
from motcua.integrations.oauth import server
from motcua.integrations.partners import PartnerAPIMixin
from motcua.integrations.selectors import partner_dossiers
from motcua.integrations.services import citizen_lookup

CitizenSerializer = inline_serializer(
    "Citizen",
    {
        "id_number": serializers.CharField(),
        "full_name": serializers.CharField(),
        "date_of_birth": serializers.DateField(),
        "sex": serializers.CharField(),
        "permanent_address": serializers.CharField(),
    },
)


@extend_schema(
    parameters=[
        OpenApiParameter("purpose", str, required=True, description="mục đích tra cứu"),
        OpenApiParameter("dossier", str, description="mã hồ sơ liên quan"),
    ],
    responses=CitizenSerializer,
)
@api_view(["GET"])
def citizen(request: Request, id_number: str) -> Response:
    """Tra cứu công dân trong CSDL quốc gia về dân cư (logged with officer, dossier and purpose)."""
    identity = citizen_lookup(
        actor=request.user,
        id_number=id_number,
        purpose=request.query_params.get("purpose", ""),
        dossier_code=request.query_params.get("dossier", ""),
    )
    return Response(identity)


TokenRequest = inline_serializer(
    "PartnerTokenGrant",
    {
        "grant_type": serializers.ChoiceField(choices=["client_credentials"]),
        "scope": serializers.CharField(required=False, help_text="các phạm vi, cách nhau dấu cách"),
        "client_id": serializers.CharField(required=False, help_text="nếu không dùng HTTP Basic"),
        "client_secret": serializers.CharField(required=False),
    },
)
TokenAnswer = inline_serializer(
    "PartnerToken",
    {
        "access_token": serializers.CharField(),
        "token_type": serializers.ChoiceField(choices=["Bearer"]),
        "expires_in": serializers.IntegerField(),
        "scope": serializers.CharField(),
    },
)
TokenError = inline_serializer(
    "PartnerTokenError",
    {
        "error": serializers.CharField(help_text="mã lỗi của RFC 6749 §5.2"),
        "error_description": serializers.CharField(required=False),
        "code": serializers.CharField(),
        "detail": serializers.CharField(),
        "fields": serializers.DictField(),
    },
)


class PartnerTokenView(APIView):
    """Cấp mã truy cập cho hệ thống đối tác (OAuth2 client credentials, RFC 6749 §4.4)."""

    partner_api = True
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [FormParser]

    @extend_schema(
        request={"application/x-www-form-urlencoded": TokenRequest},
        responses={200: TokenAnswer, 400: TokenError, 401: TokenError},
        auth=[],
        description="Xác thực ứng dụng bằng HTTP Basic (client_id:client_secret) hoặc các trường "
        "client_id, client_secret; `scope` không bắt buộc (mặc định: mọi phạm vi được cấp).",
    )
    def post(self, request: Request) -> HttpResponse:
        return server.token_response(request._request)


class PartnerDossierViewSet(PartnerAPIMixin, viewsets.GenericViewSet):
    """Hồ sơ cho hệ thống đối tác: the dossiers of the partner's agencies, as officers see them."""

    required_scope = PartnerClient.Scope.DOSSIERS_READ
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    serializer_class = DossierSerializer

    def get_queryset(self):
        return partner_dossiers(self.request.auth.client)

    @extend_schema(
        parameters=LIST_PARAMETERS,
        responses={200: DossierListSerializer(many=True), 401: ErrorSerializer,
                   403: ErrorSerializer, 429: ErrorSerializer},
    )  # fmt: skip
    def list(self, request: Request) -> Response:
        filters = list_filters(request.query_params)
        return list_response(
            self, dossier_selectors.dossiers_filtered(self.get_queryset(), **filters)
        )

    @extend_schema(
        responses={200: DossierSerializer, 401: ErrorSerializer, 403: ErrorSerializer,
                   404: ErrorSerializer, 429: ErrorSerializer},
    )  # fmt: skip
    def retrieve(self, request: Request, code: str | None = None) -> Response:
        return detail_response(None, code, self.get_queryset())
