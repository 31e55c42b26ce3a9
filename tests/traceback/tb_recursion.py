# RecursionError: the repeated lines collapse into "[Previous line repeated N more times]".
def down(n):
    return down(n + 1) + 1

class Node:
    def walk(self):
        return self.walk()

try:
    Node().walk()
except RecursionError as e:
    print("caught", type(e).__name__)

down(0)
