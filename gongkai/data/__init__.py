"""The data: model, loading and checking the YAML, settings, glossary, and the facts derived from them."""
