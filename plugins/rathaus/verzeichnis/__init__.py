"""The directory plugin: pages for units, people, locations and opening hours from data/."""
