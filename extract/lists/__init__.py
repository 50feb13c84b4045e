"""One extractor per published-list kind, each a small module plus a metadata file.

Adding a list format: write ``<name>.py`` with a ``ListExtractor`` subclass and
``<name>.toml`` with its column aliases, import it here, add one fixture test.
"""

from ..registry import register
from .dishonest import DishonestList

EXTRACTORS = [DishonestList]

for _cls in EXTRACTORS:
    register(_cls())
