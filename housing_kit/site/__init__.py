"""The website: topic pages rendered from the models, and the MkDocs hooks."""
