"""The query service the chatbot calls: pay, hours, outlook, vacancies, skills, descriptions,
tasks, entry routes, apprenticeships, comparisons and similar jobs, every figure checked by the
disclosure layer (lmi_backend/disclosure.py)."""

from .facade import LmiService
from .types import Query, Result

__all__ = ["LmiService", "Query", "Result"]
