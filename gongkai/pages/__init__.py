"""Pages: one renderer per language, and one module per page kind with its sections."""
