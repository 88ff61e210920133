"""HTTP API for agencies and staff (API.md: /api/v1/agencies/, /api/v1/staff/)."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from motcua.agencies import services
from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.selectors import agency_calendar, scope_agency_ids
from motcua.core.errors import Forbidden, RuleBroken
from motcua.core.models import CalendarDay

User = get_user_model()


class AgencyCodeField(serializers.SlugRelatedField):
    """An agency referred to by its code; unknown codes are a field error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Agency.objects.all())
        super().__init__(slug_field="code", **kwargs)


class AgencySerializer(serializers.ModelSerializer):
    parent = AgencyCodeField(required=False, allow_null=True)
    code = serializers.CharField(max_length=35)

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "level",
            "parent",
            "is_one_stop",
            "place",
            "valid_from",
            "valid_to",
            "work_periods",
            "works_saturday_morning",
        ]


class AgencyViewSet(viewsets.GenericViewSet):
    """Cơ quan, đơn vị: readable by all staff, changed by administrators."""

    serializer_class = AgencySerializer
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    queryset = Agency.objects.select_related("parent").order_by("code")

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset().order_by("-id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, code=None):
        return Response(self.get_serializer(self.get_object()).data)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        agency = services.agency_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(agency).data, status=201)

    def partial_update(self, request, code=None):
        agency = self.get_object()
        serializer = self.get_serializer(agency, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        if changes.pop("code", agency.code) != agency.code:
            # The code identifies the agency in old records; a new code is a new agency.
            raise RuleBroken(
                "Không thể đổi mã định danh của cơ quan.",
                code="code_immutable",
                fields={"code": ["không được thay đổi"]},
            )
        agency = services.agency_update(actor=request.user, agency=agency, **changes)
        return Response(self.get_serializer(agency).data)


class StaffSerializer(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]{3,150}$", max_length=150)
    password = serializers.CharField(write_only=True, min_length=8, max_length=128)
    full_name = serializers.CharField(max_length=150)
    agency = AgencyCodeField()
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=StaffRole.Role.choices), allow_empty=False
    )

    def to_representation(self, user):
        roles = sorted(user.staff_roles.all(), key=lambda role: role.pk)
        return {
            "username": user.username,
            "full_name": user.get_full_name(),
            "agency": roles[0].agency.code if roles else None,
            "roles": sorted({r.role for r in roles}),
            "agencies": sorted({r.agency.code for r in roles}),
        }


STAFF_READERS = {"admin", "auditor"}


class StaffViewSet(viewsets.GenericViewSet):
    """Cán bộ: administrators see and create the staff of their agencies."""

    serializer_class = StaffSerializer
    lookup_field = "username"
    lookup_value_regex = "[^/]+"  # usernames may contain dots

    def get_queryset(self):
        users = User.objects.prefetch_related("staff_roles__agency").order_by("-id")
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator has no user
            return users.none()
        if self.request.user.is_superuser:
            return users.filter(staff_roles__isnull=False).distinct()
        ids = scope_agency_ids(self.request.user, roles=STAFF_READERS)
        return users.filter(staff_roles__agency_id__in=ids).distinct()

    def _require_reader(self, request) -> None:
        """Only administrators and auditors read the staff list (of their own scope)."""
        user = request.user
        if not user.is_superuser and not user.staff_roles.filter(role__in=STAFF_READERS).exists():
            raise Forbidden("Chỉ quản trị hoặc thanh tra mới xem được danh sách cán bộ.")

    def list(self, request):
        self._require_reader(request)
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(responses=StaffSerializer)
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.staff_create(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(user).data, status=201)

    def retrieve(self, request, username=None):
        self._require_reader(request)
        user = get_object_or_404(self.get_queryset(), username=username)
        return Response(self.get_serializer(user).data)


class DueQuerySerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    working_days = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0)
    agency = AgencyCodeField(required=False)


class CalendarDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = CalendarDay
        fields = ["date", "kind", "reason"]
        extra_kwargs = {"date": {"validators": []}}


@extend_schema(
    parameters=[DueQuerySerializer],
    responses=inline_serializer("Due", {"due": serializers.DateTimeField()}),
)
@api_view(["GET"])
@permission_classes([AllowAny])
def calendar_due(request) -> Response:
    """Hạn giải quyết: `start` plus `working_days` of the agency's working time."""
    query = DueQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    calendar = agency_calendar(query.validated_data.get("agency"))
    due = calendar.due_at(query.validated_data["start"], query.validated_data["working_days"])
    return Response({"due": due.isoformat()})


class CalendarDayViewSet(viewsets.GenericViewSet):
    """Ngày nghỉ bù / làm bù: readable by all, set by administrators."""

    serializer_class = CalendarDaySerializer
    queryset = CalendarDay.objects.all()
    pagination_class = None

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "GET" else super().get_permissions()

    def list(self, request):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        day = services.calendar_day_set(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(day).data, status=201)
