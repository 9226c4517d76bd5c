"""Import and export of project sheets and resources (CSV, JSON)."""
