"""Import the procedure catalogue from an .xlsx workbook, and write the empty template.

The workbook has four sheets (docs/catalogue-template.md): ThuTuc (procedures), PhiLePhi (fees),
ThanhPhanHoSo (required documents) and QuyTrinh (internal processes). Columns are found by their
header text (Vietnamese, diacritics and case ignored), never by position. Every row is checked
first; one error anywhere and nothing is written. Otherwise all rows are written in one
transaction through `procedure_save` and `process_set`, the only writers of the catalogue.

Modules: `columns` (the sheets, columns and accepted words), `cells` (one value read), `reading`
(every row checked: `catalogue_read`), `writing` (`catalogue_import`), `template`
(`template_write`).
"""

from motcua.catalog.importer.columns import DOCUMENTS, FEES, PROCEDURES, PROCESSES, SHEETS
from motcua.catalog.importer.reading import CatalogueImportError, catalogue_read
from motcua.catalog.importer.template import template_headers, template_write
from motcua.catalog.importer.writing import ImportSummary, catalogue_actor, catalogue_import

__all__ = [
    "DOCUMENTS",
    "FEES",
    "PROCEDURES",
    "PROCESSES",
    "SHEETS",
    "CatalogueImportError",
    "ImportSummary",
    "catalogue_actor",
    "catalogue_import",
    "catalogue_read",
    "template_headers",
    "template_write",
]
