# A tiny round-robin scheduler written in Python: tasks are coroutines, sleep is an awaitable, results
# flow back through StopIteration.value, errors propagate to the task's waiter.
class Sleep:
    def __init__(self, ticks): self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield 'sleep'

class Task:
    def __init__(self, name, coro):
        self.name = name
        self.coro = coro
        self.done = False
        self.result = None
        self.error = None
    def __await__(self):
        while not self.done:
            yield 'wait'
        if self.error is not None:
            raise self.error
        return self.result

class Loop:
    def __init__(self):
        self.tasks = []
        self.log = []
    def spawn(self, name, coro):
        t = Task(name, coro)
        self.tasks.append(t)
        return t
    def run(self):
        tick = 0
        while any(not t.done for t in self.tasks):
            for t in list(self.tasks):
                if t.done:
                    continue
                try:
                    t.coro.send(None)
                except StopIteration as e:
                    t.done = True
                    t.result = e.value
                    self.log.append((tick, t.name, 'result', e.value))
                except Exception as e:
                    t.done = True
                    t.error = e
                    self.log.append((tick, t.name, 'error', repr(e)))
            tick += 1
        return tick

loop = Loop()

async def worker(name, n):
    total = 0
    for i in range(n):
        await Sleep(1)
        total += i
        print(name, 'step', i)
    return total

async def failing():
    await Sleep(2)
    raise ValueError('worker failed')

async def supervisor():
    a = loop.spawn('a', worker('a', 3))
    b = loop.spawn('b', worker('b', 2))
    f = loop.spawn('f', failing())
    ra = await a
    rb = await b
    try:
        await f
    except ValueError as e:
        print('supervisor saw', e)
    return ra + rb

loop.spawn('main', supervisor())
ticks = loop.run()
print('ticks', ticks)
for entry in loop.log:
    print(entry)
