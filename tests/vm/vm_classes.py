class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    @property
    def swapped(self):
        return Point(self.y, self.x)
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def make(cls, v):
        return cls(v, v)
p = Point(1, 2) + Point(3, 4)
print(p, p.norm2(), p.swapped, Point.origin(), Point.make(7), Point.count, p == Point(4, 6), p != p)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def speak(self):
        return super().speak() + "!"
d = Dog("rex", ["sit"])
print(d.speak(), isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__, d.tricks)
print(Dog.__mro__, Dog.__bases__, Animal.__name__)
class Stack:
    def __init__(self):
        self._items = []
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __iter__(self):
        return iter(self._items)
    def __contains__(self, v):
        return v in self._items
    def push(self, v):
        self._items.append(v)
        return self
s = Stack().push(1).push(2).push(3)
print(len(s), s[0], s[-1], list(s), 2 in s, 9 in s, bool(Stack()), [x * 2 for x in s])
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Counter(4)))
print(hasattr(d, "name"), hasattr(d, "nope"), getattr(d, "nope", "default"))
setattr(d, "age", 3)
print(d.age, type(d) is Dog, Dog, type(3), type("s"), type(None), type(type))
class Meta:
    def __getattr__(self, name):
        return name.upper()
print(Meta().hello)
class WithCall:
    def __call__(self, a):
        return a * 2
    def __bool__(self):
        return False
    def __len__(self):
        return 3
print(WithCall()(21), bool(WithCall()), len(WithCall()))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
t = Temp(); t.c = 5; print(t.c)
class Vec:
    def __init__(self, *a): self.a = a
    def __mul__(self, k): return Vec(*[x * k for x in self.a])
    def __rmul__(self, k): return self * k
    def __neg__(self): return Vec(*[-x for x in self.a])
    def __str__(self): return "Vec" + str(self.a)
print(Vec(1, 2) * 3, 2 * Vec(1, 2), -Vec(3, 4), str(Vec()))
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    d.missing
except AttributeError as e:
    print(e)
