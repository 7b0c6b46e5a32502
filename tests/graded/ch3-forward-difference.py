"""Chapter 3, `forward_difference_gradient(E, params, step)`: −∂E/∂θ by one-sided differences."""

ANSWERS = [
    ("book", "pass", '''
def forward_difference_gradient(E, params, step=1e-5):
    base = E()
    gradients = []
    for array in params:
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + step
            gradient[index] = -(E() - base) / step
            array[index] = old
        gradients.append(gradient)
    return gradients
'''),
    ("flat iterators, a tuple, += then -=", "pass", '''
def forward_difference_gradient(E, params, step=1e-5):
    result = []
    for p in params:
        g = np.empty(p.size)
        for i in range(p.size):
            before = E()
            p.flat[i] += step
            g[i] = (before - E()) / step
            p.flat[i] -= step
        result.append(g.reshape(p.shape))
    return tuple(result)
'''),
    ("nudges a flattened copy", "every gradient is 0", '''
def forward_difference_gradient(E, params, step=1e-5):
    result = []
    for p in params:
        flat, g = p.ravel(), np.empty(p.size)
        for i in range(p.size):
            before = E()
            flat[i] += step
            g[i] = (before - E()) / step
            flat[i] -= step
        result.append(g.reshape(p.shape))
    return result
'''),
    ("copies of each array, restored in finally", "pass", '''
def forward_difference_gradient(E, params, step=1e-5):
    e0 = E()
    grads = []
    for p in params:
        saved = p.copy()
        g = np.empty_like(p)
        try:
            for idx in np.ndindex(*p.shape):
                p[idx] = saved[idx] + step
                g[idx] = (e0 - E()) / step
                p[idx] = saved[idx]
        finally:
            p[...] = saved
        grads.append(g)
    return grads
'''),
    ("wrong sign", "wrong sign", '''
def forward_difference_gradient(E, params, step=1e-5):
    base, gradients = E(), []
    for array in params:
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + step
            gradient[index] = (E() - base) / step
            array[index] = old
        gradients.append(gradient)
    return gradients
'''),
    ("central difference", "that is the central difference", '''
def forward_difference_gradient(E, params, step=1e-5):
    return numerical_gradient(E, list(params), step)
'''),
    ("rows, not entries", "not a whole row", '''
def forward_difference_gradient(E, params, step=1e-5):
    base, gradients = E(), []
    for array in params:
        gradient = np.zeros_like(array)
        for i in range(len(array)):
            old = array[i].copy()
            array[i] = old + step
            gradient[i] = -(E() - base) / step
            array[i] = old
        gradients.append(gradient)
    return gradients
'''),
    ("list started inside the loop", "one per array", '''
def forward_difference_gradient(E, params, step=1e-5):
    base = E()
    for array in params:
        gradients = []
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + step
            gradient[index] = -(E() - base) / step
            array[index] = old
        gradients.append(gradient)
    return gradients
'''),
    ("never restored", "put every entry back", '''
def forward_difference_gradient(E, params, step=1e-5):
    gradients = []
    for array in params:
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            base = E()
            array[index] += step
            gradient[index] = -(E() - base) / step
        gradients.append(gradient)
    return gradients
'''),
    ("not divided by the step", "not divided by the step", '''
def forward_difference_gradient(E, params, step=1e-5):
    base, gradients = E(), []
    for array in params:
        gradient = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + step
            gradient[index] = -(E() - base)
            array[index] = old
        gradients.append(gradient)
    return gradients
'''),
    ("hard-coded", "wrong values", '''
def forward_difference_gradient(E, params, step=1e-5):
    return [np.array([-0.7801, -2.9701, -12.0601])]
'''),
    ("nudges copies placed in the list", "every gradient is 0", '''
def forward_difference_gradient(E, params, step=1e-5):
    base, gradients = E(), []
    for k, p in enumerate(params):
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            q = p.copy()
            q[i] += step
            params[k] = q
            g[i] = -(E() - base) / step
        params[k] = p
        gradients.append(g)
    return gradients
'''),
]
