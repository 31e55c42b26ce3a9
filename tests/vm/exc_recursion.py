# RecursionError: plain recursion, through __repr__, __eq__, __getattr__, properties; recovery afterwards; [...]
import sys
print(sys.getrecursionlimit())
def down(n): return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", str(e)[:32])
class E:
    def __eq__(self, o): return self == o
try:
    E() == E()
except RecursionError as e:
    print("RecursionError", str(e)[:32])
class G:
    def __getattr__(self, n): return getattr(self, n)
try:
    G().x
except RecursionError as e:
    print("RecursionError", str(e)[:32])
class P:
    @property
    def p(self): return self.p
try:
    P().p
except RecursionError as e:
    print("RecursionError", str(e)[:32])
class I:
    def __init__(self): I()
try:
    I()
except RecursionError as e:
    print("RecursionError", str(e)[:32])
print(down.__name__, "still works", sum(range(10)))
l = [1]
l.append(l)
print(l, repr(l))
d = {"a": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
nested = [[[]]]
nested[0][0].append(nested)
print(nested)
sys.setrecursionlimit(50)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
print(count(0) < 50)
sys.setrecursionlimit(1000)
def deep(n): return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
