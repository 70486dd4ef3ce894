"""Stand-in for the xlwings that xlwings Lite provides inside Excel (not installable in a bare Pyodide): the two
decorators main.py uses (no-ops here, as in xlwings on Linux) and the Book type of the script hints."""


def func(f=None, **_):
    return f if f is not None else (lambda g: g)


def script(f=None, **_):
    return f if f is not None else (lambda g: g)


class Book:
    pass
