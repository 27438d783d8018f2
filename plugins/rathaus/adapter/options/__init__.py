"""Every feature's options as MkDocs config classes: one block each in the plugin ``rathaus``."""
