"""The accessibility statement plugin: the Erklärung zur Barrierefreiheit from data/."""
