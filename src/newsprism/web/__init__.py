"""Web: the app (``newsprism serve``): pages for stories, actors, articles and search, the REST
API under ``/api/``, and the background analyser of posted articles.

Public surface: ``create_app`` and ``TOKEN_ENV``.
"""

from newsprism.web.app import TOKEN_ENV, create_app

__all__ = ["TOKEN_ENV", "create_app"]
