"""Tooling for tests, benchmarks and `gongkai a11y`: loopback serving, PNG files, the axe runner. The site engine never imports it."""
