"""Chapter 9, `early_stop(errors, patience)`: (the epoch training stops after, the epoch whose weights are kept)."""

ANSWERS = [
    ("book", "pass", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, kept
    return len(errors), kept
'''),
    ("waiting counter", "pass", '''
def early_stop(errors, patience):
    best, kept, waited = errors[0], 1, 0
    for epoch in range(2, len(errors) + 1):
        if errors[epoch - 1] < best:
            best, kept, waited = errors[epoch - 1], epoch, 0
        else:
            waited += 1
            if waited == patience:
                return epoch, kept
    return len(errors), kept
'''),
    ("running minimum", "pass", '''
def early_stop(errors, patience):
    lows = np.minimum.accumulate(np.asarray(errors, dtype=float))
    firsts = [int(np.argmax(lows[: n + 1] == lows[n])) + 1 for n in range(len(errors))]
    for epoch in range(1, len(errors) + 1):
        if epoch - firsts[epoch - 1] >= patience:
            return epoch, firsts[epoch - 1]
    return len(errors), firsts[-1]
'''),
    ("counted from 0", "counted from 0", '''
def early_stop(errors, patience):
    best, kept = np.inf, -1
    for epoch, error in enumerate(errors):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, kept
    return len(errors) - 1, kept
'''),
    ("swapped", "swapped", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return kept, epoch
    return kept, len(errors)
'''),
    ("ties improve", "tie", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error <= best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, kept
    return len(errors), kept
'''),
    ("patience one late", "off by one", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept > patience:
            return epoch, kept
    return len(errors), kept
'''),
    ("global minimum", "after the stop", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, int(np.argmin(errors)) + 1
    return len(errors), int(np.argmin(errors)) + 1
'''),
    ("previous epoch", "epoch before it", '''
def early_stop(errors, patience):
    kept, rises = 1, 0
    for epoch in range(2, len(errors) + 1):
        if errors[epoch - 1] < errors[epoch - 2]:
            kept, rises = epoch, 0
        else:
            rises += 1
            if rises >= patience:
                return epoch, kept
    return len(errors), kept
'''),
    ("no stop returns None", "pair of ints", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, kept
'''),
    ("stop at best plus patience", "there are only", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            break
    return kept + patience, kept
'''),
    ("sorts the list", "changed its argument", '''
def early_stop(errors, patience):
    errors.sort()
    return len(errors), 1
'''),
    ("last epoch minus one when it never stops", "never stops", '''
def early_stop(errors, patience):
    best, kept = np.inf, 0
    for epoch, error in enumerate(errors, start=1):
        if error < best:
            best, kept = error, epoch
        elif epoch - kept >= patience:
            return epoch, kept
    return len(errors) - 1, kept
'''),
]
