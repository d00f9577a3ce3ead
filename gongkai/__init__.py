"""Gongkai: publish Taiwanese agencies' service-quality plans and results as a bilingual portal.

The package is engine-neutral: it loads and validates the YAML data, numbers and renders the
pages, and hands them to whatever static-site engine builds the site.
"""
