"""One extractor per published-list kind, each a small module plus a metadata file.

Adding a list format: write ``<name>.py`` with a ``ListExtractor`` subclass and
``<name>.toml`` with its column aliases, import it here, add one fixture test.
"""

from ..registry import register
from .abnormal_operations import AbnormalOperationsList
from .abnormal_taxpayers import AbnormalTaxpayerList
from .dishonest import DishonestList
from .donations import DonationList
from .honours import HonourList
from .key_personnel import KeyPersonnelList
from .penalties import PenaltyList
from .red_list import RedList
from .registry import RegistryList
from .serious_dishonest import SeriousDishonestList
from .volunteer import VolunteerList

EXTRACTORS = [
    DishonestList, SeriousDishonestList, AbnormalOperationsList, AbnormalTaxpayerList, RedList,
    PenaltyList, HonourList, DonationList, VolunteerList, KeyPersonnelList, RegistryList,
]

for _cls in EXTRACTORS:
    register(_cls())
