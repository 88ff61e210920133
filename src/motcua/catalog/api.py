"""HTTP API for the catalogue (API.md: /api/v1/procedures/ and their internal processes)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from motcua.agencies.api import AgencyCodeField
from motcua.agencies.models import StaffRole
from motcua.catalog import selectors, services
from motcua.catalog.models import FeeItem, Procedure, RequiredDocument
from motcua.core.errors import RuleBroken


class FeeSerializer(serializers.Serializer):
    """A fee line: `amount` once (`always`), for each copy asked beyond the `included` ones
    (`per_extra_copy`), or when the officer chooses it (`chosen`)."""

    name = serializers.CharField(max_length=255)
    amount = serializers.IntegerField(min_value=0, max_value=10**15)
    note = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    condition = serializers.ChoiceField(
        choices=FeeItem.Condition.choices, default=FeeItem.Condition.ALWAYS
    )
    included = serializers.IntegerField(min_value=0, max_value=1000, default=0)


class RequiredDocumentSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    kind = serializers.ChoiceField(choices=RequiredDocument.Kind.choices, default="original")
    count = serializers.IntegerField(min_value=1, max_value=100, default=1)
    template = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    from_national_data = serializers.BooleanField(default=False)


class ProcedureSerializer(serializers.ModelSerializer):
    code = serializers.RegexField(r"^[0-9A-Za-z.\-]{3,32}$")
    field = serializers.CharField(source="field.code", max_length=32)
    field_name = serializers.CharField(source="field.name", max_length=255, required=False)
    fees = FeeSerializer(many=True, default=list)
    required_documents = RequiredDocumentSerializer(many=True, default=list)
    agencies = AgencyCodeField(many=True, default=list)
    levels = serializers.ListField(
        child=serializers.ChoiceField(choices=Procedure.Level.choices), default=list
    )
    subjects = serializers.ListField(
        child=serializers.ChoiceField(choices=["individual", "organisation"]), default=list
    )
    processing_days = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0)
    form_schema = serializers.JSONField(default=dict)

    class Meta:
        model = Procedure
        fields = [
            "code",
            "name",
            "field",
            "field_name",
            "levels",
            "online_level",
            "partial_reason",
            "processing_days",
            "online_processing_days",
            "subjects",
            "steps",
            "result_type",
            "result_on_paper",
            "legal_basis",
            "publication_decision",
            "published_on",
            "effective_on",
            "national_db_published_on",
            "proactive_level",
            "supplement_clock",
            "payment_pauses_clock",
            "fees",
            "required_documents",
            "form_schema",
            "agencies",
        ]
        extra_kwargs = {
            "online_processing_days": {"min_value": 0},
            "proactive_level": {"min_value": 1, "max_value": 4},
        }

    def validate_form_schema(self, value):
        import jsonschema

        if not isinstance(value, dict):
            raise serializers.ValidationError("Biểu mẫu phải là một JSON Schema (đối tượng).")
        try:
            jsonschema.Draft202012Validator.check_schema(value)
        except jsonschema.SchemaError as exc:
            raise serializers.ValidationError(f"JSON Schema không hợp lệ: {exc.message}") from exc
        except RecursionError as exc:
            raise serializers.ValidationError("JSON Schema lồng nhau quá sâu.") from exc
        return value


class ProcedureListSerializer(serializers.ModelSerializer):
    field = serializers.CharField(source="field.code")
    field_name = serializers.CharField(source="field.name")

    class Meta:
        model = Procedure
        fields = ["code", "name", "field", "field_name", "online_level", "processing_days"]


class ProcessStepSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255)
    role = serializers.ChoiceField(choices=StaffRole.Role.choices)
    unit = AgencyCodeField()
    days = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0)


class ReadOrAuthenticated(permissions.BasePermission):
    """The catalogue is public; changing it needs a login (and the admin role, in services)."""

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or request.user.is_authenticated


def _save(request, code: str | None = None) -> Procedure:
    """Create (no `code`) or replace the procedure `code` from the request body."""
    data = request.data if isinstance(request.data, dict) else {}
    if code is not None:
        data = {**data, "code": code}
    serializer = ProcedureSerializer(data=data)
    serializer.is_valid(raise_exception=True)
    values = dict(serializer.validated_data)
    field_data = values.pop("field")
    save = services.procedure_create if code is None else services.procedure_replace
    return save(
        actor=request.user,
        field_code=field_data["code"],
        field_name=field_data.get("name", ""),
        **values,
    )


AGENCY_PARAM = OpenApiParameter("agency", str, required=True, description="mã định danh cơ quan")


class ProcedureViewSet(viewsets.GenericViewSet):
    """Thủ tục hành chính: the public catalogue, searchable ignoring diacritics."""

    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    permission_classes = [ReadOrAuthenticated]
    serializer_class = ProcedureSerializer

    def get_queryset(self):
        return selectors.procedure_detail_queryset()

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="tìm theo tên hoặc mã")],
        responses=ProcedureListSerializer(many=True),
    )
    def list(self, request):
        procedures = selectors.procedure_search(request.query_params.get("q")).order_by("-id")
        page = self.paginate_queryset(procedures)
        return self.get_paginated_response(ProcedureListSerializer(page, many=True).data)

    def retrieve(self, request, code=None):
        return Response(ProcedureSerializer(self.get_object()).data)

    def create(self, request):
        procedure = _save(request)
        return Response(ProcedureSerializer(procedure).data, status=201)

    def update(self, request, code=None):
        return Response(ProcedureSerializer(_save(request, code)).data)

    def _agency(self, request):
        code = request.query_params.get("agency")
        field = AgencyCodeField()
        if not code:
            raise RuleBroken("Cần tham số agency.", fields={"agency": ["bắt buộc"]})
        try:
            return field.to_internal_value(code)
        except serializers.ValidationError as exc:
            raise RuleBroken(f"Không có cơ quan {code}.", fields={"agency": [code]}) from exc

    @extend_schema(
        methods=["GET"], parameters=[AGENCY_PARAM], responses=ProcessStepSerializer(many=True)
    )
    @extend_schema(
        methods=["PUT"],
        parameters=[AGENCY_PARAM],
        request=ProcessStepSerializer(many=True),
        responses=ProcessStepSerializer(many=True),
    )
    @action(detail=True, methods=["get", "put"])
    def process(self, request, code=None):
        """Quy trình nội bộ of the procedure at one agency."""
        procedure = get_object_or_404(Procedure, code=code)
        agency = self._agency(request)
        if request.method == "PUT":
            serializer = ProcessStepSerializer(data=request.data, many=True)
            serializer.is_valid(raise_exception=True)
            services.process_set(
                actor=request.user,
                procedure=procedure,
                agency=agency,
                steps=serializer.validated_data,
            )
        steps = selectors.process_of(procedure, agency.id)
        return Response(ProcessStepSerializer(steps, many=True).data)
