"""The MkDocs theme ``rathaus``: Material for MkDocs with Rathaus's templates, CSS and JS.

MkDocs finds it through the ``mkdocs.themes`` entry point; this folder is the theme
folder (``mkdocs_theme.yml`` says it extends ``material``). A town's ``custom_dir`` still
overrides any template, partial or fragment.
"""
