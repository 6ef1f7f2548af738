"""coopgraph: documents about development cooperation in, a knowledge graph of who did what,
with whom, where and when out.
"""

from __future__ import annotations

__version__ = "0.1.0"
