"""Many writers opening a new store at the same moment: each gets a working store in WAL mode (SQLite turns
all but one journal-mode switch away at once, without its busy wait; rasd asks again)."""
import threading

from rasd.store.sqlite import connect_sqlite


def test_writers_opening_a_new_store_at_once_all_get_it(tmp_path):
    for round_ in range(5):
        path = str(tmp_path / f"new-{round_}.sqlite")
        start = threading.Barrier(6)
        errors, stores = [], []

        def open_it():
            start.wait()
            try:
                stores.append(connect_sqlite(path))
            except Exception as error:  # noqa: BLE001 - collected for the assertion
                errors.append(error)

        threads = [threading.Thread(target=open_it) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        try:
            assert not errors, errors
            assert all(s.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal" for s in stores)
        finally:
            for s in stores:
                s.close()
