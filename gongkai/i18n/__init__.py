"""Languages: the interface catalogue, and formatting text, dates, numbering and quantities for a language."""
