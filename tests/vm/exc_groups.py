# ExceptionGroup / BaseExceptionGroup: construction rules, split, subgroup, derive, nesting, str/repr
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2), ValueError(3)])
print(type(eg).__name__, eg.message, eg.exceptions, str(eg), repr(eg))
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), ExceptionGroup.__mro__)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.split(lambda e: not isinstance(e, ExceptionGroup) and e.args[0] > 1)))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("b", [ValueError()])
print(type(beg2).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError", e)
try:
    ExceptionGroup("x", [1])
except ValueError as e:
    print("ValueError", e)
try:
    ExceptionGroup(1, [ValueError()])
except TypeError as e:
    print("TypeError", e)
try:
    ExceptionGroup("x", ValueError())
except TypeError as e:
    print("TypeError", e)
d = eg.derive([KeyError("k")])
print(repr(d), d.__cause__, d.__context__)
eg.add_note("n")
eg.__cause__ = KeyError("cause")
m, r = eg.split(TypeError)
print(m.__notes__, repr(m.__cause__), r.__notes__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
meg = MyEG("mine", [ValueError(1), TypeError(2)])
m, r = meg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
print(eg.split(Exception)[1], eg.split(BaseException)[0] is eg)
print(ExceptionGroup("m", (ValueError(),)).exceptions)
