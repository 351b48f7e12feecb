"""Make upstream's monitor.py run on FastAPI < 0.95 (Debian 12 has 0.92), which lacks
`Annotated[T, Depends(f)]` parameters: each becomes `name: T = Depends(f)`, the older
spelling of the same dependency, and parameters without a default move first, as Python
requires. Nothing else of the monitor changes.

usage: fastapi-compat.py monitor.py"""
import re
import sys

path = sys.argv[1]
src = open(path).read()
ANNOTATED = re.compile(r'(\w+): Annotated\[(.+?), (Depends\(\w+\))\]')


def fix_signature(m):
    head, params, tail = m.group(1), m.group(2), m.group(3)
    parts = [p.strip() for p in params.split('\n') if p.strip()]
    if not any('Annotated[' in p for p in parts):
        return m.group(0)
    parts = [ANNOTATED.sub(r'\1: \2 = \3', p) for p in parts]
    parts = [p if p.endswith(',') else p + ',' for p in parts]
    plain = [p for p in parts if '=' not in p]
    rest = [p for p in parts if '=' in p]
    return head + '\n' + ''.join('    ' + p + '\n' for p in plain + rest) + tail


src = re.sub(r'((?:async )?def \w+\()\n((?:    .*\n)+?)(\)(?: -> .*)?:)', fix_signature, src)
src = ANNOTATED.sub(r'\1: \2 = \3', src)
if 'Annotated[' in src:
    sys.exit(f'{path}: an Annotated parameter this rewrite does not know')
open(path, 'w').write(src)
