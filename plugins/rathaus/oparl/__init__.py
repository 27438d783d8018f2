"""Import council data from an OParl 1.1 export into data/gremien.yml (no MkDocs, no network)."""
