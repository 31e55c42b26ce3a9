SIB = "sib"
