"""Plain-language answers: service results rendered for young people, with a reading-ease check."""

from .readability import flesch_reading_ease, word_count
from .render import KINDS, render
from .source_words import render_sources

__all__ = ["KINDS", "flesch_reading_ease", "render", "render_sources", "word_count"]
