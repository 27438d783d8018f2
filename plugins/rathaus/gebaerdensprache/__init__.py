"""The ``rathaus/gebaerdensprache`` plugin: sign-language videos, their page, BITV § 4."""
