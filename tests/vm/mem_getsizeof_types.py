import sys
g=sys.getsizeof
print('ints',[g(x) for x in (0,1,-1,True,False,2**30-1,2**30,2**60,2**90, -2**100)])
print('float',g(1.5),'complex',g(1j),'None',g(None),'obj',g(object()))
print('str',[g(s) for s in ('','a','ab','é','éé','\u20ac','\U0001F600','a'*100)], ''.__sizeof__(), 'é'.__sizeof__())
print('bytes',g(b''),g(b'abc'),'ba',g(bytearray()),g(bytearray(b'abc')),g(bytearray(b'a'*100)))
print('tuple',g(()),g((1,)),g((1,2,3)),().__sizeof__())
l=[];r=[]
for i in range(80): r.append(g(l)); l.append(i)
print('list',r)
print('listlit',g([]),g([1]),g([1,2,3]),g(list(range(10))),g([0]*10),g([x for x in range(10)]),[].__sizeof__())
d={};r=[]
for i in range(50): r.append(g(d)); d[str(i)]=i
print('dictstr',r)
d={};r=[]
for i in range(50): r.append(g(d)); d[i]=i
print('dictint',r)
print('dictlit',g({}),g({'a':1}),g({1:1}),g({'a':1,'b':2,'c':3,'d':4,'e':5,'f':6}), g(dict(a=1)), g({i:i for i in range(10)}), {}.__sizeof__())
s=set();r=[]
for i in range(50): r.append(g(s)); s.add(i)
print('set',r, g(frozenset()), g(frozenset(range(10))), g(set(range(10))), g({1,2,3}))
class A: pass
class B: __slots__=('x','y','z')
class C: __slots__=()
class D(B): __slots__=('w',)
class E(int): pass
class F(list): pass
print('inst',g(A()),g(B()),g(C()),g(D()),g(E()),g(E(2**40)),g(F()), A().__sizeof__(), B().__sizeof__())
def f(): pass
print('func',g(f),g(len),g(range(10)),g(slice(1,2)),g(iter([])),g(int))
class S(str): pass
class SS(str): __slots__=()
class Bb(bytes): pass
class T(tuple): pass
class Fl(float): pass
class Dd(dict): pass
class St(set): pass
class BA(bytearray): pass
class O: __slots__=('a',)
class Ex(Exception): pass
print(g(S('ab')), g(S('é')), g(SS('ab')), S('ab').__sizeof__(), g(Bb(b'ab')), g(T((1,2))), g(Fl(1.0)), g(Dd()), g(St()), g(BA(b'ab')), g(O()), g(Ex()), g(Exception()))

# __sizeof__ as a method, and user overrides (getsizeof adds the GC header for instances of classes).
print([].__sizeof__(), ().__sizeof__(), {}.__sizeof__(), set().__sizeof__(), (5).__sizeof__(), 'ab'.__sizeof__(),
      b'ab'.__sizeof__(), object().__sizeof__(), 1.5.__sizeof__())
class N:
    def __sizeof__(self): return -1
class Fl:
    def __sizeof__(self): return 1.5
class Big:
    def __sizeof__(self): return 2**70
class R:
    def __sizeof__(self): raise TypeError('no size')
class V:
    def __sizeof__(self): raise ValueError('bad size')
class Ok:
    def __sizeof__(self): return 10
class Sub(list):
    def __sizeof__(self): return super().__sizeof__() + 1000
for c in (N, Fl, Big, R, V):
    try:
        print(sys.getsizeof(c()))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(sys.getsizeof(c(), 'dflt'))
    except Exception as e:
        print(type(e).__name__, e)
print(sys.getsizeof(Ok()), sys.getsizeof(Ok(), 5), sys.getsizeof(Sub()), sys.getsizeof(Sub([1, 2])))
for args in ((), (1, 2, 3)):
    try:
        sys.getsizeof(*args)
    except TypeError as e:
        print(e)
print(sys.getsizeof(object=1, default=3), sys.getsizeof(1, default=None))
try:
    [].__sizeof__(1)
except TypeError as e:
    print(e)
