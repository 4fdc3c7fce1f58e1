"""CIO Desk: an offline desk for a newly appointed CIO's first months."""

__version__ = "0.1.0"
APP_NAME = "CIO Desk"
