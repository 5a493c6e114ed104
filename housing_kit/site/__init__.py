"""The website: topic pages rendered from the models, and the MkDocs plugin that builds them."""
