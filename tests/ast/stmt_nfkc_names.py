def ｆ(ｘ, *ａ, **ｋ):
    global ｇ
    return ｘ
class Ｃ: pass
import ｏｓ.ｐａｔｈ as ｐ
from ｏｓ import ｓｅｐ as ｓ
ｙ: int = 1
match ｙ:
    case Ｃ(ａｔｔｒ=ｚ) | [*ｒ] | {**ｑ} | ｗ.ｖ:
        pass
    case ｕ:
        pass
