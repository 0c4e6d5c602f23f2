"""The pure IKU core: rules, parsing, validation and report layout.

Nothing in this package reads or writes files or imports openpyxl, xlwings or
pandas; tests/test_architecture.py enforces it.
"""
