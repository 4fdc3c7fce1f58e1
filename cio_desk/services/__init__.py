"""Qt-free managers and every computed figure, reached through a Workspace."""
