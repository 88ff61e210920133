"""HTTP API of the LGSP: citizen lookup in the national population database."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

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
