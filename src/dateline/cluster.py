"""Parsing on a Dask cluster: batches of articles out to workers, their facts back, a few in flight."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from dateline.errors import error
from dateline.records import Article, ArticleFacts
from dateline.settings import Settings

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: keeps workers busy, memory flat
CONNECT_TIMEOUT_S = 10


def _client(address: str, workers: int):
    """A Dask client: a new cluster on 127.0.0.1 for "local", else the scheduler at `address`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise error("E016") from None
    try:
        if address == "local":
            # Loopback only, no dashboard: nothing is reachable from other machines.
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
            return Client(cluster)
        return Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise error("E015", address=address, reason=str(exc) or type(exc).__name__) from None


def parse_on_cluster(articles: Iterable[Article], settings: Settings,
                     parse_batch: Callable[[list[Article], Settings], list[ArticleFacts]]
                     ) -> Iterator[ArticleFacts]:
    """Facts of every article, parsed by `parse_batch` on the cluster `settings.cluster` names.

    Batches come back in the order they finish, not the order they were read; the store
    keys articles by content hash, so order does not matter and a rerun stores nothing twice.
    """
    client = _client(settings.cluster, settings.processes)  # E016 when Dask is not installed
    from distributed import as_completed

    worker_settings = settings.with_(processes=1, cluster="")
    stream = iter(articles)
    batches = iter(lambda: list(islice(stream, settings.batch_size)), [])
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = as_completed([client.submit(parse_batch, batch, worker_settings, pure=False)
                                for batch in islice(batches, workers * IN_FLIGHT_PER_WORKER)])
        for future in pending:
            yield from future.result()
            future.release()
            for batch in islice(batches, 1):
                pending.add(client.submit(parse_batch, batch, worker_settings, pure=False))
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and settings.cluster == "local":
            cluster.close()
