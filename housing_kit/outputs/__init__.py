"""What the site offers for download and the CLI writes: decks on disk, kept
current, and their PDF copies. Used by both the site and the command line,
so neither reaches into the other (or into the deck's internals).
"""
