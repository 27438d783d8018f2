"""The ``rathaus/pruefung`` plugin: every check before anything is written, and progress."""
