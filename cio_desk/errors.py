"""Errors the user is meant to read: each carries a complete, plain sentence."""

from __future__ import annotations


class CioDeskError(Exception):
    """Base of every expected error; its message is shown to the user as is."""


class ValidationError(CioDeskError):
    """Input refused by a service; `field` names the form field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(CioDeskError):
    """The item asked for no longer exists (deleted elsewhere, or a stale id)."""


class WorkspaceError(CioDeskError):
    """The workspace file cannot be opened or written as asked."""


class NewerWorkspaceError(WorkspaceError):
    """The file was written by a newer CIO Desk; it is left untouched."""


class DamagedWorkspaceError(WorkspaceError):
    """The file is truncated, corrupted or not a CIO Desk workspace."""


class WorkspaceExistsError(WorkspaceError):
    """Refused to overwrite an existing workspace."""


class PassphraseRequiredError(WorkspaceError):
    """The workspace is encrypted (or damaged): its passphrase is needed to open it."""


class WrongPassphraseError(WorkspaceError):
    """The passphrase given does not open the workspace; the file is unchanged."""


class WorkspaceInUseError(WorkspaceError):
    """Another window or program has the workspace open for changes."""


class ReadOnlyWorkspaceError(WorkspaceError):
    """A change was refused: the workspace is open read-only, or its file cannot be written."""


class StorageFullError(WorkspaceError):
    """The disk is full: the last change was not saved, everything saved before is kept."""
