BOM = "with a byte order mark"
