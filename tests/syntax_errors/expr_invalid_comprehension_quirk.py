b { c ( d e ) }
