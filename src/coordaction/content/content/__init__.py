"""The content types of the portal: one module a type."""
