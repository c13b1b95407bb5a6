"""The demo's embedded SQLite database never answers "database is locked" (issue 28).

`make run` serves SQLite with Django's threaded development server: the menu's count request and a
save run at the same moment, each on its own connection. The run happens in a process of its own
(tests/inburgering/hulp/sqlite_gelijktijdig.py) on a fresh SQLite file, whatever database the suite
itself uses.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_concurrent_saves_beside_the_menu_count_never_fail_on_a_sqlite_file(tmp_path):
    omgeving = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DEBUG": "true",
        "TWEE_FACTOR_VERPLICHT": "false",
        "EMAIL_URL": "dummymail://",
        "DJANGO_READ_DOT_ENV": "false",
    }
    # No broker: its tasks run in-process, and none reaches the Redis the suite's real-worker tests use.
    for naam in ("DJANGO_SETTINGS_MODULE", "CELERY_BROKER_URL"):
        omgeving.pop(naam, None)
    uitvoer = subprocess.run(
        [sys.executable, "-m", "tests.inburgering.hulp.sqlite_gelijktijdig"],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stderr[-3000:]
    statussen = dict(regel.rsplit(" ", 1) for regel in uitvoer.stdout.splitlines() if regel[:5] in ("save ", "telli"))
    # Every save redirects back to the dossier, every count answers: no 500, none lost.
    assert statussen == {"save 302": "40", "telling 200": "40"}, uitvoer.stderr[-3000:]
    assert "database is locked" not in uitvoer.stderr
