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
from .commitments import CommitmentBreachList
from .debt_evasion import DebtEvasionList
from .enforcement import EnforcementList
from .environment import EnvironmentalList
from .major_tax_violation import MajorTaxViolationList
from .overseas_equity import OverseasEquityList
from .regulatory_measures import RegulatoryMeasureList
from .safety_hazards import SafetyHazardList
from .social_insurance import SocialInsuranceArrearsList
from .spot_checks import SpotCheckList
from .tax_arrears import TaxArrearsList

EXTRACTORS = [
    DishonestList, SeriousDishonestList, AbnormalOperationsList, AbnormalTaxpayerList, RedList,
    PenaltyList, HonourList, DonationList, VolunteerList, KeyPersonnelList, RegistryList,
    DebtEvasionList, OverseasEquityList, SocialInsuranceArrearsList, TaxArrearsList, MajorTaxViolationList,
    SpotCheckList, SafetyHazardList, EnvironmentalList, EnforcementList, CommitmentBreachList,
    RegulatoryMeasureList,
]

for _cls in EXTRACTORS:
    register(_cls())
