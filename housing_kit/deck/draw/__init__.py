"""A planned deck drawn with python-pptx, deciding nothing.

slides.py draws each slide of a ``plan.specs.DeckSpec`` into the template's
layouts (template.py), figures.py draws tables, charts and shapes, text.py
writes measured paragraphs exactly as planned, ooxml.py holds the XML edits
python-pptx has no API for, document.py sets the package's properties and
reproducible.py writes the same bytes for the same inputs.
"""
