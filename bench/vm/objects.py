# Classes, attribute access, method calls, dicts and strings.
class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
    def weight(self):
        return len(self.key) + self.value

def run(n):
    d = {}
    for i in range(n):
        k = "k" + str(i % 1000)
        node = d.get(k)
        if node is None:
            d[k] = Node(k, i)
        else:
            node.value += node.weight() % 3
    return sum([node.value for node in d.values()])
print(run(300000))
