"""Kaa's first example: every stage of the front end can look at this file."""


def greet(name: str, *, excited: bool = False) -> str:
    message = f"Hello, {name}{'!' if excited else '.'}"
    return message


if __name__ == "__main__":
    print(greet("Kaa", excited=True))
