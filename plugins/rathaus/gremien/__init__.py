"""The ``rathaus/gremien`` plugin: council bodies with meetings and papers."""
