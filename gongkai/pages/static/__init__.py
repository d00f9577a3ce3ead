"""Static files the pages need, shipped with the package so every engine publishes the same."""

from importlib import resources


def stylesheet() -> str:
    return resources.files(__name__).joinpath("gongkai.css").read_text(encoding="utf-8")
