"""The sections of the plan document, in order: one builder module each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.sections import (
    approach,
    assessment,
    budget,
    changes,
    horizons,
    log,
    risks,
    roadmap,
    stakeholders,
    summary,
)


@dataclass(frozen=True)
class Section:
    """A section a user can include or leave out (cover and contents always come)."""

    key: str
    title: str  # in English; the document translates it
    build: Callable[[SectionContext], list[Flowable]]
    landscape: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("summary", "Executive summary", summary.build),
    Section("assessment", "Situation assessment", assessment.build),
    Section("approach", "Goals and approach", approach.build),
    Section("roadmap", "24-month roadmap", roadmap.build, landscape=True),
    Section("horizons", "Horizons", horizons.build),
    Section("risks", "Risks", risks.build),
    Section("budget", "Budget", budget.build),
    Section("stakeholders", "Stakeholder landscape", stakeholders.build),
    Section("log", "First 30 days", log.build),
    Section("changes", "Changes since the previous version", changes.build),
)
# The glossary is built last, from the terms found in the sections before it.
GLOSSARY = "glossary"
