"""Rathaus: accessible static sites for German municipalities."""
