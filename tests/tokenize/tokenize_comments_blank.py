#!/usr/bin/env python3
# A comment


    # indented comment
x = 1  # trailing comment
	# tab-indented comment

def f():
    # comment before body
    pass
        # over-indented comment
    # back
  # under-indented comment (no dedent for comments)
    return 1 #no space
#
