"""Publishing a built site: the atomic folder swap, the review copy, the CI report."""
