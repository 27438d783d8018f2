"""The ``rathaus/navigation`` MkDocs plugin: the primary navigation at the cost of a pruned one."""
