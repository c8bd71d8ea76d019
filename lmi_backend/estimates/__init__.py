"""Estimates computed at build time from the published facts: detail the published tables do not
give (employment by region x sex x status, pay by region, qualification and age, 4-digit
outlook, 4-digit hours), always constrained to the published totals they refine.

Each module writes its own `est_*` tables (lmi_backend/db/estimates.py) and records how closely
its fit reproduces the published margins in `est_fit`, so the figures can be audited.
"""
