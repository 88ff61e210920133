"""Date and number formats of the pages and the admin (FORMAT_MODULE_PATH).

Dates are read and written day first (dd/mm/yyyy) in both languages of the pages: 07/12/2026 is
the 7th of December. Vietnamese numbers group thousands with a dot and decimals with a comma.
"""
