"""The ``rathaus/termine`` plugin: events pages, schema.org Event and iCalendar files."""
