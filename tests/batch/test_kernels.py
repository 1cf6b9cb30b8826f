import threading
import time

from campaignkit.batch.kernels import WarmKernel


def test_a_kernel_shut_down_by_two_threads_at_once_closes_each_client_once(monkeypatch):
    kernel = WarmKernel().start()
    closed, errors = [], []
    for client in (kernel.client, kernel.cell_client):
        real = client.stop_channels

        def slow_close(real=real, client=client):
            closed.append(client)
            time.sleep(0.3)  # long enough for the other thread to arrive meanwhile
            real()

        monkeypatch.setattr(client, "stop_channels", slow_close)
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    both = [threading.Thread(target=kernel.shutdown) for _ in range(2)]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join(30)
    assert len(closed) == 2 and set(map(id, closed)) == {id(kernel.client), id(kernel.cell_client)}
    assert errors == [] and not kernel.alive() and not kernel.folder.exists()
