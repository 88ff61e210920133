"""Querysets compiled once and run again with other values of their parameters.

Django compiles a queryset's SQL on every evaluation. For the queries run on every dossier change
or read, that cost more than the database took to answer (bench: create, detail).
"""

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators


class CompiledQuery:
    """`queryset` compiled once, each of `placeholders` (if any) standing for a value given later.

    `rows` gives its rows as the ORM converts them (a `values_list` queryset: its tuples);
    `first` gives a model instance with its annotations and `select_related` objects, as the ORM
    builds it. Each placeholder must occur once among the query's parameters.
    """

    def __init__(self, queryset: QuerySet, *placeholders: object) -> None:
        if queryset._prefetch_related_lookups:
            raise ValueError("CompiledQuery does not prefetch")
        self._db = queryset.db
        self._compiler = compiler = queryset.query.get_compiler(using=self._db)
        self._sql, params = compiler.as_sql()  # also sets up what the rows hold
        self._params = list(params)
        if any(self._params.count(placeholder) != 1 for placeholder in placeholders):
            raise ValueError("each placeholder must be one parameter of the query")
        self._at = [self._params.index(placeholder) for placeholder in placeholders]
        self._converters = compiler.get_converters(
            [column[0] for column in compiler.select[: compiler.col_count]]
        )
        self._model: type[Model] | None = None
        if queryset._iterable_class is ModelIterable:  # instances: which columns make them
            fields = compiler.klass_info["select_fields"]
            self._model = compiler.klass_info["model"]
            self._span = slice(fields[0], fields[-1] + 1)
            self._attnames = [column[0].target.attname for column in compiler.select[self._span]]
            self._annotations = dict(compiler.annotation_col_map)
            self._related = get_related_populators(compiler.klass_info, compiler.select, self._db)

    def rows(self, *values: object) -> list[tuple]:
        """The rows for `values` (one per placeholder, in their order), converted by the ORM."""
        return self._fetch(values, many=True)

    def _fetch(self, values: tuple, many: bool) -> list[tuple]:
        params = self._params.copy()
        for at, value in zip(self._at, values, strict=True):
            params[at] = value
        with connections[self._db].cursor() as cursor:
            cursor.execute(self._sql, params)
            rows = cursor.fetchall() if many else cursor.fetchmany(1)
        if self._converters:
            rows = [tuple(row) for row in self._compiler.apply_converters(rows, self._converters)]
        return rows

    def first(self, *values: object) -> Model | None:
        """The first instance for `values`, as the queryset would have built it, or None."""
        if self._model is None:
            raise TypeError("a values() query gives rows, not instances")
        rows = self._fetch(values, many=False)
        if not rows:
            return None
        [row] = rows
        instance = self._model.from_db(self._db, self._attnames, row[self._span])
        for populator in self._related:
            populator.populate(row, instance)
        for name, position in self._annotations.items():
            setattr(instance, name, row[position])
        return instance
