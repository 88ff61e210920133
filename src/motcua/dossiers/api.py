"""HTTP API for dossiers (API.md: /api/v1/dossiers/ and the public lookup)."""

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import (
    action,
    api_view,
    content_negotiation_class,
    permission_classes,
    throttle_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from motcua.agencies import services as agency_services
from motcua.agencies.api import AgencyCodeField, AgencySerializer
from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core.api import FileNegotiation
from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import NotFound, RuleBroken
from motcua.dossiers import compiled, forms, selectors, services
from motcua.dossiers.actors import Actor
from motcua.dossiers.clock import timeliness
from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Channel, Dossier, Status
from motcua.dossiers.permissions import allowed_actions
from motcua.dossiers.ratings import Criterion, Level
from motcua.dossiers.workflow import TRANSITIONS, action_label


class ApplicantSerializer(serializers.Serializer):
    id_number = serializers.CharField(max_length=20)
    full_name = serializers.CharField(max_length=255)
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=500, required=False, allow_blank=True)


class DocumentInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    kind = serializers.ChoiceField(choices=RequiredDocument.Kind.choices, default="original")
    count = serializers.IntegerField(min_value=1, max_value=100, default=1)


class DossierCreateSerializer(serializers.Serializer):
    procedure = serializers.SlugRelatedField(slug_field="code", queryset=Procedure.objects.all())
    agency = AgencyCodeField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    applicant = ApplicantSerializer()
    form_data = serializers.DictField(default=dict)
    documents = DocumentInputSerializer(many=True, default=list)


# The resources below declare their fields for the OpenAPI document and write them directly in
# `to_representation`: a list page holds 100 dossiers, and DRF's per-field machinery was most of
# the serialising time (bench: list, detail). tests/dossiers/test_api_shapes.py keeps the two equal.


def instant(value: datetime | None) -> str | None:
    """A moment as DRF's DateTimeField writes it (ISO 8601, local time), only faster."""
    return value.astimezone(LOCAL_TZ).isoformat() if value is not None else None


class EventSerializer(serializers.Serializer):
    action = serializers.CharField()
    actor = serializers.CharField(source="actor_label")
    at = serializers.DateTimeField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    from_agency = serializers.CharField(source="from_agency_code", allow_null=True)
    to_agency = serializers.CharField(source="to_agency_code", allow_null=True)
    note = serializers.CharField()
    data = serializers.JSONField()

    def to_representation(self, event) -> dict:
        return {
            "action": event.action,
            "actor": event.actor_label,
            "at": instant(event.at),
            "from_status": event.from_status,
            "to_status": event.to_status,
            "from_agency": event.from_agency_code,
            "to_agency": event.to_agency_code,
            "note": event.note,
            "data": event.data,
        }


class DossierListSerializer(serializers.Serializer):
    code = serializers.CharField()
    procedure = serializers.CharField(source="procedure_code")
    procedure_name = serializers.CharField()
    agency = serializers.CharField(source="agency_code")
    channel = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    applicant_name = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField()
    version = serializers.IntegerField()

    # The dossier columns a list row reads (lists fetch these only), besides `with_row_labels`.
    COLUMNS = ("code", "channel", "status", "applicant_name", "submitted_at", "received_at",
               "due_at", "version")  # fmt: skip

    def to_representation(self, dossier) -> dict:
        return {
            "code": dossier.code,
            "procedure": dossier.procedure_code,
            "procedure_name": dossier.procedure_name,
            "agency": dossier.agency_code,
            "channel": dossier.channel,
            "status": dossier.status,
            "status_label": dossier.get_status_display(),
            "applicant_name": dossier.applicant_name,
            "submitted_at": instant(dossier.submitted_at),
            "received_at": instant(dossier.received_at),
            "due_at": instant(dossier.due_at),
            "version": dossier.version,
        }


class DossierSerializer(DossierListSerializer):
    current_agency = serializers.CharField(source="current_agency.code")
    current_step = serializers.IntegerField()
    applicant = serializers.SerializerMethodField()
    form_data = serializers.JSONField()
    original_due_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField()
    returned_at = serializers.DateTimeField()
    extended = serializers.BooleanField()
    supplement_count = serializers.IntegerField()
    timeliness = serializers.SerializerMethodField()
    rating = serializers.JSONField()
    timeline = EventSerializer(source="records.events", many=True)
    fees = serializers.SerializerMethodField()
    amount_due = serializers.SerializerMethodField()
    payments = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    results = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    exchanges = serializers.SerializerMethodField()

    def to_representation(self, dossier) -> dict:
        event = EventSerializer()
        return {
            **super().to_representation(dossier),
            "current_agency": dossier.current_agency.code,
            "current_step": dossier.current_step,
            "applicant": self.get_applicant(dossier),
            "form_data": dossier.form_data,
            "original_due_at": instant(dossier.original_due_at),
            "completed_at": instant(dossier.completed_at),
            "returned_at": instant(dossier.returned_at),
            "extended": dossier.extended,
            "supplement_count": dossier.supplement_count,
            "timeliness": self.get_timeliness(dossier),
            "rating": dossier.rating,
            "timeline": [event.to_representation(e) for e in dossier.records["events"]],
            "fees": self.get_fees(dossier),
            "amount_due": self.get_amount_due(dossier),
            "payments": self.get_payments(dossier),
            "documents": self.get_documents(dossier),
            "results": self.get_results(dossier),
            "allowed_actions": self.get_allowed_actions(dossier),
            "exchanges": self.get_exchanges(dossier),
        }

    def get_applicant(self, dossier) -> dict:
        return {
            "id_number": dossier.applicant_id_number,
            "full_name": dossier.applicant_name,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        }

    def get_timeliness(self, dossier) -> str | None:
        return timeliness(dossier)

    def get_exchanges(self, dossier) -> list[dict]:
        """API.md: one entry per outgoing message about the dossier, moved on by the worker."""
        return [
            {"system": x.system, "event": x.event, "state": x.state, "attempts": x.attempts,
             "last_error": x.last_error, "updated_at": x.updated_at.isoformat()}
            for x in dossier.records["exchanges"]
        ]  # fmt: skip

    def get_fees(self, dossier) -> list[dict]:
        """API.md `{name, amount}` per line, `amount` being what the line charges this dossier,
        with how: the unit amount, condition, included copies and quantity."""
        return [
            {"line": f.line, "name": f.name, "amount": f.amount, "unit_amount": f.unit_amount,
             "condition": f.condition, "included": f.included, "quantity": f.quantity}
            for f in dossier_fees(dossier).lines
        ]  # fmt: skip

    def get_amount_due(self, dossier) -> dict:
        """`{total, paid, owed}` in đồng, as `dossiers/fees.py` computes them."""
        due = dossier_fees(dossier)
        return {"total": due.total, "paid": due.paid, "owed": due.owed}

    def get_payments(self, dossier) -> list[dict]:
        return [
            {
                "amount": p.amount,
                "method": p.method,
                "receipt_number": p.receipt_number,
                "paid_at": p.paid_at.isoformat(),
            }
            for p in dossier.records["payments"]
        ]

    def get_documents(self, dossier) -> list[dict]:
        return [
            {"name": d.name, "kind": d.kind, "count": d.count, "source": d.source}
            for d in dossier.records["documents"]
        ]

    def get_results(self, dossier) -> list[dict]:
        return [
            {"kind": r.kind, "number": r.number, "note": r.note, "electronic": r.electronic,
             "at": r.at.isoformat()}
            for r in dossier.records["results"]
        ]  # fmt: skip

    def get_allowed_actions(self, dossier) -> list[str]:
        """The actions the reader may take now: by the dossier's state, the reader's roles at its
        agencies (the applicant's own actions for a citizen) and the step of its internal process.
        Empty for partner systems, which only read."""
        return dossier.allowed


class FeeChoiceSerializer(serializers.Serializer):
    """A fee line the officer sets when asking for payment: its number in the dossier's `fees`
    and the copies asked for (per extra copy) or 1/0 (chosen or not); the rule checks the values
    (422)."""

    line = serializers.IntegerField()
    quantity = serializers.IntegerField()


class ActionSerializer(serializers.Serializer):
    """Input of an action: the version read, a note, and what the action needs."""

    version = serializers.IntegerField(min_value=1)
    note = serializers.CharField(max_length=4000, required=False, default="", allow_blank=True)
    items = serializers.ListField(
        child=serializers.CharField(max_length=500), required=False, max_length=100
    )
    documents = DocumentInputSerializer(many=True, required=False)
    to_agency = serializers.CharField(max_length=35, required=False)
    number = serializers.CharField(max_length=64, required=False)
    electronic = serializers.BooleanField(required=False)
    amount = serializers.IntegerField(required=False, min_value=1, max_value=10**15)
    fees = FeeChoiceSerializer(many=True, required=False, max_length=100)
    method = serializers.CharField(max_length=16, required=False)
    receipt_number = serializers.CharField(max_length=64, required=False)
    reference = serializers.CharField(max_length=128, required=False)
    new_due_at = serializers.DateTimeField(required=False)
    rating = serializers.DictField(
        child=serializers.CharField(max_length=16),
        required=False,
        help_text=(
            f"rate: một mức ({', '.join(Level.values)}) cho mỗi tiêu chí "
            f"({', '.join(Criterion.values)})"
        ),
    )


LIST_PARAMETERS = [
    OpenApiParameter("status", str, enum=Status.values),
    OpenApiParameter("agency", str),
    OpenApiParameter("procedure", str),
    OpenApiParameter("overdue", bool),
    OpenApiParameter("q", str, description="mã hồ sơ, số định danh hoặc tên"),
]


def list_filters(params) -> dict:
    """The list filters of API.md read from the query string (an unknown status is a 422)."""
    status = params.get("status")
    if status and status not in Status.values:
        raise RuleBroken("Trạng thái không hợp lệ.", fields={"status": [status]})
    overdue = {"true": True, "1": True, "false": False, "0": False}.get(
        params.get("overdue", "").lower()
    )
    return {
        "status": status,
        "agency": params.get("agency"),
        "procedure": params.get("procedure"),
        "overdue": overdue,
        "q": params.get("q"),
    }


def list_response(view, dossiers: QuerySet[Dossier]) -> Response:
    """A page of the dossier list (API.md), reading only the columns a row shows: one model
    instance per row, the procedure's and agency's labels as plain values."""
    rows = selectors.with_row_labels(
        dossiers.select_related(None).only(*DossierListSerializer.COLUMNS)
    )
    page = view.paginate_queryset(rows)
    return view.get_paginated_response(DossierListSerializer(page, many=True).data)


# The dossier row and, of its agencies, what the resource and `Actor.may_see` read.
def detail_response(
    actor: Actor | None, code: str, scope: QuerySet[Dossier] | None = None
) -> Response:
    """The dossier resource (API.md) for `actor`, or within `scope` when there is none (a
    partner system, which takes no action)."""
    if scope is None:
        found = selectors.seen_by(actor, compiled.dossier_row(code))
    else:
        found = selectors.dossier_for(actor, code, compiled.detail_rows(scope))
    dossier = selectors.dossier_with_records(found)
    dossier.allowed = (
        [t.action for t in allowed_actions(actor, dossier)] if actor is not None else []
    )
    return Response(DossierSerializer(dossier).data)


class DossierViewSet(viewsets.GenericViewSet):
    """Hồ sơ: officers see the dossiers of their agencies only."""

    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    serializer_class = DossierSerializer

    def get_queryset(self):
        return selectors.dossiers_visible_to(self.request.user)

    @extend_schema(parameters=LIST_PARAMETERS, responses=DossierListSerializer(many=True))
    def list(self, request):
        return list_response(
            self, selectors.dossier_list(request.user, **list_filters(request.query_params))
        )

    @extend_schema(request=DossierCreateSerializer, responses={201: DossierSerializer})
    def create(self, request):
        serializer = DossierCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        actor = Actor.of(request.user)  # for filing and for the answer
        dossier = services.dossier_submit(
            actor=actor,
            procedure=values["procedure"],
            agency=values["agency"],
            channel=values["channel"],
            applicant=dict(values["applicant"]),
            form_data=values["form_data"],
            documents=[dict(d) for d in values["documents"]],
        )
        response = detail_response(actor, dossier.code)
        response.status_code = 201
        return response

    def retrieve(self, request, code=None):
        return detail_response(Actor.of(request.user), code)

    @extend_schema(
        request=ActionSerializer,
        responses=DossierSerializer,
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=[*TRANSITIONS])],
    )
    @action(detail=True, methods=["post"], url_path=r"actions/(?P<action>[a-z_]+)")
    def act(self, request, code=None, action=None):
        """Perform one lifecycle action (see the transition table in docs/architecture.md)."""
        serializer = ActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        actor = Actor.of(request.user)  # for acting and for the answer
        services.dossier_act(actor=actor, code=code, action=action, **serializer.validated_data)
        return detail_response(actor, code)


@extend_schema(
    responses={(200, forms.PDF): OpenApiTypes.BINARY, (200, forms.XLSX): OpenApiTypes.BINARY},
    parameters=[
        OpenApiParameter("number", str, OpenApiParameter.PATH, enum=[*forms.FORM_NUMBERS]),
        OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=["pdf", "xlsx"]),
    ],
)
@api_view(["GET"])
@content_negotiation_class(FileNegotiation)
def dossier_form(request, code: str, number: str, fmt: str) -> HttpResponse:
    """Mẫu 01–07 of Thông tư 03/2025 as PDF; Mẫu 06 also as .xlsx."""
    dossier = selectors.dossier_for(
        request.user, code, selectors.dossier_detail_queryset(Dossier.objects.all())
    )
    content, content_type = forms.render(dossier, number, fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{dossier.code}-mau-{number}.{fmt}"'
    return response


class PublicDossierSerializer(serializers.Serializer):
    code = serializers.CharField()
    procedure = serializers.CharField(source="procedure_name")
    agency = serializers.CharField(source="agency_name")
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    submitted_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField()
    returned_at = serializers.DateTimeField()
    timeline = serializers.SerializerMethodField()

    def to_representation(self, dossier) -> dict:
        return {
            "code": dossier.code,
            "procedure": dossier.procedure_name,
            "agency": dossier.agency_name,
            "status": dossier.status,
            "status_label": dossier.get_status_display(),
            "submitted_at": instant(dossier.submitted_at),
            "received_at": instant(dossier.received_at),
            "due_at": instant(dossier.due_at),
            "completed_at": instant(dossier.completed_at),
            "returned_at": instant(dossier.returned_at),
            "timeline": self.get_timeline(dossier),
        }

    def get_timeline(self, dossier) -> list[dict]:
        return [
            {"action": e.action, "label": action_label(e.action), "at": e.at.isoformat(),
             "from_status": e.from_status, "to_status": e.to_status}
            for e in dossier.records["events"]
        ]  # fmt: skip


class PublicLookupThrottle(AnonRateThrottle):
    """Guessing ID numbers is slowed down per client address."""

    scope = "public_lookup"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)  # read now, not at import


@extend_schema(
    parameters=[OpenApiParameter("id_number", str, required=True)],
    responses=PublicDossierSerializer,
)
@api_view(["GET"])
@permission_classes([AllowAny])
@throttle_classes([PublicLookupThrottle])
def public_dossier(request, code: str) -> Response:
    """Tra cứu hồ sơ: status and timeline for whoever knows the code and the applicant's ID."""
    id_number = request.query_params.get("id_number", "").strip()
    if not id_number:
        raise NotFound("Cần nhập mã hồ sơ và số định danh.")
    return Response(PublicDossierSerializer(selectors.dossier_public(code, id_number)).data)


class AgencyMergeSerializer(serializers.Serializer):
    into = AgencyCodeField()
    on = serializers.DateField()


@extend_schema(
    request=AgencyMergeSerializer,
    responses=inline_serializer(
        "AgencyMerged", {"agency": AgencySerializer(), "moved_dossiers": serializers.IntegerField()}
    ),
)
@api_view(["POST"])
def agency_merge(request, code: str) -> Response:
    """Sáp nhập cơ quan: the agency ends and its open dossiers move to the one it merges into.

    Served here rather than in agencies/ because it moves dossiers, and apps depend downward.
    """
    source = Agency.objects.filter(code=code).first()
    if source is None:
        raise NotFound(f"Không có cơ quan {code}.")
    serializer = AgencyMergeSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    with transaction.atomic():
        merged = agency_services.agency_merge(
            actor=request.user, source=source, target=serializer.validated_data["into"],
            on=serializer.validated_data["on"],
        )  # fmt: skip
        moved = services.dossiers_move_to_successor(actor=request.user, source=merged)
    return Response({"agency": AgencySerializer(merged).data, "moved_dossiers": moved})
