"""Chapter 10, `node_exp(a)`: the exponential as an operation of the reverse-mode engine (value e^a, parents (a,),
a backward rule that adds e^a × out.grad to a.grad)."""

ANSWERS = [
    ("book", "pass", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("recomputes the exponential, adds without +=", "pass", '''
def node_exp(a):
    result = Node(np.exp(a.value), parents=(a,), op="exp")

    def rule():
        a.grad = a.grad + np.exp(a.value) * result.grad

    result._backward = rule
    return result
'''),
    ("a lambda with np.add in place", "pass", '''
def node_exp(a):
    e = np.exp(a.value)
    out = Node(e, (a,))
    out._backward = lambda: np.add(a.grad, e * out.grad, out=a.grad)
    return out
'''),
    ("wrong sign", "wrong sign", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad -= out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("overwrites a.grad", "overwrites a.grad", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad = out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("the input instead of the output", "uses the input a", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += a.value * out.grad

    out._backward = _backward
    return out
'''),
    ("forgets the upstream derivative", "forgets the derivative arriving from above", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += out.value

    out._backward = _backward
    return out
'''),
    ("exp of the output", "power of the output", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += np.exp(out.value) * out.grad

    out._backward = _backward
    return out
'''),
    ("derivative 1", "as if the derivative of e^a were 1", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += out.grad

    out._backward = _backward
    return out
'''),
    ("no parents", "parents must include a", '''
def node_exp(a):
    out = Node(np.exp(a.value))

    def _backward():
        a.grad += out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("rule never attached", "no backward rule", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += out.value * out.grad

    return out
'''),
    ("adds to out.grad", "a.grad stays 0", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        out.grad += out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("counts the local derivative twice", "should add e^a × out.grad", '''
def node_exp(a):
    out = Node(np.exp(a.value), (a,), "exp")

    def _backward():
        a.grad += 2 * out.value * out.grad

    out._backward = _backward
    return out
'''),
    ("returns the array", "should return a Node", '''
def node_exp(a):
    return np.exp(a.value)
'''),
    ("exponentiates a in place", "changed its argument `a`", '''
def node_exp(a):
    out = Node(np.exp(a.value, out=a.value), (a,), "exp")

    def _backward():
        a.grad += out.value * out.grad

    out._backward = _backward
    return out
'''),
]
