"""Start upstream's compliance monitor (its own `__main__`: static config, schema, bootstrap
accounts, signal handler) from its directory, bound to 127.0.0.1:$PORT instead of the
0.0.0.0:8080 written in its code.

usage: cd compliance-monitor && PORT=… SCM_DB_… python3 run-monitor.py"""
import os
import runpy
import sys

import uvicorn

sys.path.insert(0, os.getcwd())
_run = uvicorn.run


def run(app, **kwargs):
    kwargs.update(host='127.0.0.1', port=int(os.environ['PORT']))
    _run(app, **kwargs)


uvicorn.run = run
runpy.run_path('monitor.py', run_name='__main__')
