"""playbook_kb: the engine of the playbook knowledge base, independent of MkDocs."""

from __future__ import annotations

from .check import check, findings_by_playbook
from .findings import Finding
from .load.catalog import load_catalog
from .model import Catalog, Meta, Metrics, Playbook, Settings, SourceFile, Taxonomy, Term

__all__ = ["Catalog", "Finding", "Meta", "Metrics", "Playbook", "Settings", "SourceFile",
           "Taxonomy", "Term", "check", "findings_by_playbook", "load_catalog"]
