"""News („Aktuelles“): posts, yearly archives and an Atom feed (``rathaus/aktuelles``)."""
