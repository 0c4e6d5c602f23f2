"""openpyxl/calamine adapter: reads IKU workbooks, writes what the core plans."""
