"""The deck planned as plain data, without python-pptx.

The running order (outline.py), covers, text fitting (fit.py, with glyph
widths from metrics.py), and the layout of figures (figures.py, with
tables.py, shapes.py and charts.py) produce a ``specs.DeckSpec``: every slide
with its text measured and every shape's box in points (geometry.py), in
the look set by theme.py. draw/ turns that into a .pptx and decides nothing.
"""
