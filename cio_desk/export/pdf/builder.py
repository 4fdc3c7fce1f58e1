"""Compose the plan document for one audience and write it as a PDF."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from cio_desk.errors import CioDeskError, ValidationError
from cio_desk.export.audience import Audience
from cio_desk.export.content import PlanContent
from cio_desk.export.options import LANGUAGES, PAGE_SIZES, SECTION_KEYS, ExportOptions, ExportResult
from cio_desk.export.pdf import sections as registry
from cio_desk.export.pdf.context import SectionContext
from cio_desk.export.pdf.document import LANDSCAPE, PORTRAIT, Metadata, PageMarks, PlanDocument
from cio_desk.export.pdf.fonts import register_fonts
from cio_desk.export.pdf.labels import Labels
from cio_desk.export.pdf.sections import contents, cover, glossary
from cio_desk.export.pdf.styles import make_styles
from cio_desk.services.jargon import JargonFinding, terms_found
from cio_desk.store.enums import AudienceProfile
from cio_desk.workspace import Workspace

Progress = Callable[[int, int, str], None]
"""progress(step, steps, what): called before each step of an export."""

AUDIENCE_LABELS = {
    AudienceProfile.EXECUTIVE: "Executive version",
    AudienceProfile.COACH: "Coach review version",
    AudienceProfile.PERSONAL: "Personal copy",
}
_PAGE_SIZES = {"A4": A4, "Letter": LETTER}


class ExportError(CioDeskError):
    """The document could not be written (the message says why)."""


@dataclass
class Composition:
    """A composed document, ready to lay out."""

    document: PlanDocument
    story: list[Flowable]
    keys: tuple[str, ...]
    findings: list[JargonFinding]


def find_jargon(
    ws: Workspace, options: ExportOptions, now: dt.datetime | None = None
) -> list[JargonFinding]:
    """The jargon an export with `options` would contain, without writing it."""
    return _compose(ws, options, now or dt.datetime.now(), Path(os.devnull), None).findings


def export_pdf(
    ws: Workspace,
    out_path: Path | str,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """Write the plan as a PDF for `options.profile`; freeze a version unless told not to.

    The file appears only once complete: it is written beside the target and
    moved into place. Raises ValidationError for bad options and ExportError
    when the file cannot be written.
    """
    started = time.perf_counter()
    options = options or ExportOptions()
    now = now or dt.datetime.now()
    target = Path(out_path).expanduser().absolute()
    composed = _compose(ws, options, now, target, progress)
    steps = len(composed.keys) + 3
    _report(progress, steps - 2, steps, "Laying out pages")
    partial = target.with_name(f".{target.name}.part")
    composed.document.filename = str(partial)
    try:
        composed.document.render(composed.story)
        partial.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ExportError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    version = None
    if options.freeze_version:
        _report(progress, steps - 1, steps, "Saving the version")
        version = ws.versions.freeze(options.profile, now, options.label)
    _report(progress, steps, steps, "Done")
    return ExportResult(
        path=target,
        pages=composed.document.page,
        profile=AudienceProfile(options.profile),
        sections=composed.keys,
        version=version,
        jargon=tuple(composed.findings),
        seconds=time.perf_counter() - started,
        finished_at=now,
    )


def _compose(
    ws: Workspace,
    options: ExportOptions,
    now: dt.datetime,
    target: Path,
    progress: Progress | None,
) -> Composition:
    profile = _check_options(options)
    register_fonts()  # once per process; fails clearly if the fonts are missing
    audience = Audience(profile)
    content = PlanContent(ws, audience, now)
    tr = Labels(options.language)
    keys = _section_keys(options, audience)
    steps = len(keys) + 3
    marks = _marks(content, options, tr)
    document = PlanDocument(
        target,
        page_size=_PAGE_SIZES[options.page_size],
        marks=marks,
        metadata=_metadata(content, tr, marks),
    )
    ctx = SectionContext(
        content=content,
        styles=make_styles(),
        tr=tr,
        width=document.frame_size(PORTRAIT)[0],
        landscape_size=document.frame_size(LANDSCAPE),
    )
    ctx.section = tr("Cover")
    front = cover.build(ctx, marks.audience, marks.version)
    by_key = {section.key: section for section in registry.SECTIONS}
    body: list[Flowable] = []
    for step, key in enumerate(keys, start=1):
        if key == registry.GLOSSARY:
            continue
        section = by_key[key]
        _report(progress, step, steps, tr(section.title))
        ctx.section = tr(section.title)
        body += [NextPageTemplate(LANDSCAPE if section.landscape else PORTRAIT), PageBreak()]
        body += section.build(ctx)
    findings = ws.jargon.scan(ctx.texts)
    if registry.GLOSSARY in keys:
        ctx.section = tr("Glossary")
        body += [NextPageTemplate(PORTRAIT), PageBreak()]
        body += glossary.build(ctx, terms_found(findings))
    story = [*front, PageBreak(), *contents.build(ctx, body), *body]
    return Composition(document, story, keys, findings)


def _check_options(options: ExportOptions) -> AudienceProfile:
    try:
        profile = AudienceProfile(options.profile)
    except ValueError:
        raise ValidationError(
            "profile", f"Unknown audience {options.profile!r}: use executive, coach or personal."
        ) from None
    if options.language not in LANGUAGES:
        raise ValidationError("language", f"Unknown language {options.language!r}.")
    if options.page_size not in PAGE_SIZES:
        raise ValidationError("page_size", "The page size must be A4 or Letter.")
    unknown = set(options.sections or ()) - set(SECTION_KEYS)
    if unknown:
        raise ValidationError(
            "sections", f"The plan has no section called {', '.join(sorted(unknown))}."
        )
    return profile


def _section_keys(options: ExportOptions, audience: Audience) -> tuple[str, ...]:
    wanted = SECTION_KEYS if options.sections is None else set(options.sections)
    return tuple(k for k in SECTION_KEYS if k in wanted and audience.allows_section(k))


def _marks(content: PlanContent, options: ExportOptions, tr: Labels) -> PageMarks:
    latest = content.previous_version
    if options.freeze_version:
        version = tr("Version {number}", number=(latest.number if latest else 0) + 1)
    else:
        version = tr("Draft (not saved as a version)")
    audience = content.audience
    return PageMarks(
        audience=tr(AUDIENCE_LABELS[audience.profile]),
        version=version,
        date=_date_label(content.today, tr),
        page_format=tr("Page {page} of {total}"),
        private=tr("PRIVATE: personal copy, do not forward") if audience.confidential else "",
    )


def _date_label(day: dt.date, tr: Labels) -> str:
    if tr.language.startswith("zh"):
        return f"{day.year}年{day.month}月{day.day}日"
    return day.strftime("%Y-%m-%d")


def _metadata(content: PlanContent, tr: Labels, marks: PageMarks) -> Metadata:
    """Title, author and subject only: nothing confidential goes in here."""
    profile = content.profile
    title = tr("Transition plan")
    if profile and profile.organisation:
        title = f"{title}: {profile.organisation}"
    return Metadata(title=title, author=profile.cio_name if profile else "", subject=marks.audience)


def _report(progress: Progress | None, step: int, steps: int, what: str) -> None:
    if progress is not None:
        progress(step, steps, what)
