"""The spot check: fetch a published portal, check its manifest, its reporting and a random sample of its pages."""
