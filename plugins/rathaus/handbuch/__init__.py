"""The ``rathaus/handbuch`` plugin: the field reference of the editor handbook, from the model."""
