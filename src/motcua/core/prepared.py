"""Querysets compiled once and run again with another value of one parameter.

Django compiles a queryset's SQL on every evaluation. For a query with many subqueries run on
every dossier change, that cost more than the database took to answer (bench: create).
"""

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators


class PreparedQuery:
    """`queryset` (model instances with their annotations and `select_related` objects, as the
    ORM builds them), compiled once with `placeholder` standing for the value `first` is later
    given. The placeholder must occur once among the query's parameters."""

    def __init__(self, queryset: QuerySet, placeholder: object) -> None:
        if queryset._prefetch_related_lookups:
            raise ValueError("PreparedQuery does not prefetch")
        self._db = queryset.db
        self._compiler = queryset.query.get_compiler(using=self._db)
        self._sql, params = self._compiler.as_sql()  # also sets up what the rows hold
        self._params = list(params)
        if self._params.count(placeholder) != 1:
            raise ValueError("the placeholder must be one parameter of the query")
        self._at = self._params.index(placeholder)
        compiler = self._compiler
        fields = compiler.klass_info["select_fields"]
        self._model: type[Model] = compiler.klass_info["model"]
        self._span = slice(fields[0], fields[-1] + 1)
        self._attnames = [column[0].target.attname for column in compiler.select[self._span]]
        self._annotations = dict(compiler.annotation_col_map)
        self._related = get_related_populators(compiler.klass_info, compiler.select, self._db)
        self._converters = compiler.get_converters(
            [column[0] for column in compiler.select[: compiler.col_count]]
        )

    def first(self, value: object) -> Model | None:
        """The first row for `value`, as the queryset would have built it, or None."""
        params = self._params.copy()
        params[self._at] = value
        with connections[self._db].cursor() as cursor:
            cursor.execute(self._sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        [row] = self._compiler.apply_converters([row], self._converters)
        instance = self._model.from_db(self._db, self._attnames, row[self._span])
        for populator in self._related:
            populator.populate(row, instance)
        for name, position in self._annotations.items():
            setattr(instance, name, row[position])
        return instance
