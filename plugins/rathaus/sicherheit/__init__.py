"""The ``rathaus/sicherheit`` plugin: a Content-Security-Policy the built pages satisfy."""
