from . import one
from .one import ONE
from .inner import deep
INIT = "init sees " + ONE + " and " + deep.DEEP
