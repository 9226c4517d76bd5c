"""Closed-loop load, shared by the benches: a number of clients (threads, each with
its own ``requests`` session and connection) each doing one thing again and
again, the next as soon as the last has answered, for a number of seconds."""

import math
import requests
import statistics
import threading
import time


def percentile(values, fraction):
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(fraction * len(ordered))) - 1]


def closed_loop(action, clients, seconds):
    """``clients`` threads calling ``action(session, client_number, turn)`` (True
    when the answer was the right one) for ``seconds``; all start together.

    Returns the answers that went well and those that did not, the median and
    95th percentile (ms) of the first, and how many went well per second."""
    times, errors = [], []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)
    deadline = []

    def client(number):
        session = requests.Session()
        session.headers["User-Agent"] = "coordaction-bench/1"
        start.wait()
        turn = 0
        while time.monotonic() < deadline[0]:
            began = time.perf_counter()
            try:
                ok = action(session, number, turn)
            except requests.RequestException:
                ok = False
            elapsed = (time.perf_counter() - began) * 1000
            turn += 1
            with lock:
                (times if ok else errors).append(elapsed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    deadline.append(began + seconds)
    start.wait()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    return {
        "requests": len(times),
        "errors": len(errors),
        "seconds": round(wall, 2),
        "per_second": round(len(times) / wall, 1),
        "median_ms": round(statistics.median(times), 1) if times else None,
        "p95_ms": round(percentile(times, 0.95), 1) if times else None,
    }
