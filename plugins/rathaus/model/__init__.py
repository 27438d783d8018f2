"""The core: data model, strict loading and checks. Plain Python, no MkDocs imports."""

from .findings import DataError, Finding, Level
from .site import Site, Source, load_site, sort_key
from .slugs import slugify

__all__ = ["DataError", "Finding", "Level", "Site", "Source", "load_site", "slugify", "sort_key"]
