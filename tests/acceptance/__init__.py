"""Browser acceptance journeys: people walking through the portal's pages."""
