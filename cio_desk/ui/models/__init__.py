"""Qt item models shared by pages: thin adapters over service rows."""
