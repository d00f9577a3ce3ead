"""The yearly cycle's tools: new year, results skeleton, diff, and the YAML round-trip writer."""
