"""How dates, times, sizes and closed vocabularies read on screen.

Formats follow the current QLocale; patterns and labels are translatable.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from cio_desk.store.enums import MeetingSetting, MeetingStatus


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def short_date(value: dt.date) -> str:
    """A weekday and a day, e.g. "Tue 17 Mar"."""
    pattern = QCoreApplication.translate("Formatting", "ddd d MMM")
    return QLocale().toString(_qdate(value), pattern)


def long_date(value: dt.date) -> str:
    """A full date, e.g. "Tuesday 17 March 2026"."""
    pattern = QCoreApplication.translate("Formatting", "dddd d MMMM yyyy")
    return QLocale().toString(_qdate(value), pattern)


def clock_time(value: dt.datetime | dt.time, *, seconds: bool = False) -> str:
    """A time of day in the locale's short format, e.g. "09:30" (or "09:30:05")."""
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(value.hour, value.minute, value.second), pattern)


def time_range(start: dt.datetime, end: dt.datetime) -> str:
    return QCoreApplication.translate("Formatting", "{start}–{end}").format(
        start=clock_time(start), end=clock_time(end)
    )


def date_time(value: dt.datetime, *, seconds: bool = False) -> str:
    """A date and time, e.g. "Tue 17 Mar 2026, 09:30"."""
    pattern = QCoreApplication.translate("Formatting", "ddd d MMM yyyy")
    date = QLocale().toString(_qdate(value.date()), pattern)
    return QCoreApplication.translate("Formatting", "{date}, {time}").format(
        date=date, time=clock_time(value, seconds=seconds)
    )


def file_size(size_bytes: int) -> str:
    return QLocale().formattedDataSize(size_bytes)


def days_ago(days: int) -> str:
    if days <= 0:
        return QCoreApplication.translate("Formatting", "today")
    if days == 1:
        return QCoreApplication.translate("Formatting", "yesterday")
    return QCoreApplication.translate("Formatting", "{n} days ago").format(n=days)


def setting_label(setting: MeetingSetting) -> str:
    """How a meeting's setting reads in lists."""
    labels = {
        MeetingSetting.OFFICE: QCoreApplication.translate("Formatting", "Office"),
        MeetingSetting.COFFEE: QCoreApplication.translate("Formatting", "Coffee"),
        MeetingSetting.LUNCH: QCoreApplication.translate("Formatting", "Lunch"),
        MeetingSetting.DINNER: QCoreApplication.translate("Formatting", "Dinner"),
        MeetingSetting.TRAVEL: QCoreApplication.translate("Formatting", "Travelling together"),
        MeetingSetting.VIDEO: QCoreApplication.translate("Formatting", "Video call"),
        MeetingSetting.SITE_VISIT: QCoreApplication.translate("Formatting", "Site visit"),
    }
    return labels.get(setting, str(setting))


def status_label(status: MeetingStatus) -> str:
    """How a meeting's status reads in lists."""
    labels = {
        MeetingStatus.PLANNED: QCoreApplication.translate("Formatting", "Planned"),
        MeetingStatus.HELD: QCoreApplication.translate("Formatting", "Held"),
        MeetingStatus.CANCELLED: QCoreApplication.translate("Formatting", "Cancelled"),
        MeetingStatus.NO_SHOW: QCoreApplication.translate("Formatting", "No-show"),
    }
    return labels.get(status, str(status))


def backup_reason_label(reason: str) -> str:
    """Why a backup was taken, in words; unknown reasons are shown as stored."""
    labels = {
        "open": QCoreApplication.translate("Formatting", "On opening"),
        "close": QCoreApplication.translate("Formatting", "On closing"),
        "manual": QCoreApplication.translate("Formatting", "Backed up by you"),
        "pre-upgrade": QCoreApplication.translate("Formatting", "Before an upgrade"),
        "pre-restore": QCoreApplication.translate("Formatting", "Before a restore"),
    }
    return labels.get(reason, reason)
