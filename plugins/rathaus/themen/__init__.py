"""The index of topics and services from A to Z (``rathaus/themen``)."""
