"""Figures drawn as accessible inline SVG on topic pages: one module per figure kind.

Which function draws which kind is named in the figure-kind registry
(housing_kit/figure_kinds.py, ``FigureKind.svg``); draw.py holds what they share.
"""
