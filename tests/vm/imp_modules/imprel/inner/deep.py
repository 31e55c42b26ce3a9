from ..one import ONE
from .. import one as top_one
from . import sibling
DEEP = "deep(" + ONE + "," + top_one.ONE + "," + sibling.SIB + ")"
