"""Housing-led knowledge kit: topic files in, a bilingual site and decks out."""

__version__ = "0.1.0"
